// The JSON shapes the tracker's two exports share (the annual report's data and the CBD
// national report): a set of items' status counts and the City Biodiversity Index's summary.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>

#include "plan/cbi.h"
#include "plan/progress.h"

namespace bsap::track {

// {items, reported, going_well, share_on_track, by_status}
nlohmann::json status_counts_json(const plan::StatusCounts& counts);

// {year, total, max_points, scored, components}, or null without a scoring.
nlohmann::json cbi_summary_json(const std::optional<plan::CbiScoring>& scoring);

}  // namespace bsap::track
