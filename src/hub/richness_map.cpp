#include "hub/richness_map.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "geo/hk_grid.h"

namespace bsap::hub {
namespace {

using Json = nlohmann::json;

constexpr double kSquareMetres = 1000.0;

// A square's corners counter-clockwise from the south-west, as GeoJSON's outer rings go.
void add_corners(geo::GridSquare square, std::vector<geo::GridPoint>& corners) {
  const double west = square.east_km * kSquareMetres, south = square.north_km * kSquareMetres;
  corners.push_back({west, south});
  corners.push_back({west + kSquareMetres, south});
  corners.push_back({west + kSquareMetres, south + kSquareMetres});
  corners.push_back({west, south + kSquareMetres});
}

// Seven decimals: about a centimetre, more than the grid needs, less than doubles print.
double rounded(double degrees) { return std::round(degrees * 1e7) / 1e7; }

}  // namespace

std::string richness_geojson(std::span<const store::SquareRichness> squares,
                             geo::HkGridProjection& projection) {
  std::vector<const store::SquareRichness*> kept;
  std::vector<geo::GridPoint> corners;
  for (const store::SquareRichness& square : squares) {
    auto parsed = geo::grid_square_from_code(square.grid_cell);
    if (!parsed) continue;
    kept.push_back(&square);
    add_corners(*parsed, corners);
  }
  std::vector<LonLat> lon_lat = projection.to_lon_lat(corners);
  Json features = Json::array();
  for (std::size_t i = 0; i < kept.size(); ++i) {
    Json ring = Json::array();
    bool finite = true;
    for (std::size_t c = 0; c < 5; ++c) {  // closed: the first corner again
      const LonLat& corner = lon_lat[i * 4 + c % 4];
      finite = finite && std::isfinite(corner.lon) && std::isfinite(corner.lat);
      ring.push_back({rounded(corner.lon), rounded(corner.lat)});
    }
    if (!finite) continue;
    features.push_back(
        {{"type", "Feature"},
         {"properties", {{"cell", kept[i]->grid_cell}, {"species", kept[i]->species}}},
         {"geometry", {{"type", "Polygon"}, {"coordinates", Json::array({ring})}}}});
  }
  return Json{{"type", "FeatureCollection"}, {"features", features}}.dump();
}

}  // namespace bsap::hub
