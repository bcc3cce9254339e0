// The squares' corners are reprojected once each, as one lattice, and every square takes its four
// corners from it: the squares' edges then coincide exactly in WGS 84 as they do in the Grid.
#include "geo/hk_grid.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "geo/geos_handle.h"

namespace bsap::geo {
namespace {

constexpr double kSquareMetres = 1000.0;
constexpr double kGridLimitMetres = 10'000'000.0;  // beyond it a square's name would be nonsense

// The whole kilometres at or below `metres`. The division alone can round a point a hair under a
// line up onto it; the products km × 1000 are exact, so they decide.
long km_floor(double metres) {
  long km = static_cast<long>(std::floor(metres / kSquareMetres));
  if (static_cast<double>(km) * kSquareMetres > metres)
    --km;
  else if (static_cast<double>(km + 1) * kSquareMetres <= metres)
    ++km;
  return km;
}

// The last square a box reaching `max_metres` needs: a box ending exactly on a line does not
// take the square beyond it.
long last_km(double max_metres, long first_km) {
  long km = km_floor(max_metres);
  if (static_cast<double>(km) * kSquareMetres == max_metres) --km;
  return std::max(km, first_km);
}

bool inside_grid(double metres) {
  return std::isfinite(metres) && metres >= 0 && metres < kGridLimitMetres;
}

std::optional<GeoInputError> box_fault(const GridBox& box) {
  for (double metres : {box.min_easting, box.min_northing, box.max_easting, box.max_northing})
    if (!inside_grid(metres))
      return GeoInputError{"grid", 0,
                           "the box must lie in Hong Kong 1980 Grid metres, 0 to 10 000 km "
                           "(got " +
                               std::to_string(metres) + ")"};
  if (box.min_easting > box.max_easting || box.min_northing > box.max_northing)
    return GeoInputError{"grid", 0, "the box's minimum exceeds its maximum"};
  return std::nullopt;
}

// A square as a WGS 84 polygon, south-west, south-east, north-east, north-west: counter-clockwise,
// as RFC 7946 asks of an exterior ring.
std::vector<unsigned char> square_wkb(const Geos& geos, const LonLat& sw, const LonLat& se,
                                      const LonLat& ne, const LonLat& nw) {
  const GEOSContextHandle_t context = geos.context();
  GEOSCoordSequence* ring = GEOSCoordSeq_create_r(context, 5, 2);
  const LonLat corners[5] = {sw, se, ne, nw, sw};
  for (unsigned i = 0; i < 5; ++i)
    GEOSCoordSeq_setXY_r(context, ring, i, corners[i].lon, corners[i].lat);
  const Geometry polygon = own(
      geos,
      GEOSGeom_createPolygon_r(context, GEOSGeom_createLinearRing_r(context, ring), nullptr, 0));
  return write_wkb(geos, polygon.get());
}

}  // namespace

std::optional<GridSquare> grid_square_of(GridPoint point) {
  if (!inside_grid(point.easting) || !inside_grid(point.northing)) return std::nullopt;
  return GridSquare{km_floor(point.easting), km_floor(point.northing)};
}

std::string grid_square_code(GridSquare square) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
  std::string code = "E";
  code += std::to_string(square.east_km);
  code += 'N';
  code += std::to_string(square.north_km);
  return code;
}

std::optional<GridSquare> grid_square_from_code(std::string_view code) {
  const std::size_t north = code.find('N');
  if (code.size() < 4 || code.front() != 'E' || north == std::string_view::npos)
    return std::nullopt;
  GridSquare square;
  auto read = [&](std::string_view digits, long& km) {
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), km);
    return error == std::errc{} && end == digits.data() + digits.size();
  };
  if (!read(code.substr(1, north - 1), square.east_km) ||
      !read(code.substr(north + 1), square.north_km))
    return std::nullopt;
  // Only the one spelling the grid writes: no sign, no leading zeros, inside the grid.
  const bool inside = square.east_km >= 0 && square.north_km >= 0 &&
                      square.east_km * kSquareMetres < kGridLimitMetres &&
                      square.north_km * kSquareMetres < kGridLimitMetres;
  if (!inside || grid_square_code(square) != code) return std::nullopt;
  return square;
}

std::variant<std::vector<GridCell>, GeoInputError> grid_cells_covering(
    const GridBox& box, HkGridProjection& projection) {
  if (auto fault = box_fault(box)) return *fault;
  const long west = km_floor(box.min_easting), south = km_floor(box.min_northing);
  const long columns = last_km(box.max_easting, west) - west + 1;
  const long rows = last_km(box.max_northing, south) - south + 1;
  if (columns * rows > kMaxGridCellsPerCall)
    return GeoInputError{"grid", 0,
                         "the box covers " + std::to_string(columns * rows) +
                             " squares; ask for at most " + std::to_string(kMaxGridCellsPerCall) +
                             " at a time"};

  // corners[r * (columns + 1) + c] is the corner (west + c, south + r) km.
  std::vector<GridPoint> lattice;
  lattice.reserve(static_cast<std::size_t>((columns + 1) * (rows + 1)));
  for (long r = 0; r <= rows; ++r)
    for (long c = 0; c <= columns; ++c)
      lattice.push_back({(west + c) * kSquareMetres, (south + r) * kSquareMetres});
  const std::vector<LonLat> corners = projection.to_lon_lat(lattice);
  for (const LonLat& corner : corners)
    if (!std::isfinite(corner.lon) || !std::isfinite(corner.lat))
      return GeoInputError{"grid", 0, "PROJ cannot place the box's corners in WGS 84"};

  const Geos geos;
  std::vector<GridCell> cells;
  cells.reserve(static_cast<std::size_t>(columns * rows));
  auto corner = [&](long c, long r) {
    return corners[static_cast<std::size_t>(r * (columns + 1) + c)];
  };
  for (long r = 0; r < rows; ++r)
    for (long c = 0; c < columns; ++c) {
      const GridSquare square{west + c, south + r};
      cells.push_back({square, grid_square_code(square),
                       square_wkb(geos, corner(c, r), corner(c + 1, r), corner(c + 1, r + 1),
                                  corner(c, r + 1))});
    }
  return cells;
}

}  // namespace bsap::geo
