// check_heritage: §2.2.1 (no AAB-graded buildings, no ICH items) and §2.7.12(a) (the restored
// building open to the public for at least 50 % of the project period).
#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

const std::string kIneligible = "§2.2.1, §1.2.2 註4";

Application heritage() { return complete_non_ma("heritage_building"); }

TEST(HeritageCheck, GradedBuildingIsBlocking_2_2_1) {
  Application a = heritage();
  a.heritage_assets[0].aab_graded = true;
  const Finding finding =
      single(check(a), "heritage.graded_or_ich", Severity::blocking, kIneligible);
  EXPECT_EQ(finding.field, "heritage_assets[0].aab_graded");
  EXPECT_NE(finding.message_zh.find("Old school house"), std::string::npos);
}

TEST(HeritageCheck, IntangibleHeritageItemIsBlocking_2_2_1) {
  Application a = complete_ma();
  a.heritage_assets = {{"Village dragon dance", false, false}, {"Unicorn dance", false, true}};
  EXPECT_EQ(single(check(a), "heritage.graded_or_ich", Severity::blocking, kIneligible).field,
            "heritage_assets[1].on_ich_list");
}

TEST(HeritageCheck, UndeclaredGradingIsBlocking_2_2_1) {
  Application a = heritage();
  a.heritage_assets[0].on_ich_list.reset();
  EXPECT_EQ(single(check(a), "heritage.graded_or_ich", Severity::blocking, kIneligible).field,
            "heritage_assets[0].on_ich_list");
}

TEST(HeritageCheck, HeritageBuildingProjectDeclaresItsBuilding_2_2_1) {
  Application a = heritage();
  a.heritage_assets.clear();
  EXPECT_EQ(single(check(a), "heritage.graded_or_ich", Severity::blocking, kIneligible).field,
            "heritage_assets");
  EXPECT_TRUE(findings_of(check(complete_ma()), "heritage.graded_or_ich").empty());
}

void expect_opening(int duration, int restoration, bool passes) {
  Application a = heritage();
  a.duration_months = duration;
  a.restoration_months = restoration;
  const CheckResult result = check(a);
  SCOPED_TRACE(std::to_string(restoration) + " of " + std::to_string(duration) + " months");
  if (passes) {
    EXPECT_TRUE(findings_of(result, "heritage.public_opening").empty()) << describe(result);
    return;
  }
  EXPECT_EQ(single(result, "heritage.public_opening", Severity::blocking, "§2.7.12(a)").field,
            "restoration_months");
}

TEST(HeritageCheck, OpenForHalfTheProjectPeriod_2_7_12_a) {
  expect_opening(24, 11, true);
  expect_opening(24, 12, true);  // exactly half open
  expect_opening(24, 13, false);
  expect_opening(36, 18, true);  // the seed's example: 18 months of a 3-year project
  expect_opening(36, 19, false);
  expect_opening(25, 12, true);   // 13 of 25 open: 52 %
  expect_opening(25, 13, false);  // 12 of 25 open: 48 %
}

TEST(HeritageCheck, MessageNamesTheLongestRestoration_2_7_12_a) {
  Application a = heritage();
  a.restoration_months = 20;
  const Finding finding =
      single(check(a), "heritage.public_opening", Severity::blocking, "§2.7.12(a)");
  EXPECT_NE(finding.message_en.find("within 12 months"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_zh.find("12個月"), std::string::npos);
}

TEST(HeritageCheck, PublicOpeningOnlyForHeritageBuildings_2_7_12_a) {
  Application a = complete_ma();
  a.restoration_months = 24;
  EXPECT_TRUE(findings_of(check(a), "heritage.public_opening").empty());
}

TEST(HeritageCheck, MissingRestorationLengthIsLeftToCompleteness_2_7_12_a) {
  Application a = heritage();
  a.restoration_months.reset();
  const CheckResult result = check(a);
  EXPECT_TRUE(findings_of(result, "heritage.public_opening").empty());
  single(result, "complete.restoration_months", Severity::blocking, "§2.7.12(a)");
}

}  // namespace
}  // namespace bsap::ccfs::testing
