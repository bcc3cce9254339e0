#include "ccfs/renewal_variance.h"

#include <map>

namespace bsap::ccfs {
namespace {

// This application's total per head; a line of a kind the vocabulary does not know counts under
// `other`, as the budget sheet lays it out (budget_sheet.h).
std::map<BudgetSection, Money> proposed_by_head(const Application& application) {
  std::map<BudgetSection, Money> totals;
  for (const BudgetLine& line : application.budget) {
    const BudgetKind* kind = find_budget_kind(line.kind);
    totals[kind ? kind->section : BudgetSection::other] += line.amount();
  }
  return totals;
}

// The earlier approved budget per head; a key that names no head is left out (the JSON reader
// refuses it, so only an Application built in code can carry one).
std::map<BudgetSection, Money> previous_by_head(const Renewal& renewal) {
  std::map<BudgetSection, Money> totals;
  for (const auto& [key, amount] : renewal.previous_approved_budget)
    if (const auto head = parse_budget_section(key)) totals[*head] += amount;
  return totals;
}

Money magnitude(Money amount) { return amount < Money{} ? -amount : amount; }

HeadVariance compare(BudgetSection head, Money previous, Money proposed, int threshold_pct) {
  HeadVariance variance{head, previous, proposed, std::nullopt, false};
  if (previous == Money{}) {
    // A head the earlier project did not have: any amount is a difference to explain.
    variance.variance_basis_points =
        proposed == Money{} ? std::optional<long long>(0) : std::nullopt;
    variance.needs_explanation = proposed != Money{};
    return variance;
  }
  const long long bp = ratio_bp(magnitude(proposed - previous), magnitude(previous));
  variance.variance_basis_points = bp;
  // Floored basis points reach a whole percentage exactly when the exact ratio does, so 30.00 %
  // is explained and 29.999 % is not.
  variance.needs_explanation = bp >= static_cast<long long>(threshold_pct) * 100;
  return variance;
}

}  // namespace

std::vector<HeadVariance> renewal_variances(const Application& application,
                                            const rules::Ruleset& ruleset) {
  if (!application.renewal) return {};
  const std::map<BudgetSection, Money> proposed = proposed_by_head(application);
  const std::map<BudgetSection, Money> previous = previous_by_head(*application.renewal);
  std::vector<HeadVariance> variances;
  for (const BudgetSection head : budget_sections()) {
    const auto before = previous.find(head);
    const auto now = proposed.find(head);
    if (before == previous.end() && now == proposed.end()) continue;
    variances.push_back(compare(head, before == previous.end() ? Money{} : before->second,
                                now == proposed.end() ? Money{} : now->second,
                                ruleset.assessment.renewal_variance_pct));
  }
  return variances;
}

std::string renewal_variance_rule(BudgetSection head) {
  return "renewal.variance." + std::string(budget_section_key(head));
}

}  // namespace bsap::ccfs
