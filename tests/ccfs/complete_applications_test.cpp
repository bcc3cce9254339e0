// The clean applications every other ccfs test spoils one field at a time must themselves pass
// the checker clean: no blocking and no needs_justification finding.
#include <gtest/gtest.h>

#include "ccfs/budget_totals.h"
#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

void expect_clean(const Application& application) {
  const CheckResult result = check(application);
  EXPECT_EQ(result.count(Severity::blocking), 0u) << describe(result);
  EXPECT_EQ(result.count(Severity::needs_justification), 0u) << describe(result);
  EXPECT_TRUE(result.eligible());
}

TEST(CompleteApplications, ManagementAgreementPassesClean) { expect_clean(complete_ma()); }

TEST(CompleteApplications, HeritageBuildingPassesClean) {
  expect_clean(complete_non_ma("heritage_building"));
}

TEST(CompleteApplications, CulturalRevitalisationPassesClean) {
  expect_clean(complete_non_ma("cultural_revitalisation"));
}

TEST(CompleteApplications, ResearchActivityPassesClean) {
  expect_clean(complete_non_ma("research_activity"));
}

TEST(CompleteApplications, BudgetTotalsDeductIncomeBeforeTheGrant_3_11_4) {
  const BudgetTotals totals = budget_totals(complete_ma());
  EXPECT_EQ(totals.expenditure, hkd(794'100));
  EXPECT_EQ(totals.income, hkd(50'000));
  EXPECT_EQ(totals.grant, hkd(744'100));
}

}  // namespace
}  // namespace bsap::ccfs::testing
