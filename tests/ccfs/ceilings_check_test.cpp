// check_ceilings: §2.5.1 funding ceilings and durations, the MA table note * (short-term only
// below 2 years), 註10/註11 (the MA components) and §2.5.3 (above a cap: case by case).
#include <gtest/gtest.h>

#include "ccfs/budget_totals.h"
#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

BudgetLine staff_line(Money amount, std::string component = {}) {
  BudgetLine line;
  line.kind = "project_staff";
  line.description = "Project staff";
  line.year = 1;
  line.unit_cost = amount;
  line.component = std::move(component);
  line.justification = "Staff for the works, with a breakdown";
  return line;
}

// The application with one more line, so that the grant it asks for is `grant`.
Application asking(Application a, Money grant) {
  a.budget.push_back(staff_line(grant - budget_totals(a).grant));
  EXPECT_EQ(budget_totals(a).grant, grant);
  return a;
}

void expect_funding(const Application& a, Money ceiling) {
  EXPECT_TRUE(findings_of(check(asking(a, ceiling - cents(1))), "ceiling.funding").empty());
  EXPECT_TRUE(findings_of(check(asking(a, ceiling)), "ceiling.funding").empty());
  const Finding finding = single(check(asking(a, ceiling + cents(1))), "ceiling.funding",
                                 Severity::needs_justification, "§2.5.1, §2.5.3");
  EXPECT_EQ(finding.field, "budget");
  EXPECT_NE(finding.message_en.find(format_hkd(ceiling)), std::string::npos) << finding.message_en;
}

TEST(CeilingCheck, ManagementAgreementGrantAboveHk15MillionNeedsReasons_2_5_1_2_5_3) {
  expect_funding(complete_ma(), testing::hkd(15'000'000));
}

TEST(CeilingCheck, NonManagementAgreementGrantAboveHk3MillionNeedsReasons_2_5_1_2_5_3) {
  for (const std::string type :
       {"heritage_building", "cultural_revitalisation", "research_activity"})
    expect_funding(complete_non_ma(type), testing::hkd(3'000'000));
}

TEST(CeilingCheck, ReasonsTurnTheFundingFindingIntoInfo_2_5_3) {
  Application a = asking(complete_non_ma("research_activity"), testing::hkd(3'500'000));
  a.justifications["ceiling.funding"] = "Two villages and a prototype: see part 10.";
  single(check(a), "ceiling.funding", Severity::info, "§2.5.1, §2.5.3");
}

void expect_duration(const std::string& type, int months, const std::string& rule,
                     std::optional<Severity> severity, const std::string& clause = {}) {
  Application a = type == "management_agreement" ? complete_ma() : complete_non_ma(type);
  a.duration_months = months;
  const CheckResult result = check(a);
  SCOPED_TRACE(type + ", " + std::to_string(months) + " months, " + rule);
  if (!severity) {
    EXPECT_TRUE(findings_of(result, rule).empty()) << describe(result);
    return;
  }
  EXPECT_EQ(single(result, rule, *severity, clause).field, "duration_months");
}

TEST(CeilingCheck, LongerThanThreeYearsNeedsReasons_2_5_1_2_5_3) {
  for (const std::string type : {"management_agreement", "heritage_building",
                                 "cultural_revitalisation", "research_activity"}) {
    expect_duration(type, 35, "ceiling.duration_max", std::nullopt);
    expect_duration(type, 36, "ceiling.duration_max", std::nullopt);
    expect_duration(type, 37, "ceiling.duration_max", Severity::needs_justification,
                    "§2.5.1, §2.5.3");
  }
}

TEST(CeilingCheck, ShorterThanOneYearIsBlocking_2_5_1) {
  for (const std::string type : {"management_agreement", "cultural_revitalisation"}) {
    expect_duration(type, 11, "ceiling.duration_min", Severity::blocking, "§2.5.1");
    expect_duration(type, 12, "ceiling.duration_min", std::nullopt);
    expect_duration(type, 13, "ceiling.duration_min", std::nullopt);
  }
}

TEST(CeilingCheck, TypesWithoutMinimumTakeAnyLength_2_5_1) {
  expect_duration("heritage_building", 1, "ceiling.duration_min", std::nullopt);
  expect_duration("research_activity", 6, "ceiling.duration_min", std::nullopt);
}

TEST(CeilingCheck, ManagementAgreementUnderTwoYearsIsShortTermOnly_2_5_1_Note) {
  expect_duration("management_agreement", 23, "ceiling.short_term", Severity::needs_justification,
                  "§2.5.1 表註*");
  expect_duration("management_agreement", 24, "ceiling.short_term", std::nullopt);
  expect_duration("management_agreement", 25, "ceiling.short_term", std::nullopt);
  expect_duration("management_agreement", 11, "ceiling.short_term", std::nullopt);  // too short
  expect_duration("cultural_revitalisation", 13, "ceiling.short_term", std::nullopt);
}

// An MA budget of two lines: nature conservation and heritage/cultural work.
CheckResult check_components(Money nature, Money heritage) {
  Application a = complete_ma();
  a.income.clear();
  a.budget = {staff_line(nature), staff_line(heritage, "heritage")};
  return check(a);
}

const std::string kComponents = "§2.5.1 註10, §2.5.1 註11, §2.5.3";

TEST(CeilingCheck, SplitWithinNote10Passes_2_5_1_Note10) {
  EXPECT_TRUE(findings_of(check_components(testing::hkd(13'000'000), testing::hkd(2'000'000)),
                          "ceiling.components")
                  .empty());
}

TEST(CeilingCheck, SplitWithinNote11Passes_2_5_1_Note11) {
  EXPECT_TRUE(findings_of(check_components(testing::hkd(12'000'000), testing::hkd(3'000'000)),
                          "ceiling.components")
                  .empty());
}

TEST(CeilingCheck, SplitFittingNeitherNoteNeedsReasons_2_5_1_Note10_Note11) {
  const Finding finding =
      single(check_components(testing::hkd(12'000'000), testing::hkd(3'000'000) + cents(1)),
             "ceiling.components", Severity::needs_justification, kComponents);
  EXPECT_EQ(finding.field, "budget");
  single(check_components(testing::hkd(13'000'000) + cents(1), testing::hkd(2'000'000)),
         "ceiling.components", Severity::needs_justification, kComponents);
  single(check_components(testing::hkd(12'500'000), testing::hkd(2'500'000)), "ceiling.components",
         Severity::needs_justification, kComponents);
}

TEST(CeilingCheck, ComponentsOnlyForManagementAgreements_2_5_1_Note10) {
  Application a = complete_non_ma("heritage_building");
  a.budget.push_back(staff_line(testing::hkd(2'500'000), "heritage"));
  EXPECT_TRUE(findings_of(check(a), "ceiling.components").empty());
}

TEST(CeilingCheck, MissingDurationIsLeftToCompleteness_2_5_1) {
  Application a = complete_ma();
  a.duration_months.reset();
  const CheckResult result = check(a);
  for (const char* rule : {"ceiling.duration_min", "ceiling.duration_max", "ceiling.short_term"})
    EXPECT_TRUE(findings_of(result, rule).empty()) << rule;
  single(result, "complete.duration_months", Severity::blocking, "§2.5.1");
}

}  // namespace
}  // namespace bsap::ccfs::testing
