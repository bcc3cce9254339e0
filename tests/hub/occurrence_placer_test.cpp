// Placing into a reused Placement gives what a fresh one gives: the import places a million
// records into a few buffers, and a record placed nowhere must not keep the last one's place.
#include "hub/occurrence_placer.h"

#include <gtest/gtest.h>

#include <cstring>

namespace bsap::hub {
namespace {

// A WKB Polygon (little-endian) of one ring, the box's corners in EPSG:4326.
std::string box_wkb(double west, double south, double east, double north) {
  std::string wkb;
  auto put_u32 = [&](std::uint32_t value) {
    for (int i = 0; i < 4; ++i) wkb += static_cast<char>((value >> (8 * i)) & 0xff);
  };
  auto put_point = [&](double x, double y) {
    char bytes[16];
    std::memcpy(bytes, &x, 8);
    std::memcpy(bytes + 8, &y, 8);
    wkb.append(bytes, 16);
  };
  wkb += '\1';
  put_u32(3);  // Polygon
  put_u32(1);  // one ring
  put_u32(5);
  put_point(west, south);
  put_point(east, south);
  put_point(east, north);
  put_point(west, north);
  put_point(west, south);
  return wkb;
}

biodata::Occurrence at(double lon, double lat) {
  biodata::Occurrence occurrence;
  occurrence.point = LonLat{lon, lat};
  return occurrence;
}

TEST(OccurrencePlacer, AReusedPlacementHoldsOnlyTheLastRecordsPlace) {
  std::vector<store::BioArea> areas(2);
  areas[0].id = 41, areas[0].wkb = box_wkb(114.10, 22.30, 114.20, 22.40);
  areas[1].id = 42, areas[1].wkb = box_wkb(114.15, 22.35, 114.30, 22.45);
  OccurrencePlacer placer(areas);

  biodata::Occurrence both = at(114.17, 22.37), one = at(114.12, 22.32), none = at(113.9, 22.2);
  biodata::Occurrence unplaced = at(114.17, 22.37);
  unplaced.flags.add(biodata::OccurrenceFlag::zero_coordinate);  // geospatial: off the map
  biodata::Occurrence pointless;

  Placement reused;
  for (const biodata::Occurrence* occurrence : {&both, &one, &unplaced, &both, &none, &pointless}) {
    Placement fresh = placer.place(*occurrence);
    placer.place(*occurrence, reused);
    EXPECT_EQ(reused.grid_cell, fresh.grid_cell);
    EXPECT_EQ(reused.area_ids, fresh.area_ids);
  }
  placer.place(both, reused);
  EXPECT_EQ(reused.area_ids, (std::vector<std::int64_t>{41, 42}));
  ASSERT_TRUE(reused.grid_cell);
  EXPECT_EQ(reused.grid_cell->front(), 'E');
  placer.place(one, reused);
  EXPECT_EQ(reused.area_ids, (std::vector<std::int64_t>{41}));
  placer.place(unplaced, reused);
  EXPECT_TRUE(reused.area_ids.empty());
  EXPECT_FALSE(reused.grid_cell);
  placer.place(none, reused);
  EXPECT_TRUE(reused.area_ids.empty());
  EXPECT_TRUE(reused.grid_cell);  // in the grid, in no area
}

}  // namespace
}  // namespace bsap::hub
