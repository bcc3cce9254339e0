// One shape for a set of items' status counts in the tracker's JSON exports (the annual report's
// data and the CBD national report): {items, reported, going_well, share_on_track, by_status}.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include "plan/progress.h"

namespace bsap::track {

nlohmann::json status_counts_json(const plan::StatusCounts& counts);

}  // namespace bsap::track
