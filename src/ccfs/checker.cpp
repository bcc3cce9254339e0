#include "ccfs/checker.h"

#include <array>

#include "ccfs/check_step.h"

namespace bsap::ccfs {

CheckResult check_application(const Application& application, const rules::Ruleset& ruleset,
                              const CheckContext& context) {
  using Step = void (*)(const CheckInput&, FindingSink&);
  static constexpr std::array<Step, 14> kSteps = {
      check_applicant,    check_sites,         check_heritage, check_ceilings,
      check_cumulative,   check_partners,      check_kpis,     check_completeness,
      check_budget_lines, check_budget_shares, check_renewal,  check_contribution,
      check_disbursement, check_procurement};
  const BudgetTotals totals = budget_totals(application);
  const CheckInput input{application, ruleset, context,
                         ruleset.project_type(application.project_type), totals};
  CheckResult result;
  FindingSink sink(application, result.findings);
  for (const Step step : kSteps) step(input, sink);
  return result;
}

}  // namespace bsap::ccfs
