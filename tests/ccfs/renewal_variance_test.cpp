// §4.2.3(i): a renewal of an earlier MA project explains every broad expenditure head whose total
// differs from the earlier approved budget by 30 % or more (ruleset: ma_criteria.renewal), at,
// just under and just over the boundary; and the checker's findings for it.
#include "ccfs/renewal_variance.h"

#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

// complete_ma() lays out HK$670,000 staffing and general, HK$50,000 minor works and equipment
// and HK$74,100 activities.
Application renewal_with(std::map<std::string, Money> previous) {
  Application a = complete_ma();
  a.renewal = Renewal{"CCFS-2023-0042", std::move(previous)};
  return a;
}

std::map<std::string, Money> same_as_proposed() {
  return {{"staffing_and_general", hkd(670'000)},
          {"minor_works_and_equipment", hkd(50'000)},
          {"activities", hkd(74'100)}};
}

HeadVariance variance_of(const Application& a, BudgetSection head) {
  for (const HeadVariance& variance : renewal_variances(a, ruleset_1_8()))
    if (variance.head == head) return variance;
  ADD_FAILURE() << "no line for " << budget_section_key(head);
  return {};
}

Application activities_previously(Money previous) {
  std::map<std::string, Money> budget = same_as_proposed();
  budget["activities"] = previous;
  return renewal_with(budget);
}

TEST(RenewalVariance, ThresholdComesFromTheRuleset_4_2_3_i) {
  EXPECT_EQ(ruleset_1_8().assessment.renewal_variance_pct, 30);
}

TEST(RenewalVariance, NotARenewalHasNoLines_4_2_3) {
  EXPECT_TRUE(renewal_variances(complete_ma(), ruleset_1_8()).empty());
}

TEST(RenewalVariance, OneLinePerHeadInEitherBudgetInSectionOrder_4_2_3_i) {
  std::map<std::string, Money> previous = same_as_proposed();
  previous["heritage_conservation"] = hkd(10'000);
  const std::vector<HeadVariance> lines = renewal_variances(renewal_with(previous), ruleset_1_8());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].head, BudgetSection::staffing_and_general);
  EXPECT_EQ(lines[1].head, BudgetSection::minor_works_and_equipment);
  EXPECT_EQ(lines[2].head, BudgetSection::heritage_conservation);
  EXPECT_EQ(lines[3].head, BudgetSection::activities);
  EXPECT_EQ(lines[0].proposed, hkd(670'000));
  EXPECT_EQ(lines[0].variance_basis_points, 0);
  EXPECT_FALSE(lines[0].needs_explanation);
  // Dropped entirely: a 100 % difference.
  EXPECT_EQ(lines[2].proposed, Money{});
  EXPECT_EQ(lines[2].variance_basis_points, 10'000);
  EXPECT_TRUE(lines[2].needs_explanation);
}

// HK$74,100 against HK$57,000 is exactly 30 % more.
TEST(RenewalVariance, IncreaseOfExactly30PercentIsExplained_4_2_3_i) {
  const HeadVariance at =
      variance_of(activities_previously(hkd(57'000)), BudgetSection::activities);
  EXPECT_EQ(at.variance_basis_points, 3'000);
  EXPECT_TRUE(at.needs_explanation);
  const HeadVariance under =
      variance_of(activities_previously(hkd(57'000) + cent()), BudgetSection::activities);
  EXPECT_EQ(under.variance_basis_points, 2'999);  // 29.99998 %, floored
  EXPECT_FALSE(under.needs_explanation);
  const HeadVariance over =
      variance_of(activities_previously(hkd(57'000) - cent()), BudgetSection::activities);
  EXPECT_EQ(over.variance_basis_points, 3'000);
  EXPECT_TRUE(over.needs_explanation);
}

// HK$70,000 of equipment against HK$100,000 is exactly 30 % less.
TEST(RenewalVariance, DecreaseOfExactly30PercentIsExplained_4_2_3_i) {
  std::map<std::string, Money> previous = same_as_proposed();
  previous["minor_works_and_equipment"] = hkd(100'000);
  Application a = renewal_with(previous);
  for (const auto& [cost, explained] :
       {std::pair{hkd(70'000), true}, std::pair{hkd(70'000) + cent(), false},
        std::pair{hkd(70'000) - cent(), true}}) {
    line_of(a, "equipment").unit_cost = cost;
    const HeadVariance variance = variance_of(a, BudgetSection::minor_works_and_equipment);
    EXPECT_EQ(variance.needs_explanation, explained) << format_hkd(cost);
  }
}

TEST(RenewalVariance, NewHeadHasNoPercentageAndIsExplained_4_2_3_i) {
  std::map<std::string, Money> previous = same_as_proposed();
  previous.erase("minor_works_and_equipment");
  const HeadVariance variance =
      variance_of(renewal_with(previous), BudgetSection::minor_works_and_equipment);
  EXPECT_EQ(variance.previous, Money{});
  EXPECT_EQ(variance.proposed, hkd(50'000));
  EXPECT_FALSE(variance.variance_basis_points.has_value());
  EXPECT_TRUE(variance.needs_explanation);
}

TEST(RenewalVariance, UnknownKindsCountUnderOther_4_2_3_i) {
  Application a = renewal_with(same_as_proposed());
  add_line(a, "mystery", 1, hkd(1'000));
  const HeadVariance variance = variance_of(a, BudgetSection::other);
  EXPECT_EQ(variance.proposed, hkd(1'000));
  EXPECT_TRUE(variance.needs_explanation);
}

TEST(RenewalVariance, RuleKeyNamesTheHead_4_2_3_i) {
  EXPECT_EQ(renewal_variance_rule(BudgetSection::activities), "renewal.variance.activities");
  EXPECT_EQ(renewal_variance_rule(BudgetSection::staffing_and_general),
            "renewal.variance.staffing_and_general");
}

// ---- the checker (check_renewal.cpp)

TEST(RenewalCheck, HeadAtTheThresholdNeedsJustification_4_2_3_i) {
  const CheckResult result = check(activities_previously(hkd(57'000)));
  const Finding finding =
      single(result, "renewal.variance.activities", Severity::needs_justification, "§4.2.3(i)");
  EXPECT_EQ(finding.field, "renewal.previous_approved_budget.activities");
  EXPECT_NE(finding.message_en.find("HK$74,100.00"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_en.find("HK$57,000.00"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_en.find("30.00%"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_en.find("must be explained"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_zh.find("30.00%"), std::string::npos) << finding.message_zh;
  EXPECT_NE(finding.message_zh.find("解釋"), std::string::npos) << finding.message_zh;
  EXPECT_EQ(result.count(Severity::blocking), 0u) << describe(result);
}

TEST(RenewalCheck, HeadJustUnderTheThresholdIsClean_4_2_3_i) {
  EXPECT_TRUE(
      clean_of(check(activities_previously(hkd(57'000) + cent())), "renewal.variance.activities"));
  const CheckResult same = check(renewal_with(same_as_proposed()));
  for (const Finding& finding : same.findings)
    EXPECT_NE(finding.rule.rfind("renewal.", 0), 0u) << describe(same);
}

TEST(RenewalCheck, ReasonGivenTurnsItIntoInfo_4_2_3_i) {
  Application a = activities_previously(hkd(57'000) - cent());
  a.justifications["renewal.variance.activities"] = "More school visits than before.";
  single(check(a), "renewal.variance.activities", Severity::info, "§4.2.3(i)");
}

TEST(RenewalCheck, NewHeadSaysTheEarlierProjectDidNotHaveIt_4_2_3_i) {
  std::map<std::string, Money> previous = same_as_proposed();
  previous.erase("minor_works_and_equipment");
  const Finding finding =
      single(check(renewal_with(previous)), "renewal.variance.minor_works_and_equipment",
             Severity::needs_justification, "§4.2.3(i)");
  EXPECT_NE(finding.message_en.find("did not have"), std::string::npos) << finding.message_en;
}

TEST(RenewalCheck, RenewalOfAnotherTypeIsBlocking_4_2_3) {
  Application a = complete_non_ma("research_activity");
  a.renewal = Renewal{"CCFS-2023-0042", {{"activities", hkd(1)}}};
  const CheckResult result = check(a);
  const Finding finding =
      single(result, "renewal.management_agreement_only", Severity::blocking, "§4.2.3");
  EXPECT_EQ(finding.field, "renewal");
  EXPECT_TRUE(findings_of(result, "renewal.variance.activities").empty());
}

TEST(RenewalCheck, RenewalNamesTheEarlierProjectAndItsBudget_4_2_3) {
  Application a = renewal_with({});
  a.renewal->previous_reference = " ";
  const CheckResult result = check(a);
  EXPECT_EQ(single(result, "renewal.previous_reference", Severity::blocking, "§4.2.3(h)").field,
            "renewal.previous_reference");
  EXPECT_EQ(
      single(result, "renewal.previous_approved_budget", Severity::blocking, "§4.2.3(i)").field,
      "renewal.previous_approved_budget");
  // Nothing to compare with yet: no head is reported.
  for (const Finding& finding : result.findings)
    EXPECT_NE(finding.rule.rfind("renewal.variance.", 0), 0u) << describe(result);
}

// ---- §4.5.1: the resubmission's statement of differences (check_completeness.cpp)

CheckResult check_resubmission(const Application& application) {
  CheckContext context{day("2026-11-22"), {}};
  context.resubmission = true;
  return check_application(application, ruleset_1_8(), context);
}

TEST(ResubmissionCheck, ResubmissionStatesItsDifferences_4_5_1) {
  Application a = complete_ma();
  a.resubmission_differences = "  ";
  const Finding finding =
      single(check_resubmission(a), "resubmission.differences", Severity::blocking, "§4.5.1");
  EXPECT_EQ(finding.field, "resubmission_differences");
  a.resubmission_differences = "The budget for staff is halved; the site is now B02.";
  EXPECT_TRUE(clean_of(check_resubmission(a), "resubmission.differences"));
}

TEST(ResubmissionCheck, FirstSubmissionNeedsNoStatement_4_5_1) {
  EXPECT_TRUE(clean_of(check(complete_ma()), "resubmission.differences"));
}

}  // namespace
}  // namespace bsap::ccfs::testing
