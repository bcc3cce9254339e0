#include "match/sponsorship.h"

#include <algorithm>

#include "ccfs/budget_totals.h"
#include "ccfs/checker.h"

namespace bsap::match {

bool is_declaration(const rules::Ruleset& ruleset, std::string_view declaration) {
  return declaration == kNoProhibitedCategory ||
         std::ranges::any_of(ruleset.application.prohibited_sponsors,
                             [&](const auto& sponsor) { return sponsor.key == declaration; });
}

SponsorshipOutcome add_sponsorship(const ccfs::Application& application,
                                   const Sponsorship& sponsorship, const rules::Ruleset& ruleset,
                                   CivilDate on) {
  ccfs::Application sponsored = application;
  ccfs::FundingSource source;
  source.name = sponsorship.sponsor_name;
  source.amount = sponsorship.amount;
  source.status = "confirmed";
  source.sponsor_category =
      sponsorship.declaration == kNoProhibitedCategory ? "" : sponsorship.declaration;
  // The funder recorded the pledge under its own account: its confirmation in writing (§2.7.10).
  source.written_confirmation = true;
  source.for_under_18_activity = sponsorship.for_under_18_activity;
  sponsored.other_funding.push_back(source);

  const std::string field_prefix =
      "other_funding[" + std::to_string(sponsored.other_funding.size() - 1) + "]";
  SponsorshipOutcome outcome;
  for (ccfs::Finding& finding : check_application(sponsored, ruleset, {on, {}, false}).findings)
    if (finding.rule == "sponsor.prohibited" && finding.field.starts_with(field_prefix))
      outcome.refusals.push_back(std::move(finding));

  const ccfs::BudgetTotals before = ccfs::budget_totals(application);
  const ccfs::BudgetTotals after = ccfs::budget_totals(sponsored);
  outcome.expenditure = before.expenditure;
  outcome.contribution_before = before.contribution();
  outcome.met_before = ruleset.contribution_ratio.met_by(before.contribution(), before.expenditure);
  if (outcome.accepted()) {
    outcome.application = std::move(sponsored);
    outcome.contribution_after = after.contribution();
    outcome.met_after = ruleset.contribution_ratio.met_by(after.contribution(), after.expenditure);
  } else {
    outcome.application = application;
    outcome.contribution_after = outcome.contribution_before;
    outcome.met_after = outcome.met_before;
  }
  return outcome;
}

}  // namespace bsap::match
