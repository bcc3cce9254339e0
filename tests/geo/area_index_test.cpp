// The point-in-area join gives GEOS's answer (GEOSPreparedContains: ST_Contains, a point on the
// boundary is not contained) for every point: random points over Hong Kong's 390 repaired
// constituency areas, their vertices and edges, and hand-made holes and overlaps.
#include "geo/area_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <random>
#include <thread>

#include "geo/geos_handle.h"
#include "hk_districts.h"

namespace bsap::geo {
namespace {

using Numbers = std::vector<int>;

std::vector<unsigned char> wkb_of(const char* wkt) {
  const Geos geos;
  GEOSWKTReader* reader = GEOSWKTReader_create_r(geos.context());
  const Geometry geometry = own(geos, GEOSWKTReader_read_r(geos.context(), reader, wkt));
  GEOSWKTReader_destroy_r(geos.context(), reader);
  return write_wkb(geos, geometry.get());
}

AreaIndex index_of(const std::vector<std::vector<unsigned char>>& wkbs,
                   const AreaIndexTuning& tuning = {}) {
  std::vector<IndexedArea> areas;
  for (std::size_t i = 0; i < wkbs.size(); ++i) areas.push_back({static_cast<int>(i) + 1, wkbs[i]});
  auto built = AreaIndex::build(areas, tuning);
  if (auto* error = std::get_if<GeoInputError>(&built)) ADD_FAILURE() << error->message();
  return std::move(std::get<AreaIndex>(built));
}

Numbers containing(const AreaIndex& index, double lon, double lat) {
  Numbers out{-1};  // the call clears it
  index.containing(lon, lat, out);
  return out;
}

// ---- hand-made areas

// 1: a 10 × 10 square with a 4 × 4 hole; 2: two squares as one MultiPolygon, one inside the hole;
// 3: a triangle overlapping area 1's south-east corner, its slanted edge on y = 12 − x.
std::vector<std::vector<unsigned char>> hand_made() {
  return {wkb_of("POLYGON((0 0,10 0,10 10,0 10,0 0),(3 3,7 3,7 7,3 7,3 3))"),
          wkb_of("MULTIPOLYGON(((4 4,6 4,6 6,4 6,4 4)),((20 0,22 0,22 2,20 2,20 0)))"),
          wkb_of("POLYGON((8 -2,14 -2,8 4,8 -2))")};
}

TEST(AreaIndex, InsideOutsideAndInAHole_STContains) {
  const AreaIndex index = index_of(hand_made());
  EXPECT_EQ(containing(index, 1, 1), (Numbers{1}));
  EXPECT_EQ(containing(index, 3.5, 5), Numbers{});   // in the hole
  EXPECT_EQ(containing(index, 5, 5), (Numbers{2}));  // in the hole, in area 2's island
  EXPECT_EQ(containing(index, 21, 1), (Numbers{2}));
  EXPECT_EQ(containing(index, 15, 5), Numbers{});
  EXPECT_EQ(containing(index, -100, 5), Numbers{});  // beyond the layer
}

TEST(AreaIndex, OverlappingAreasAreAllGivenInOrder) {
  const AreaIndex index = index_of(hand_made());
  EXPECT_EQ(containing(index, 9.5, 0.1), (Numbers{1, 3}));
}

TEST(AreaIndex, BoundaryIsNotContained_STContains) {
  const AreaIndex index = index_of(hand_made());
  EXPECT_EQ(containing(index, 0, 0), Numbers{});      // a vertex
  EXPECT_EQ(containing(index, 5, 0), Numbers{});      // a level edge
  EXPECT_EQ(containing(index, 0, 5), Numbers{});      // an upright edge
  EXPECT_EQ(containing(index, 3, 5), Numbers{});      // the hole's edge
  EXPECT_EQ(containing(index, 7, 7), Numbers{});      // the hole's corner
  EXPECT_EQ(containing(index, 4, 5), Numbers{});      // the island's edge, inside the hole
  EXPECT_EQ(containing(index, 11, 1), Numbers{});     // area 3's slanted edge, exactly
  EXPECT_EQ(containing(index, 10, 1), (Numbers{3}));  // area 1's edge, inside area 3
}

TEST(AreaIndex, CoordinatesNotFiniteAreInNoArea) {
  const AreaIndex index = index_of(hand_made());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(containing(index, nan, 5), Numbers{});
  EXPECT_EQ(containing(index, 5, std::numeric_limits<double>::infinity()), Numbers{});
}

TEST(AreaIndex, RefusesWhatIsNotAnArea) {
  const auto line = wkb_of("LINESTRING(0 0,1 1)");
  const std::vector<IndexedArea> lines{{7, line}};
  auto refused = AreaIndex::build(lines);
  ASSERT_TRUE(std::holds_alternative<GeoInputError>(refused));
  EXPECT_EQ(std::get<GeoInputError>(refused).feature, 7);
  const std::vector<unsigned char> junk{1, 2, 3};
  EXPECT_TRUE(
      std::holds_alternative<GeoInputError>(AreaIndex::build(std::vector<IndexedArea>{{1, junk}})));
  EXPECT_TRUE(std::holds_alternative<GeoInputError>(AreaIndex::build({})));
}

// ---- against GEOS on the real layer

class AgainstGeos : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    layer_ = new AreaLayer(testing::constituencies());
    ASSERT_EQ(layer_->features.size(), 390u);
  }
  static void TearDownTestSuite() { delete layer_; }

  void SetUp() override {
    for (const AreaFeature& feature : layer_->features) {
      areas_.push_back({static_cast<int>(areas_.size()), feature.wkb});
      geometries_.push_back(read_wkb(geos_, feature.wkb));
      prepared_.push_back(GEOSPrepare_r(geos_.context(), geometries_.back().get()));
      Envelope envelope;
      GEOSGeom_getXMin_r(geos_.context(), geometries_.back().get(), &envelope.min_x);
      GEOSGeom_getYMin_r(geos_.context(), geometries_.back().get(), &envelope.min_y);
      GEOSGeom_getXMax_r(geos_.context(), geometries_.back().get(), &envelope.max_x);
      GEOSGeom_getYMax_r(geos_.context(), geometries_.back().get(), &envelope.max_y);
      envelopes_.push_back(envelope);
      extent_.min_x = std::min(extent_.min_x, envelope.min_x);
      extent_.min_y = std::min(extent_.min_y, envelope.min_y);
      extent_.max_x = std::max(extent_.max_x, envelope.max_x);
      extent_.max_y = std::max(extent_.max_y, envelope.max_y);
    }
  }
  void TearDown() override {
    for (const GEOSPreparedGeometry* prepared : prepared_)
      GEOSPreparedGeom_destroy_r(geos_.context(), prepared);
  }

  AreaIndex index(const AreaIndexTuning& tuning = {}) const {
    auto built = AreaIndex::build(areas_, tuning);
    if (auto* error = std::get_if<GeoInputError>(&built)) ADD_FAILURE() << error->message();
    return std::move(std::get<AreaIndex>(built));
  }

  // GEOSPreparedContains over every area (an area whose envelope misses the point cannot hold it).
  Numbers geos_containing(double lon, double lat) const {
    const Geometry point = own(geos_, GEOSGeom_createPointFromXY_r(geos_.context(), lon, lat));
    Numbers found;
    for (std::size_t i = 0; i < prepared_.size(); ++i) {
      const Envelope& e = envelopes_[i];
      if (lon < e.min_x || lon > e.max_x || lat < e.min_y || lat > e.max_y) continue;
      if (GEOSPreparedContains_r(geos_.context(), prepared_[i], point.get()) == 1)
        found.push_back(static_cast<int>(i));
    }
    return found;
  }

  // Points that disagree, with the first few described.
  int disagreements(const AreaIndex& index, const std::vector<std::pair<double, double>>& points,
                    int* contained = nullptr) const {
    int count = 0;
    Numbers ours;
    for (const auto& [lon, lat] : points) {
      index.containing(lon, lat, ours);
      const Numbers theirs = geos_containing(lon, lat);
      if (contained) *contained += static_cast<int>(theirs.size());
      if (ours == theirs) continue;
      if (++count <= 5)
        ADD_FAILURE() << std::setprecision(17) << "(" << lon << ", " << lat << "): index "
                      << ::testing::PrintToString(ours) << ", GEOS "
                      << ::testing::PrintToString(theirs);
    }
    return count;
  }

  std::vector<std::pair<double, double>> random_points(int count, std::uint64_t seed) const {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> lon(extent_.min_x, extent_.max_x);
    std::uniform_real_distribution<double> lat(extent_.min_y, extent_.max_y);
    std::vector<std::pair<double, double>> points(count);
    for (auto& point : points) point = {lon(random), lat(random)};
    return points;
  }

  // Every vertex of every ring, the middle of every edge, and the points level with a vertex and
  // upright from it at the edge's middle; with the area each came from.
  struct BoundaryPoint {
    double lon, lat;
    int area;
    bool vertex;
  };

  std::vector<BoundaryPoint> boundary_points() const {
    std::vector<BoundaryPoint> points;
    for (std::size_t a = 0; a < geometries_.size(); ++a) {
      const GEOSGeometry* geometry = geometries_[a].get();
      for (int p = 0; p < GEOSGetNumGeometries_r(geos_.context(), geometry); ++p) {
        const GEOSGeometry* polygon = GEOSGetGeometryN_r(geos_.context(), geometry, p);
        add_ring_points(GEOSGetExteriorRing_r(geos_.context(), polygon), static_cast<int>(a),
                        points);
        for (int h = 0; h < GEOSGetNumInteriorRings_r(geos_.context(), polygon); ++h)
          add_ring_points(GEOSGetInteriorRingN_r(geos_.context(), polygon, h), static_cast<int>(a),
                          points);
      }
    }
    return points;
  }

  void add_ring_points(const GEOSGeometry* ring, int area,
                       std::vector<BoundaryPoint>& points) const {
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(geos_.context(), ring);
    unsigned size = 0;
    GEOSCoordSeq_getSize_r(geos_.context(), sequence, &size);
    for (unsigned i = 0; i + 1 < size; ++i) {
      double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
      GEOSCoordSeq_getXY_r(geos_.context(), sequence, i, &x1, &y1);
      GEOSCoordSeq_getXY_r(geos_.context(), sequence, i + 1, &x2, &y2);
      points.insert(points.end(), {{x1, y1, area, true},
                                   {(x1 + x2) / 2, (y1 + y2) / 2, area, false},
                                   {x1, (y1 + y2) / 2, area, false},
                                   {(x1 + x2) / 2, y1, area, false}});
    }
  }

  struct Envelope {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();
  };

  static AreaLayer* layer_;
  Geos geos_;
  std::vector<IndexedArea> areas_;
  std::vector<Geometry> geometries_;
  std::vector<const GEOSPreparedGeometry*> prepared_;
  std::vector<Envelope> envelopes_;
  Envelope extent_;
};

AreaLayer* AgainstGeos::layer_ = nullptr;

TEST_F(AgainstGeos, HundredThousandRandomPointsAgree) {
  const AreaIndex join = index();
  int contained = 0;
  EXPECT_EQ(disagreements(join, random_points(100'000, 20260223), &contained), 0);
  EXPECT_GT(contained, 30'000);  // the rest is sea: the layer stops at the coast
}

TEST_F(AgainstGeos, VerticesAndEdgesAgree) {
  const AreaIndex join = index();
  const auto boundary = boundary_points();
  EXPECT_GT(boundary.size(), 80'000u);
  std::vector<std::pair<double, double>> points;
  for (const BoundaryPoint& point : boundary) points.emplace_back(point.lon, point.lat);
  EXPECT_EQ(disagreements(join, points), 0);
  // A vertex lies on its own area's boundary: that area does not hold it (a neighbour may: the
  // simplified areas overlap).
  Numbers out;
  for (const BoundaryPoint& point : boundary) {
    if (!point.vertex) continue;
    join.containing(point.lon, point.lat, out);
    ASSERT_EQ(std::count(out.begin(), out.end(), point.area), 0) << point.lon << " " << point.lat;
  }
}

TEST_F(AgainstGeos, CoarseAndFineGridsAgreeToo) {
  // A coarse grid puts many edges and breaks in a cell; a fine one, many cells on an edge.
  for (double cells_per_edge : {0.01, 0.3, 20.0}) {
    AreaIndexTuning tuning;
    tuning.cells_per_edge = cells_per_edge;
    const AreaIndex join = index(tuning);
    EXPECT_EQ(disagreements(join, random_points(20'000, 7)), 0) << cells_per_edge;
  }
}

TEST_F(AgainstGeos, ThreadsShareOneIndex) {
  const AreaIndex join = index();
  const auto points = random_points(40'000, 99);
  std::vector<Numbers> alone(points.size());
  for (std::size_t i = 0; i < points.size(); ++i)
    join.containing(points[i].first, points[i].second, alone[i]);
  std::vector<Numbers> shared(points.size());
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < points.size(); i += 4)
        join.containing(points[i].first, points[i].second, shared[i]);
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(shared, alone);
}

TEST_F(AgainstGeos, ShapeSaysHowTheLayerWasCut) {
  const AreaIndexShape shape = index().shape();
  EXPECT_EQ(shape.areas, 390u);
  EXPECT_GT(shape.edges, 20'000u);
  EXPECT_GT(shape.columns * shape.rows, shape.edges);
  EXPECT_GT(shape.whole_cells, 0u);
  EXPECT_GE(shape.cell_edges, shape.partial_cells);
}

}  // namespace
}  // namespace bsap::geo
