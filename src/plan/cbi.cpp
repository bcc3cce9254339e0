// The City Biodiversity Index's scoring (000_e0ccae9882b7fb64.txt 5.2 and note 3): an indicator's
// value from its inputs, the points its bands give the value, the totals by component, and the
// change between two scorings. The bands are data; an indicator without them is "bands not set"
// and earns no points, never a guessed score.
#include "plan/cbi.h"

#include <algorithm>
#include <utility>

namespace bsap::plan {
namespace {

bool above_min(const ScoreBand& band, double value) {
  if (!band.min) return true;
  return band.min_inclusive ? value >= *band.min : value > *band.min;
}

bool below_max(const ScoreBand& band, double value) {
  if (!band.max) return true;
  return band.max_inclusive ? value <= *band.max : value < *band.max;
}

std::size_t component_index(CbiComponent component) {
  return static_cast<std::size_t>(component) - 1;
}

// Points by indicator number, for the indicators of a scoring that earned them.
std::map<int, int> points_by_number(const CbiScoring& scoring) {
  std::map<int, int> points;
  for (const CbiIndicatorScore& score : scoring.indicators)
    if (score.points) points[score.number] = *score.points;
  return points;
}

std::optional<int> points_of(const std::map<int, int>& points, int number) {
  const auto found = points.find(number);
  if (found == points.end()) return std::nullopt;
  return found->second;
}

}  // namespace

std::string_view component_code(CbiComponent component) {
  switch (component) {
    case CbiComponent::native_biodiversity:
      return "native_biodiversity";
    case CbiComponent::ecosystem_services:
      return "ecosystem_services";
    case CbiComponent::governance:
      return "governance";
  }
  return "";
}

CbiHandbook with_overrides(CbiHandbook handbook, const std::vector<BandOverride>& overrides) {
  for (const BandOverride& entered : overrides) {
    for (CbiIndicator& indicator : handbook.indicators) {
      if (indicator.number != entered.indicator) continue;
      indicator.bands = entered.bands;
      indicator.bands_source = entered.source;
    }
  }
  return handbook;
}

std::optional<int> points_for(const CbiIndicator& indicator, double value) {
  for (const ScoreBand& band : indicator.bands)
    if (above_min(band, value) && below_max(band, value)) return band.points;
  return std::nullopt;
}

std::optional<double> indicator_value(const CbiIndicator& indicator,
                                      const std::map<std::string, double>& inputs) {
  std::vector<double> values;
  for (const CbiInput& input : indicator.inputs) {
    const auto found = inputs.find(input.key);
    if (found == inputs.end()) return std::nullopt;
    values.push_back(found->second);
  }
  if (values.empty()) return std::nullopt;
  switch (indicator.calculation) {
    case CbiCalculation::value:
      return values.front();
    case CbiCalculation::percent:
      if (values.size() < 2 || values[1] == 0.0) return std::nullopt;
      return values[0] / values[1] * 100.0;
    case CbiCalculation::difference:
      if (values.size() < 2) return std::nullopt;
      return values[0] - values[1];
    case CbiCalculation::sum: {
      double total = 0.0;
      for (double value : values) total += value;
      return total;
    }
  }
  return std::nullopt;
}

CbiScoring score_cbi(const CbiHandbook& handbook, int year,
                     const std::map<int, std::map<std::string, double>>& inputs) {
  static const std::map<std::string, double> kNoInputs;
  CbiScoring scoring;
  scoring.year = year;
  for (const CbiIndicator& indicator : handbook.indicators) {
    CbiIndicatorScore score;
    score.number = indicator.number;
    score.component = indicator.component;
    const auto given = inputs.find(indicator.number);
    score.value = indicator_value(indicator, given == inputs.end() ? kNoInputs : given->second);
    if (!score.value) {
      score.outcome = ScoreOutcome::inputs_missing;
    } else if (indicator.bands.empty()) {
      score.outcome = ScoreOutcome::bands_not_set;
    } else {
      score.points = points_for(indicator, *score.value);
      score.outcome = score.points ? ScoreOutcome::scored : ScoreOutcome::outside_bands;
    }
    if (score.points) {
      scoring.total += *score.points;
      scoring.components[component_index(indicator.component)] += *score.points;
      ++scoring.scored;
    }
    scoring.indicators.push_back(score);
  }
  return scoring;
}

CbiComparison compare_scorings(const CbiScoring& earlier, const CbiScoring& later) {
  CbiComparison comparison;
  comparison.earlier_year = earlier.year;
  comparison.later_year = later.year;
  comparison.total_delta = later.total - earlier.total;
  for (std::size_t c = 0; c < comparison.component_deltas.size(); ++c)
    comparison.component_deltas[c] = later.components[c] - earlier.components[c];

  const std::map<int, int> before = points_by_number(earlier);
  const std::map<int, int> after = points_by_number(later);
  std::vector<int> numbers;
  for (const CbiIndicatorScore& score : earlier.indicators) numbers.push_back(score.number);
  for (const CbiIndicatorScore& score : later.indicators) numbers.push_back(score.number);
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  for (int number : numbers) {
    CbiChange change{number, points_of(before, number), points_of(after, number), std::nullopt};
    if (change.earlier && change.later) change.delta = *change.later - *change.earlier;
    comparison.indicators.push_back(change);
  }
  return comparison;
}

}  // namespace bsap::plan
