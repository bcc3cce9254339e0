// Which natural-area patches are connected, for the City Biodiversity Index's connectivity
// indicator (000_e0ccae9882b7fb64.txt 5.2 note 3; effective mesh size, plan/effective_mesh.h):
// two patches are connected when they are less than the gap (100 m) apart and the shortest
// segment between them crosses no barrier (a road, a railway, a concretised channel…). Reads
// GeoJSON FeatureCollections in a projected metric CRS (e.g. Hong Kong 1980 Grid, EPSG:2326);
// geometry work is GEOS's, through its re-entrant C API.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "geo/geo_input_error.h"

namespace bsap::geo {

struct NaturalPatch {
  std::string name;  // the feature's "id", else its properties' "name" or "id", else "#N" (1-based)
  double area_m2 = 0;
};

struct NaturalAreaLinks {
  std::vector<NaturalPatch> patches;       // in the file's order
  std::vector<std::pair<int, int>> links;  // connected patch indices (i < j), ascending
};

// patches: Polygon/MultiPolygon features; barriers: LineString/MultiLineString/Polygon/
// MultiPolygon features, or none. gap_m: the connection distance in metres (> 0).
std::variant<NaturalAreaLinks, GeoInputError> link_natural_areas(
    std::string_view patches_geojson, std::optional<std::string_view> barriers_geojson,
    double gap_m = 100.0);

}  // namespace bsap::geo
