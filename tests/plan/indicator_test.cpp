// Reading an indicator's values (000_e0ccae9882b7fb64.txt 5.2 評估與傳達成效): the trend in the
// good direction, stable within 1 % of the reference (the boundary included), and the share of
// the way from baseline to target.
#include "plan/indicator.h"

#include <gtest/gtest.h>

namespace bsap::plan {
namespace {

Indicator with_baseline(GoodDirection direction, std::optional<double> baseline) {
  Indicator indicator;
  indicator.code = "test_indicator";
  indicator.direction = direction;
  indicator.baseline_year = baseline ? 2025 : 0;
  indicator.baseline_value = baseline;
  return indicator;
}

std::vector<IndicatorValue> values(std::initializer_list<std::pair<int, double>> by_year) {
  std::vector<IndicatorValue> series;
  for (const auto& [year, value] : by_year)
    series.push_back({"test_indicator", year, value, "", false});
  return series;
}

Trend trend_from_200(GoodDirection direction, double latest) {
  return trend(with_baseline(direction, 200.0), values({{2026, latest}}));
}

// 1 % of 200 is 2: 202 and 198 are at the boundary, 201.99 and 198.01 just within it, 202.01 and
// 197.99 just beyond.
TEST(IndicatorTrend, IncreaseIsStableWithinOnePercentAndImprovingBeyond_5_2) {
  EXPECT_EQ(trend_from_200(GoodDirection::increase, 202.0), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::increase, 201.99), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::increase, 202.01), Trend::improving);
  EXPECT_EQ(trend_from_200(GoodDirection::increase, 198.0), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::increase, 198.01), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::increase, 197.99), Trend::worsening);
}

TEST(IndicatorTrend, DecreaseIsImprovingWhenTheValueFallsBeyondOnePercent_5_2) {
  EXPECT_EQ(trend_from_200(GoodDirection::decrease, 198.0), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::decrease, 198.01), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::decrease, 197.99), Trend::improving);
  EXPECT_EQ(trend_from_200(GoodDirection::decrease, 202.0), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::decrease, 201.99), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::decrease, 202.01), Trend::worsening);
}

// 保護區 / OECM範圍的擴展或維持: for a value to maintain, any move beyond 1 % is worsening.
TEST(IndicatorTrend, MaintainIsWorseningWhenTheValueMovesBeyondOnePercentEitherWay_5_2) {
  EXPECT_EQ(trend_from_200(GoodDirection::maintain, 200.0), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::maintain, 202.0), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::maintain, 201.99), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::maintain, 202.01), Trend::worsening);
  EXPECT_EQ(trend_from_200(GoodDirection::maintain, 198.0), Trend::stable);
  EXPECT_EQ(trend_from_200(GoodDirection::maintain, 197.99), Trend::worsening);
}

TEST(IndicatorTrend, NegativeReferencesUseTheirMagnitude) {
  const Indicator indicator = with_baseline(GoodDirection::increase, -200.0);
  EXPECT_EQ(trend(indicator, values({{2026, -198.0}})), Trend::stable);
  EXPECT_EQ(trend(indicator, values({{2026, -197.99}})), Trend::improving);
}

TEST(IndicatorTrend, AZeroBaselineIsStableOnlyWhileTheValueStaysZero) {
  const Indicator indicator = with_baseline(GoodDirection::increase, 0.0);
  EXPECT_EQ(trend(indicator, values({{2026, 0.0}})), Trend::stable);
  EXPECT_EQ(trend(indicator, values({{2026, 0.5}})), Trend::improving);
  EXPECT_EQ(trend(indicator, values({{2026, -0.5}})), Trend::worsening);
}

TEST(IndicatorTrend, TheLatestYearIsReadWhateverTheSeriesOrder) {
  const Indicator indicator = with_baseline(GoodDirection::increase, 100.0);
  EXPECT_EQ(trend(indicator, values({{2030, 150.0}, {2026, 90.0}, {2028, 80.0}})),
            Trend::improving);
  EXPECT_EQ(trend(indicator, values({{2026, 150.0}, {2030, 90.0}, {2028, 180.0}})),
            Trend::worsening);
}

TEST(IndicatorTrend, TheBaselineIsTheReferenceWhenThereIsOne) {
  // Against the earliest value (50) the latest would be improving; against the baseline, worse.
  const Indicator indicator = with_baseline(GoodDirection::increase, 120.0);
  EXPECT_EQ(trend(indicator, values({{2026, 50.0}, {2028, 100.0}})), Trend::worsening);
}

TEST(IndicatorTrend, WithoutABaselineTheEarliestValueIsTheReference) {
  const Indicator indicator = with_baseline(GoodDirection::decrease, std::nullopt);
  EXPECT_EQ(trend(indicator, values({{2029, 80.0}, {2026, 100.0}, {2027, 120.0}})),
            Trend::improving);
  EXPECT_EQ(trend(indicator, values({{2029, 101.0}, {2026, 100.0}})), Trend::stable);
  EXPECT_EQ(trend(indicator, values({{2029, 101.01}, {2026, 100.0}})), Trend::worsening);
}

TEST(IndicatorTrend, NoValuesOrASingleYearWithoutBaselineIsNoData) {
  EXPECT_EQ(trend(with_baseline(GoodDirection::increase, 100.0), {}), Trend::no_data);
  const Indicator no_baseline = with_baseline(GoodDirection::increase, std::nullopt);
  EXPECT_EQ(trend(no_baseline, {}), Trend::no_data);
  EXPECT_EQ(trend(no_baseline, values({{2026, 5.0}})), Trend::no_data);
  // With a baseline one value is enough.
  EXPECT_EQ(trend(with_baseline(GoodDirection::increase, 4.0), values({{2026, 5.0}})),
            Trend::improving);
}

// ---- progress to target

Indicator with_target(double baseline, double target) {
  Indicator indicator = with_baseline(GoodDirection::increase, baseline);
  indicator.target_year = 2035;
  indicator.target_value = target;
  return indicator;
}

TEST(IndicatorProgress, ShareOfTheWayFromBaselineToTarget) {
  EXPECT_DOUBLE_EQ(*progress_to_target(with_target(100, 200), values({{2030, 150}})), 0.5);
  EXPECT_DOUBLE_EQ(*progress_to_target(with_target(100, 200), values({{2030, 125}})), 0.25);
  EXPECT_DOUBLE_EQ(*progress_to_target(with_target(100, 200), values({{2035, 200}})), 1.0);
  EXPECT_DOUBLE_EQ(*progress_to_target(with_target(100, 200), values({{2026, 100}})), 0.0);
}

TEST(IndicatorProgress, ATargetBelowTheBaselineCountsTheFall) {
  EXPECT_DOUBLE_EQ(*progress_to_target(with_target(100, 50), values({{2030, 75}})), 0.5);
  EXPECT_DOUBLE_EQ(*progress_to_target(with_target(100, 50), values({{2030, 120}})), 0.0);
}

TEST(IndicatorProgress, IsClampedBetweenZeroAndOne) {
  EXPECT_DOUBLE_EQ(*progress_to_target(with_target(100, 200), values({{2030, 250}})), 1.0);
  EXPECT_DOUBLE_EQ(*progress_to_target(with_target(100, 200), values({{2030, 40}})), 0.0);
  EXPECT_DOUBLE_EQ(*progress_to_target(with_target(100, 50), values({{2030, 10}})), 1.0);
}

TEST(IndicatorProgress, ReadsTheLatestYear) {
  EXPECT_DOUBLE_EQ(
      *progress_to_target(with_target(0, 10), values({{2031, 8}, {2027, 2}, {2029, 5}})), 0.8);
}

TEST(IndicatorProgress, NeedsABaselineATargetAndAValue) {
  EXPECT_EQ(progress_to_target(with_target(100, 200), {}), std::nullopt);
  Indicator no_baseline = with_target(100, 200);
  no_baseline.baseline_value.reset();
  EXPECT_EQ(progress_to_target(no_baseline, values({{2030, 150}})), std::nullopt);
  EXPECT_EQ(
      progress_to_target(with_baseline(GoodDirection::increase, 100.0), values({{2030, 150}})),
      std::nullopt);
  // A target equal to the baseline leaves no way to cover.
  EXPECT_EQ(progress_to_target(with_target(100, 100), values({{2030, 100}})), std::nullopt);
}

}  // namespace
}  // namespace bsap::plan
