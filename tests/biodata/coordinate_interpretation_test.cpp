// Coordinates and their flags (GBIF's occurrence issues, named in issue 9 §2), each at its edge.
// Hong Kong's region is a box here so the tests need no geometry: 113.8–114.5 E, 22.1–22.6 N.
#include "biodata/coordinate_interpretation.h"

#include <gtest/gtest.h>

namespace bsap::biodata {
namespace {

using enum OccurrenceFlag;

CoordinateContext hong_kong_box() {
  CoordinateContext context;
  context.in_home_region = [](LonLat p) {
    return p.lon >= 113.8 && p.lon <= 114.5 && p.lat >= 22.1 && p.lat <= 22.6;
  };
  // A stand-in for PROJ: 1 m = 1e-5 degree from a fixed origin, enough to see it was called.
  context.from_hk1980_grid = [](double e, double n) -> std::optional<LonLat> {
    if (e < 700000 || e > 900000 || n < 700000 || n > 900000) return std::nullopt;
    return LonLat{114.178 + (e - 836694) * 1e-5, 22.312 + (n - 819069) * 1e-5};
  };
  context.from_hk1980_geographic = [](LonLat p) -> std::optional<LonLat> {
    return LonLat{p.lon + 0.0025, p.lat - 0.0015};
  };
  return context;
}

InterpretedCoordinate read(std::string_view lat, std::string_view lon,
                           std::string_view datum = "WGS84") {
  return interpret_coordinate({lat, lon, datum, "", "", ""}, hong_kong_box());
}

TEST(CoordinateInterpretation, AWellFormedPointInHongKongHasNoFlag) {
  auto result = read("22.3", "114.1");
  ASSERT_TRUE(result.point);
  EXPECT_DOUBLE_EQ(result.point->lat, 22.3);
  EXPECT_DOUBLE_EQ(result.point->lon, 114.1);
  EXPECT_TRUE(result.flags.empty());
}

TEST(CoordinateInterpretation, NoCoordinatesIsNoPointAndNoFlag) {
  auto result = read("", "", "");
  EXPECT_FALSE(result.point);
  EXPECT_TRUE(result.flags.empty());
}

TEST(CoordinateInterpretation, ZeroCoordinateOnlyWhenBothAreExactlyZero) {
  EXPECT_TRUE(read("0", "0").flags.has(zero_coordinate));
  EXPECT_TRUE(read("0.0", "-0.000").flags.has(zero_coordinate));
  EXPECT_FALSE(read("0.000001", "0").flags.has(zero_coordinate));
  EXPECT_FALSE(read("0", "0.000001").flags.has(zero_coordinate));
}

TEST(CoordinateInterpretation, OutOfRangeAtJustOverNinetyAndOneEighty) {
  // 90 and 180 themselves are in range (and far from Hong Kong: a mismatch, not out of range).
  EXPECT_FALSE(read("90", "114.1").flags.has(coordinate_out_of_range));
  EXPECT_TRUE(read("90", "114.1").flags.has(country_coordinate_mismatch));
  EXPECT_FALSE(read("-22.3", "180").flags.has(coordinate_out_of_range));
  auto over = read("90.000001", "114.1");
  EXPECT_TRUE(over.flags.has(coordinate_out_of_range));
  EXPECT_FALSE(over.point);
  EXPECT_TRUE(read("-22.3", "-180.000001").flags.has(coordinate_out_of_range));
}

TEST(CoordinateInterpretation, InvalidWhenNotANumberOrOnlyOneGiven) {
  EXPECT_TRUE(read("22°18'N", "114.1").flags.has(coordinate_invalid));
  EXPECT_TRUE(read("22.3", "").flags.has(coordinate_invalid));
  EXPECT_TRUE(read("", "114.1").flags.has(coordinate_invalid));
  EXPECT_TRUE(read("22.3.1", "114.1").flags.has(coordinate_invalid));
  EXPECT_TRUE(read("nan", "114.1").flags.has(coordinate_invalid));
  EXPECT_FALSE(read(" +22.3 ", "114.1e0").flags.has(coordinate_invalid));
}

TEST(CoordinateInterpretation, SwappedCoordinatesAreCorrectedAndFlagged) {
  auto result = read("114.1", "22.3");  // latitude 114.1 is out of range; swapped it is Kowloon
  ASSERT_TRUE(result.point);
  EXPECT_TRUE(result.flags.has(presumed_swapped_coordinate));
  EXPECT_FALSE(result.flags.has(coordinate_out_of_range));
  EXPECT_DOUBLE_EQ(result.point->lat, 22.3);
  EXPECT_DOUBLE_EQ(result.point->lon, 114.1);
  EXPECT_TRUE(result.flags.has_geospatial_issue());
}

TEST(CoordinateInterpretation, NegatedLongitudeIsCorrectedAndFlagged) {
  auto result = read("22.3", "-114.1");
  ASSERT_TRUE(result.point);
  EXPECT_TRUE(result.flags.has(presumed_negated_longitude));
  EXPECT_DOUBLE_EQ(result.point->lon, 114.1);
  EXPECT_TRUE(result.flags.has_geospatial_issue());
}

TEST(CoordinateInterpretation, OutsideHongKongAtTheRegionsEdge) {
  EXPECT_FALSE(read("22.6", "114.1").flags.has(country_coordinate_mismatch));
  auto outside = read("22.600001", "114.1");
  EXPECT_TRUE(outside.flags.has(country_coordinate_mismatch));
  ASSERT_TRUE(outside.point);  // kept, but off the map
  EXPECT_TRUE(outside.flags.has_geospatial_issue());
  EXPECT_TRUE(read("52.52", "13.40").flags.has(country_coordinate_mismatch));  // Berlin
}

TEST(CoordinateInterpretation, DatumAssumedWgs84WhenMissingOrUnknown) {
  EXPECT_TRUE(read("22.3", "114.1", "").flags.has(geodetic_datum_assumed_wgs84));
  EXPECT_TRUE(read("22.3", "114.1", "ED50").flags.has(geodetic_datum_assumed_wgs84));
  for (auto datum : {"WGS84", "WGS 84", "epsg:4326", "World Geodetic System 1984"})
    EXPECT_FALSE(read("22.3", "114.1", datum).flags.has(geodetic_datum_assumed_wgs84)) << datum;
  EXPECT_FALSE(read("22.3", "114.1", "").flags.has_geospatial_issue());
}

TEST(CoordinateInterpretation, Hk1980GeographicIsReprojected) {
  auto result = read("22.3", "114.1", "HK1980");
  ASSERT_TRUE(result.point);
  EXPECT_TRUE(result.flags.has(coordinate_reprojected));
  EXPECT_NEAR(result.point->lon, 114.1025, 1e-9);
  EXPECT_FALSE(result.flags.has_geospatial_issue());
}

TEST(CoordinateInterpretation, Hk1980GridVerbatimCoordinatesAreReprojected) {
  auto result =
      interpret_coordinate({"", "", "", "836694 819069", "HK1980 Grid", ""}, hong_kong_box());
  ASSERT_TRUE(result.point);
  EXPECT_TRUE(result.flags.has(coordinate_reprojected));
  EXPECT_NEAR(result.point->lon, 114.178, 1e-9);
  auto by_srs =
      interpret_coordinate({"", "", "", "836694,819069", "", "EPSG:2326"}, hong_kong_box());
  EXPECT_TRUE(by_srs.flags.has(coordinate_reprojected));
}

TEST(CoordinateInterpretation, VerbatimCoordinatesThatCannotBeReadAreInvalid) {
  EXPECT_TRUE(interpret_coordinate({"", "", "", "somewhere", "HK1980 Grid", ""}, hong_kong_box())
                  .flags.has(coordinate_invalid));
  EXPECT_TRUE(interpret_coordinate({"", "", "", "1 2", "HK1980 Grid", ""}, hong_kong_box())
                  .flags.has(coordinate_invalid));
  EXPECT_TRUE(interpret_coordinate({"", "", "", "22 18 N", "", ""}, hong_kong_box())
                  .flags.has(coordinate_invalid));
}

}  // namespace
}  // namespace bsap::biodata
