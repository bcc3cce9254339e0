// The sums the budget rules are stated against (§3.11.4, 附錄2): expenditure, income and the
// grant the application asks for. Pure arithmetic in cents.
#pragma once
#include "ccfs/application.h"
#include "core/money.h"

namespace bsap::ccfs {

struct BudgetTotals {
  Money expenditure;  // every budget line: the proposed total budget (核准預算總額)
  Money income;       // project income (§3.11.4)
  Money sponsorship;  // confirmed other funding in cash or kind (§2.7.10)
  Money grant;        // expenditure − income − sponsorship: the grant asked for (§3.11.4)
  Money heritage_component;  // MA lines marked heritage (§3.9.2, 註10/註11)
  Money nature_component;    // MA: the rest
  Money contribution() const { return income + sponsorship; }
};

BudgetTotals budget_totals(const Application& application);

}  // namespace bsap::ccfs
