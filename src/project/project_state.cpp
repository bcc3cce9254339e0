// The transition table of project_state.h. Each event has its clause (kEvents); kMoves lists the
// states it applies in and where it leads. A refusal says, from the same table, which states the
// event needs and which steps the project's state allows instead.
#include "project/project_state.h"

#include <algorithm>
#include <array>

namespace bsap::project {
namespace {

using enum ProjectState;
using enum ProjectEvent;

struct StateInfo {
  ProjectState state;
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
};

constexpr auto kStates = std::to_array<StateInfo>({
    {agreement_pending, "agreement_pending", "待簽訂協議", "Agreement pending"},
    {active, "active", "推行中", "Active"},
    {suspended, "suspended", "資助已暫停", "Suspended"},
    {terminated, "terminated", "資助已終止", "Terminated"},
    {completed, "completed", "已完成", "Completed"},
    {closed, "closed", "已結束", "Closed"},
});

struct EventInfo {
  ProjectEvent event;
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
  std::string_view clause;
  bool needs_grounds;
};

constexpr auto kEvents = std::to_array<EventInfo>({
    {sign_agreement, "sign_agreement", "確認已簽訂協議", "Confirm the signed agreement", "§5.1.1",
     false},
    {suspend, "suspend", "暫停資助", "Suspend the funding", "§5.16.1, §5.16.3", true},
    {resume, "resume", "恢復資助", "Resume the funding", "§5.16.3", true},
    {terminate, "terminate", "終止資助", "Terminate the funding", "§5.16.1, §5.16.2", true},
    {complete, "complete", "接納完成報告", "Accept the completion report", "§5.8.2", false},
    {close, "close", "結束項目", "Close the project", "§5.5.7, §5.16.3", false},
});

struct Move {
  ProjectEvent event;
  ProjectState from;
  ProjectState to;
};

constexpr auto kMoves = std::to_array<Move>({
    {sign_agreement, agreement_pending, active},
    {complete, active, completed},
    {close, completed, closed},
    {suspend, active, suspended},
    {resume, suspended, active},
    {terminate, active, terminated},
    {terminate, suspended, terminated},
    {close, terminated, closed},
});

const StateInfo& info(ProjectState state) {
  return *std::find_if(kStates.begin(), kStates.end(),
                       [&](const StateInfo& known) { return known.state == state; });
}

const EventInfo& info(ProjectEvent event) {
  return *std::find_if(kEvents.begin(), kEvents.end(),
                       [&](const EventInfo& known) { return known.event == event; });
}

std::optional<ProjectState> destination(ProjectState from, ProjectEvent event) {
  for (const Move& move : kMoves)
    if (move.event == event && move.from == from) return move.to;
  return std::nullopt;
}

std::string zh_quoted(std::string_view name) { return "「" + std::string(name) + "」"; }
std::string en_quoted(std::string_view name) { return "'" + std::string(name) + "'"; }

struct Listing {
  std::string zh;
  std::string en;
};

// The states the event applies in: 「推行中」或「資助已暫停」 / 'Active' or 'Suspended'.
Listing states_for(ProjectEvent event) {
  Listing listing;
  for (const Move& move : kMoves) {
    if (move.event != event) continue;
    listing.zh += (listing.zh.empty() ? "" : "或") + zh_quoted(info(move.from).name_zh);
    listing.en += (listing.en.empty() ? "" : " or ") + en_quoted(info(move.from).name_en);
  }
  return listing;
}

// The steps open in `from`, or what is left to do when none is.
Listing open_steps(ProjectState from) {
  Listing listing;
  for (const EventInfo& known : kEvents) {
    if (!destination(from, known.event)) continue;
    listing.zh += (listing.zh.empty() ? "" : "、") + zh_quoted(known.name_zh) + "(" +
                  std::string(known.clause) + ")";
    listing.en += (listing.en.empty() ? "" : ", ") + en_quoted(known.name_en) + " (" +
                  std::string(known.clause) + ")";
  }
  if (listing.zh.empty())
    return {"項目已結束，不能再進行任何步驟；其帳目及記錄須按第5.9.1節妥為保存。",
            "The project is closed and no step is open; its accounts and records are kept as "
            "§5.9.1 requires."};
  return {"此狀態可進行的步驟：" + listing.zh + "。",
          "The steps open in this state: " + listing.en + "."};
}

ProjectRefusal refuse(ProjectState from, const EventInfo& event) {
  const Listing needs = states_for(event.event);
  const Listing instead = open_steps(from);
  return {std::string(event.clause),
          "項目在" + zh_quoted(info(from).name_zh) + "狀態，不能" + zh_quoted(event.name_zh) + "(" +
              std::string(event.clause) + ")：此步驟只適用於" + needs.zh + "的項目。" + instead.zh,
          "The project is " + en_quoted(info(from).name_en) + ": the step " +
              en_quoted(event.name_en) + " (" + std::string(event.clause) +
              ") applies only to a project that is " + needs.en + ". " + instead.en};
}

}  // namespace

std::string_view state_code(ProjectState state) { return info(state).code; }

std::optional<ProjectState> state_from_code(std::string_view code) {
  for (const StateInfo& known : kStates)
    if (known.code == code) return known.state;
  return std::nullopt;
}

// Simplified Chinese gets the Traditional text: a funded project is shown to the secretariat
// and the grantee only, on pages in Traditional Chinese and English (ARCHITECTURE.md
// principle 7).
std::string state_text(ProjectState state, Lang lang) {
  return std::string(lang == Lang::en ? info(state).name_en : info(state).name_zh);
}

std::string_view event_code(ProjectEvent event) { return info(event).code; }

std::optional<ProjectEvent> event_from_code(std::string_view code) {
  for (const EventInfo& known : kEvents)
    if (known.code == code) return known.event;
  return std::nullopt;
}

std::string event_text(ProjectEvent event, Lang lang) {
  return std::string(lang == Lang::en ? info(event).name_en : info(event).name_zh);
}

std::variant<ProjectState, ProjectRefusal> next_project_state(ProjectState from,
                                                              ProjectEvent event) {
  if (const std::optional<ProjectState> to = destination(from, event)) return *to;
  return refuse(from, info(event));
}

std::vector<ProjectEvent> project_events_from(ProjectState from) {
  std::vector<ProjectEvent> events;
  for (const EventInfo& known : kEvents)
    if (destination(from, known.event)) events.push_back(known.event);
  return events;
}

bool event_needs_grounds(ProjectEvent event) { return info(event).needs_grounds; }

// limits.yaml#suspension_notice gives the month of §5.16.3; this function has no ruleset, so it
// mirrors that figure (Ruleset::time_limits.suspension_notice).
CivilDate takes_effect_on(CivilDate notice_on, bool immediate) {
  constexpr int kNoticeMonths = 1;
  return immediate ? notice_on : notice_on.plus_months(kNoticeMonths);
}

bool owes_reports(ProjectState state) {
  return state == ProjectState::active || state == ProjectState::suspended ||
         state == ProjectState::completed;
}

}  // namespace bsap::project
