// Effective mesh size (Jaeger 2000), the City Biodiversity Index's connectivity indicator
// (000_e0ccae9882b7fb64.txt 5.2 城市生物多樣性指數): MESH = (1 / A_total) × Σ A_Gi², on cases
// worked by hand.
#include "plan/effective_mesh.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace bsap::plan {
namespace {

using Links = std::vector<std::pair<int, int>>;

TEST(EffectiveMesh, OnePatchIsItsOwnGroup_Jaeger2000) {
  const std::vector<double> groups = connected_group_areas({10.0}, {});
  EXPECT_EQ(groups, std::vector<double>({10.0}));
  // 10² / 10 = 10: one patch filling the area is the area itself.
  EXPECT_DOUBLE_EQ(effective_mesh_size(groups, 10.0), 10.0);
  // 10² / 40 = 2.5: the same patch in an area four times as large.
  EXPECT_DOUBLE_EQ(effective_mesh_size(groups, 40.0), 2.5);
}

TEST(EffectiveMesh, TwoEqualUnlinkedPatchesHalveTheMeshOfOneJoinedPatch_Jaeger2000) {
  const std::vector<double> groups = connected_group_areas({5.0, 5.0}, {});
  EXPECT_EQ(groups, std::vector<double>({5.0, 5.0}));
  // (5² + 5²) / 20 = 2.5
  EXPECT_DOUBLE_EQ(effective_mesh_size(groups, 20.0), 2.5);
}

TEST(EffectiveMesh, LinkedPatchesFormOneGroup_Jaeger2000) {
  const std::vector<double> groups = connected_group_areas({5.0, 5.0}, {{0, 1}});
  EXPECT_EQ(groups, std::vector<double>({10.0}));
  // 10² / 20 = 5
  EXPECT_DOUBLE_EQ(effective_mesh_size(groups, 20.0), 5.0);
}

// Patches 0–2 and 2–3 are linked, so 0 and 3 are in one group although no link joins them.
TEST(EffectiveMesh, LinksChainTransitively) {
  const std::vector<double> areas = {1.0, 2.0, 3.0, 4.0};
  for (const Links& links : {Links{{0, 2}, {2, 3}}, Links{{3, 2}, {2, 0}}, Links{{2, 3}, {0, 2}}}) {
    const std::vector<double> groups = connected_group_areas(areas, links);
    // {0, 2, 3} = 1 + 3 + 4 = 8 first (smallest patch 0), then {1} = 2.
    EXPECT_EQ(groups, std::vector<double>({8.0, 2.0}));
    // (8² + 2²) / 10 = 6.8
    EXPECT_DOUBLE_EQ(effective_mesh_size(groups, 10.0), 6.8);
  }
}

TEST(EffectiveMesh, LongChainsJoinIntoOneGroup) {
  std::vector<double> areas(1000, 1.0);
  Links links;
  for (int i = 999; i > 0; --i) links.push_back({i, i - 1});
  EXPECT_EQ(connected_group_areas(areas, links), std::vector<double>({1000.0}));
}

TEST(EffectiveMesh, GroupsComeInTheOrderOfTheirSmallestPatch) {
  // {0}, {1, 3}, {2}: the group of 3 is the group of 1.
  EXPECT_EQ(connected_group_areas({1.0, 2.0, 4.0, 8.0}, {{3, 1}}),
            std::vector<double>({1.0, 10.0, 4.0}));
}

TEST(EffectiveMesh, RepeatedAndSelfLinksChangeNothing) {
  EXPECT_EQ(connected_group_areas({1.0, 2.0, 4.0}, {{0, 0}, {1, 2}, {2, 1}, {1, 2}}),
            std::vector<double>({1.0, 6.0}));
}

TEST(EffectiveMesh, ZeroTotalAreaGivesZero) {
  EXPECT_EQ(effective_mesh_size({5.0, 5.0}, 0.0), 0.0);
  EXPECT_EQ(effective_mesh_size({5.0, 5.0}, -1.0), 0.0);
  EXPECT_EQ(effective_mesh_size({}, 10.0), 0.0);
  EXPECT_TRUE(connected_group_areas({}, {}).empty());
}

TEST(EffectiveMesh, ALinkToAPatchThatDoesNotExistIsRefused) {
  EXPECT_THROW(connected_group_areas({1.0, 2.0}, {{0, 2}}), std::out_of_range);
  EXPECT_THROW(connected_group_areas({1.0, 2.0}, {{-1, 0}}), std::out_of_range);
}

}  // namespace
}  // namespace bsap::plan
