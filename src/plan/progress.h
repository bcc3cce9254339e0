// Progress on the plan's 81 priority items (000_e0ccae9882b7fb64.txt 5.1 監測進度): the status a
// department reports for an item in a plan year, the life of that report from draft to
// publication, and the roll-ups the working group and the public read (action, area, goal,
// KMGBF target, NBSAP action, SDG). Pure: no I/O; the store keeps the reports
// (store/tracker_repo.h) and the services apply the roles (track/progress_service.h).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/plan_model.h"

namespace bsap::plan {

// Where an item stands in a year, as its lead department reports it.
enum class ItemStatus {
  not_started,
  on_track,
  needs_attention,
  off_track,
  completed,
  ongoing,  // ongoing by nature (enforcement, monitoring): no end point to reach
};
// Codes as stored and as in URLs and open data: "not_started", "on_track", "needs_attention",
// "off_track", "completed", "ongoing".
std::string_view status_code(ItemStatus status);
std::optional<ItemStatus> parse_status(std::string_view code);
const std::vector<ItemStatus>& all_statuses();  // in the order above

// A progress report's life: a focal point drafts and submits; the working group's secretariat
// reviews (or returns it to draft with a note) and publishes. Only published reports are public.
enum class ReportState { draft, submitted, reviewed, published };
enum class ReportEvent { submit, return_to_draft, review, publish };
std::string_view state_code(ReportState state);  // "draft", "submitted", "reviewed", "published"
std::optional<ReportState> parse_state(std::string_view code);
std::string_view event_code(ReportEvent event);  // "submit", "return", "review", "publish"
// The state the event leads to, or nullopt when the event does not apply in that state:
// draft -submit-> submitted; submitted -review-> reviewed; submitted|reviewed -return-> draft;
// reviewed -publish-> published. A published report is final for its year.
std::optional<ReportState> next_state(ReportState from, ReportEvent event);

// "1.5.2": action "1.5", item 2. Items are numbered within their action (plan_model.h).
std::string item_id(const Action& action, const ActionItem& item);
// Splits "1.5.2" into the action number "1.5" and the item number 2; nullopt when the id is not of
// that form or names no item of the plan.
struct ItemRef {
  const Action* action = nullptr;
  const ActionItem* item = nullptr;
};
std::optional<ItemRef> find_item(const Plan& plan, std::string_view item_id);

// Counts of items by status, over some set of items (an action's, an area's, a goal's, ...).
struct StatusCounts {
  std::map<ItemStatus, int> by_status;  // only statuses with a count above zero
  int items = 0;                        // every item in the set, reported or not
  int reported = 0;                     // items with a status (published progress)
  // On track, completed or ongoing: the items going as planned.
  int going_well() const;
  // going_well() / items, 0 when the set is empty. "The share of items on track" counts every
  // item of the set, so an unreported item counts against it.
  double share_on_track() const;
};

// An action's status from its items' statuses; nullopt when none of its items is reported.
// The worst wins: any off track → off_track; else any needs attention → needs_attention; else
// every item completed → completed; else every reported item not started → not_started; else
// on_track (items completed, ongoing or on track, with some perhaps unreported). "Every item
// completed" counts the unreported items too: completed beside unreported is on_track.
std::optional<ItemStatus> action_status(const std::vector<std::optional<ItemStatus>>& items);

// The status of every item in a year: item id → status, for the items with a report in the
// state that counts (the public roll-up counts published reports only).
using ItemStatuses = std::map<std::string, ItemStatus>;

struct PlanRollup {
  StatusCounts overall;                                      // the 81 items
  std::map<std::string, std::optional<ItemStatus>> actions;  // action number → status
  std::map<std::string, StatusCounts> action_counts;         // action number → its items' counts
  std::map<int, StatusCounts> areas;                         // Area::number
  std::map<int, StatusCounts> goals;  // Goal::number, over the actions mapped
  std::map<int, StatusCounts> kmgbf;  // KmgbfTarget::number
  std::map<int, StatusCounts> nbsap;  // NbsapAction::number
  std::map<int, StatusCounts> sdg;    // Sdg::number
};
// An item counts once in each area, goal, target, NBSAP action and SDG its action maps to.
// Every area and goal of the plan has an entry; `kmgbf`, `nbsap` and `sdg` have one for each
// number some action maps to (the plan does not hold the catalogues). Ids naming no item are
// not counted.
PlanRollup roll_up(const Plan& plan, const ItemStatuses& statuses);

}  // namespace bsap::plan
