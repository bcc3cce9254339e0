// The 1 km square by the fitted polynomial (geo/grid_square_locator.h) is PROJ's square for every
// point: random points over Hong Kong, points on and a hair either side of kilometre lines (where
// the polynomial must hand over to PROJ), and points outside the fitted region.
#include "geo/grid_square_locator.h"

#include <gtest/gtest.h>

#include <random>

namespace bsap::geo {
namespace {

HkGridProjection projection() {
  return std::move(std::get<HkGridProjection>(HkGridProjection::create()));
}

std::optional<GridSquare> by_proj(HkGridProjection& proj, LonLat point) {
  auto grid = proj.to_grid(point);
  return grid ? grid_square_of(*grid) : std::nullopt;
}

TEST(GridSquareLocator, FitsHongKongToWithinAMillimetre) {
  HkGridProjection proj = projection();
  GridSquareLocator locator(proj);
  EXPECT_TRUE(locator.fitted());
  EXPECT_GE(locator.margin_metres(), 0.001);
  EXPECT_LE(locator.margin_metres(), 0.01);
}

TEST(GridSquareLocator, AHundredThousandRandomPointsAreInProjsSquare) {
  HkGridProjection proj = projection(), reference = projection();
  GridSquareLocator locator(proj);
  std::mt19937_64 random(2035);
  std::uniform_real_distribution<double> lon(113.8, 114.5), lat(22.1, 22.6);
  for (int i = 0; i < 100'000; ++i) {
    const LonLat point{lon(random), lat(random)};
    ASSERT_EQ(locator.square_of(point), by_proj(reference, point)) << point.lon << " " << point.lat;
  }
}

// A point on a line, and a micrometre and a millimetre either side of it, east-west and
// north-south: each is PROJ's square, including the line's own (the square east or north of it).
TEST(GridSquareLocator, PointsOnAndBesideKilometreLinesAreInProjsSquare) {
  HkGridProjection proj = projection(), reference = projection();
  GridSquareLocator locator(proj);
  int checked = 0;
  for (double easting : {820'000.0, 836'000.0, 845'000.0})
    for (double northing : {812'000.0, 818'000.0, 830'000.0})
      for (double offset : {0.0, 1e-6, -1e-6, 1e-3, -1e-3, 0.02, -0.02}) {
        for (GridPoint on : {GridPoint{easting + offset, northing + 400},
                             GridPoint{easting + 400, northing + offset}}) {
          auto point = reference.to_lon_lat(on);
          ASSERT_TRUE(point);
          EXPECT_EQ(locator.square_of(*point), by_proj(reference, *point))
              << on.easting << " " << on.northing;
          ++checked;
        }
      }
  EXPECT_EQ(checked, 3 * 3 * 7 * 2);
}

TEST(GridSquareLocator, PointsOutsideTheFittedRegionGoToProj) {
  HkGridProjection proj = projection(), reference = projection();
  GridSquareLocator locator(proj);
  for (LonLat point : {LonLat{113.0, 22.3}, LonLat{115.2, 22.3}, LonLat{114.2, 21.5},
                       LonLat{114.2, 23.4}, LonLat{0, 0}, LonLat{-179, -80}})
    EXPECT_EQ(locator.square_of(point), by_proj(reference, point)) << point.lon << " " << point.lat;
}

}  // namespace
}  // namespace bsap::geo
