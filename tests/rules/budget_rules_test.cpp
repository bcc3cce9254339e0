// 附錄2 as the budget reader types it: the hour bands of items 7 and 17, the participants' share
// of items 10 and 11 and the own-equipment rent of item 3, from the repository's ruleset 1.8.
#include <gtest/gtest.h>

#include "rules/ruleset_loader.h"
#include "rules_test_data.h"

namespace bsap::rules {
namespace {

using testing::hkd;
using testing::ruleset_1_8;

const BudgetItem& item(int number) {
  const BudgetItem* found = ruleset_1_8().budget.item(number);
  if (!found) throw std::runtime_error("no 附錄2 item " + std::to_string(number));
  return *found;
}

TEST(BudgetRules, SpeakerBandsMeetAtThreeHours_Appendix2Item7) {
  const BudgetItem& speakers = item(7);
  ASSERT_EQ(speakers.hour_bands.size(), 2u);
  const HourBand& long_activity = *speakers.hour_band("long_activity");
  EXPECT_EQ(long_activity.min_minutes, 180);
  EXPECT_TRUE(long_activity.min_inclusive);
  EXPECT_EQ(long_activity.max_minutes, std::nullopt);
  const HourBand& short_activity = *speakers.hour_band("short_activity");
  EXPECT_EQ(short_activity.min_minutes, std::nullopt);
  EXPECT_EQ(short_activity.max_minutes, 180);
  EXPECT_TRUE(short_activity.max_inclusive);
  // 「3小時或以上」 and 「不超過3小時」 both hold 180 minutes (data/ccfs/README Ambiguities 12).
  EXPECT_TRUE(long_activity.contains(180));
  EXPECT_TRUE(short_activity.contains(180));
  EXPECT_FALSE(long_activity.contains(179));
  EXPECT_FALSE(short_activity.contains(181));
  EXPECT_EQ(speakers.amount("short_activity.max_cents_per_speaker_hour"), hkd(200));
  EXPECT_EQ(speakers.hour_band("professional"), nullptr);  // a rate, not a band of length
}

TEST(BudgetRules, MealBandsThreeToFiveAndOverFiveHours_Appendix2Item17) {
  const BudgetItem& meals = item(17);
  ASSERT_EQ(meals.hour_bands.size(), 2u);
  const HourBand& middle = meals.hour_bands[0];
  EXPECT_EQ(middle.name, "bands[0]");
  EXPECT_EQ(middle.min_minutes, 180);
  EXPECT_EQ(middle.max_minutes, 300);
  EXPECT_TRUE(middle.contains(180));
  EXPECT_TRUE(middle.contains(300));
  EXPECT_FALSE(middle.contains(179));
  EXPECT_FALSE(middle.contains(301));
  const HourBand& longer = meals.hour_bands[1];
  EXPECT_EQ(longer.name, "bands[1]");
  EXPECT_EQ(longer.min_minutes, 300);
  EXPECT_FALSE(longer.min_inclusive);  // 「多於5小時」
  EXPECT_EQ(longer.max_minutes, std::nullopt);
  EXPECT_FALSE(longer.contains(300));
  EXPECT_TRUE(longer.contains(301));
  EXPECT_EQ(meals.amount("bands[0].max_cents_per_volunteer"), hkd(50));
  EXPECT_EQ(meals.amount("bands[1].max_cents_per_volunteer"), hkd(90));
}

TEST(BudgetRules, OnlyItems7And17HaveHourBands_Appendix2) {
  for (const BudgetItem& each : ruleset_1_8().budget.appendix2)
    EXPECT_EQ(each.hour_bands.empty(), each.number != 7 && each.number != 17) << each.number;
}

TEST(BudgetRules, ParticipantsPay40PercentOfAdmissionAndTours_Appendix2Items10_11) {
  EXPECT_EQ(item(10).participant_share_pct, 40);
  EXPECT_EQ(item(11).participant_share_pct, 40);
  for (const BudgetItem& each : ruleset_1_8().budget.appendix2)
    if (each.number != 10 && each.number != 11) {
      EXPECT_EQ(each.participant_share_pct, std::nullopt) << each.number;
    }
}

TEST(BudgetRules, OwnEquipmentAtMost20PercentOfMarketRent_Appendix2Item3) {
  EXPECT_EQ(item(3).own_equipment_market_rent_pct, 20);
  for (const BudgetItem& each : ruleset_1_8().budget.appendix2)
    if (each.number != 3) {
      EXPECT_EQ(each.own_equipment_market_rent_pct, std::nullopt) << each.number;
    }
}

TEST(BudgetRules, PerApplicationCapOfDisplayBoards_Appendix2Item5) {
  EXPECT_EQ(item(5).amount("max_cents_per_board"), hkd(2'700));
  EXPECT_EQ(item(5).amount("max_cents_per_application"), hkd(27'300));
}

TEST(BudgetRules, BandWithMinimumAboveMaximumIsRefused_Appendix2Item17) {
  testing::TempDataDir data;
  data.replace("ccfs/ruleset-1.8/budget.yaml", "max_hours: 5,", "max_hours: 2,");
  const auto loaded = load_ruleset(data.ruleset_folder("1.8"));
  ASSERT_TRUE(std::holds_alternative<RulesLoadError>(loaded));
  const RulesLoadError& error = std::get<RulesLoadError>(loaded);
  EXPECT_EQ(error.key, "appendix2.item_17.value.bands[0]");
  EXPECT_EQ(error.reason, "min_hours is above max_hours");
}

}  // namespace
}  // namespace bsap::rules
