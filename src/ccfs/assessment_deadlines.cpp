#include "ccfs/assessment_deadlines.h"

namespace bsap::ccfs {

// The limits are calendar days and months (limits.yaml), so no holiday calendar is needed; a
// ruleset that stated them in working days would make TimeLimit::last_day throw, a fault of the
// data that its tests would show.
CivilDate information_reply_due(CivilDate requested_on, const rules::Ruleset& ruleset) {
  return ruleset.time_limits.information_request_response.last_day(requested_on);
}

bool information_request_lapsed(CivilDate requested_on, CivilDate today,
                                const rules::Ruleset& ruleset) {
  return today > information_reply_due(requested_on, ruleset);
}

CivilDate assessment_target(CivilDate closes_on, const rules::Ruleset& ruleset) {
  return ruleset.time_limits.processing_time.last_day(closes_on);
}

AssessmentAge assessment_age(CivilDate closes_on, CivilDate today, bool decided,
                             const rules::Ruleset& ruleset) {
  const CivilDate target = assessment_target(closes_on, ruleset);
  return {days_between(closes_on, today), days_between(today, target), !decided && today > target};
}

}  // namespace bsap::ccfs
