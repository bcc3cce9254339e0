// The transition table of assessment_state.h. Each event has one actor and one clause (kEvents);
// kMoves lists the states it applies in and where it leads. Withdrawal (§4.4.1) and
// disqualification (§4.1.4) apply in every state that is not final, so they are derived from
// is_final() rather than listed state by state.
#include "ccfs/assessment_state.h"

#include <algorithm>
#include <array>

namespace bsap::ccfs {
namespace {

using enum AssessmentState;
using enum AssessmentEvent;

struct StateInfo {
  AssessmentState state;
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
};

constexpr std::array<StateInfo, 13> kStates{{
    {submitted, "submitted", "已提交", "Submitted"},
    {screening, "screening", "審查中", "Screening"},
    {information_requested, "information_requested", "待申請者補交資料",
     "Waiting for more information"},
    {assessment_panel, "assessment_panel", "審議小組評審中", "At the Assessment Panel"},
    {approval_panel, "approval_panel", "審批小組商討中", "At the Approval Panel"},
    {committee, "committee", "委員會考慮中", "With the committee"},
    {approved, "approved", "已批准", "Approved"},
    {approved_in_part, "approved_in_part", "部分批准", "Approved in part"},
    {rejected, "rejected", "不獲批准", "Rejected"},
    {not_considered, "not_considered", "不獲考慮", "Not considered"},
    {withdrawn, "withdrawn", "已撤回", "Withdrawn"},
    {deemed_withdrawn, "deemed_withdrawn", "視作撤回", "Deemed withdrawn"},
    {disqualified, "disqualified", "已取消資格", "Disqualified"},
}};

// An event: who causes it and the clause it rests on.
struct EventInfo {
  AssessmentEvent event;
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
  TransitionActor actor;
  std::string_view clause;
  bool needs_reason;
};

constexpr TransitionActor kApplicant = TransitionActor::applicant;
constexpr TransitionActor kSecretariat = TransitionActor::secretariat;
constexpr TransitionActor kCommittee = TransitionActor::committee;
constexpr TransitionActor kSystem = TransitionActor::system;

constexpr auto kEvents = std::to_array<EventInfo>({
    {begin_screening, "begin_screening", "開始審查", "Begin screening", kSecretariat, "§2.6.5",
     false},
    {request_information, "request_information", "要求提供額外資料", "Request more information",
     kSecretariat, "§2.6.4", true},
    {answer_information, "answer_information", "提交額外資料", "Answer the request for information",
     kApplicant, "§2.6.4", false},
    {lapse_information_request, "lapse_information_request", "逾期未覆，視作撤回",
     "Lapse the unanswered request", kSystem, "§2.6.4", false},
    {declare_not_considered, "declare_not_considered", "宣布不獲考慮", "Declare not considered",
     kSecretariat, "§2.1.3, §2.2.1, §2.4.1, §2.6.3", true},
    {refer_to_assessment_panel, "refer_to_assessment_panel", "交審議小組評審",
     "Refer to the Assessment Panel", kSecretariat, "§4.1.1", false},
    {invite_briefing, "invite_briefing", "邀請申請者簡介申請", "Invite the applicant to a briefing",
     kSecretariat, "§4.1.1, §4.1.2", false},
    {refer_to_approval_panel, "refer_to_approval_panel", "把評審結果呈交審批小組",
     "Refer to the Approval Panel", kSecretariat, "§4.1.2", true},
    {refer_to_committee, "refer_to_committee", "把建議交委員會考慮", "Refer to the committee",
     kSecretariat, "§4.1.2", true},
    {approve, "approve", "批准", "Approve", kCommittee, "§4.1.2", false},
    {approve_in_part, "approve_in_part", "批准部分項目", "Approve in part", kCommittee, "§4.1.2",
     true},
    {reject, "reject", "不批准", "Reject", kCommittee, "§4.1.2", true},
    {withdraw, "withdraw", "撤回申請", "Withdraw", kApplicant, "§4.4.1", true},
    {disqualify, "disqualify", "取消資格", "Disqualify", kSecretariat, "§4.1.4", true},
});

// Where an event leads from a state. withdraw and disqualify are not listed: they apply in every
// state that is not final (§4.4.1, §4.1.4).
struct Move {
  AssessmentEvent event;
  AssessmentState from;
  AssessmentState to;
};

constexpr auto kMoves = std::to_array<Move>({
    {begin_screening, submitted, screening},
    {request_information, screening, information_requested},
    {answer_information, information_requested, screening},
    {lapse_information_request, information_requested, deemed_withdrawn},
    {declare_not_considered, screening, not_considered},
    {refer_to_assessment_panel, screening, assessment_panel},
    {invite_briefing, assessment_panel, assessment_panel},
    {invite_briefing, approval_panel, approval_panel},
    {refer_to_approval_panel, assessment_panel, approval_panel},
    {refer_to_committee, approval_panel, committee},
    {approve, committee, approved},
    {approve_in_part, committee, approved_in_part},
    {reject, committee, rejected},
});

// Why a final state is final, and what, if anything, may follow it.
struct FinalInfo {
  AssessmentState state;
  std::string_view clause;
  std::string_view next_zh;
  std::string_view next_en;
};

constexpr std::array<FinalInfo, 5> kFinal{{
    {rejected, "§4.1.2, §4.5.1",
     "申請者可修改申請內容，在下一輪或其後的審批程序重新提交，並須清楚列明前後兩宗申請有何分別。",
     "The applicant may revise the application and resubmit it to a later round, stating clearly "
     "how it differs."},
    {not_considered, "§2.1.3, §2.2.1, §2.4.1, §2.6.3", "不獲考慮的申請不會獲繼續處理。",
     "An application not considered is not processed further."},
    {withdrawn, "§4.4.1", "已撤回的申請不會獲繼續處理。",
     "A withdrawn application is not processed further."},
    {deemed_withdrawn, "§2.6.4", "視作撤回的申請不會獲繼續處理。",
     "An application deemed withdrawn is not processed further."},
    {disqualified, "§4.1.4", "已取消資格的申請不會獲繼續處理。",
     "A disqualified application is not processed further."},
}};

const StateInfo& info(AssessmentState state) {
  return *std::find_if(kStates.begin(), kStates.end(),
                       [&](const StateInfo& known) { return known.state == state; });
}

const EventInfo& info(AssessmentEvent event) {
  return *std::find_if(kEvents.begin(), kEvents.end(),
                       [&](const EventInfo& known) { return known.event == event; });
}

const FinalInfo* final_info(AssessmentState state) {
  const auto found = std::find_if(kFinal.begin(), kFinal.end(),
                                  [&](const FinalInfo& known) { return known.state == state; });
  return found == kFinal.end() ? nullptr : &*found;
}

// Where the event leads from `from`, whoever causes it; nullopt where it does not apply.
std::optional<AssessmentState> destination(AssessmentState from, AssessmentEvent event) {
  if (is_final(from)) return std::nullopt;
  if (event == withdraw) return withdrawn;
  if (event == disqualify) return disqualified;
  for (const Move& move : kMoves)
    if (move.event == event && move.from == from) return move.to;
  return std::nullopt;
}

std::string_view actor_name_zh(TransitionActor actor) {
  switch (actor) {
    case TransitionActor::applicant:
      return "申請者";
    case TransitionActor::secretariat:
      return "秘書處";
    case TransitionActor::committee:
      return "委員會";
    case TransitionActor::system:
      return "系統排程工作";
  }
  return "";
}

std::string_view actor_name_en(TransitionActor actor) {
  switch (actor) {
    case TransitionActor::applicant:
      return "the applicant";
    case TransitionActor::secretariat:
      return "the secretariat";
    case TransitionActor::committee:
      return "the committee";
    case TransitionActor::system:
      return "the scheduled job";
  }
  return "";
}

// "開始審查（秘書處）、撤回申請（申請者）" and "Begin screening (the secretariat), …": every
// step open in `from`, with who takes it.
struct Offer {
  std::string zh;
  std::string en;
};

Offer open_steps(AssessmentState from) {
  Offer offer;
  for (const EventInfo& known : kEvents) {
    if (!destination(from, known.event)) continue;
    offer.zh += (offer.zh.empty() ? "" : "、") + std::string(known.name_zh) + "（" +
                std::string(actor_name_zh(known.actor)) + "）";
    offer.en += (offer.en.empty() ? "" : ", ") + std::string(known.name_en) + " (" +
                std::string(actor_name_en(known.actor)) + ")";
  }
  return offer;
}

// 「…」 around a name in Chinese, '…' in English.
std::string zh_quoted(std::string_view name) { return "「" + std::string(name) + "」"; }
std::string en_quoted(std::string_view name) { return "'" + std::string(name) + "'"; }

TransitionRefusal refuse_final(AssessmentState from, const EventInfo& event) {
  const FinalInfo& ending = *final_info(from);
  return {std::string(ending.clause),
          "申請的狀態為" + zh_quoted(info(from).name_zh) + "，此為最終狀態，不能" +
              zh_quoted(event.name_zh) + "。" + std::string(ending.next_zh),
          "The application is " + en_quoted(info(from).name_en) +
              ", a final state: it cannot take the step " + en_quoted(event.name_en) + ". " +
              std::string(ending.next_en)};
}

TransitionRefusal refuse_not_applicable(AssessmentState from, const EventInfo& event) {
  const Offer offer = open_steps(from);
  return {std::string(event.clause),
          "申請在" + zh_quoted(info(from).name_zh) + "狀態，不能" + zh_quoted(event.name_zh) +
              "。此狀態可進行的步驟：" + offer.zh + "。",
          "The application is " + en_quoted(info(from).name_en) + ": the step " +
              en_quoted(event.name_en) +
              " does not apply there. The steps open in this state: " + offer.en + "."};
}

TransitionRefusal refuse_actor(AssessmentState from, const EventInfo& event,
                               TransitionActor actor) {
  const Offer offer = open_steps(from);
  return {std::string(event.clause),
          zh_quoted(event.name_zh) + "須由" + std::string(actor_name_zh(event.actor)) +
              "作出，不能由" + std::string(actor_name_zh(actor)) + "作出。申請在" +
              zh_quoted(info(from).name_zh) + "狀態，可進行的步驟：" + offer.zh + "。",
          "Only " + std::string(actor_name_en(event.actor)) + " may take the step " +
              en_quoted(event.name_en) + ", not " + std::string(actor_name_en(actor)) +
              ". The application is " + en_quoted(info(from).name_en) +
              "; the steps open in this state: " + offer.en + "."};
}

}  // namespace

std::string_view state_code(AssessmentState state) { return info(state).code; }

std::optional<AssessmentState> parse_state(std::string_view code) {
  for (const StateInfo& known : kStates)
    if (known.code == code) return known.state;
  return std::nullopt;
}

std::string_view event_code(AssessmentEvent event) { return info(event).code; }

std::optional<AssessmentEvent> parse_event(std::string_view code) {
  for (const EventInfo& known : kEvents)
    if (known.code == code) return known.event;
  return std::nullopt;
}

std::string_view actor_code(TransitionActor actor) {
  switch (actor) {
    case TransitionActor::applicant:
      return "applicant";
    case TransitionActor::secretariat:
      return "secretariat";
    case TransitionActor::committee:
      return "committee";
    case TransitionActor::system:
      return "system";
  }
  return "";
}

const std::vector<AssessmentState>& all_states() {
  static const std::vector<AssessmentState> states = [] {
    std::vector<AssessmentState> listed;
    for (const StateInfo& known : kStates) listed.push_back(known.state);
    return listed;
  }();
  return states;
}

const std::vector<AssessmentEvent>& all_events() {
  static const std::vector<AssessmentEvent> events = [] {
    std::vector<AssessmentEvent> listed;
    for (const EventInfo& known : kEvents) listed.push_back(known.event);
    return listed;
  }();
  return events;
}

std::string_view state_name_zh(AssessmentState state) { return info(state).name_zh; }
std::string_view state_name_en(AssessmentState state) { return info(state).name_en; }
std::string_view event_name_zh(AssessmentEvent event) { return info(event).name_zh; }
std::string_view event_name_en(AssessmentEvent event) { return info(event).name_en; }

bool is_final(AssessmentState state) { return final_info(state) != nullptr; }

bool is_decided(AssessmentState state) {
  return state == approved || state == approved_in_part || state == rejected;
}

std::variant<AssessmentState, TransitionRefusal> next_state(AssessmentState from,
                                                            AssessmentEvent event,
                                                            TransitionActor actor) {
  const EventInfo& known = info(event);
  if (is_final(from)) return refuse_final(from, known);
  const std::optional<AssessmentState> to = destination(from, event);
  if (!to) return refuse_not_applicable(from, known);
  if (known.actor != actor) return refuse_actor(from, known, actor);
  return *to;
}

std::vector<AssessmentEvent> allowed_events(AssessmentState from, TransitionActor actor) {
  std::vector<AssessmentEvent> events;
  for (const EventInfo& known : kEvents)
    if (known.actor == actor && destination(from, known.event)) events.push_back(known.event);
  return events;
}

bool needs_reason(AssessmentEvent event) { return info(event).needs_reason; }

}  // namespace bsap::ccfs
