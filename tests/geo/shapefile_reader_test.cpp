// dcca.shp comes without its .shx: the index is rebuilt in memory and nothing is written beside
// the data. Its .dbf is Big5-HKSCS without a .cpg, so the caller names the encoding.
#include "geo/shapefile_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "hk_districts.h"

namespace bsap::geo {
namespace {

using testing::hk_districts_file;

TEST(ShapefileReader, ReadsAShapefileWithoutItsIndex) {
  const auto shp = hk_districts_file("dcca.shp");
  ASSERT_FALSE(std::filesystem::exists(hk_districts_file("dcca.shx")));
  auto result = read_shapefile(shp, "BIG5-HKSCS");
  ASSERT_TRUE(std::holds_alternative<Shapefile>(result))
      << std::get<GeoInputError>(result).message();
  const Shapefile& file = std::get<Shapefile>(result);
  EXPECT_TRUE(file.index_rebuilt);
  EXPECT_FALSE(file.prj);
  ASSERT_EQ(file.records.size(), 390u);
  const ShapeRecord& first = file.records.front();
  EXPECT_EQ(first.number, 1);
  EXPECT_EQ(first.attributes.at("DCCA"), "3515");
  EXPECT_EQ(first.attributes.at("DCCA_ENG"), "Sha Ta");  // trailing blanks trimmed
  EXPECT_EQ(first.attributes.at("DCCA_CHIN"), "沙打");
  ASSERT_FALSE(first.polygons.empty());
  EXPECT_GT(first.polygons.front().shell.size(), 100u);
  EXPECT_GT(first.polygons.front().shell.front().x, 800'000);  // Grid metres
  // The rebuilt index stayed in memory.
  EXPECT_FALSE(std::filesystem::exists(hk_districts_file("dcca.shx")));
}

TEST(ShapefileReader, TextNotInTheEncodingIsRefusedWithWhatToDo) {
  auto result = read_shapefile(hk_districts_file("dcca.shp"));  // taken for UTF-8
  ASSERT_TRUE(std::holds_alternative<GeoInputError>(result));
  const GeoInputError& error = std::get<GeoInputError>(result);
  EXPECT_EQ(error.source, "dcca.shp");
  EXPECT_EQ(error.feature, 1);
  EXPECT_NE(error.reason.find("DCCA_CHIN"), std::string::npos) << error.message();
  EXPECT_NE(error.reason.find("BIG5-HKSCS"), std::string::npos) << error.message();
}

TEST(ShapefileReader, MissingFileOrUnknownEncodingIsRefused) {
  EXPECT_TRUE(std::holds_alternative<GeoInputError>(read_shapefile("/nonexistent/areas.shp")));
  EXPECT_TRUE(std::holds_alternative<GeoInputError>(
      read_shapefile(hk_districts_file("dcca.shp"), "NO-SUCH-ENCODING")));
}

ShapeRing square(double x0, double y0, double size, bool clockwise) {
  ShapeRing ring{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
  if (clockwise) std::reverse(ring.begin(), ring.end());
  return ring;
}

TEST(ShapefileReader, HolesJoinTheSmallestShellAroundThem_EsriRingOrder) {
  // A big shell with a smaller shell inside it (an island in a lake), and a hole in each.
  const std::vector<ShapePolygon> polygons = assemble_polygons({
      square(0, 0, 100, true), square(10, 10, 50, false),  // the lake
      square(20, 20, 10, true),                            // the island
      square(22, 22, 2, false),                            // a pond on the island
  });
  ASSERT_EQ(polygons.size(), 2u);
  EXPECT_EQ(polygons[0].holes.size(), 1u);
  EXPECT_EQ(polygons[0].holes[0][0].x, 10);
  EXPECT_EQ(polygons[1].holes.size(), 1u);
  EXPECT_EQ(polygons[1].holes[0][0].x, 22);
}

TEST(ShapefileReader, RingsAllOneWayAreShells) {
  const auto polygons = assemble_polygons({square(0, 0, 1, false), square(5, 5, 1, false)});
  ASSERT_EQ(polygons.size(), 2u);
  EXPECT_TRUE(polygons[0].holes.empty());
}

}  // namespace
}  // namespace bsap::geo
