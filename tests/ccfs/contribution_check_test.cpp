// check_contribution (§3.11.4): income and confirmed sponsorship reach 5 % of the budget or the
// applicant gives reasons; the grant asked for is the expenditure less both.
#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

Application research() { return complete_non_ma("research_activity"); }  // budget HK$373,000

FundingSource sponsor(Money amount, const std::string& status) {
  FundingSource source;
  source.name = "Village trust";
  source.amount = amount;
  source.status = status;
  source.written_confirmation = true;
  source.pending_action = "Board meets in March";
  return source;
}

// 5 % of HK$373,000 is HK$18,650.
TEST(ContributionCheck, IncomeOfExactly5PercentPasses_3_11_4) {
  Application a = research();
  a.income = {{"Fees", hkd(18'650)}};
  a.requested_grant.reset();
  EXPECT_TRUE(clean_of(check(a), "budget.contribution_ratio"));
}

TEST(ContributionCheck, OneCentUnder5PercentNeedsJustification_3_11_4) {
  Application a = research();
  a.income = {{"Fees", hkd(18'650) - cent()}};
  const CheckResult result = check(a);
  expect_only(result, "budget.contribution_ratio", Severity::needs_justification);
  const Finding finding = findings_of(result, "budget.contribution_ratio")[0];
  EXPECT_EQ(finding.clause, "§3.11.4");
  EXPECT_NE(finding.message_en.find("HK$18,649.99"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_en.find("HK$18,650.00"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_zh.find("HK$373,000.00"), std::string::npos) << finding.message_zh;
}

TEST(ContributionCheck, ConfirmedSponsorshipCountsPendingDoesNot_3_11_4_2_7_10) {
  Application a = research();
  a.income.clear();
  a.other_funding = {sponsor(hkd(18'650), "pending")};
  expect_only(check(a), "budget.contribution_ratio", Severity::needs_justification);
  a.other_funding = {sponsor(hkd(18'650), "confirmed")};
  EXPECT_TRUE(clean_of(check(a), "budget.contribution_ratio"));
  a.other_funding = {sponsor(hkd(10'000), "confirmed")};
  a.income = {{"Fees", hkd(8'650) - cent()}};
  expect_only(check(a), "budget.contribution_ratio", Severity::needs_justification);
}

TEST(ContributionCheck, ReasonsTurnTheShortfallIntoANote_3_11_4) {
  Application a = research();
  a.income.clear();
  a.justifications["budget.contribution_ratio"] = "Asked 12 companies; none could sponsor.";
  expect_only(check(a), "budget.contribution_ratio", Severity::info);
}

TEST(ContributionCheck, RequestedGrantMustBeExpenditureLessIncome_3_11_4) {
  Application a = research();  // 373,000 − 50,000
  EXPECT_TRUE(clean_of(check(a), "budget.requested_grant"));
  a.requested_grant = hkd(323'000) + cent();
  const CheckResult result = check(a);
  expect_only(result, "budget.requested_grant", Severity::blocking);
  const Finding finding = findings_of(result, "budget.requested_grant")[0];
  EXPECT_EQ(finding.field, "requested_grant");
  EXPECT_NE(finding.message_en.find("HK$323,000.01"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_en.find("HK$323,000.00"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_zh.find("HK$323,000.01"), std::string::npos) << finding.message_zh;
}

TEST(ContributionCheck, RequestedGrantMustDeductSponsorship_3_11_4) {
  Application a = research();
  a.other_funding = {sponsor(hkd(3'000), "confirmed")};
  expect_only(check(a), "budget.requested_grant", Severity::blocking);
  a.requested_grant = hkd(320'000);
  EXPECT_TRUE(clean_of(check(a), "budget.requested_grant"));
}

TEST(ContributionCheck, NoRequestedGrantNothingToCompare_3_11_4) {
  Application a = research();
  a.requested_grant.reset();
  EXPECT_TRUE(clean_of(check(a), "budget.requested_grant"));
}

TEST(ContributionCheck, RatioAppliesToMaToo_3_11_4) {
  Application a = complete_ma();
  a.income.clear();
  expect_only(check(a), "budget.contribution_ratio", Severity::needs_justification);
}

}  // namespace
}  // namespace bsap::ccfs::testing
