#include "ccfs/budget_totals.h"

namespace bsap::ccfs {

BudgetTotals budget_totals(const Application& application) {
  BudgetTotals totals;
  const bool management_agreement = application.project_type == "management_agreement";
  for (const BudgetLine& line : application.budget) {
    const Money amount = line.amount();
    totals.expenditure += amount;
    if (!management_agreement) continue;
    (line.component == "heritage" ? totals.heritage_component : totals.nature_component) += amount;
  }
  for (const IncomeLine& line : application.income) totals.income += line.amount;
  // Pending sponsorship is not yet money the project has (§2.7.10 asks only for its chances).
  for (const FundingSource& source : application.other_funding)
    if (source.status == "confirmed") totals.sponsorship += source.amount;
  totals.grant = totals.expenditure - totals.contribution();
  return totals;
}

}  // namespace bsap::ccfs
