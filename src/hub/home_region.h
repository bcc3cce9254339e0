// The region the hub's records should lie in (data/biodata/home_region.yaml): a record outside it
// is flagged COUNTRY_COORDINATE_MISMATCH.
#pragma once
#include <filesystem>
#include <string>

#include "core/lon_lat.h"

namespace bsap::hub {

struct HomeRegion {
  double min_lat = 0, max_lat = 0, min_lon = 0, max_lon = 0;
  std::string source;

  bool contains(LonLat point) const {
    return point.lat >= min_lat && point.lat <= max_lat && point.lon >= min_lon &&
           point.lon <= max_lon;
  }
};

// Reads the file; std::runtime_error naming the file and the missing or bad key.
HomeRegion load_home_region(const std::filesystem::path& file);

}  // namespace bsap::hub
