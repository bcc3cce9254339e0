// check_cumulative: §2.5.2 (what one applicant may receive in any three years: MA, non-MA and
// both) and §2.5.3 (above a limit: case by case). The check runs on 2026-11-22, so the window
// holds grants approved after 2023-11-22.
#include <gtest/gtest.h>

#include "ccfs/budget_totals.h"
#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

PriorGrant ma_grant(Money amount, const std::string& approved_on = "2025-06-30") {
  return {"CCFS-MA-1", "management_agreement", day(approved_on), amount};
}

PriorGrant non_ma_grant(Money amount, const std::string& approved_on = "2025-06-30") {
  return {"CCFS-NM-1", "research_activity", day(approved_on), amount};
}

const Money kMaGrant = testing::hkd(744'100);     // complete_ma() asks for this
const Money kNonMaGrant = testing::hkd(323'000);  // complete_non_ma(...) asks for this
const Money kMaLimit = testing::hkd(15'000'000);
const Money kNonMaLimit = testing::hkd(8'000'000);
const Money kCombinedLimit = testing::hkd(20'000'000);

TEST(CumulativeCheck, TheCleanApplicationsAskForTheseGrants) {
  EXPECT_EQ(budget_totals(complete_ma()).grant, kMaGrant);
  EXPECT_EQ(budget_totals(complete_non_ma("heritage_building")).grant, kNonMaGrant);
}

TEST(CumulativeCheck, ManagementAgreementLimit_2_5_2_i) {
  const Money room = kMaLimit - kMaGrant;
  EXPECT_TRUE(findings_of(check(complete_ma(), {ma_grant(room - cents(1))}),
                          "cumulative.management_agreement")
                  .empty());
  EXPECT_TRUE(findings_of(check(complete_ma(), {ma_grant(room)}), "cumulative.management_agreement")
                  .empty());
  const Finding finding =
      single(check(complete_ma(), {ma_grant(room + cents(1))}), "cumulative.management_agreement",
             Severity::needs_justification, "§2.5.2(i), §2.5.3");
  EXPECT_EQ(finding.field, "budget");
  EXPECT_NE(finding.message_en.find("HK$15,000,000.01"), std::string::npos) << finding.message_en;
}

TEST(CumulativeCheck, NonManagementAgreementLimit_2_5_2_ii) {
  const Application a = complete_non_ma("cultural_revitalisation");
  const Money room = kNonMaLimit - kNonMaGrant;
  EXPECT_TRUE(
      findings_of(check(a, {non_ma_grant(room)}), "cumulative.non_management_agreement").empty());
  single(check(a, {non_ma_grant(room + cents(1))}), "cumulative.non_management_agreement",
         Severity::needs_justification, "§2.5.2(ii), §2.5.3");
}

TEST(CumulativeCheck, CombinedLimit_2_5_2_iii) {
  // MA grants 11,255,900 + non-MA 8,000,000 + this 744,100 = 20,000,000: within every limit.
  const Money ma_held = kCombinedLimit - kNonMaLimit - kMaGrant;
  const CheckResult at = check(complete_ma(), {ma_grant(ma_held), non_ma_grant(kNonMaLimit)});
  EXPECT_TRUE(findings_of(at, "cumulative.combined").empty()) << describe(at);
  const CheckResult over =
      check(complete_ma(), {ma_grant(ma_held + cents(1)), non_ma_grant(kNonMaLimit)});
  single(over, "cumulative.combined", Severity::needs_justification, "§2.5.2(iii), §2.5.3");
  EXPECT_TRUE(findings_of(over, "cumulative.management_agreement").empty());
}

TEST(CumulativeCheck, OnlyTheLimitsThisApplicationAddsTo_2_5_2) {
  // MA grants at the combined limit: a non-MA application is over (iii), not over (i).
  const CheckResult result =
      check(complete_non_ma("research_activity"), {ma_grant(kCombinedLimit)});
  single(result, "cumulative.combined", Severity::needs_justification, "§2.5.2(iii), §2.5.3");
  EXPECT_TRUE(findings_of(result, "cumulative.management_agreement").empty());
  EXPECT_TRUE(findings_of(result, "cumulative.non_management_agreement").empty());
}

TEST(CumulativeCheck, GrantsOlderThanThreeYearsHaveLeftTheWindow_2_5_2) {
  const Money over = kMaLimit;  // with this grant, one cent over would already do
  EXPECT_TRUE(findings_of(check(complete_ma(), {ma_grant(over, "2023-11-22")}),
                          "cumulative.management_agreement")
                  .empty());
  single(check(complete_ma(), {ma_grant(over, "2023-11-23")}), "cumulative.management_agreement",
         Severity::needs_justification, "§2.5.2(i), §2.5.3");
}

TEST(CumulativeCheck, GrantsOfTypesTheRulesetDoesNotKnowCountAsNonMa_2_5_2_ii) {
  const PriorGrant old_type{"CCFS-OLD-1", "pilot_scheme", day("2025-01-02"), kNonMaLimit};
  single(check(complete_non_ma("heritage_building"), {old_type}),
         "cumulative.non_management_agreement", Severity::needs_justification,
         "§2.5.2(ii), §2.5.3");
}

TEST(CumulativeCheck, ReasonsTurnTheFindingIntoInfo_2_5_3) {
  Application a = complete_ma();
  a.justifications["cumulative.management_agreement"] = "A second site of the same wetland.";
  single(check(a, {ma_grant(kMaLimit)}), "cumulative.management_agreement", Severity::info,
         "§2.5.2(i), §2.5.3");
}

}  // namespace
}  // namespace bsap::ccfs::testing
