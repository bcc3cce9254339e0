// §4.2.3(i): an application renewing an earlier MA project explains every broad expenditure head
// whose total differs from the earlier project's approved budget by 30 % or more (the threshold
// from the ruleset). The heads are the budget's sections (budget_kinds.h, BudgetSection), the
// groups the scheme's budget template lays the budget out in. Pure.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ccfs/application.h"
#include "ccfs/budget_kinds.h"
#include "core/money.h"
#include "rules/ruleset.h"

namespace bsap::ccfs {

struct HeadVariance {
  BudgetSection head;
  Money previous;  // the earlier project's approved budget for the head
  Money proposed;  // this application's total for the head
  // |proposed − previous| / previous in basis points (1 % = 100), exact integer arithmetic,
  // rounded down; nullopt where previous is zero and proposed is not (a new head).
  std::optional<long long> variance_basis_points;
  bool needs_explanation = false;  // at or over the threshold, or a new head
};

// One line per head in either budget, in BudgetSection order; empty unless the application is
// a renewal (Application::renewal).
std::vector<HeadVariance> renewal_variances(const Application& application,
                                            const rules::Ruleset& ruleset);

// The justification key under which the applicant explains a head's variance:
// "renewal.variance.activities". The checker's finding carries the same key as its rule.
std::string renewal_variance_rule(BudgetSection head);

}  // namespace bsap::ccfs
