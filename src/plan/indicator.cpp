// Reading an indicator's yearly values (000_e0ccae9882b7fb64.txt 5.2 評估與傳達成效): whether it
// moves the way that is good, and how far it has come from its baseline to its target. Pure.
#include "plan/indicator.h"

#include <algorithm>
#include <cmath>

namespace bsap::plan {
namespace {

// The value of the latest year; of two values for one year, the later one in the series (a
// correction recorded after the first figure).
const IndicatorValue& latest(const std::vector<IndicatorValue>& series) {
  const IndicatorValue* latest = &series.front();
  for (const IndicatorValue& value : series)
    if (value.year >= latest->year) latest = &value;
  return *latest;
}

// The value of the earliest year; of two values for one year, the first one in the series.
const IndicatorValue& earliest(const std::vector<IndicatorValue>& series) {
  const IndicatorValue* earliest = &series.front();
  for (const IndicatorValue& value : series)
    if (value.year < earliest->year) earliest = &value;
  return *earliest;
}

// Within 1 % of the reference, the boundary included: |change| ≤ |reference| / 100, written
// without dividing so that a change of exactly 1 % of a whole reference compares exactly.
bool within_one_percent(double change, double reference) {
  return std::abs(change) * 100.0 <= std::abs(reference);
}

}  // namespace

// Without a baseline, a series of a single year has nothing to be compared with: no_data, not
// stable (a trend needs two points).
std::string_view trend_code(Trend trend) {
  switch (trend) {
    case Trend::improving:
      return "improving";
    case Trend::stable:
      return "stable";
    case Trend::worsening:
      return "worsening";
    case Trend::no_data:
      break;
  }
  return "no_data";
}

Trend trend(const Indicator& indicator, const std::vector<IndicatorValue>& series) {
  if (series.empty()) return Trend::no_data;
  const IndicatorValue& last = latest(series);
  const IndicatorValue* first = indicator.baseline_value ? nullptr : &earliest(series);
  if (first && first->year == last.year) return Trend::no_data;
  const double reference = first ? first->value : *indicator.baseline_value;
  const double change = last.value - reference;
  if (within_one_percent(change, reference)) return Trend::stable;
  switch (indicator.direction) {
    case GoodDirection::increase:
      return change > 0 ? Trend::improving : Trend::worsening;
    case GoodDirection::decrease:
      return change < 0 ? Trend::improving : Trend::worsening;
    case GoodDirection::maintain:
      return Trend::worsening;
  }
  return Trend::no_data;
}

// A target equal to the baseline leaves no way to cover (a `maintain` target): nullopt, and
// trend() tells whether the value holds.
std::optional<double> progress_to_target(const Indicator& indicator,
                                         const std::vector<IndicatorValue>& series) {
  if (!indicator.baseline_value || !indicator.target_value || series.empty()) return std::nullopt;
  const double way = *indicator.target_value - *indicator.baseline_value;
  if (way == 0) return std::nullopt;
  const double come = latest(series).value - *indicator.baseline_value;
  return std::clamp(come / way, 0.0, 1.0);
}

}  // namespace bsap::plan
