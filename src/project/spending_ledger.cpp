// The ledger rules of §5.5: an item never takes more than its cap, an increase stays within the
// share limits.yaml#budget_variation.item_increase allows, and the settlement offsets income and
// never reimburses more than the approved total.
#include "project/spending_ledger.h"

#include <algorithm>
#include <array>

#include "ccfs/application.h"

namespace bsap::project {
namespace {

struct IncomeKindInfo {
  IncomeKind kind;
  std::string_view code;
};

constexpr std::array<IncomeKindInfo, 4> kIncomeKinds{{
    {IncomeKind::project_income, "project_income"},
    {IncomeKind::sponsorship, "sponsorship"},
    {IncomeKind::interest, "interest"},
    {IncomeKind::asset_proceeds, "asset_proceeds"},
}};

const LedgerItem* find_item(const std::vector<LedgerItem>& items, int item_no) {
  const auto found = std::find_if(items.begin(), items.end(),
                                  [&](const LedgerItem& item) { return item.item_no == item_no; });
  return found == items.end() ? nullptr : &*found;
}

std::string item_zh(int item_no) { return "第" + std::to_string(item_no) + "項開支"; }
std::string item_en(int item_no) { return "Item " + std::to_string(item_no); }

// 「第3項開支(導賞員)」 / "Item 3 (guides)".
std::string named_zh(const LedgerItem& item) {
  return item_zh(item.item_no) + "(" + item.name + ")";
}
std::string named_en(const LedgerItem& item) {
  return item_en(item.item_no) + " (" + item.name + ")";
}

LedgerRefusal not_in_budget(int item_no) {
  return {"§5.5.6",
          item_zh(item_no) +
              "不在核准預算內：任何不包括在核准預算內的開支項目將不予發還(第5.5.6節)。"
              "請記入核准預算內的項目；如須新增開支項目，須按第5.16.6(a)節修改預算，"
              "由秘書處在諮詢委員會後批准。",
          item_en(item_no) +
              " is not in the approved budget: expenditure outside the approved budget is not "
              "reimbursed (§5.5.6). Record it against an item of the approved budget; a new "
              "item needs a budget modification under §5.16.6(a), approved by the secretariat "
              "after consulting the committee."};
}

// The largest total increase the cap admits: pct % of the approved amount, floored to the cent.
Money largest_increase(const rules::PercentCap& cap, Money approved) {
  return share_of(approved, std::int64_t{cap.max_pct} * 100);
}

LedgerRefusal increase_above_cap(const rules::PercentCap& cap, const LedgerItem& item,
                                 Money increase) {
  const Money largest = largest_increase(cap, item.approved);
  const Money still = std::max(largest - item.increase, Money{});
  const std::string pct = std::to_string(cap.max_pct) + "%";
  const std::string& clause = cap.source.clause;
  return {clause,
          named_zh(item) + "的核准資助額為" + format_hkd(item.approved) + "，已獲批提高" +
              format_hkd(item.increase) + "，今再申請提高" + format_hkd(increase) +
              "，合共超過核准資助額的" + pct + "(" + format_hkd(largest) + "，" + clause +
              ")。此項目最多可再提高" + format_hkd(still) +
              "；超出之數須按第5.16.6(a)節修改預算，由秘書處在諮詢委員會後批准。",
          named_en(item) + " was approved at " + format_hkd(item.approved) +
              ", already increased by " + format_hkd(item.increase) + "; a further " +
              format_hkd(increase) + " would take the increases above " + pct +
              " of the approved amount (" + format_hkd(largest) + ", " + clause +
              "). The item may be increased by at most " + format_hkd(still) +
              " more; beyond that the budget needs a modification under §5.16.6(a), approved by "
              "the secretariat after consulting the committee."};
}

LedgerRefusal above_cap(const LedgerItem& item, Money amount) {
  const std::string cap = format_hkd(item.cap());
  const std::string approved = format_hkd(item.approved);
  const std::string increased = format_hkd(item.increase);
  const std::string spent = format_hkd(item.spent);
  const std::string left = format_hkd(std::max(item.headroom(), Money{}));
  const std::string entered = format_hkd(amount);
  // The share is limits.yaml#budget_variation.item_increase; this function has no ruleset to
  // read it from, so the text gives it as §5.5.3 does.
  return {"§5.5.3",
          named_zh(item) + "的上限為" + cap + "(核准資助額" + approved + "，另獲批提高" +
              increased + ")，已支出" + spent + "，尚餘" + left + "；今記入" + entered +
              "會超出上限，超出部分不獲發還(第5.5.3節)。請只記入不多於" + left +
              "的開支，或事先徵求秘書處的書面批准，把該項目的核准資助額提高最多20%。",
          named_en(item) + " has a cap of " + cap + " (approved " + approved + ", increased by " +
              increased + "), of which " + spent + " is spent and " + left + " remains; " +
              entered + " would exceed the cap, and the excess is not reimbursed (§5.5.3). " +
              "Record at most " + left +
              ", or ask the secretariat in advance for written approval to increase the item by "
              "up to 20% of its approved amount."};
}

}  // namespace

std::string_view income_kind_code(IncomeKind kind) {
  for (const IncomeKindInfo& known : kIncomeKinds)
    if (known.kind == kind) return known.code;
  return "";
}

std::optional<IncomeKind> income_kind_from_code(std::string_view code) {
  for (const IncomeKindInfo& known : kIncomeKinds)
    if (known.code == code) return known.kind;
  return std::nullopt;
}

std::optional<LedgerRefusal> check_item_increase(const rules::Ruleset& ruleset,
                                                 const std::vector<LedgerItem>& items, int item_no,
                                                 Money increase, const std::string& reason) {
  const LedgerItem* item = find_item(items, item_no);
  if (!item) return not_in_budget(item_no);
  const rules::PercentCap& cap = ruleset.item_increase_cap;
  const std::string& clause = cap.source.clause;
  if (increase <= Money{})
    return LedgerRefusal{clause,
                         named_zh(*item) + "的提高額為" + format_hkd(increase) +
                             "：提高額須大於零(" + clause + ")。請填寫擬提高的款額。",
                         named_en(*item) + ": an increase of " + format_hkd(increase) +
                             " is not an increase; it must be above zero (" + clause +
                             "). Enter the amount to add."};
  if (ccfs::is_blank(reason))
    return LedgerRefusal{clause,
                         named_zh(*item) + "的提高須事先徵求秘書處的書面批准(" + clause +
                             ")，申請須說明理由。請填寫提高的理由。",
                         named_en(*item) + ": an increase needs the secretariat's written " +
                             "approval in advance (" + clause +
                             "), and the request states its reason. Give the reason."};
  if (!cap.admits(item->increase + increase, item->approved))
    return increase_above_cap(cap, *item, increase);
  return std::nullopt;
}

std::optional<LedgerRefusal> check_expenditure(const std::vector<LedgerItem>& items, int item_no,
                                               Money amount) {
  const LedgerItem* item = find_item(items, item_no);
  if (!item) return not_in_budget(item_no);
  if (amount <= Money{})
    return LedgerRefusal{"§5.5.3",
                         named_zh(*item) + "的開支為" + format_hkd(amount) +
                             "：開支須大於零。如需更正已記入的開支，請修改該筆紀錄。",
                         named_en(*item) + ": an expenditure of " + format_hkd(amount) +
                             " must be above zero. To correct a recorded expenditure, amend "
                             "that record."};
  if (item->spent + amount > item->cap()) return above_cap(*item, amount);
  return std::nullopt;
}

Settlement settle(const SettlementInput& input) {
  Settlement settled;
  for (const LedgerItem& item : input.items)
    settled.eligible += std::clamp(item.spent, Money{}, std::max(item.cap(), Money{}));
  // §5.5.3: increases of items never raise the total reimbursed above the approved total.
  settled.eligible = std::min(settled.eligible, input.approved);
  // §5.5.2, §5.6.2: income offsets the expenditure, except what §5.5.8 lets be re-invested.
  settled.offset = std::max(input.income - input.reinvested, Money{});
  settled.reimbursable = std::max(settled.eligible - settled.offset - input.reductions, Money{});
  settled.net_paid = input.paid - input.refunded;
  settled.balance = settled.reimbursable - settled.net_paid;
  return settled;
}

}  // namespace bsap::project
