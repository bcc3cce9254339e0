// Invalid polygons are made valid with GEOS MakeValid, keeping only what is polygonal, and the
// repair says what it found and did.
#include "geo/polygon_repair.h"

#include <gtest/gtest.h>

namespace bsap::geo {
namespace {

Geometry from_wkt(const Geos& geos, const char* wkt) {
  GEOSWKTReader* reader = GEOSWKTReader_create_r(geos.context());
  Geometry geometry = own(geos, GEOSWKTReader_read_r(geos.context(), reader, wkt));
  GEOSWKTReader_destroy_r(geos.context(), reader);
  return geometry;
}

TEST(PolygonRepair, AValidPolygonIsKeptAsItIs) {
  const Geos geos;
  PolygonRepair repair = repair_polygon(geos, from_wkt(geos, "POLYGON((0 0,1 0,1 1,0 1,0 0))"));
  EXPECT_FALSE(repair.repaired);
  EXPECT_EQ(repair.reason_before, "Valid Geometry");
  ASSERT_TRUE(repair.geometry);
  EXPECT_EQ(GEOSGeomTypeId_r(geos.context(), repair.geometry.get()), GEOS_POLYGON);
}

TEST(PolygonRepair, ABowTieBecomesTwoTriangles) {
  const Geos geos;
  PolygonRepair repair = repair_polygon(geos, from_wkt(geos, "POLYGON((0 0,2 2,2 0,0 2,0 0))"));
  EXPECT_TRUE(repair.repaired);
  EXPECT_NE(repair.reason_before.find("Self-intersection"), std::string::npos);
  ASSERT_TRUE(repair.geometry);
  EXPECT_EQ(GEOSisValid_r(geos.context(), repair.geometry.get()), 1);
  EXPECT_EQ(GEOSGeomTypeId_r(geos.context(), repair.geometry.get()), GEOS_MULTIPOLYGON);
  EXPECT_EQ(GEOSGetNumGeometries_r(geos.context(), repair.geometry.get()), 2);
  EXPECT_NE(repair.action.find("MultiPolygon of 2 parts"), std::string::npos) << repair.action;
}

TEST(PolygonRepair, ASpikeCollapsesToALineThatIsDropped) {
  const Geos geos;
  // A square with a spike out to (3, 0.5) and straight back along itself.
  PolygonRepair repair =
      repair_polygon(geos, from_wkt(geos, "POLYGON((0 0,1 0,1 0.5,3 0.5,1 0.5,1 1,0 1,0 0))"));
  EXPECT_TRUE(repair.repaired);
  ASSERT_TRUE(repair.geometry);
  EXPECT_EQ(GEOSGeomTypeId_r(geos.context(), repair.geometry.get()), GEOS_POLYGON);
  EXPECT_NE(repair.action.find("dropped 1 non-polygonal"), std::string::npos) << repair.action;
  double area = 0;
  GEOSArea_r(geos.context(), repair.geometry.get(), &area);
  EXPECT_DOUBLE_EQ(area, 1.0);
}

TEST(PolygonRepair, NothingPolygonalLeftIsRefused) {
  const Geos geos;
  PolygonRepair repair = repair_polygon(geos, from_wkt(geos, "POLYGON((0 0,1 1,2 2,1 1,0 0))"));
  EXPECT_TRUE(repair.repaired);
  EXPECT_FALSE(repair.geometry);
  EXPECT_NE(repair.action.find("refused"), std::string::npos) << repair.action;
}

}  // namespace
}  // namespace bsap::geo
