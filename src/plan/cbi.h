// The City Biodiversity Index (the Singapore Index on Cities' Biodiversity; Handbook, 2021, CBD
// Technical Series No. 98), which 000_e0ccae9882b7fb64.txt 5.2 and its note 3 name: 28
// indicators in three components (native biodiversity; ecosystem services; governance and
// management), each scored 0–4 points, 112 at most. Each indicator's inputs, calculation and
// scoring bands are data (data/cbi/singapore-index-2021.yaml, with the handbook's page); where the
// handbook's bands are not at hand the indicator has none ("bands not set") until an
// administrator enters them with their source. Pure: no I/O.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/plan_model.h"

namespace bsap::plan {

enum class CbiComponent { native_biodiversity = 1, ecosystem_services = 2, governance = 3 };
std::string_view component_code(CbiComponent component);  // "native_biodiversity", ...

// One figure an indicator is calculated from: "natural_area_ha", "city_area_ha", ...
struct CbiInput {
  std::string key;
  BilingualText label;
  std::string unit;
};

// How the value to score is calculated from the inputs, in their listed order:
// value: the one input as is; percent: inputs[0] / inputs[1] × 100; difference: inputs[0] −
// inputs[1] (a change since the baseline); sum: every input added.
enum class CbiCalculation { value, percent, difference, sum };

// Points for values in [min, max] with each end open or closed as the handbook words it ("less
// than 1 %" is max 1 exclusive; "1 %–6.9 %" is [1, 6.9]). An absent end is unbounded.
struct ScoreBand {
  int points = 0;
  std::optional<double> min;
  bool min_inclusive = true;
  std::optional<double> max;
  bool max_inclusive = true;
};

struct CbiIndicator {
  int number = 0;  // 1–28
  CbiComponent component = CbiComponent::native_biodiversity;
  BilingualText name;
  BilingualText calculation_text;  // the handbook's calculation, in words
  std::string unit;                // of the value scored: "%", "ha", "count", ...
  std::vector<CbiInput> inputs;
  CbiCalculation calculation = CbiCalculation::value;
  std::vector<ScoreBand> bands;  // empty: bands not set
  std::string bands_source;      // "CBD-TS-98 p. 25", or the administrator's source
};

struct CbiHandbook {
  std::string edition;                   // "2021"
  std::string citation;                  // the handbook's own citation
  std::vector<CbiIndicator> indicators;  // 28, in number order
};

// Bands an administrator entered for an indicator, with their source; they take the place of the
// data file's (which are empty for such an indicator).
struct BandOverride {
  int indicator = 0;
  std::vector<ScoreBand> bands;
  std::string source;
};
CbiHandbook with_overrides(CbiHandbook handbook, const std::vector<BandOverride>& overrides);

// The points the value earns, or nullopt when the indicator's bands are not set or no band holds
// the value.
std::optional<int> points_for(const CbiIndicator& indicator, double value);
// The value to score from the inputs (key → value); nullopt when an input is missing or a
// percentage's denominator is zero.
std::optional<double> indicator_value(const CbiIndicator& indicator,
                                      const std::map<std::string, double>& inputs);

enum class ScoreOutcome { scored, inputs_missing, bands_not_set, outside_bands };

struct CbiIndicatorScore {
  int number = 0;
  CbiComponent component = CbiComponent::native_biodiversity;
  std::optional<double> value;
  std::optional<int> points;
  ScoreOutcome outcome = ScoreOutcome::inputs_missing;
};

struct CbiScoring {
  int year = 0;
  std::vector<CbiIndicatorScore> indicators;  // every indicator of the handbook, in order
  int total = 0;                              // points of the scored indicators
  std::array<int, 3> components{};            // by CbiComponent, 1 → [0]
  int scored = 0;                             // indicators with points
  int max_points() const { return 4 * static_cast<int>(indicators.size()); }
};

// inputs: indicator number → its inputs (key → value).
CbiScoring score_cbi(const CbiHandbook& handbook, int year,
                     const std::map<int, std::map<std::string, double>>& inputs);

// Indicator by indicator, the change in points from one scoring to another (nullopt where either
// has no points), and the change in the totals.
struct CbiChange {
  int number = 0;
  std::optional<int> earlier;
  std::optional<int> later;
  std::optional<int> delta;
};
struct CbiComparison {
  int earlier_year = 0;
  int later_year = 0;
  std::vector<CbiChange> indicators;
  int total_delta = 0;
  std::array<int, 3> component_deltas{};
};
CbiComparison compare_scorings(const CbiScoring& earlier, const CbiScoring& later);

}  // namespace bsap::plan
