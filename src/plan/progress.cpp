// Progress on the plan's priority items (000_e0ccae9882b7fb64.txt 5.1 監測進度): status and report
// codes, the report's life from draft to publication, and the roll-ups by action, area, goal and
// framework. Pure; the rules are progress.h's comments.
#include "plan/progress.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "plan/crosswalk.h"

namespace bsap::plan {
namespace {

constexpr std::array<std::pair<ItemStatus, std::string_view>, 6> kStatusCodes = {{
    {ItemStatus::not_started, "not_started"},
    {ItemStatus::on_track, "on_track"},
    {ItemStatus::needs_attention, "needs_attention"},
    {ItemStatus::off_track, "off_track"},
    {ItemStatus::completed, "completed"},
    {ItemStatus::ongoing, "ongoing"},
}};

constexpr std::array<std::pair<ReportState, std::string_view>, 4> kStateCodes = {{
    {ReportState::draft, "draft"},
    {ReportState::submitted, "submitted"},
    {ReportState::reviewed, "reviewed"},
    {ReportState::published, "published"},
}};

bool going_as_planned(ItemStatus status) {
  return status == ItemStatus::on_track || status == ItemStatus::completed ||
         status == ItemStatus::ongoing;
}

// A positive decimal number without sign or leading zero, as item numbers are written.
std::optional<int> canonical_positive(std::string_view digits) {
  if (digits.empty() || digits.front() == '0') return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

void count(StatusCounts& counts, const std::optional<ItemStatus>& status) {
  ++counts.items;
  if (!status) return;
  ++counts.reported;
  ++counts.by_status[*status];
}

}  // namespace

std::string_view status_code(ItemStatus status) {
  for (const auto& [value, code] : kStatusCodes)
    if (value == status) return code;
  return "";
}

std::optional<ItemStatus> parse_status(std::string_view code) {
  for (const auto& [value, known] : kStatusCodes)
    if (known == code) return value;
  return std::nullopt;
}

const std::vector<ItemStatus>& all_statuses() {
  static const std::vector<ItemStatus> statuses = [] {
    std::vector<ItemStatus> in_order;
    for (const auto& [value, code] : kStatusCodes) in_order.push_back(value);
    return in_order;
  }();
  return statuses;
}

std::string_view state_code(ReportState state) {
  for (const auto& [value, code] : kStateCodes)
    if (value == state) return code;
  return "";
}

std::optional<ReportState> parse_state(std::string_view code) {
  for (const auto& [value, known] : kStateCodes)
    if (known == code) return value;
  return std::nullopt;
}

std::string_view event_code(ReportEvent event) {
  switch (event) {
    case ReportEvent::submit:
      return "submit";
    case ReportEvent::return_to_draft:
      return "return";
    case ReportEvent::review:
      return "review";
    case ReportEvent::publish:
      return "publish";
  }
  return "";
}

std::optional<ReportState> next_state(ReportState from, ReportEvent event) {
  switch (event) {
    case ReportEvent::submit:
      if (from == ReportState::draft) return ReportState::submitted;
      break;
    case ReportEvent::review:
      if (from == ReportState::submitted) return ReportState::reviewed;
      break;
    case ReportEvent::return_to_draft:
      if (from == ReportState::submitted || from == ReportState::reviewed)
        return ReportState::draft;
      break;
    case ReportEvent::publish:
      if (from == ReportState::reviewed) return ReportState::published;
      break;
  }
  return std::nullopt;
}

std::string item_id(const Action& action, const ActionItem& item) {
  return action.number + "." + std::to_string(item.number);
}

std::optional<ItemRef> find_item(const Plan& plan, std::string_view id) {
  const std::size_t dot = id.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::optional<int> number = canonical_positive(id.substr(dot + 1));
  const Action* action = find_action(plan, id.substr(0, dot));
  if (!number || !action) return std::nullopt;
  const auto item =
      std::find_if(action->items.begin(), action->items.end(),
                   [&](const ActionItem& candidate) { return candidate.number == *number; });
  if (item == action->items.end()) return std::nullopt;
  return ItemRef{action, &*item};
}

int StatusCounts::going_well() const {
  int going = 0;
  for (const auto& [status, items_with_it] : by_status)
    if (going_as_planned(status)) going += items_with_it;
  return going;
}

double StatusCounts::share_on_track() const {
  return items == 0 ? 0.0 : static_cast<double>(going_well()) / items;
}

// "Every item completed" counts every item of the action, reported or not: an action with an
// unreported item is not complete. "Every reported item not started" counts the reported ones
// only, as the header says. The header's order of the rules is kept.
std::optional<ItemStatus> action_status(const std::vector<std::optional<ItemStatus>>& items) {
  const auto has = [&](ItemStatus status) {
    return std::find(items.begin(), items.end(), std::optional(status)) != items.end();
  };
  const auto reported = [](const std::optional<ItemStatus>& item) { return item.has_value(); };
  if (std::none_of(items.begin(), items.end(), reported)) return std::nullopt;
  if (has(ItemStatus::off_track)) return ItemStatus::off_track;
  if (has(ItemStatus::needs_attention)) return ItemStatus::needs_attention;
  if (std::all_of(items.begin(), items.end(),
                  [](const auto& item) { return item == ItemStatus::completed; }))
    return ItemStatus::completed;
  if (std::all_of(items.begin(), items.end(),
                  [](const auto& item) { return !item || *item == ItemStatus::not_started; }))
    return ItemStatus::not_started;
  return ItemStatus::on_track;
}

// Every area and goal of the plan has an entry, with no items where no action serves it. The
// framework maps (KMGBF, NBSAP, SDG) have an entry for each number some action is mapped to: the
// plan alone does not hold the catalogues. Ids in `statuses` that name no item are not counted.
PlanRollup roll_up(const Plan& plan, const ItemStatuses& statuses) {
  PlanRollup rollup;
  for (const Area& area : plan.areas) rollup.areas[area.number];
  for (const Goal& goal : plan.goals) rollup.goals[goal.number];
  for (const Action& action : plan.actions) {
    std::vector<std::optional<ItemStatus>> item_statuses;
    StatusCounts& action_counts = rollup.action_counts[action.number];
    for (const ActionItem& item : action.items) {
      const auto found = statuses.find(item_id(action, item));
      const std::optional<ItemStatus> status =
          found == statuses.end() ? std::nullopt : std::optional(found->second);
      item_statuses.push_back(status);
      count(rollup.overall, status);
      count(action_counts, status);
      count(rollup.areas[action.area], status);
      // The mappings are sorted without repeats (plan_model.h), so an item counts once in each.
      for (const int goal : action.goals) count(rollup.goals[goal], status);
      for (const int target : action.kmgbf) count(rollup.kmgbf[target], status);
      for (const int nbsap : action.nbsap) count(rollup.nbsap[nbsap], status);
      for (const int sdg : action.sdg) count(rollup.sdg[sdg], status);
    }
    rollup.actions[action.number] = action_status(item_statuses);
  }
  return rollup;
}

}  // namespace bsap::plan
