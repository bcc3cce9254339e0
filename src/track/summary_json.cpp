#include "track/summary_json.h"

#include <nlohmann/json.hpp>
#include <string>

namespace bsap::track {

nlohmann::json status_counts_json(const plan::StatusCounts& counts) {
  nlohmann::json by_status = nlohmann::json::object();
  for (const auto& [status, count] : counts.by_status)
    by_status[std::string(plan::status_code(status))] = count;
  return {{"items", counts.items},
          {"reported", counts.reported},
          {"going_well", counts.going_well()},
          {"share_on_track", counts.share_on_track()},
          {"by_status", by_status}};
}

nlohmann::json cbi_summary_json(const std::optional<plan::CbiScoring>& scoring) {
  if (!scoring) return nullptr;
  return {{"year", scoring->year},
          {"total", scoring->total},
          {"max_points", scoring->max_points()},
          {"scored", scoring->scored},
          {"components", scoring->components}};
}

}  // namespace bsap::track
