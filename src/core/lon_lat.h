// A point in WGS 84 (EPSG:4326): longitude and latitude in degrees, in that order, the order of
// GeoJSON and of PROJ once normalised for visualisation. One type for the whole program: the
// occurrence's point (biodata/), the projection (geo/) and the hub's pages (hub/, web/) pass the
// same pair.
#pragma once

namespace bsap {

struct LonLat {
  double lon = 0;
  double lat = 0;
};

}  // namespace bsap
