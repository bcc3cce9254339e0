// What the budget check steps (check_budget_lines, check_budget_shares, check_contribution,
// check_disbursement, check_procurement) share: sums of lines by kind, JSON paths of fields,
// figures and percentages for messages, and the facts of a rule the typed ruleset keeps only in
// its entry (「一般」, applies_to). Pure arithmetic in cents.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccfs/budget_kinds.h"
#include "ccfs/check_step.h"

namespace bsap::ccfs {

// "budget[3]", "budget[3].unit_cost".
std::string line_field(std::size_t index, std::string_view member = {});
// "第4項預算" / "Budget line 4": how messages name a line (1-based, as the applicant counts).
std::string line_name_zh(std::size_t index);
std::string line_name_en(std::size_t index);

// The kind of a line, nullptr when unknown (check_budget_lines reports it).
const BudgetKind* kind_of(const BudgetLine& line);
// The 附錄2 item a kind falls under in this ruleset, nullptr when none.
const rules::BudgetItem* appendix2_item_of(const rules::Ruleset& ruleset, const BudgetKind& kind);

// The sum of the lines whose kind `selects`; lines of unknown kind count for nothing.
Money sum_of_lines(const Application& application,
                   const std::function<bool(const BudgetKind&)>& selects);

// A management agreement project: the MA form of §2.7.1 (§3.5.8, §3.9 speak of these).
bool is_management_agreement(const CheckInput& input);
// A list of project types from the ruleset (applies_to) names this one; empty = every type.
bool applies_to(const std::vector<std::string>& project_types, std::string_view project_type);

// Facts of the rule entry at `key_path` ("budget.yaml#appendix2.item_14") that the typed ruleset
// does not carry: `value.binding: general` (「一般／通常」: the secretariat may depart on
// reasons) and `applies_to`. False / true when the entry is missing.
bool rule_is_general(const rules::Ruleset& ruleset, std::string_view key_path);
bool rule_applies_to(const rules::Ruleset& ruleset, std::string_view key_path,
                     std::string_view project_type);
// The scalar leaf `leaf` ("value.when_duration_above.amount") of the entry at `key_path`, as
// JSON text ("1", "\"years\""); nullopt when either is missing.
std::optional<std::string> rule_leaf(const rules::Ruleset& ruleset, std::string_view key_path,
                                     std::string_view leaf);

// A hard cap (「不超逾」, 「最高」, 「必須」) is blocking; a general one needs reasons.
void report(FindingSink& sink, bool general, std::string rule, std::string clause,
            std::string field, std::string zh, std::string en);

// "20%": a whole percentage from the ruleset.
std::string percent_text(int pct);
// part / whole as "20.01%", floored to the basis point; "—" when whole is not positive.
std::string share_text(Money part, Money whole);
// The largest amount a cap admits of `base` (for inclusive caps pct % floored to the cent; for
// strict ones a cent below an exact share), and the smallest amount meeting a floor of pct %.
Money largest_admitted(const rules::PercentCap& cap, Money base);
Money smallest_meeting(const rules::PercentFloor& floor, Money base);

// A cap on one unit of a line, kept in sixtieths of a cent so that an hourly rate times minutes
// stays exact: HK$200 an hour for 150 minutes is 200 × 100 × 150 sixtieths.
struct ScaledCap {
  std::int64_t sixtieths = 0;
  // Money's checked arithmetic: a figure beyond int64 throws rather than wraps.
  static ScaledCap flat(Money amount) { return {(amount * 60).cents()}; }
  static ScaledCap hourly(Money rate, int minutes) { return {(rate * minutes).cents()}; }
  bool admits(Money unit_cost) const { return (unit_cost * 60).cents() <= sixtieths; }
  Money floored() const { return Money::from_cents(sixtieths / 60); }  // for messages
  friend auto operator<=>(const ScaledCap&, const ScaledCap&) = default;
};

// The highest cap among the item's hour bands that contain `minutes` (items 7 and 17): each
// band's `*_cents_*_hour` figure is a rate per hour, any other `*_cents_*` figure a flat sum.
// nullopt when no band contains `minutes`.
std::optional<ScaledCap> hour_band_cap(const rules::BudgetItem& item, int minutes);

}  // namespace bsap::ccfs
