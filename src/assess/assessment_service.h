// The assessment's steps as the secretariat, the panels, the committee, the applicant and the
// scheduled job take them (guidelines §2.6, §4, §5.17). Each function runs in the caller's
// transaction and does the whole step there: asks the state machine (ccfs/assessment_state.h),
// writes the state, the transition and its audit record, the request, decision, assignment or
// score, and the notifications and e-mails of everyone the step concerns, in their language. A
// refused step throws StepRefused and writes nothing.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ccfs/assessment_state.h"
#include "core/civil_date.h"
#include "core/money.h"
#include "rules/ruleset.h"
#include "store/store.h"

namespace bsap::assess {

// Who takes the step. user_id is empty only for the scheduled job.
struct Actor {
  ccfs::TransitionActor kind = ccfs::TransitionActor::secretariat;
  std::optional<std::int64_t> user_id;
};

// Why a step was refused: the clause and what to do, in both languages.
class StepRefused : public std::runtime_error {
 public:
  StepRefused(std::string clause, std::string message_zh, std::string message_en);
  const std::string& clause() const { return clause_; }
  const std::string& message_zh() const { return zh_; }
  const std::string& message_en() const { return en_; }

 private:
  std::string clause_;
  std::string zh_;
  std::string en_;
};

struct Step {
  std::int64_t application_id = 0;
  ccfs::AssessmentEvent event = ccfs::AssessmentEvent::begin_screening;
  std::string reason;  // the question, letter, recommendation or grounds' explanation
  CivilDate today = CivilDate::from_days_since_epoch(0);
  // approve, approve_in_part: the amount (approve_in_part: below the requested grant), the
  // duration in months and any conditions.
  std::optional<Money> approved_amount;
  std::optional<int> duration_months;
  std::string conditions;
  // disqualify: a §4.1.4 ground key; declare_not_considered: a not-considered ground key.
  std::string ground;
};

// Takes one step of the state machine. The application must be submitted; the actor must be
// allowed the event in its state (the applicant only on its own application, as its
// person-in-charge); a reason where the event needs one; a request for information opens the
// request with its due day (§2.6.4); an answer closes it; a decision records the amount and
// duration, or the ground. Returns the new state.
ccfs::AssessmentState take_step(store::Transaction& tx, const rules::Ruleset& ruleset,
                                const Actor& actor, const Step& step);

// The scheduled job (§2.6.4): every open request whose reply was due before `today` lapses and
// its application is deemed withdrawn, with a notification. Returns how many lapsed. A request
// due on `today` stays open.
int lapse_overdue_requests(store::Transaction& tx, const rules::Ruleset& ruleset, CivilDate today);

// The secretariat assigns a member of `body` (assessment_panel, approval_panel or committee) to
// the application, who is told to declare before seeing it (§5.17).
void assign_member(store::Transaction& tx, std::int64_t application_id, std::int64_t member_id,
                   ccfs::AssessmentState body, std::int64_t secretariat_user_id);

// The member's declaration (§5.17.3): no conflict opens the application to them; a conflict,
// with its note, removes them from it.
void declare_interest(store::Transaction& tx, std::int64_t application_id, std::int64_t member_id,
                      ccfs::AssessmentState body, bool conflict, const std::string& note);

// A member's score for one criterion (ccfs/score_summary.h's scale) with a comment; the
// criterion must be one the application is assessed on, the member assigned and declared
// without conflict, and the application at the member's body.
struct ScoreEntry {
  std::string criterion_key;
  int score = 0;
  std::string comment;
};
void save_scores(store::Transaction& tx, const rules::Ruleset& ruleset, std::int64_t application_id,
                 std::int64_t member_id, ccfs::AssessmentState body,
                 const std::vector<ScoreEntry>& scores, const std::string& recommendation,
                 const std::string& recommendation_note);

}  // namespace bsap::assess
