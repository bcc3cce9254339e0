// The biodiversity hub's 1 km grid over Hong Kong, laid on Hong Kong 1980 Grid (EPSG:2326) so that
// its squares are true kilometres; occurrences are counted per square, and the squares are drawn
// on web maps in WGS 84.
//
// A square is named after its south-west corner in whole kilometres: "E836N818" is the square
// 836 000 m ≤ easting < 837 000 m, 818 000 m ≤ northing < 819 000 m. A point on a line between
// squares belongs to the square east of it (or north of it): each square owns its west and south
// edges, its neighbours own the others.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "geo/geo_input_error.h"
#include "geo/hk_grid_projection.h"

namespace bsap::geo {

// A square's south-west corner in kilometres of the Grid.
struct GridSquare {
  long east_km = 0;
  long north_km = 0;
  bool operator==(const GridSquare&) const = default;
};

// The square holding a point of the Grid; nothing for coordinates that are not finite or lie
// outside 0 … 10 000 km (no place in Hong Kong, and no name this scheme can write).
std::optional<GridSquare> grid_square_of(GridPoint point);
// "E836N818".
std::string grid_square_code(GridSquare square);
// The square a code names; nothing for text that is not a code grid_square_code writes.
std::optional<GridSquare> grid_square_from_code(std::string_view code);

// A box in Grid metres, as a map's view or a layer's extent gives it.
struct GridBox {
  double min_easting = 0;
  double min_northing = 0;
  double max_easting = 0;
  double max_northing = 0;
};

struct GridCell {
  GridSquare square;
  std::string code;
  std::vector<unsigned char> wkb;  // its Polygon in EPSG:4326, corners reprojected
};

// More squares than this in one call is a mistake (Hong Kong's whole extent is about 3 000).
inline constexpr long kMaxGridCellsPerCall = 100'000;

// The squares that together cover the box, west to east within south to north. Neighbouring
// squares share their reprojected corners exactly, so the drawn grid has neither gaps nor
// overlaps. Refused for a box that is not finite, inverted, or larger than kMaxGridCellsPerCall.
std::variant<std::vector<GridCell>, GeoInputError> grid_cells_covering(
    const GridBox& box, HkGridProjection& projection);

}  // namespace bsap::geo
