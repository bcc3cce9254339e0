// The hub's 1 km grid on Hong Kong 1980 Grid: squares named by their south-west corner
// ("E836N818"), each owning its west and south edges.
#include "geo/hk_grid.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "geo/geos_handle.h"

namespace bsap::geo {
namespace {

std::string code_of(double easting, double northing) {
  const auto square = grid_square_of({easting, northing});
  return square ? grid_square_code(*square) : "none";
}

double below(double metres) { return std::nextafter(metres, 0.0); }
double above(double metres) { return std::nextafter(metres, 1e9); }

HkGridProjection projection() {
  return std::move(std::get<HkGridProjection>(HkGridProjection::create()));
}

TEST(HkGrid, SquareIsNamedAfterItsSouthWestCorner) {
  EXPECT_EQ(code_of(836694.05, 819069.80), "E836N819");  // the Grid's false origin
  EXPECT_EQ(code_of(836000.5, 818999.5), "E836N818");
}

TEST(HkGrid, ACodeReadsBackAsItsSquare) {
  EXPECT_EQ(grid_square_from_code("E836N818"), (GridSquare{836, 818}));
  EXPECT_EQ(grid_square_from_code("E0N9999"), (GridSquare{0, 9999}));
  for (std::string_view wrong : {"", "E836", "N818E836", "E836N", "E0836N818", "E-1N818",
                                 "E836N818x", "E10000N1", "e836n818", "E836 N818"})
    EXPECT_FALSE(grid_square_from_code(wrong)) << wrong;
}

TEST(HkGrid, PointOnALineBelongsToTheSquareEastOrNorthOfIt) {
  EXPECT_EQ(code_of(837000, 818500), "E837N818");
  EXPECT_EQ(code_of(below(837000), 818500), "E836N818");  // the largest double under the line
  EXPECT_EQ(code_of(above(837000), 818500), "E837N818");
  EXPECT_EQ(code_of(836500, 819000), "E836N819");
  EXPECT_EQ(code_of(836500, below(819000)), "E836N818");
  EXPECT_EQ(code_of(836500, above(819000)), "E836N819");
  EXPECT_EQ(code_of(837000, 819000), "E837N819");  // a corner: the square north-east of it
}

TEST(HkGrid, NoSquareOutsideTheGridsRange) {
  EXPECT_EQ(code_of(-1, 818000), "none");
  EXPECT_EQ(code_of(836000, std::numeric_limits<double>::quiet_NaN()), "none");
  EXPECT_EQ(code_of(1e7, 818000), "none");
  EXPECT_EQ(code_of(0, 0), "E0N0");
}

TEST(HkGrid, CellsCoverTheBoxAndStopAtALine) {
  auto p = projection();
  auto result = grid_cells_covering({836'200, 818'100, 838'000, 819'500}, p);
  ASSERT_TRUE(std::holds_alternative<std::vector<GridCell>>(result))
      << std::get<GeoInputError>(result).message();
  const auto& cells = std::get<std::vector<GridCell>>(result);
  std::vector<std::string> codes;
  for (const GridCell& cell : cells) codes.push_back(cell.code);
  // 838 000 is the box's edge: the squares from E838 on only touch it.
  EXPECT_EQ(codes, (std::vector<std::string>{"E836N818", "E837N818", "E836N819", "E837N819"}));
  EXPECT_EQ(cells[0].square, (GridSquare{836, 818}));
}

TEST(HkGrid, ABoxInsideOneSquareGivesThatSquare) {
  auto p = projection();
  auto result = grid_cells_covering({836'500, 818'500, 836'500, 818'500}, p);
  ASSERT_TRUE(std::holds_alternative<std::vector<GridCell>>(result));
  ASSERT_EQ(std::get<std::vector<GridCell>>(result).size(), 1u);
  EXPECT_EQ(std::get<std::vector<GridCell>>(result)[0].code, "E836N818");
}

TEST(HkGrid, CellPolygonsAreTheReprojectedSquaresAndShareTheirEdges) {
  auto p = projection();
  const auto cells =
      std::get<std::vector<GridCell>>(grid_cells_covering({836'000, 818'000, 838'000, 819'000}, p));
  ASSERT_EQ(cells.size(), 2u);
  const Geos geos;
  const Geometry west = read_wkb(geos, cells[0].wkb), east = read_wkb(geos, cells[1].wkb);
  ASSERT_TRUE(west && east);
  EXPECT_EQ(GEOSisValid_r(geos.context(), west.get()), 1);
  EXPECT_EQ(GEOSGeomTypeId_r(geos.context(), west.get()), GEOS_POLYGON);
  // Neighbours meet along their common edge, without a sliver between them or an overlap.
  EXPECT_EQ(GEOSTouches_r(geos.context(), west.get(), east.get()), 1);
  const Geometry shared = own(geos, GEOSIntersection_r(geos.context(), west.get(), east.get()));
  double length = 0;
  GEOSLength_r(geos.context(), shared.get(), &length);
  EXPECT_GT(length, 0.008);  // about 1 km of latitude, in degrees
  // Its south-west corner is the square's, reprojected.
  const auto corner = p.to_lon_lat(GridPoint{836'000, 818'000});
  double min_x = 0, min_y = 0;
  GEOSGeom_getXMin_r(geos.context(), west.get(), &min_x);
  GEOSGeom_getYMin_r(geos.context(), west.get(), &min_y);
  EXPECT_NEAR(min_x, corner->lon, 1e-5);
  EXPECT_NEAR(min_y, corner->lat, 1e-5);
}

TEST(HkGrid, RefusesBoxesItCannotOrShouldNotDraw) {
  auto p = projection();
  EXPECT_TRUE(std::holds_alternative<GeoInputError>(
      grid_cells_covering({838'000, 818'000, 836'000, 819'000}, p)));  // inverted
  EXPECT_TRUE(std::holds_alternative<GeoInputError>(
      grid_cells_covering({-5, 818'000, 836'000, 819'000}, p)));
  const auto huge = grid_cells_covering({0, 0, 9'000'000, 9'000'000}, p);
  ASSERT_TRUE(std::holds_alternative<GeoInputError>(huge));
  EXPECT_NE(std::get<GeoInputError>(huge).message().find("at most 100000"), std::string::npos);
}

}  // namespace
}  // namespace bsap::geo
