// An area's polygon made valid before anything uses it: an invalid polygon (a self-intersecting
// ring, a hole outside its shell…) gives different answers in different engines, and real layers
// are dirty (simplified boundaries cross themselves). GEOS MakeValid repairs it; only the
// polygonal part of the result is an area.
#pragma once
#include <string>

#include "geo/geos_handle.h"

namespace bsap::geo {

struct PolygonRepair {
  Geometry geometry;          // valid Polygon or MultiPolygon; null when refused
  bool repaired = false;      // whether MakeValid was needed
  std::string reason_before;  // GEOSisValidReason of the input ("Valid Geometry" when valid)
  std::string action;         // what was done, in words; why it was refused when it was
};

// `polygon` is a Polygon or MultiPolygon. A valid one comes back as it is.
PolygonRepair repair_polygon(const Geos& geos, Geometry polygon);

}  // namespace bsap::geo
