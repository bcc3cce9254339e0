// The assessment of a submitted CCFS application as an explicit state machine (guidelines §2.6,
// §4.1, §4.4, §4.1.4): which event may move an application from which state, and who may cause
// it. Pure: the store records the states, the service (assess/) asks this table before any write.
//
//   submitted ──begin_screening──▶ screening ──refer_to_assessment_panel──▶ assessment_panel
//   screening ──request_information──▶ information_requested ──answer_information──▶ screening
//   information_requested ──lapse_information_request (day 15, §2.6.4)──▶ deemed_withdrawn
//   screening ──declare_not_considered (§2.1.3, §2.2.1, §2.4.1, §2.6.3)──▶ not_considered
//   assessment_panel ──refer_to_approval_panel (§4.1.2)──▶ approval_panel
//   approval_panel ──refer_to_committee──▶ committee ──approve | approve_in_part | reject──▶ …
//   assessment_panel, approval_panel ──invite_briefing──▶ (the same state; §4.1.1, §4.1.2)
//   any open state, and an approval before the agreement ──withdraw (§4.4.1)──▶ withdrawn
//   any open state, and an approval before the agreement ──disqualify (§4.1.4)──▶ disqualified
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bsap::ccfs {

enum class AssessmentState {
  submitted,              // received, waiting for the secretariat
  screening,              // completeness and eligibility, by the secretariat
  information_requested,  // §2.6.4: waiting for the applicant's reply
  assessment_panel,       // §4.1.1
  approval_panel,         // §4.1.2
  committee,              // §4.1.2: the committee decides
  approved,               // with the approved amount, conditions and duration
  approved_in_part,       // §4.1.2: 「資助整個或部分項目」
  rejected,               // may be revised and resubmitted to a later round (§4.5.1)
  not_considered,         // ineligible at screening (assessment.yaml#not_considered)
  withdrawn,              // by the applicant (§4.4.1)
  deemed_withdrawn,       // no reply within 14 calendar days (§2.6.4)
  disqualified,           // §4.1.4, a recorded decision with its ground and reason
};

enum class AssessmentEvent {
  begin_screening,
  request_information,
  answer_information,
  lapse_information_request,
  declare_not_considered,
  refer_to_assessment_panel,
  invite_briefing,
  refer_to_approval_panel,
  refer_to_committee,
  approve,
  approve_in_part,
  reject,
  withdraw,
  disqualify,
};

// Who causes an event: the applicant's person-in-charge, the secretariat, the committee (its
// decision), or the scheduled job (a lapsed information request).
enum class TransitionActor { applicant, secretariat, committee, system };

// Stable codes, stored and used in URLs and forms: "information_requested", "request_information".
std::string_view state_code(AssessmentState state);
std::optional<AssessmentState> parse_state(std::string_view code);
std::string_view event_code(AssessmentEvent event);
std::optional<AssessmentEvent> parse_event(std::string_view code);
std::string_view actor_code(TransitionActor actor);

// Every state and every event, in the order above (for tests that walk the whole table).
const std::vector<AssessmentState>& all_states();
const std::vector<AssessmentEvent>& all_events();

// The state's name for people, in Traditional Chinese and English.
std::string_view state_name_zh(AssessmentState state);
std::string_view state_name_en(AssessmentState state);
std::string_view event_name_zh(AssessmentEvent event);
std::string_view event_name_en(AssessmentEvent event);

// No event leads out of it (the approved states are open until the agreement, issue 7).
bool is_final(AssessmentState state);
// A decision of the committee (approved, approved_in_part, rejected).
bool is_decided(AssessmentState state);

// Why an event was refused: what, which clause, what to do instead, in both languages.
struct TransitionRefusal {
  std::string clause;
  std::string message_zh;
  std::string message_en;
};

// The state the event leads to from `from` when `actor` causes it, or why not: an event that
// does not apply in that state, or an actor who may not cause it.
std::variant<AssessmentState, TransitionRefusal> next_state(AssessmentState from,
                                                            AssessmentEvent event,
                                                            TransitionActor actor);

// The events `actor` may cause in `from`, in the order of all_events(): what a page offers.
std::vector<AssessmentEvent> allowed_events(AssessmentState from, TransitionActor actor);

// Whether the event must carry a reason (a refusal, a disqualification, a withdrawal's letter, a
// request's question, a referral's recommendation): the service refuses it without one.
bool needs_reason(AssessmentEvent event);

}  // namespace bsap::ccfs
