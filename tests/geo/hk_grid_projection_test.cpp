// Hong Kong 1980 Grid ↔ WGS 84 through PROJ (EPSG:2326 ↔ EPSG:4326), checked against the Grid's
// published false origin.
#include "geo/hk_grid_projection.h"

#include <gtest/gtest.h>
#include <proj.h>

#include <cmath>
#include <limits>

namespace bsap::geo {
namespace {

constexpr double kSecond = 1.0 / 3600.0;
constexpr GridPoint kFalseOrigin{836694.05, 819069.80};
// The Grid's origin in Hong Kong 1980 geodetic coordinates (EPSG:4611), as the Survey and Mapping
// Office publishes it: 22°18'43.68"N 114°10'42.80"E. These are HK80 degrees, not WGS 84 ones.
constexpr double kOriginHk80Lat = 22 + 18.0 / 60 + 43.68 * kSecond;
constexpr double kOriginHk80Lon = 114 + 10.0 / 60 + 42.80 * kSecond;

HkGridProjection projection() {
  auto created = HkGridProjection::create();
  if (auto* error = std::get_if<GeoInputError>(&created)) ADD_FAILURE() << error->message();
  return std::move(std::get<HkGridProjection>(created));
}

TEST(HkGridProjection, FalseOriginIsThePublishedHk80Point_EPSG2326) {
  // The Grid's definition itself, through PROJ, ends at the published HK80 point.
  PJ_CONTEXT* context = proj_context_create();
  PJ* raw = proj_create_crs_to_crs(context, "EPSG:2326", "EPSG:4611", nullptr);
  ASSERT_NE(raw, nullptr);
  PJ* to_hk80 = proj_normalize_for_visualization(context, raw);
  const PJ_COORD hk80 =
      proj_trans(to_hk80, PJ_FWD, proj_coord(kFalseOrigin.easting, kFalseOrigin.northing, 0, 0));
  EXPECT_NEAR(hk80.xy.x, kOriginHk80Lon, 0.001 * kSecond);
  EXPECT_NEAR(hk80.xy.y, kOriginHk80Lat, 0.001 * kSecond);
  proj_destroy(to_hk80);
  proj_destroy(raw);
  proj_context_destroy(context);
}

TEST(HkGridProjection, FalseOriginInWgs84IsShiftedByTheDatum_EPSG2326To4326) {
  // The Lands Department's rule of thumb from HK80 to WGS 84: latitude −5.5", longitude +8.8".
  auto p = projection();
  const auto origin = p.to_lon_lat(kFalseOrigin);
  ASSERT_TRUE(origin);
  EXPECT_NEAR(origin->lat, kOriginHk80Lat - 5.5 * kSecond, 0.1 * kSecond);
  EXPECT_NEAR(origin->lon, kOriginHk80Lon + 8.8 * kSecond, 0.1 * kSecond);
}

TEST(HkGridProjection, RoundTripWithinAMillimetre) {
  auto p = projection();
  for (const GridPoint point : {kFalseOrigin, GridPoint{800'000, 800'000},
                                GridPoint{870'500, 845'250}, GridPoint{812'345.678, 823'456.789}}) {
    const auto lon_lat = p.to_lon_lat(point);
    ASSERT_TRUE(lon_lat);
    const auto back = p.to_grid(*lon_lat);
    ASSERT_TRUE(back);
    EXPECT_NEAR(back->easting, point.easting, 0.001);
    EXPECT_NEAR(back->northing, point.northing, 0.001);
  }
}

TEST(HkGridProjection, ManyPointsAtOnceMatchOneByOne) {
  auto p = projection();
  std::vector<GridPoint> points;
  for (int i = 0; i < 1000; ++i) points.push_back({800'000.0 + 70.0 * i, 800'000.0 + 45.0 * i});
  const std::vector<LonLat> all = p.to_lon_lat(points);
  ASSERT_EQ(all.size(), points.size());
  for (std::size_t i = 0; i < points.size(); i += 97) {
    const auto one = p.to_lon_lat(points[i]);
    ASSERT_TRUE(one);
    EXPECT_DOUBLE_EQ(all[i].lon, one->lon);
    EXPECT_DOUBLE_EQ(all[i].lat, one->lat);
  }
  const std::vector<GridPoint> back = p.to_grid(all);
  for (std::size_t i = 0; i < points.size(); ++i) {
    EXPECT_NEAR(back[i].easting, points[i].easting, 0.001);
    EXPECT_NEAR(back[i].northing, points[i].northing, 0.001);
  }
  EXPECT_TRUE(p.to_lon_lat(std::span<const GridPoint>()).empty());
}

TEST(HkGridProjection, PointsThatCannotBeConvertedAreSaidSo) {
  auto p = projection();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(p.to_lon_lat(GridPoint{nan, 819'000}));
  EXPECT_FALSE(p.to_grid(LonLat{114.1, std::numeric_limits<double>::infinity()}));
  const std::vector<LonLat> batch = p.to_lon_lat(std::vector<GridPoint>{kFalseOrigin, {nan, nan}});
  EXPECT_TRUE(std::isfinite(batch[0].lon));
  EXPECT_FALSE(std::isfinite(batch[1].lon) && std::isfinite(batch[1].lat));
}

TEST(HkGridProjection, MovesWithItsState) {
  auto p = projection();
  HkGridProjection moved = std::move(p);
  EXPECT_TRUE(moved.to_lon_lat(kFalseOrigin));
}

}  // namespace
}  // namespace bsap::geo
