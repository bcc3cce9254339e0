// Area layers read from GeoJSON and shapefiles, in WGS 84 or Hong Kong 1980 Grid, validated and
// repaired with a report; the real layers are CSD's 2001 districts and constituency areas.
#include "geo/area_layer_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "geo/geos_handle.h"
#include "hk_districts.h"

namespace bsap::geo {
namespace {

using testing::constituencies;
using testing::constituency_options;
using testing::constituency_shapefile_options;
using testing::hk_districts_file;
using testing::read_or_fail;

int count(const AreaLayer& layer, AreaImportNote::Kind kind) {
  return static_cast<int>(
      std::count_if(layer.report.begin(), layer.report.end(),
                    [&](const AreaImportNote& note) { return note.kind == kind; }));
}

const AreaFeature* find(const AreaLayer& layer, const std::string& code) {
  for (const AreaFeature& feature : layer.features)
    if (feature.code == code) return &feature;
  return nullptr;
}

std::pair<double, double> centroid(const AreaFeature& feature) {
  const Geos geos;
  const Geometry area = read_wkb(geos, feature.wkb);
  const Geometry middle = own(geos, GEOSGetCentroid_r(geos.context(), area.get()));
  double x = 0, y = 0;
  GEOSGeomGetX_r(geos.context(), middle.get(), &x);
  GEOSGeomGetY_r(geos.context(), middle.get(), &y);
  return {x, y};
}

// ---- the real layers

TEST(AreaLayerReader, ConstituencyAreasAreReadAnd243Repaired) {
  const AreaLayer layer = constituencies();
  EXPECT_EQ(layer.source_crs, LayerCrs::wgs84);
  ASSERT_EQ(layer.features.size(), 390u);
  // The simplification left 243 of the 390 polygons crossing themselves.
  EXPECT_EQ(count(layer, AreaImportNote::Kind::repaired), 243);
  EXPECT_EQ(layer.report.size(), 243u);
  const Geos geos;
  std::set<std::string> codes;
  for (const AreaFeature& feature : layer.features) {
    const Geometry area = read_wkb(geos, feature.wkb);
    ASSERT_TRUE(area) << feature.code;
    EXPECT_EQ(GEOSisValid_r(geos.context(), area.get()), 1) << feature.code;
    EXPECT_GT(feature.area_m2, 0) << feature.code;
    codes.insert(feature.code);
  }
  EXPECT_EQ(codes.size(), 390u);
  const AreaImportNote& first = layer.report.front();
  EXPECT_EQ(first.feature, 1);
  EXPECT_EQ(first.code, "3515");
  EXPECT_NE(first.problem.find("Self-intersection"), std::string::npos) << first.message();
  EXPECT_NE(first.action.find("MakeValid"), std::string::npos) << first.message();
  EXPECT_EQ(find(layer, "3515")->name_en, "Sha Ta");
}

TEST(AreaLayerReader, EighteenDistrictsWithShamShuiPoWrittenWithTheStandardCharacter) {
  AreaLayerOptions options;
  options.code_property = "DC_CODE";
  options.name_zh_property = "DC_CHIN";
  options.name_en_property = "DC_ENG";
  const AreaLayer layer =
      read_or_fail(read_area_layer(hk_districts_file("dc_land.lowres.geo.json"), options));
  ASSERT_EQ(layer.features.size(), 18u);
  EXPECT_EQ(count(layer, AreaImportNote::Kind::repaired), 18);
  const AreaFeature* sham_shui_po = find(layer, "F");
  ASSERT_TRUE(sham_shui_po);
  EXPECT_EQ(sham_shui_po->name_zh, "深水埗區");  // 埗 U+57D7
  EXPECT_EQ(sham_shui_po->name_en, "Sham Shui Po");
  // This copy already has U+57D7 (the private-use U+E88C is in CSD's dc_land.shp): nothing to fix.
  EXPECT_EQ(count(layer, AreaImportNote::Kind::text_fixed), 0);
  double total_m2 = 0;
  for (const AreaFeature& feature : layer.features) total_m2 += feature.area_m2;
  EXPECT_NEAR(total_m2 / 1e6, 1110, 30);  // Hong Kong's land, about 1 110 km²
}

TEST(AreaLayerReader, ShapefileWithoutIndexIsReprojectedFromTheGrid) {
  const AreaLayer shapes = read_or_fail(
      read_area_layer(hk_districts_file("dcca.shp"), constituency_shapefile_options()));
  EXPECT_EQ(shapes.source_crs, LayerCrs::hk1980_grid);
  ASSERT_EQ(shapes.features.size(), 390u);
  // Unsimplified, only two of its polygons are invalid.
  EXPECT_EQ(count(shapes, AreaImportNote::Kind::repaired), 2);
  const AreaFeature* queens_hill = find(shapes, "3516");
  ASSERT_TRUE(queens_hill);
  EXPECT_EQ(queens_hill->name_en, "Queen's Hill");
  EXPECT_EQ(find(shapes, "3515")->name_zh, "沙打");
  // The shapefile runs out to sea where the GeoJSON stops at the coast; an inland area is the same
  // place in both.
  const AreaLayer land = constituencies();
  const auto [shape_x, shape_y] = centroid(*queens_hill);
  const auto [land_x, land_y] = centroid(*find(land, "3516"));
  EXPECT_NEAR(shape_x, land_x, 0.01);
  EXPECT_NEAR(shape_y, land_y, 0.01);
  EXPECT_NEAR(shape_x, 114.165, 0.01);
  EXPECT_NEAR(queens_hill->area_m2, find(land, "3516")->area_m2, 0.01 * queens_hill->area_m2);
}

// A temporary folder with copies of dcca.shp and dcca.dbf, for a .prj beside them.
class ShapefileCopy {
 public:
  ShapefileCopy() {
    char pattern[] = "/tmp/bsap-geo-test-XXXXXX";
    folder_ = mkdtemp(pattern);
    for (const char* name : {"dcca.shp", "dcca.dbf"})
      std::filesystem::copy_file(hk_districts_file(name), folder_ / name);
  }
  ~ShapefileCopy() { std::filesystem::remove_all(folder_); }
  void write_prj(const std::string& wkt) const { std::ofstream(folder_ / "dcca.prj") << wkt; }
  std::filesystem::path shp() const { return folder_ / "dcca.shp"; }

 private:
  std::filesystem::path folder_;
};

constexpr const char* kEsriHk1980Grid =
    R"(PROJCS["Hong_Kong_1980_Grid",GEOGCS["GCS_Hong_Kong_1980",DATUM["D_Hong_Kong_1980",)"
    R"(SPHEROID["International_1924",6378388.0,297.0]],PRIMEM["Greenwich",0.0],)"
    R"(UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],)"
    R"(PARAMETER["False_Easting",836694.05],PARAMETER["False_Northing",819069.8],)"
    R"(PARAMETER["Central_Meridian",114.1785555555556],PARAMETER["Scale_Factor",1.0],)"
    R"(PARAMETER["Latitude_Of_Origin",22.31213333333334],UNIT["Meter",1.0]])";

TEST(AreaLayerReader, ShapefileCrsComesFromItsPrj) {
  const ShapefileCopy copy;
  copy.write_prj(kEsriHk1980Grid);
  AreaLayerOptions options = constituency_shapefile_options();
  options.crs.reset();
  const AreaLayer layer = read_or_fail(read_area_layer(copy.shp(), options));
  EXPECT_EQ(layer.source_crs, LayerCrs::hk1980_grid);
  EXPECT_EQ(layer.features.size(), 390u);
}

TEST(AreaLayerReader, ShapefileWithoutPrjNeedsTheCallersCrs) {
  AreaLayerOptions options = constituency_shapefile_options();
  options.crs.reset();
  auto result = read_area_layer(hk_districts_file("dcca.shp"), options);
  ASSERT_TRUE(std::holds_alternative<GeoInputError>(result));
  EXPECT_NE(std::get<GeoInputError>(result).reason.find("EPSG:2326"), std::string::npos);
}

TEST(AreaLayerReader, ShapefileWhosePrjContradictsTheCallerIsRefused) {
  const ShapefileCopy copy;
  copy.write_prj(kEsriHk1980Grid);
  AreaLayerOptions options = constituency_shapefile_options();
  options.crs = LayerCrs::wgs84;
  auto result = read_area_layer(copy.shp(), options);
  ASSERT_TRUE(std::holds_alternative<GeoInputError>(result));
  EXPECT_NE(std::get<GeoInputError>(result).reason.find("says EPSG:2326"), std::string::npos)
      << std::get<GeoInputError>(result).message();
}

// ---- hand-made GeoJSON

std::string feature(const std::string& properties, const std::string& geometry) {
  return R"({"type":"Feature","properties":)" + properties + R"(,"geometry":)" + geometry + "}";
}

std::string square(double x, double y, double size) {
  const std::string x0 = std::to_string(x), y0 = std::to_string(y);
  const std::string x1 = std::to_string(x + size), y1 = std::to_string(y + size);
  return R"({"type":"Polygon","coordinates":[[[)" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" +
         x1 + "," + y1 + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}";
}

std::string collection(const std::vector<std::string>& features, const std::string& crs = "") {
  std::string out = R"({"type":"FeatureCollection",)" + crs + R"("features":[)";
  for (std::size_t i = 0; i < features.size(); ++i) out += (i ? "," : "") + features[i];
  return out + "]}";
}

AreaLayerOptions code_options() {
  AreaLayerOptions options;
  options.code_property = "code";
  options.name_zh_property = "name_zh";
  options.name_en_property = "name_en";
  return options;
}

std::variant<AreaLayer, GeoInputError> read_text(const std::string& text,
                                                 const AreaLayerOptions& options = code_options()) {
  return read_geojson_area_layer(text, "upload.geojson", options);
}

std::string refusal(const std::string& text, const AreaLayerOptions& options = code_options()) {
  auto result = read_text(text, options);
  if (!std::holds_alternative<GeoInputError>(result)) {
    ADD_FAILURE() << "accepted";
    return "";
  }
  return std::get<GeoInputError>(result).message();
}

TEST(AreaLayerReader, PrivateUseCharacterForShamShuiPoIsCorrected) {
  const AreaLayer layer = read_or_fail(read_text(
      collection({feature(R"({"code":"F","name_zh":"深水\uE88C區","name_en":"Sham Shui Po"})",
                          square(114.15, 22.33, 0.01))})));
  ASSERT_EQ(layer.features.size(), 1u);
  EXPECT_EQ(layer.features[0].name_zh, "深水埗區");
  ASSERT_EQ(layer.report.size(), 1u);
  EXPECT_EQ(layer.report[0].kind, AreaImportNote::Kind::text_fixed);
  EXPECT_NE(layer.report[0].message().find("U+E88C"), std::string::npos)
      << layer.report[0].message();
}

TEST(AreaLayerReader, AreaIsMeasuredInTheGrid) {
  // 0.01° square at 22.3°N: about 1 029 m east–west by 1 107 m north–south.
  const AreaLayer layer = read_or_fail(
      read_text(collection({feature(R"({"code":"A"})", square(114.15, 22.30, 0.01))})));
  ASSERT_EQ(layer.features.size(), 1u);
  EXPECT_NEAR(layer.features[0].area_m2, 1.139e6, 0.005e6);
}

TEST(AreaLayerReader, GridCoordinatesNamedByTheCrsMemberAreReprojected) {
  const std::string crs =
      R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2326"}},)";
  const AreaLayer layer = read_or_fail(
      read_text(collection({feature(R"({"code":"G"})", square(836000, 818000, 1000))}, crs)));
  ASSERT_EQ(layer.features.size(), 1u);
  EXPECT_EQ(layer.source_crs, LayerCrs::hk1980_grid);
  EXPECT_NEAR(layer.features[0].area_m2, 1e6, 1);
  const auto [x, y] = centroid(layer.features[0]);
  EXPECT_NEAR(x, 114.18, 0.01);
  EXPECT_NEAR(y, 22.30, 0.01);
}

TEST(AreaLayerReader, InvalidPolygonIsRepairedAndReported) {
  const std::string bow_tie =
      R"({"type":"Polygon","coordinates":[[[114.1,22.3],[114.2,22.4],[114.2,22.3],[114.1,22.4],[114.1,22.3]]]})";
  const AreaLayer layer =
      read_or_fail(read_text(collection({feature(R"({"code":"B"})", bow_tie)})));
  ASSERT_EQ(layer.report.size(), 1u);
  EXPECT_EQ(layer.report[0].kind, AreaImportNote::Kind::repaired);
  EXPECT_EQ(layer.report[0].feature, 1);
  EXPECT_EQ(layer.report[0].code, "B");
  EXPECT_NE(layer.report[0].problem.find("Self-intersection"), std::string::npos);
}

TEST(AreaLayerReader, FeaturesWithoutCodeOrPolygonAreSkippedAndReported) {
  const AreaLayer layer = read_or_fail(read_text(collection({
      feature(R"({"code":"A"})", square(114.1, 22.3, 0.01)),
      feature(R"({"name_en":"Nameless"})", square(114.2, 22.3, 0.01)),
      feature(R"({"code":"L"})",
              R"({"type":"LineString","coordinates":[[114.1,22.3],[114.2,22.4]]})"),
      feature(R"({"code":"N"})", "null"),
      feature(R"({"code":7})", square(114.3, 22.3, 0.01)),
  })));
  ASSERT_EQ(layer.features.size(), 2u);
  EXPECT_EQ(layer.features[1].code, "7");  // a number is a code too
  ASSERT_EQ(layer.report.size(), 3u);
  EXPECT_EQ(layer.report[0].message(), "feature 2: no code → skipped");
  EXPECT_EQ(layer.report[1].message(),
            "feature 3 (L): a LineString: an area is a Polygon or MultiPolygon → skipped");
  EXPECT_EQ(layer.report[2].kind, AreaImportNote::Kind::skipped);
}

// The geometries are placed on several threads; the report and the areas keep the file's order,
// each feature's notes in the order they arose (its name corrected before its polygon repaired).
TEST(AreaLayerReader, ReportAndAreasKeepTheFileOrderWhicheverThreadPlacedAFeature) {
  const std::string bow_tie =
      R"({"type":"Polygon","coordinates":[[[114.1,22.3],[114.2,22.4],[114.2,22.3],[114.1,22.4],[114.1,22.3]]]})";
  std::vector<std::string> features;
  std::vector<std::pair<int, AreaImportNote::Kind>> expected_notes;
  std::vector<std::string> expected_codes;
  for (int i = 0; i < 41; ++i) {
    const int number = i + 1;
    const std::string code = "C" + std::to_string(number);
    switch (i % 4) {
      case 0:
        features.push_back(
            feature(R"({"code":")" + code + R"(","name_zh":"深水\uE88C"})", bow_tie));
        expected_notes.push_back({number, AreaImportNote::Kind::text_fixed});
        expected_notes.push_back({number, AreaImportNote::Kind::repaired});
        break;
      case 1:
        features.push_back(feature(R"({"code":")" + code + R"("})", square(114.1, 22.3, 0.01)));
        break;
      case 2:
        features.push_back(feature(R"({"name_en":"no code"})", square(114.1, 22.3, 0.01)));
        expected_notes.push_back({number, AreaImportNote::Kind::skipped});
        continue;
      default:
        features.push_back(feature(R"({"code":")" + code + R"("})", bow_tie));
        expected_notes.push_back({number, AreaImportNote::Kind::repaired});
    }
    expected_codes.push_back(code);
  }
  const AreaLayer layer = read_or_fail(read_text(collection(features)));
  std::vector<std::pair<int, AreaImportNote::Kind>> notes;
  for (const AreaImportNote& note : layer.report) notes.push_back({note.feature, note.kind});
  EXPECT_EQ(notes, expected_notes);
  std::vector<std::string> codes;
  for (const AreaFeature& area : layer.features) codes.push_back(area.code);
  EXPECT_EQ(codes, expected_codes);
}

// Polygons of [x, y] positions are made straight from the parsed file; anything else goes through
// GEOS's GeoJSON reader as before, which says what is wrong (heights, unclosed rings, text).
TEST(AreaLayerReader, PolygonsReadStraightOrByGeosReaderAlike) {
  const std::string holed =
      R"({"type":"Polygon","coordinates":[[[114.1,22.3],[114.2,22.3],[114.2,22.4],[114.1,22.4],[114.1,22.3]],)"
      R"([[114.12,22.32],[114.12,22.38],[114.18,22.38],[114.18,22.32],[114.12,22.32]]]})";
  const std::string holed_with_heights =
      R"({"type":"Polygon","coordinates":[[[114.1,22.3,5],[114.2,22.3,5],[114.2,22.4,5],[114.1,22.4,5],[114.1,22.3,5]],)"
      R"([[114.12,22.32,5],[114.12,22.38,5],[114.18,22.38,5],[114.18,22.32,5],[114.12,22.32,5]]]})";
  const std::string two_squares =
      R"({"type":"MultiPolygon","coordinates":[[[[114.1,22.3],[114.11,22.3],[114.11,22.31],[114.1,22.31],[114.1,22.3]]],)"
      R"([[[114.2,22.3],[114.21,22.3],[114.21,22.31],[114.2,22.31],[114.2,22.3]]]]})";
  const std::string unclosed =
      R"({"type":"Polygon","coordinates":[[[114.1,22.3],[114.2,22.3],[114.2,22.4],[114.1,22.4]]]})";
  const std::string text_coordinate =
      R"({"type":"Polygon","coordinates":[[["114.1",22.3],[114.2,22.3],[114.2,22.4],[114.1,22.3]]]})";
  const AreaLayer layer = read_or_fail(read_text(collection({
      feature(R"({"code":"H"})", holed),
      feature(R"({"code":"Z"})", holed_with_heights),
      feature(R"({"code":"M"})", two_squares),
      feature(R"({"code":"U"})", unclosed),
      feature(R"({"code":"T"})", text_coordinate),
  })));
  ASSERT_EQ(layer.features.size(), 2u);
  EXPECT_NEAR(layer.features[0].area_m2, 64 * 1.139e6, 0.64e6);  // 0.1° square less 0.06°
  EXPECT_NEAR(layer.features[1].area_m2, 2 * 1.139e6, 0.01e6);
  ASSERT_EQ(layer.report.size(), 3u);
  EXPECT_EQ(layer.report[0].message(),
            "feature 2 (Z): unreadable geometry: ParseException: Expected two coordinates found "
            "more than two → skipped");
  EXPECT_EQ(layer.report[1].message(),
            "feature 4 (U): unreadable geometry: IllegalArgumentException: Points of LinearRing "
            "do not form a closed linestring → skipped");
  EXPECT_EQ(layer.report[2].feature, 5);
  EXPECT_NE(layer.report[2].problem.find("type must be number"), std::string::npos)
      << layer.report[2].problem;
}

TEST(AreaLayerReader, BrokenFilesAreRefusedSayingWhatToFix) {
  EXPECT_NE(refusal("{not json").find("upload.geojson: not JSON"), std::string::npos);
  EXPECT_EQ(refusal(R"({"type":"Feature"})"),
            "upload.geojson: not a GeoJSON FeatureCollection (its \"type\" is \"Feature\")");
  EXPECT_EQ(refusal(R"({"type":"FeatureCollection","features":{}})"),
            "upload.geojson: its \"features\" is not a list");
  EXPECT_NE(refusal(collection({feature(R"({"name_en":"x"})", square(114.1, 22.3, 0.01))}))
                .find("no areas"),
            std::string::npos);
  AreaLayerOptions no_code = code_options();
  no_code.code_property.clear();
  EXPECT_NE(refusal(collection({}), no_code).find("no code property"), std::string::npos);
}

TEST(AreaLayerReader, DuplicateCodesAreRefused) {
  EXPECT_EQ(refusal(collection({feature(R"({"code":"A"})", square(114.1, 22.3, 0.01)),
                                feature(R"({"code":"B"})", square(114.2, 22.3, 0.01)),
                                feature(R"({"code":"A"})", square(114.3, 22.3, 0.01))})),
            "upload.geojson: feature 3 code A is feature 1's too: codes must be unique in a layer");
}

TEST(AreaLayerReader, MetresTakenForDegreesAreRefused) {
  EXPECT_NE(refusal(collection({feature(R"({"code":"A"})", square(836000, 818000, 1000))}))
                .find("say EPSG:2326"),
            std::string::npos);
}

TEST(AreaLayerReader, UnknownCrsOrContradictionIsRefused) {
  const std::string web_mercator = R"("crs":{"type":"name","properties":{"name":"EPSG:3857"}},)";
  EXPECT_NE(refusal(collection({}, web_mercator)).find("neither EPSG:4326 nor EPSG:2326"),
            std::string::npos);
  const std::string wgs84 =
      R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},)";
  AreaLayerOptions grid = code_options();
  grid.crs = LayerCrs::hk1980_grid;
  EXPECT_NE(refusal(collection({}, wgs84), grid).find("says EPSG:4326"), std::string::npos);
}

TEST(AreaLayerReader, FilesByExtension) {
  auto missing = read_area_layer("/nonexistent/areas.geojson", code_options());
  ASSERT_TRUE(std::holds_alternative<GeoInputError>(missing));
  EXPECT_NE(std::get<GeoInputError>(missing).message().find("cannot read"), std::string::npos);
  auto unknown = read_area_layer("areas.kml", code_options());
  ASSERT_TRUE(std::holds_alternative<GeoInputError>(unknown));
  EXPECT_NE(std::get<GeoInputError>(unknown).message().find(".geojson, .json or .shp"),
            std::string::npos);
}

}  // namespace
}  // namespace bsap::geo
