// The plan's indicators (000_e0ccae9882b7fb64.txt 5.2 評估與傳達成效): the quantitative and
// semi-quantitative measures the working group tracks (extent of protected areas and OECMs,
// blue-green space, greening coverage, ...) and the KMGBF headline indicators that apply to a
// city, each with its definition, unit, method, source, baseline, target and the direction that
// is good; and the yearly values recorded for them. Pure: the registry is read from
// data/bsap2035/indicators.yaml by indicator_loader.h; values live in the store.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/plan_model.h"

namespace bsap::plan {

enum class GoodDirection { increase, decrease, maintain };

struct Indicator {
  std::string code;  // stable key, snake_case: "protected_area_extent"
  BilingualText name;
  BilingualText definition;
  std::string unit;  // "ha", "%", "count", "HK$", "people"
  BilingualText method;
  std::string source;  // who publishes the figure, and where
  int baseline_year = 0;
  std::optional<double> baseline_value;  // nullopt when the baseline is not yet known
  std::optional<double> target_value;
  int target_year = 0;  // 0 when no target is set
  GoodDirection direction = GoodDirection::increase;
  std::vector<int> goals;            // Goal::number
  std::vector<std::string> actions;  // Action::number
  std::vector<int> kmgbf_targets;    // KmgbfTarget::number
  std::string kmgbf_headline;        // the KMGBF monitoring framework's code, e.g. "3.1"; or ""
  // How the system computes the value from its own data, or "" when it is entered with its
  // source: "ccfs_grants_approved" (count), "ccfs_grant_amount" (HK$)
  // (track/computed_indicators.h). The hectares under management agreements and the people
  // engaged are entered: the project records hold them only as free text.
  std::string computed_from;
  std::string seed_clause;  // where the plan names it: "5.2", "優先行動 1.5", ...
};

// One year's value of an indicator, with where it comes from.
struct IndicatorValue {
  std::string code;
  int year = 0;
  double value = 0;
  std::string source;
  bool demonstration = false;  // demo data, shown marked as such
};

enum class Trend { improving, stable, worsening, no_data };
// The latest value against the baseline (or, without a baseline, the earliest value), read in
// the indicator's good direction; a change within 1 % of the reference value is stable, and for
// `maintain` any change beyond that is worsening. `series` may be in any order.
Trend trend(const Indicator& indicator, const std::vector<IndicatorValue>& series);
// The trend's stable code in open data and message keys ("improving", ..., "no_data").
std::string_view trend_code(Trend trend);
// Share of the way from the baseline to the target the latest value has come (0–1, clamped);
// nullopt without a baseline, a target or a value.
std::optional<double> progress_to_target(const Indicator& indicator,
                                         const std::vector<IndicatorValue>& series);

}  // namespace bsap::plan
