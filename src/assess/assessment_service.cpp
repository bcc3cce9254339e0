#include "assess/assessment_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <variant>

#include "assess/assessment_mail.h"
#include "ccfs/application_json.h"
#include "ccfs/assessment_criteria.h"
#include "ccfs/assessment_deadlines.h"
#include "ccfs/assessment_notices.h"
#include "ccfs/budget_totals.h"
#include "ccfs/score_summary.h"
#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/organisation_repo.h"
#include "store/panel_repo.h"

namespace bsap::assess {
namespace {

using ccfs::AssessmentEvent;
using ccfs::AssessmentState;
using ccfs::TransitionActor;

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

store::AssessmentRow require_assessment(store::Transaction& tx, std::int64_t application_id) {
  auto row = store::find_assessment(tx, application_id);
  if (!row)
    throw StepRefused("§2.6", fmt::format("申請 {} 尚未遞交，不能評審。", application_id),
                      fmt::format("Application {} has not been submitted, so it cannot be "
                                  "assessed.",
                                  application_id));
  return *row;
}

AssessmentState current_state(const store::AssessmentRow& row) {
  auto state = ccfs::parse_state(row.state);
  if (!state) throw store::StoreError("unknown assessment state '" + row.state + "'");
  return *state;
}

std::optional<ccfs::Application> read_application(store::Transaction& tx,
                                                  std::int64_t application_id) {
  auto stored = store::find_application(tx, application_id);
  if (!stored) return std::nullopt;
  auto parsed = ccfs::parse_application_json(stored->document_json);
  if (auto* document = std::get_if<ccfs::ApplicationDocument>(&parsed))
    return std::move(document->application);
  return std::nullopt;
}

// The applicant acts through its members; a withdrawal is the person-in-charge's letter
// (§2.6.3: the person-in-charge signs for the applicant).
void require_applicant(store::Transaction& tx, const store::AssessmentRow& row, const Actor& actor,
                       AssessmentEvent event) {
  auto member =
      actor.user_id ? store::find_member(tx, row.organisation_id, *actor.user_id) : std::nullopt;
  if (!member)
    throw StepRefused("§2.6.3", "只有申請機構的成員可代表申請者行事。",
                      "Only a member of the applicant organisation may act for the applicant.");
  if (event == AssessmentEvent::withdraw && !member->is_person_in_charge)
    throw StepRefused("§4.4.1, §2.6.3", "撤回申請須由申請機構的負責人提出。",
                      "Only the applicant's person-in-charge may withdraw the application.");
}

// The committee decides through a member the secretariat assigned, who declared no conflict.
void require_committee_member(store::Transaction& tx, std::int64_t application_id,
                              const Actor& actor) {
  auto assignment = actor.user_id
                        ? store::find_assignment(tx, application_id, *actor.user_id, "committee")
                        : std::nullopt;
  if (!assignment || !assignment->may_see())
    throw StepRefused("§5.17.3", "只有獲指派並已申報沒有利益衝突的委員會委員可記錄決定。",
                      "Only a committee member assigned to this application who declared no "
                      "conflict of interest may record the decision.");
}

void require_reason(const Step& step) {
  if (ccfs::needs_reason(step.event) && blank(step.reason))
    throw StepRefused("§4.1",
                      fmt::format("「{}」須填寫理由或內容。", ccfs::event_name_zh(step.event)),
                      fmt::format("'{}' needs a reason or text: write it and try again.",
                                  ccfs::event_name_en(step.event)));
}

// The grant the application asked for: its stated figure, else the budget's (§3.11.4).
std::optional<Money> requested_grant(store::Transaction& tx, std::int64_t application_id) {
  auto application = read_application(tx, application_id);
  if (!application) return std::nullopt;
  if (application->requested_grant) return application->requested_grant;
  return ccfs::budget_totals(*application).grant;
}

void check_award(store::Transaction& tx, const Step& step) {
  if (!step.approved_amount || step.approved_amount->cents() <= 0)
    throw StepRefused("§4.1.2", "請填寫批准的資助金額（大於零）。",
                      "Enter the approved amount (more than zero).");
  if (!step.duration_months || *step.duration_months <= 0)
    throw StepRefused("§4.1.2", "請填寫批准的項目年期（月數，大於零）。",
                      "Enter the approved duration in months (more than zero).");
  const auto requested = requested_grant(tx, step.application_id);
  if (!requested) return;
  const bool in_part = step.event == AssessmentEvent::approve_in_part;
  if (!in_part && *step.approved_amount > *requested)
    throw StepRefused("§4.1.2",
                      fmt::format("批准金額 {} 高於申請金額 {}。",
                                  format_hkd(*step.approved_amount), format_hkd(*requested)),
                      fmt::format("The approved amount {} is more than the {} applied for.",
                                  format_hkd(*step.approved_amount), format_hkd(*requested)));
  if (in_part && *step.approved_amount >= *requested)
    throw StepRefused("§4.1.2, 註11",
                      fmt::format("部分批准的金額須低於申請金額 {}；全數批准請選「批准」。",
                                  format_hkd(*requested)),
                      fmt::format("An approval in part is below the {} applied for; to grant it "
                                  "in full, approve it.",
                                  format_hkd(*requested)));
}

void check_ground(const Step& step, const rules::Ruleset& ruleset) {
  const auto& rules = ruleset.assessment;
  if (step.event == AssessmentEvent::disqualify) {
    for (const rules::Ground& ground : rules.disqualification_grounds)
      if (ground.id == step.ground) return;
    throw StepRefused("§4.1.4", "請選擇第4.1.4節所列的取消資格理由。",
                      "Choose one of the grounds of §4.1.4 for the disqualification.");
  }
  if (step.event == AssessmentEvent::declare_not_considered) {
    for (const auto& ground : rules.not_considered)
      if (ground.key == step.ground) return;
    throw StepRefused("§2.1.3, §2.2.1, §2.4.1, §2.6.3", "請選擇申請不獲考慮的理由。",
                      "Choose the ground on which the application is not considered.");
  }
}

std::string outcome_of(AssessmentEvent event) {
  switch (event) {
    case AssessmentEvent::approve:
      return "approved";
    case AssessmentEvent::approve_in_part:
      return "approved_in_part";
    case AssessmentEvent::reject:
      return "rejected";
    case AssessmentEvent::disqualify:
      return "disqualified";
    default:
      return "not_considered";
  }
}

bool is_decision(AssessmentEvent event) {
  return event == AssessmentEvent::approve || event == AssessmentEvent::approve_in_part ||
         event == AssessmentEvent::reject || event == AssessmentEvent::disqualify ||
         event == AssessmentEvent::declare_not_considered;
}

ccfs::NoticeFacts facts_for(const store::AssessmentRow& row, const Step& step,
                            AssessmentState from) {
  ccfs::NoticeFacts facts;
  facts.body = from;  // the panel that invites the applicant to brief it
  facts.reference = row.reference;
  facts.title = row.title;
  facts.reason = step.reason;
  facts.approved_amount = step.approved_amount;
  facts.duration_months = step.duration_months;
  facts.conditions = step.conditions;
  return facts;
}

// What the event writes besides the transition: the request, its answer, the decision.
void record_effects(store::Transaction& tx, const rules::Ruleset& ruleset, const Actor& actor,
                    const Step& step, ccfs::NoticeFacts& facts) {
  const std::int64_t user = actor.user_id.value_or(0);
  switch (step.event) {
    case AssessmentEvent::request_information: {
      const CivilDate due = ccfs::information_reply_due(step.today, ruleset);
      store::open_information_request(tx, step.application_id, step.reason, user, step.today, due);
      facts.reply_due = due;
      return;
    }
    case AssessmentEvent::answer_information:
      store::answer_information_request(tx, step.application_id, step.reason, user, step.today);
      return;
    case AssessmentEvent::lapse_information_request:
      store::lapse_information_request(tx, step.application_id);
      return;
    default:
      break;
  }
  if (!is_decision(step.event)) return;
  // A disqualification after an approval (§4.1.4 applies "notwithstanding anything") keeps the
  // committee's decision on record; the transition holds the disqualification's ground.
  if (step.event == AssessmentEvent::disqualify && store::find_decision(tx, step.application_id))
    return;
  store::Decision decision;
  decision.application_id = step.application_id;
  decision.outcome = outcome_of(step.event);
  if (step.event == AssessmentEvent::approve || step.event == AssessmentEvent::approve_in_part) {
    decision.approved_amount = step.approved_amount;
    decision.duration_months = step.duration_months;
  }
  decision.conditions = step.conditions;
  decision.ground = step.ground;
  decision.reason = step.reason;
  decision.decided_by = user;
  decision.decided_on = step.today;
  store::record_decision(tx, decision);
}

void validate_step(store::Transaction& tx, const rules::Ruleset& ruleset,
                   const store::AssessmentRow& row, const Actor& actor, const Step& step) {
  if (actor.kind == TransitionActor::applicant) require_applicant(tx, row, actor, step.event);
  if (actor.kind == TransitionActor::committee)
    require_committee_member(tx, step.application_id, actor);
  require_reason(step);
  if (step.event == AssessmentEvent::approve || step.event == AssessmentEvent::approve_in_part)
    check_award(tx, step);
  check_ground(step, ruleset);
}

// The members of the body the application has just reached, told it is waiting for them.
void tell_body(store::Transaction& tx, const store::AssessmentRow& row, AssessmentState reached,
               const ccfs::NoticeFacts& facts) {
  const std::string body(ccfs::state_code(reached));
  for (const store::Assignment& assignment : store::list_assignments(tx, row.application_id))
    if (assignment.body == body && assignment.declaration != "conflict")
      notify_user(tx, assignment.user_id, ccfs::member_stage_notice(reached, facts));
}

}  // namespace

StepRefused::StepRefused(std::string clause, std::string message_zh, std::string message_en)
    : std::runtime_error(message_en),
      clause_(std::move(clause)),
      zh_(std::move(message_zh)),
      en_(std::move(message_en)) {}

AssessmentState take_step(store::Transaction& tx, const rules::Ruleset& ruleset, const Actor& actor,
                          const Step& step) {
  const store::AssessmentRow row = require_assessment(tx, step.application_id);
  const AssessmentState from = current_state(row);
  auto next = ccfs::next_state(from, step.event, actor.kind);
  if (auto* refusal = std::get_if<ccfs::TransitionRefusal>(&next))
    throw StepRefused(refusal->clause, refusal->message_zh, refusal->message_en);
  const AssessmentState to = std::get<AssessmentState>(next);
  validate_step(tx, ruleset, row, actor, step);

  ccfs::NoticeFacts facts = facts_for(row, step, from);
  record_effects(tx, ruleset, actor, step, facts);
  std::string reason = step.reason;
  if (!step.ground.empty()) reason = "[" + step.ground + "] " + reason;
  store::record_transition(
      tx, {step.application_id, row.state, std::string(ccfs::state_code(to)),
           std::string(ccfs::event_code(step.event)), std::string(ccfs::actor_code(actor.kind)),
           actor.user_id, reason, step.today});
  if (auto notice = ccfs::applicant_notice(step.event, facts))
    notify_organisation(tx, row.organisation_id, *notice);
  if (to != from && (to == AssessmentState::assessment_panel ||
                     to == AssessmentState::approval_panel || to == AssessmentState::committee))
    tell_body(tx, row, to, facts);
  return to;
}

int lapse_overdue_requests(store::Transaction& tx, const rules::Ruleset& ruleset, CivilDate today) {
  int lapsed = 0;
  for (const store::InformationRequest& request : store::list_open_requests(tx)) {
    if (!ccfs::information_request_lapsed(request.requested_on, today, ruleset)) continue;
    Step step;
    step.application_id = request.application_id;
    step.event = AssessmentEvent::lapse_information_request;
    step.reason = fmt::format("no reply by {} (§2.6.4)", format_iso(request.due_on));
    step.today = today;
    take_step(tx, ruleset, Actor{TransitionActor::system, std::nullopt}, step);
    ++lapsed;
  }
  return lapsed;
}

void assign_member(store::Transaction& tx, std::int64_t application_id, std::int64_t member_id,
                   AssessmentState body, std::int64_t secretariat_user_id) {
  const store::AssessmentRow row = require_assessment(tx, application_id);
  if (ccfs::is_final(current_state(row)))
    throw StepRefused("§4.1", "此申請的評審已完結，不能再指派成員。",
                      "The assessment of this application is over: no member can be assigned.");
  if (body != AssessmentState::assessment_panel && body != AssessmentState::approval_panel &&
      body != AssessmentState::committee)
    throw StepRefused("§4.1", "只可指派審議小組、審批小組或委員會的成員。",
                      "Only members of the assessment panel, the approval panel or the committee "
                      "can be assigned.");
  store::assign_member(tx, application_id, member_id, ccfs::state_code(body), secretariat_user_id);
  ccfs::NoticeFacts facts;
  facts.reference = row.reference;
  facts.title = row.title;
  notify_user(tx, member_id, ccfs::member_assigned_notice(body, facts));
}

void declare_interest(store::Transaction& tx, std::int64_t application_id, std::int64_t member_id,
                      AssessmentState body, bool conflict, const std::string& note) {
  require_assessment(tx, application_id);
  if (conflict && blank(note))
    throw StepRefused("§5.17.3", "申報利益衝突時請說明衝突的性質。",
                      "Say what the conflict of interest is when you declare one.");
  store::declare_interest(tx, application_id, member_id, ccfs::state_code(body), conflict, note);
}

void save_scores(store::Transaction& tx, const rules::Ruleset& ruleset, std::int64_t application_id,
                 std::int64_t member_id, AssessmentState body,
                 const std::vector<ScoreEntry>& scores, const std::string& recommendation,
                 const std::string& recommendation_note) {
  const store::AssessmentRow row = require_assessment(tx, application_id);
  if (body != AssessmentState::assessment_panel && body != AssessmentState::approval_panel)
    throw StepRefused("§4.1.1, §4.1.2", "只有審議小組及審批小組成員按準則評分；委員會作出決定。",
                      "Only the assessment and approval panels score against the criteria; the "
                      "committee decides.");
  if (current_state(row) != body)
    throw StepRefused("§4.1.1, §4.1.2", "此申請現時不在你所屬小組的評審階段，不能評分。",
                      "The application is not before your panel now, so it cannot be scored.");
  const std::string body_code(ccfs::state_code(body));
  auto assignment = store::find_assignment(tx, application_id, member_id, body_code);
  if (!assignment || !assignment->may_see())
    throw StepRefused("§5.17.3", "你未獲指派或未申報沒有利益衝突，不能評分。",
                      "You are not assigned to this application or have not declared that you "
                      "have no conflict of interest.");
  std::set<std::string> keys;
  if (auto application = read_application(tx, application_id))
    for (const auto& criterion : ccfs::applicable_criteria(*application, ruleset))
      keys.insert(criterion.key());
  for (const ScoreEntry& entry : scores) {
    if (!keys.contains(entry.criterion_key))
      throw StepRefused(
          "§4.2, §4.3", "此申請不按準則 " + entry.criterion_key + " 評審。",
          "The application is not assessed on criterion " + entry.criterion_key + ".");
    if (!ccfs::valid_score(entry.score))
      throw StepRefused("§4.2, §4.3",
                        fmt::format("準則 {} 的分數須為 {} 至 {}。", entry.criterion_key,
                                    ccfs::kLowestScore, ccfs::kHighestScore),
                        fmt::format("The score for {} must be from {} to {}.", entry.criterion_key,
                                    ccfs::kLowestScore, ccfs::kHighestScore));
    store::save_score(tx, {application_id, member_id, body_code, entry.criterion_key, entry.score,
                           entry.comment, ""});
  }
  if (recommendation.empty()) return;
  if (!ccfs::parse_recommendation(recommendation))
    throw StepRefused("§4.1.2", "請選擇支持、部分支持或不支持。",
                      "Choose support, support in part or do not support.");
  store::save_recommendation(tx, application_id, member_id, body_code, recommendation,
                             recommendation_note);
}

}  // namespace bsap::assess
