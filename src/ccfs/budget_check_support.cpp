#include "ccfs/budget_check_support.h"

#include <algorithm>
#include <cstdio>

namespace bsap::ccfs {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The cap a band's figure gives an activity of `minutes`: a rate per hour, or a flat sum.
ScaledCap cap_of(const rules::NamedAmount& figure, int minutes) {
  return ends_with(figure.name, "_hour") ? ScaledCap::hourly(figure.amount, minutes)
                                         : ScaledCap::flat(figure.amount);
}

}  // namespace

std::string line_field(std::size_t index, std::string_view member) {
  std::string field = "budget[" + std::to_string(index) + "]";
  if (!member.empty()) field += "." + std::string(member);
  return field;
}

std::string line_name_zh(std::size_t index) { return "第" + std::to_string(index + 1) + "項預算"; }

std::string line_name_en(std::size_t index) { return "Budget line " + std::to_string(index + 1); }

const BudgetKind* kind_of(const BudgetLine& line) { return find_budget_kind(line.kind); }

const rules::BudgetItem* appendix2_item_of(const rules::Ruleset& ruleset, const BudgetKind& kind) {
  return kind.appendix2_item == 0 ? nullptr : ruleset.budget.item(kind.appendix2_item);
}

Money sum_of_lines(const Application& application,
                   const std::function<bool(const BudgetKind&)>& selects) {
  Money sum;
  for (const BudgetLine& line : application.budget)
    if (const BudgetKind* kind = kind_of(line); kind && selects(*kind)) sum += line.amount();
  return sum;
}

bool is_management_agreement(const CheckInput& input) {
  return input.type && input.type->application_form == "ma";
}

bool applies_to(const std::vector<std::string>& project_types, std::string_view project_type) {
  return project_types.empty() ||
         std::find(project_types.begin(), project_types.end(), project_type) != project_types.end();
}

std::optional<std::string> rule_leaf(const rules::Ruleset& ruleset, std::string_view key_path,
                                     std::string_view leaf) {
  const rules::RuleEntry* entry = ruleset.entry(key_path);
  if (!entry) return std::nullopt;
  for (const rules::RuleLeaf& found : entry->leaves)
    if (found.path == leaf) return found.json;
  return std::nullopt;
}

bool rule_is_general(const rules::Ruleset& ruleset, std::string_view key_path) {
  return rule_leaf(ruleset, key_path, "value.binding") == quoted("general");
}

bool rule_applies_to(const rules::Ruleset& ruleset, std::string_view key_path,
                     std::string_view project_type) {
  const rules::RuleEntry* entry = ruleset.entry(key_path);
  if (!entry) return true;
  bool listed = false;
  for (const rules::RuleLeaf& leaf : entry->leaves) {
    if (!leaf.path.starts_with("applies_to[")) continue;
    listed = true;
    if (leaf.json == quoted(project_type)) return true;
  }
  return !listed;
}

void report(FindingSink& sink, bool general, std::string rule, std::string clause,
            std::string field, std::string zh, std::string en) {
  if (general)
    sink.needs_justification(std::move(rule), std::move(clause), std::move(field), std::move(zh),
                             std::move(en));
  else
    sink.blocking(std::move(rule), std::move(clause), std::move(field), std::move(zh),
                  std::move(en));
}

std::string percent_text(int pct) { return std::to_string(pct) + "%"; }

std::string share_text(Money part, Money whole) {
  if (whole <= Money{}) return "—";
  const std::int64_t bp = ratio_bp(part, whole);
  char text[48];
  std::snprintf(text, sizeof text, "%s%lld.%02lld%%", bp < 0 ? "-" : "",
                static_cast<long long>((bp < 0 ? -bp : bp) / 100),
                static_cast<long long>((bp < 0 ? -bp : bp) % 100));
  return text;
}

Money largest_admitted(const rules::PercentCap& cap, Money base) {
  Money largest = share_of(base, std::int64_t{cap.max_pct} * 100);
  if (!cap.admits(largest, base)) largest -= Money::from_cents(1);
  return largest;
}

Money smallest_meeting(const rules::PercentFloor& floor, Money base) {
  Money smallest = share_of(base, std::int64_t{floor.min_pct} * 100);
  if (!floor.met_by(smallest, base)) smallest += Money::from_cents(1);
  return smallest;
}

std::optional<ScaledCap> hour_band_cap(const rules::BudgetItem& item, int minutes) {
  std::optional<ScaledCap> highest;
  for (const rules::HourBand& band : item.hour_bands) {
    if (!band.contains(minutes)) continue;
    for (const rules::NamedAmount& figure : item.amounts) {
      if (!figure.name.starts_with(band.name + ".")) continue;
      const ScaledCap cap = cap_of(figure, minutes);
      if (!highest || cap > *highest) highest = cap;
    }
  }
  return highest;
}

}  // namespace bsap::ccfs
