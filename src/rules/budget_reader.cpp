// budget.yaml → the 附錄2 items with their caps, hour bands (items 7, 17), participants' share
// (items 10, 11) and own-equipment rent (item 3), the overheads rule (§3.10.2) and the MA
// administrative share (§3.5.8).
#include <cstdint>
#include <optional>
#include <regex>

#include "rules/section_readers.h"

namespace bsap::rules {
namespace {

const std::string kFile = "budget.yaml";

bool names_cents(const std::string& key) {
  static const std::regex cents("(^|_)cents(_|$)");
  return std::regex_search(key, cents);
}

// Every *_cents figure below `at`, named by its path without the `value` steps:
// "max_cents_per_booth", "long_activity.max_cents_per_speaker", "bands[1].max_cents_per_volunteer".
void collect_amounts(const YamlCursor& at, const std::string& name, std::vector<NamedAmount>& out) {
  if (at.node().IsSequence()) {
    const std::vector<YamlCursor> items = at.items();
    for (std::size_t i = 0; i < items.size(); ++i)
      collect_amounts(items[i], item_path(name, i), out);
    return;
  }
  if (!at.node().IsMap()) return;
  for (const auto& [key, value] : at.members()) {
    const std::string path = key == "value" ? name : join_path(name, key);
    if (names_cents(key) && value.node().IsScalar()) out.push_back({path, value.money()});
    collect_amounts(value, path, out);
  }
}

// README "Units": whole hours in min_hours / max_hours, kept as minutes so that a line of 150
// minutes compares exactly.
std::optional<int> bound_minutes(const YamlCursor& band, const std::string& key) {
  const auto hours = band.find(key);
  if (!hours) return std::nullopt;
  const std::int64_t whole = hours->integer();
  if (whole < 0 || whole > 24) hours->fail("expected whole hours 0–24");
  return static_cast<int>(whole * 60);
}

bool flag_or(const YamlCursor& band, const std::string& key, bool otherwise) {
  const auto flag = band.find(key);
  return flag ? flag->boolean() : otherwise;
}

// Every mapping under `value` with min_hours or max_hours is a band of activity length (items 7
// and 17), named by its path: "long_activity", "bands[0]".
void collect_hour_bands(const YamlCursor& at, const std::string& name, std::vector<HourBand>& out) {
  if (at.node().IsSequence()) {
    const std::vector<YamlCursor> items = at.items();
    for (std::size_t i = 0; i < items.size(); ++i)
      collect_hour_bands(items[i], item_path(name, i), out);
    return;
  }
  if (!at.node().IsMap()) return;
  if (at.has("min_hours") || at.has("max_hours")) {
    HourBand band{name, bound_minutes(at, "min_hours"), flag_or(at, "min_inclusive", true),
                  bound_minutes(at, "max_hours"), flag_or(at, "max_inclusive", true)};
    if (band.min_minutes && band.max_minutes && *band.min_minutes > *band.max_minutes)
      at.fail("min_hours is above max_hours");
    out.push_back(std::move(band));
    return;
  }
  for (const auto& [key, value] : at.members())
    collect_hour_bands(value, join_path(name, key), out);
}

// Item 3 `own_equipment`: by exception, at most this share of the current market rent.
std::optional<int> own_equipment_rent_pct(const YamlCursor& item) {
  const auto own = item.find("own_equipment");
  if (!own) return std::nullopt;
  const auto pct = (*own)["value"].find("exception_max_pct");
  return pct ? std::optional<int>(pct->percent()) : std::nullopt;
}

// Items are item_1 … item_n in order, so a lost or doubled item stands out.
int item_number(const std::string& key, std::size_t index, const YamlCursor& item) {
  if (key != "item_" + std::to_string(index + 1))
    item.fail("expected item_" + std::to_string(index + 1) + " here, in number order");
  return static_cast<int>(index + 1);
}

BudgetItem read_item(int number, const YamlCursor& item) {
  BudgetItem read;
  read.number = number;
  read.source = source_of(item, kFile);
  read.name = item["name"].bilingual();
  if (const auto value = item.find("value"); value && value->has("max_pct")) {
    read.share_cap = PercentCap{read.source, (*value)["max_pct"].percent(), true};
    read.share_of = (*value)["of"].texts();
  }
  collect_amounts(item, "", read.amounts);
  if (const auto value = item.find("value")) {
    collect_hour_bands(*value, "", read.hour_bands);
    if (const auto share = value->find("participant_share_pct"))
      read.participant_share_pct = share->percent();
  }
  read.own_equipment_market_rent_pct = own_equipment_rent_pct(item);
  if (const auto quotation = item.find("quotation_required"))
    read.quotation_required = quotation->boolean();
  if (const auto applies = item.find("applies_to")) read.applies_to = applies->texts();
  return read;
}

PercentCap percent_cap(const YamlCursor& rule, const YamlCursor& value) {
  const auto inclusive = value.find("inclusive");
  return {source_of(rule, kFile), value["max_pct"].percent(), !inclusive || inclusive->boolean()};
}

void read_overheads(const YamlCursor& overheads, Budget& budget) {
  const YamlCursor value = overheads["value"];
  budget.overheads = {source_of(overheads, kFile), percent_cap(overheads, value["non_subvented"]),
                      value["subvented"]["funded"].boolean()};
}

}  // namespace

void read_budget(const YamlCursor& document, Ruleset& ruleset) {
  Budget& budget = ruleset.budget;
  const auto items = document["appendix2"].members();
  for (std::size_t i = 0; i < items.size(); ++i)
    budget.appendix2.push_back(
        read_item(item_number(items[i].first, i, items[i].second), items[i].second));
  read_overheads(document["other"]["overheads"], budget);
  const YamlCursor share = document["staffing_and_general"]["ma_admin_and_general_share"];
  budget.ma_admin_and_general_share = percent_cap(share, share["value"]);
}

}  // namespace bsap::rules
