// The indicators the system computes from its own data (plan::Indicator::computed_from): the
// funding scheme's grants approved and their amount in a year, so that the plan's indicators
// need not be typed in twice; and the projects tagged to each item with what they report.
// Reads only.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/indicator.h"
#include "store/store.h"

namespace bsap::track {

// The value for the year, or nullopt when the indicator is not computed or the data has nothing
// for that year. The source names where it comes from: "bsap: CCFS approved grants, 2026".
struct ComputedValue {
  double value = 0;
  std::string source;
};
std::optional<ComputedValue> compute_indicator(store::Transaction& tx,
                                               const plan::Indicator& indicator, int year);

// The values of every computed indicator for every year of the plan that has data, merged with
// the recorded values (a recorded value for the same year wins): what charts and reports show.
std::vector<plan::IndicatorValue> indicator_series_with_computed(store::Transaction& tx,
                                                                 const plan::Indicator& indicator);

// The funding scheme projects tagged to an item and what they report: how many, the grant
// total, and their accepted reports' KPI results (1.5, 2.1 and 3.2 name the scheme).
struct ItemProjects {
  std::string item_id;
  int projects = 0;
  std::int64_t grant_cents = 0;
  std::vector<std::string> project_titles;  // "CCFS-2026-001 荔枝窩…"
  std::vector<std::string> kpi_lines;       // "CCFS-2026-001: Guided visits: 12 of 10"
};
// Every item with at least one tagged project, in item order.
std::vector<ItemProjects> projects_by_item(store::Transaction& tx);
// One item's projects (projects == 0 when none is tagged to it).
ItemProjects projects_of_item(store::Transaction& tx, std::string_view item_id);

}  // namespace bsap::track
