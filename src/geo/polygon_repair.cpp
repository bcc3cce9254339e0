#include "geo/polygon_repair.h"

#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

namespace bsap::geo {
namespace {

// GEOSisValidReason's text for a valid geometry.
constexpr std::string_view kValidGeometry = "Valid Geometry";

bool is_polygonal(int type) { return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON; }

bool is_valid(const Geos& geos, const GEOSGeometry* geometry) {
  return GEOSisValid_r(geos.context(), geometry) == 1;
}

double area_of(const Geos& geos, const GEOSGeometry* geometry) {
  double area = 0;
  GEOSArea_r(geos.context(), geometry, &area);
  return area;
}

std::string geometry_in_words(const Geos& geos, const GEOSGeometry* geometry) {
  const int parts = GEOSGetNumGeometries_r(geos.context(), geometry);
  if (GEOSGeomTypeId_r(geos.context(), geometry) == GEOS_POLYGON) return "a Polygon";
  return "a MultiPolygon of " + std::to_string(parts) + " parts";
}

// MakeValid keeps every dimension of what it finds: a spike collapses to a line, a pinched ring
// to a point, and the result is then a GeometryCollection. An area is only its polygons.
Geometry polygonal_part(const Geos& geos, Geometry made_valid, int& dropped) {
  const GEOSContextHandle_t context = geos.context();
  dropped = 0;
  if (is_polygonal(GEOSGeomTypeId_r(context, made_valid.get()))) return made_valid;
  std::vector<GEOSGeometry*> polygons;
  const int members = GEOSGetNumGeometries_r(context, made_valid.get());
  for (int i = 0; i < members; ++i) {
    const GEOSGeometry* member = GEOSGetGeometryN_r(context, made_valid.get(), i);
    if (!is_polygonal(GEOSGeomTypeId_r(context, member))) {
      ++dropped;
      continue;
    }
    for (int j = 0; j < GEOSGetNumGeometries_r(context, member); ++j)
      polygons.push_back(GEOSGeom_clone_r(context, GEOSGetGeometryN_r(context, member, j)));
  }
  if (polygons.empty()) return own(geos, nullptr);
  if (polygons.size() == 1) return own(geos, polygons.front());
  return own(geos, GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, polygons.data(),
                                               static_cast<unsigned>(polygons.size())));
}

std::string area_change(double before, double after) {
  if (before <= 0) return "";
  const double percent = 100.0 * (after - before) / before;
  if (std::fabs(percent) < 0.001) return "; area unchanged (within 0.001%)";
  char text[64];
  std::snprintf(text, sizeof text, "; area %+.3f%%", percent);
  return text;
}

}  // namespace

PolygonRepair repair_polygon(const Geos& geos, Geometry polygon) {
  PolygonRepair result;
  result.reason_before = validity_reason(geos, polygon.get());
  if (result.reason_before == kValidGeometry) {  // one check of the input, not two
    result.geometry = std::move(polygon);
    return result;
  }
  result.repaired = true;
  const double area_before = area_of(geos, polygon.get());
  Geometry made_valid = own(geos, GEOSMakeValid_r(geos.context(), polygon.get()));
  if (!made_valid) {
    result.action = "GEOS MakeValid failed (" + geos.last_error() + "): refused";
    return result;
  }
  int dropped = 0;
  Geometry polygonal = polygonal_part(geos, std::move(made_valid), dropped);
  if (!polygonal || GEOSisEmpty_r(geos.context(), polygonal.get()) == 1) {
    result.action = "GEOS MakeValid left nothing polygonal: refused";
    return result;
  }
  if (!is_valid(geos, polygonal.get())) {
    result.action = "still invalid after GEOS MakeValid (" +
                    validity_reason(geos, polygonal.get()) + "): refused";
    return result;
  }
  result.action = "made valid with GEOS MakeValid: now " +
                  geometry_in_words(geos, polygonal.get()) +
                  area_change(area_before, area_of(geos, polygonal.get()));
  if (dropped > 0)
    result.action += "; dropped " + std::to_string(dropped) +
                     " non-polygonal piece(s) (edges collapsed to lines or points)";
  result.geometry = std::move(polygonal);
  return result;
}

}  // namespace bsap::geo
