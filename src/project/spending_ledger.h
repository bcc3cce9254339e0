// The money of a funded project after the agreement (guidelines §5.5.2–§5.5.8, §5.6.2, §5.14.2,
// §5.16.3): what each budget item may still take, whether an expenditure or an item increase is
// allowed, and the settlement at completion or termination. Pure; amounts exact to the cent.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "rules/ruleset.h"

namespace bsap::project {

// One item of the approved budget (an application budget line as approved).
struct LedgerItem {
  int item_no = 0;  // 1-based, in the approved budget's order
  std::string name;
  Money approved;
  Money increase;  // approved by the secretariat in advance (§5.5.3); zero when none
  Money spent;     // recorded expenditure so far
  Money cap() const { return approved + increase; }
  Money headroom() const { return cap() - spent; }
};

// Income the project earns or receives (§5.5.2, §5.6.2, §5.14.2).
enum class IncomeKind { project_income, sponsorship, interest, asset_proceeds };
std::string_view income_kind_code(IncomeKind kind);
std::optional<IncomeKind> income_kind_from_code(std::string_view code);

struct LedgerRefusal {
  std::string clause;
  std::string message_zh;
  std::string message_en;
};

// §5.5.3: an increase of an item up to 20 % of its approved amount (all increases of the item
// together), with a reason; never for an item outside the budget (§5.5.6). nullopt: allowed.
std::optional<LedgerRefusal> check_item_increase(const rules::Ruleset& ruleset,
                                                 const std::vector<LedgerItem>& items, int item_no,
                                                 Money increase, const std::string& reason);

// §5.5.6: an item outside the approved budget is refused; §5.5.3: the item's cap (approved plus
// approved increases) is never exceeded; the amount is positive. nullopt: allowed.
std::optional<LedgerRefusal> check_expenditure(const std::vector<LedgerItem>& items, int item_no,
                                               Money amount);

struct SettlementInput {
  Money approved;                   // the approved total (§5.5.3: never reimbursed above it)
  std::vector<LedgerItem> items;
  Money income;        // project income, sponsorship, interest and asset proceeds received
  Money reinvested;    // of which the Approval Panel agreed to re-invest (§5.5.8)
  Money reductions;    // confirmed reductions (§5.5.4, §5.5.5)
  Money paid;          // instalments released so far
  Money refunded;      // refunds already received
};

struct Settlement {
  Money eligible;      // Σ min(spent, cap) per item, at most the approved total
  Money offset;        // income − reinvested, at least zero (§5.5.2, §5.6.2, §5.5.8)
  Money reimbursable;  // eligible − offset − reductions, at least zero
  Money net_paid;      // paid − refunded
  // reimbursable − net_paid: positive, the final payment owed; negative, the refund due
  // (§5.5.7 within one month of completion; §5.16.3 on termination).
  Money balance;
};
Settlement settle(const SettlementInput& input);

}  // namespace bsap::project
