// Scoring the City Biodiversity Index (000_e0ccae9882b7fb64.txt 5.2 note 3: 28 indicators, each
// 0–4 points): an indicator's value from its inputs, its points from its bands, the totals by
// component, "bands not set" where the handbook's bands are not in the data, administrators'
// band overrides, and the change between two scorings.
//
// The bands in the fixture overrides below are test figures, not the handbook's: they exercise
// the arithmetic on the real indicators.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>

#include "plan/cbi.h"
#include "plan/cbi_loader.h"
#include "support/real_plan_data.h"

namespace bsap::plan {
namespace {

const CbiHandbook& real_handbook() { return test_data::real_cbi_handbook(); }

ScoreBand band(int points, std::optional<double> min, bool min_inclusive, std::optional<double> max,
               bool max_inclusive) {
  return {points, min, min_inclusive, max, max_inclusive};
}

// Test figures: <10 → 0, [10, 20) → 1, [20, 30) → 2, [30, 40] → 3, >40 → 4.
std::vector<ScoreBand> fixture_bands() {
  return {band(0, std::nullopt, true, 10, false), band(1, 10, true, 20, false),
          band(2, 20, true, 30, false), band(3, 30, true, 40, true),
          band(4, 40, false, std::nullopt, true)};
}

const char* const kFixtureSource = "test fixture, not the handbook";

std::vector<BandOverride> fixture_overrides() {
  std::vector<BandOverride> overrides;
  for (int number : {1, 2, 3, 4, 12, 17})
    overrides.push_back({number, fixture_bands(), kFixtureSource});
  overrides.push_back({6, {band(1, 0, true, 5, true)}, kFixtureSource});  // a gap above 5
  return overrides;
}

const CbiIndicator& indicator(const CbiHandbook& handbook, int number) {
  return handbook.indicators.at(static_cast<std::size_t>(number - 1));
}

// A value a little off `bound`, scaled so the step is not lost in the bound's magnitude.
double nudged(double bound, double direction) {
  return bound + direction * std::max(1e-9, std::abs(bound) * 1e-9);
}

// The points of the one band of `bands` that holds `value`, found without points_for().
std::optional<int> holding_band(const std::vector<ScoreBand>& bands, double value) {
  for (const ScoreBand& b : bands) {
    const bool lower_ok = !b.min || value > *b.min || (b.min_inclusive && value == *b.min);
    const bool upper_ok = !b.max || value < *b.max || (b.max_inclusive && value == *b.max);
    if (lower_ok && upper_ok) return b.points;
  }
  return std::nullopt;
}

void expect_boundaries(const CbiIndicator& ind) {
  for (const ScoreBand& b : ind.bands) {
    for (const std::optional<double>& bound : {b.min, b.max}) {
      if (!bound) continue;
      for (double direction : {-1.0, 0.0, 1.0}) {
        const double value = direction == 0.0 ? *bound : nudged(*bound, direction);
        EXPECT_EQ(points_for(ind, value), holding_band(ind.bands, value))
            << "indicator " << ind.number << " at " << value;
      }
    }
    if (b.min && b.max) {
      const double middle = (*b.min + *b.max) / 2;
      EXPECT_EQ(points_for(ind, middle), b.points) << "indicator " << ind.number;
    }
  }
}

TEST(CbiScoring, EveryBandInTheRealFileScoresRightAtItsBoundaries_5_2Note3) {
  for (const CbiIndicator& ind : real_handbook().indicators) expect_boundaries(ind);
}

TEST(CbiScoring, BandBoundariesHonourOpenAndClosedEnds) {
  const CbiHandbook handbook = with_overrides(real_handbook(), fixture_overrides());
  const CbiIndicator& natural_areas = indicator(handbook, 1);
  expect_boundaries(natural_areas);
  EXPECT_EQ(points_for(natural_areas, nudged(10, -1)), 0);  // "less than 10"
  EXPECT_EQ(points_for(natural_areas, 10), 1);
  EXPECT_EQ(points_for(natural_areas, nudged(20, -1)), 1);
  EXPECT_EQ(points_for(natural_areas, 20), 2);
  EXPECT_EQ(points_for(natural_areas, 40), 3);  // [30, 40] closed at 40
  EXPECT_EQ(points_for(natural_areas, nudged(40, 1)), 4);
  EXPECT_EQ(points_for(natural_areas, -1e9), 0);  // unbounded below
  EXPECT_EQ(points_for(natural_areas, 1e9), 4);   // unbounded above
}

TEST(CbiScoring, IndicatorWithoutBandsIsBandsNotSet_NoPointsGuessed) {
  const CbiHandbook& handbook = real_handbook();
  std::map<int, std::map<std::string, double>> inputs;
  for (const CbiIndicator& ind : handbook.indicators)
    for (const CbiInput& input : ind.inputs) inputs[ind.number][input.key] = 1.0;
  const CbiScoring scoring = score_cbi(handbook, 2026, inputs);
  ASSERT_EQ(scoring.indicators.size(), 28u);
  int without_bands = 0;
  for (const CbiIndicatorScore& score : scoring.indicators) {
    if (!indicator(handbook, score.number).bands.empty()) continue;
    ++without_bands;
    EXPECT_EQ(score.outcome, ScoreOutcome::bands_not_set) << score.number;
    EXPECT_FALSE(score.points.has_value()) << score.number;
    EXPECT_TRUE(score.value.has_value()) << score.number;
  }
  EXPECT_EQ(scoring.scored, 28 - without_bands);
  EXPECT_EQ(scoring.max_points(), 112);
}

// A city's figures for one year: each indicator scored, or why not.
std::map<int, std::map<std::string, double>> fixture_inputs() {
  return {
      {1, {{"natural_area_ha", 350}, {"city_area_ha", 1000}}},            // 35 % → 3
      {2, {{"mesh_ha", 45}}},                                             // 45 ha → 4
      {4, {{"species_gained", 12}, {"species_lost", 3}}},                 // +9 → 0
      {6, {{"species_gained", 9}, {"species_lost", 0}}},                  // 9: above [0, 5]
      {10, {{"protected_natural_area_ha", 40}, {"city_area_ha", 0}}},     // no denominator
      {11, {{"invasive_alien_species", 20}, {"total_species", 400}}},     // bands not set
      {12, {{"permeable_area_ha", 250}, {"terrestrial_area_ha", 1000}}},  // 25 % → 2
      {17, {{"biodiversity_spend", 15}, {"city_budget", 100}}},           // 15 % → 1
  };
}

TEST(CbiScoring, WholeScoringTotalsByComponent_5_2Note3) {
  const CbiHandbook handbook = with_overrides(real_handbook(), fixture_overrides());
  ASSERT_EQ(indicator(handbook, 12).component, CbiComponent::ecosystem_services);
  ASSERT_EQ(indicator(handbook, 17).component, CbiComponent::governance);
  const CbiScoring scoring = score_cbi(handbook, 2026, fixture_inputs());
  EXPECT_EQ(scoring.year, 2026);
  ASSERT_EQ(scoring.indicators.size(), 28u);
  auto score = [&](int number) { return scoring.indicators.at(number - 1); };
  EXPECT_DOUBLE_EQ(*score(1).value, 35.0);
  EXPECT_EQ(score(1).points, 3);
  EXPECT_EQ(score(2).points, 4);
  EXPECT_DOUBLE_EQ(*score(4).value, 9.0);
  EXPECT_EQ(score(4).points, 0);
  EXPECT_EQ(score(4).outcome, ScoreOutcome::scored);
  EXPECT_EQ(score(3).outcome, ScoreOutcome::inputs_missing);
  EXPECT_EQ(score(6).outcome, ScoreOutcome::outside_bands);
  EXPECT_FALSE(score(6).points.has_value());
  EXPECT_EQ(score(10).outcome, ScoreOutcome::inputs_missing);
  EXPECT_EQ(score(11).outcome, ScoreOutcome::bands_not_set);
  EXPECT_DOUBLE_EQ(*score(11).value, 5.0);
  EXPECT_EQ(score(12).points, 2);
  EXPECT_EQ(score(17).points, 1);
  EXPECT_EQ(scoring.total, 10);
  EXPECT_EQ(scoring.components[0], 7);
  EXPECT_EQ(scoring.components[1], 2);
  EXPECT_EQ(scoring.components[2], 1);
  EXPECT_EQ(scoring.scored, 5);
  EXPECT_EQ(scoring.max_points(), 112);
}

TEST(CbiScoring, OverridesReplaceOnlyTheNamedIndicatorsBandsAndSource) {
  const CbiHandbook& real = real_handbook();
  const CbiHandbook overridden =
      with_overrides(real, {{1, fixture_bands(), "Entered by admin from CBD-TS-98 p. 99"},
                            {99, fixture_bands(), "no such indicator"}});
  EXPECT_EQ(indicator(overridden, 1).bands.size(), 5u);
  EXPECT_EQ(indicator(overridden, 1).bands_source, "Entered by admin from CBD-TS-98 p. 99");
  for (int number = 2; number <= 28; ++number) {
    EXPECT_EQ(indicator(overridden, number).bands.size(), indicator(real, number).bands.size());
    EXPECT_EQ(indicator(overridden, number).bands_source, indicator(real, number).bands_source);
  }
  EXPECT_NE(indicator(real, 1).bands_source, "Entered by admin from CBD-TS-98 p. 99");
  EXPECT_EQ(overridden.indicators.size(), 28u);
}

TEST(CbiScoring, ValueFollowsTheCalculation) {
  CbiIndicator summed;
  summed.calculation = CbiCalculation::sum;
  summed.inputs = {{"a", {}, "ha"}, {"b", {}, "ha"}, {"c", {}, "ha"}};
  EXPECT_DOUBLE_EQ(*indicator_value(summed, {{"a", 1.5}, {"b", 2}, {"c", 3}}), 6.5);
  EXPECT_FALSE(indicator_value(summed, {{"a", 1.5}, {"b", 2}}).has_value());

  const CbiIndicator& percent = indicator(real_handbook(), 1);
  EXPECT_DOUBLE_EQ(*indicator_value(percent, {{"natural_area_ha", 1}, {"city_area_ha", 8}}), 12.5);
  EXPECT_FALSE(indicator_value(percent, {{"natural_area_ha", 1}, {"city_area_ha", 0}}).has_value());
  EXPECT_FALSE(indicator_value(percent, {{"natural_area_ha", 1}}).has_value());

  const CbiIndicator& difference = indicator(real_handbook(), 5);
  EXPECT_DOUBLE_EQ(*indicator_value(difference, {{"species_gained", 2}, {"species_lost", 7}}), -5);
}

TEST(CbiScoring, ComparisonGivesChangesWhereBothYearsScored) {
  const CbiHandbook handbook = with_overrides(real_handbook(), fixture_overrides());
  const CbiScoring earlier = score_cbi(handbook, 2026, fixture_inputs());
  auto later_inputs = fixture_inputs();
  later_inputs[1] = {{"natural_area_ha", 150}, {"city_area_ha", 1000}};  // 15 % → 1 (−2)
  later_inputs[3] = {{"native_bird_species_built_up", 25}};              // newly scored → 2
  later_inputs.erase(17);                                                // no longer scored
  later_inputs[12] = {{"permeable_area_ha", 450}, {"terrestrial_area_ha", 1000}};  // 45 % → 4 (+2)
  const CbiScoring later = score_cbi(handbook, 2030, later_inputs);

  const CbiComparison comparison = compare_scorings(earlier, later);
  EXPECT_EQ(comparison.earlier_year, 2026);
  EXPECT_EQ(comparison.later_year, 2030);
  ASSERT_EQ(comparison.indicators.size(), 28u);
  auto change = [&](int number) { return comparison.indicators.at(number - 1); };
  EXPECT_EQ(change(1).earlier, 3);
  EXPECT_EQ(change(1).later, 1);
  EXPECT_EQ(change(1).delta, -2);
  EXPECT_EQ(change(3).earlier, std::nullopt);
  EXPECT_EQ(change(3).later, 2);
  EXPECT_EQ(change(3).delta, std::nullopt);
  EXPECT_EQ(change(17).earlier, 1);
  EXPECT_EQ(change(17).delta, std::nullopt);
  EXPECT_EQ(change(12).delta, 2);
  EXPECT_EQ(change(28).delta, std::nullopt);
  // earlier 10 (7, 2, 1); later: 1 + 4 + 2 + 0 = 7 native, 4 services, 0 governance = 11
  EXPECT_EQ(later.total, 11);
  EXPECT_EQ(comparison.total_delta, 1);
  EXPECT_EQ(comparison.component_deltas[0], 0);
  EXPECT_EQ(comparison.component_deltas[1], 2);
  EXPECT_EQ(comparison.component_deltas[2], -1);
}

TEST(CbiScoring, ComponentCodesNameTheThreeComponents_5_2Note3) {
  EXPECT_EQ(component_code(CbiComponent::native_biodiversity), "native_biodiversity");
  EXPECT_EQ(component_code(CbiComponent::ecosystem_services), "ecosystem_services");
  EXPECT_EQ(component_code(CbiComponent::governance), "governance");
}

}  // namespace
}  // namespace bsap::plan
