// Natural-area patches link when less than 100 m apart with no barrier between them, and the
// effective mesh size follows (City Biodiversity Index connectivity, 000_e0ccae9882b7fb64.txt
// 5.2 note 3). Hand-made squares in metres; the MESH values are worked out by hand.
#include "geo/natural_area_links.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "plan/effective_mesh.h"

namespace bsap::geo {
namespace {

std::string ring(double x0, double y0, double x1, double y1) {
  std::ostringstream out;
  out << "[[" << x0 << "," << y0 << "],[" << x1 << "," << y0 << "],[" << x1 << "," << y1 << "],["
      << x0 << "," << y1 << "],[" << x0 << "," << y0 << "]]";
  return out.str();
}

// A square patch `size` metres across with its lower-left corner at (x, y).
std::string square(const std::string& name, double x, double y, double size) {
  return R"({"type":"Feature","properties":{"name":")" + name +
         R"("},"geometry":{"type":"Polygon","coordinates":[)" + ring(x, y, x + size, y + size) +
         "]}}";
}

std::string line(const std::string& name, double x0, double y0, double x1, double y1) {
  std::ostringstream out;
  out << R"({"type":"Feature","properties":{"name":")" << name
      << R"("},"geometry":{"type":"LineString","coordinates":[[)" << x0 << "," << y0 << "],[" << x1
      << "," << y1 << "]]}}";
  return out.str();
}

std::string collection(const std::vector<std::string>& features) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < features.size(); ++i) out += (i ? "," : "") + features[i];
  return out + "]}";
}

NaturalAreaLinks linked(const std::string& patches,
                        std::optional<std::string> barriers = std::nullopt, double gap = 100) {
  auto result = link_natural_areas(
      patches, barriers ? std::optional<std::string_view>(*barriers) : std::nullopt, gap);
  if (const auto* error = std::get_if<GeoInputError>(&result)) {
    ADD_FAILURE() << error->message();
    return {};
  }
  return std::get<NaturalAreaLinks>(result);
}

std::string refused(const std::string& patches, std::optional<std::string> barriers = std::nullopt,
                    double gap = 100) {
  auto result = link_natural_areas(
      patches, barriers ? std::optional<std::string_view>(*barriers) : std::nullopt, gap);
  if (!std::holds_alternative<GeoInputError>(result)) {
    ADD_FAILURE() << "accepted";
    return "";
  }
  return std::get<GeoInputError>(result).message();
}

using Links = std::vector<std::pair<int, int>>;

TEST(NaturalAreaLinks, SquaresFiftyMetresApartAreLinked_100mRule) {
  const NaturalAreaLinks result =
      linked(collection({square("A", 0, 0, 100), square("B", 150, 0, 100)}));
  ASSERT_EQ(result.patches.size(), 2u);
  EXPECT_EQ(result.patches[0].name, "A");
  EXPECT_DOUBLE_EQ(result.patches[0].area_m2, 10'000.0);
  EXPECT_EQ(result.links, (Links{{0, 1}}));
}

TEST(NaturalAreaLinks, SquaresHundredFiftyMetresApartAreNotLinked_100mRule) {
  const NaturalAreaLinks result =
      linked(collection({square("A", 0, 0, 100), square("B", 250, 0, 100)}));
  EXPECT_TRUE(result.links.empty());
}

TEST(NaturalAreaLinks, ExactlyTheGapApartIsNotLessThanIt_100mRule) {
  EXPECT_TRUE(linked(collection({square("A", 0, 0, 100), square("B", 200, 0, 100)})).links.empty());
  EXPECT_EQ(linked(collection({square("A", 0, 0, 100), square("B", 199.5, 0, 100)})).links,
            (Links{{0, 1}}));
}

TEST(NaturalAreaLinks, BarrierLineBetweenBreaksTheLink_Barriers) {
  const std::string patches = collection({square("A", 0, 0, 100), square("B", 150, 0, 100)});
  EXPECT_TRUE(linked(patches, collection({line("road", 125, -50, 125, 150)})).links.empty());
}

TEST(NaturalAreaLinks, BarrierElsewhereLeavesTheLink_Barriers) {
  const std::string patches = collection({square("A", 0, 0, 100), square("B", 150, 0, 100)});
  EXPECT_EQ(linked(patches, collection({line("road", 400, -50, 400, 150)})).links, (Links{{0, 1}}));
  // A road beside the gap, not across the shortest segment (y = 0…100), leaves the link too.
  EXPECT_EQ(linked(patches, collection({line("road", 110, 130, 140, 130)})).links, (Links{{0, 1}}));
}

TEST(NaturalAreaLinks, BarrierPolygonBetweenBreaksTheLink_Barriers) {
  const std::string canal =
      R"({"type":"Feature","properties":{"name":"canal"},"geometry":{"type":"Polygon",)"
      R"("coordinates":[)" +
      ring(115, -500, 135, 500) + "]}}";
  const std::string patches = collection({square("A", 0, 0, 100), square("B", 150, 0, 100)});
  EXPECT_TRUE(linked(patches, collection({canal})).links.empty());
}

TEST(NaturalAreaLinks, ARowOfPatchesLinksOnlyNeighbours_STRtree) {
  std::vector<std::string> row;
  for (int i = 0; i < 60; ++i) row.push_back(square("P" + std::to_string(i), i * 150.0, 0, 100));
  const NaturalAreaLinks result = linked(collection(row));
  Links chain;
  for (int i = 0; i + 1 < 60; ++i) chain.emplace_back(i, i + 1);
  EXPECT_EQ(result.links, chain);
}

TEST(NaturalAreaLinks, MultiPolygonPatchCountsAllItsParts) {
  const std::string two_parts =
      R"({"type":"Feature","id":"W1","geometry":{"type":"MultiPolygon","coordinates":[[)" +
      ring(0, 0, 100, 100) + "],[" + ring(1000, 0, 1100, 100) + "]]}}";
  const NaturalAreaLinks result =
      linked(collection({two_parts, square("near the second part", 1150, 0, 100)}));
  EXPECT_EQ(result.patches[0].name, "W1");
  EXPECT_DOUBLE_EQ(result.patches[0].area_m2, 20'000.0);
  EXPECT_EQ(result.links, (Links{{0, 1}}));
}

// A (1 ha) and B (1 ha) are 50 m apart; C (4 ha) is far off. Groups 2 ha and 4 ha; A_total, the
// total area of all natural areas, 6 ha: MESH = (2² + 4²) / 6 = 20 / 6 ha.
TEST(EffectiveMesh, HandComputedFromPolygons_Indicator2) {
  const NaturalAreaLinks result = linked(
      collection({square("A", 0, 0, 100), square("B", 150, 0, 100), square("C", 2000, 2000, 200)}));
  std::vector<double> hectares;
  double total = 0;
  for (const NaturalPatch& patch : result.patches) {
    hectares.push_back(patch.area_m2 / 10'000.0);
    total += hectares.back();
  }
  const std::vector<double> groups = plan::connected_group_areas(hectares, result.links);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_DOUBLE_EQ(groups[0], 2.0);
  EXPECT_DOUBLE_EQ(groups[1], 4.0);
  EXPECT_DOUBLE_EQ(total, 6.0);
  EXPECT_NEAR(plan::effective_mesh_size(groups, total), 20.0 / 6.0, 1e-12);
  // With a road between A and B every patch is its own group: (1 + 1 + 16) / 6 = 3 ha.
  const NaturalAreaLinks cut = linked(
      collection({square("A", 0, 0, 100), square("B", 150, 0, 100), square("C", 2000, 2000, 200)}),
      collection({line("road", 125, -50, 125, 150)}));
  EXPECT_NEAR(plan::effective_mesh_size(plan::connected_group_areas(hectares, cut.links), total),
              3.0, 1e-12);
}

TEST(NaturalAreaLinks, NotAFeatureCollectionIsRefused) {
  EXPECT_NE(
      refused(R"({"type":"Polygon","coordinates":[]})").find("not a GeoJSON FeatureCollection"),
      std::string::npos);
  EXPECT_NE(refused("{not json").find("patches: not JSON"), std::string::npos);
  EXPECT_NE(refused(collection({})).find("no features"), std::string::npos);
}

TEST(NaturalAreaLinks, NonPolygonPatchIsRefusedNamingTheFeature) {
  const std::string point =
      R"({"type":"Feature","properties":{"name":"well"},"geometry":{"type":"Point","coordinates":[5,5]}})";
  const std::string message = refused(collection({square("A", 0, 0, 100), point}));
  EXPECT_EQ(message,
            "patches: feature 2 (well) is a Point where a Polygon or MultiPolygon is expected");
}

TEST(NaturalAreaLinks, InvalidGeometryIsRefusedNamingTheFeature) {
  const std::string bowtie =
      R"({"type":"Feature","properties":{"name":"bowtie"},"geometry":{"type":"Polygon",)"
      R"("coordinates":[[[0,0],[100,100],[100,0],[0,100],[0,0]]]}})";
  const std::string message = refused(collection({square("A", 500, 0, 100), bowtie}));
  EXPECT_EQ(message.rfind("patches: feature 2 (bowtie) invalid geometry: ", 0), 0u) << message;
}

TEST(NaturalAreaLinks, BadBarrierIsRefusedAsABarrier) {
  const std::string patches = collection({square("A", 0, 0, 100)});
  const std::string point = R"({"type":"Feature","geometry":{"type":"Point","coordinates":[5,5]}})";
  EXPECT_EQ(refused(patches, collection({point})),
            "barriers: feature 1 (#1) is a Point where a LineString, MultiLineString, Polygon or "
            "MultiPolygon is expected");
}

TEST(NaturalAreaLinks, GeographicCoordinatesAreRefused) {
  const std::string in_degrees =
      R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":)"
      R"("urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[)" +
      square("A", 114.1, 22.3, 0.001) + "]}";
  EXPECT_NE(refused(in_degrees).find("reproject to a metric CRS"), std::string::npos);
}

TEST(NaturalAreaLinks, GapMustBePositive) {
  EXPECT_EQ(refused(collection({square("A", 0, 0, 100)}), std::nullopt, 0),
            "gap: must be a positive distance in metres");
}

// ---- the command

struct CommandRun {
  int status;
  std::string out;
};

CommandRun run(const std::string& arguments) {
  const std::string command = std::string(BSAP_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

class PlanMeshCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("bsap-mesh-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  std::filesystem::path dir_;
};

TEST_F(PlanMeshCommand, PrintsGroupsATotalAndMeshAsJson_Indicator2) {
  const std::string patches = write(
      "patches.geojson",
      collection({square("A", 0, 0, 100), square("B", 150, 0, 100), square("C", 2000, 2000, 200)}));
  const CommandRun result = run("plan mesh --patches " + patches + " --json");
  ASSERT_EQ(result.status, 0) << result.out;
  EXPECT_NE(result.out.find(R"("total_area_ha":6.0)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(R"("mesh_ha":3.3333333333333)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(R"("links":[["A","B"]])"), std::string::npos) << result.out;

  const CommandRun given_total = run("plan mesh --patches " + patches + " --total-area 20");
  ASSERT_EQ(given_total.status, 0) << given_total.out;
  EXPECT_NE(given_total.out.find("MESH 1.0000 ha"), std::string::npos) << given_total.out;
}

TEST_F(PlanMeshCommand, BadInputExitsWith2AndSaysWhich) {
  const std::string patches = write("bad.geojson", R"({"type":"Feature"})");
  const CommandRun result = run("plan mesh --patches " + patches);
  EXPECT_EQ(result.status, 2) << result.out;
  EXPECT_NE(result.out.find("not a GeoJSON FeatureCollection"), std::string::npos) << result.out;
  EXPECT_EQ(run("plan mesh --patches " + (dir_ / "missing.geojson").string()).status, 2);
}

}  // namespace
}  // namespace bsap::geo
