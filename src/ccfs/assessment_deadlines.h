// The assessment's dates, each from the ruleset's time limits (limits.yaml): the 14 calendar days
// to answer a request for information (§2.6.4) and the six-month target after a round's closing
// date (§2.6.1). Pure.
#pragma once
#include <cstdint>

#include "core/civil_date.h"
#include "rules/ruleset.h"

namespace bsap::ccfs {

// The last day on which a reply to a request made on `requested_on` is still in time: the 14th
// calendar day after it. A request made on 1 March may be answered up to and on 15 March.
CivilDate information_reply_due(CivilDate requested_on, const rules::Ruleset& ruleset);

// Whether, on `today`, a request made on `requested_on` and still unanswered has lapsed and the
// application is deemed withdrawn: from the day after information_reply_due.
bool information_request_lapsed(CivilDate requested_on, CivilDate today,
                                const rules::Ruleset& ruleset);

// The day by which the scheme aims to finish assessing a round's applications (§2.6.1): six
// months after the closing date. A target, not a rule that refuses anything.
CivilDate assessment_target(CivilDate closes_on, const rules::Ruleset& ruleset);

// An application's age against that target, for the secretariat's dashboard.
struct AssessmentAge {
  std::int64_t days_since_closing = 0;  // negative while the round is still open
  std::int64_t days_to_target = 0;      // negative once the target has passed
  bool overdue = false;                 // today is after the target and no decision yet
};
AssessmentAge assessment_age(CivilDate closes_on, CivilDate today, bool decided,
                             const rules::Ruleset& ruleset);

}  // namespace bsap::ccfs
