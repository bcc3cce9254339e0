// Hong Kong 1980 Grid (EPSG:2326: easting and northing in metres) to and from WGS 84 longitude and
// latitude (EPSG:4326, degrees), through PROJ. Layers are read in either and stored in WGS 84;
// areas and the 1 km grid are measured in the Grid.
//
// PROJ's objects keep state between calls (its context, the operation it picked last): a
// projection is not to be shared between threads. Make one per thread; its methods are not const
// for that reason.
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <variant>
#include <vector>

#include "core/lon_lat.h"
#include "geo/geo_input_error.h"

namespace bsap::geo {

struct GridPoint {
  double easting = 0;
  double northing = 0;
};

class HkGridProjection {
 public:
  // Refused (source "PROJ") when PROJ cannot make the transformation, e.g. without proj-data.
  static std::variant<HkGridProjection, GeoInputError> create();

  ~HkGridProjection();
  HkGridProjection(HkGridProjection&&) noexcept;
  HkGridProjection& operator=(HkGridProjection&&) noexcept;

  // Nothing when PROJ cannot convert the point (not finite, or outside the projection's domain).
  std::optional<LonLat> to_lon_lat(GridPoint point);
  std::optional<GridPoint> to_grid(LonLat point);

  // Many points in one PROJ call (proj_trans_generic), for a million occurrences at a time. A
  // point PROJ cannot convert comes back with coordinates that are not finite.
  std::vector<LonLat> to_lon_lat(std::span<const GridPoint> points);
  std::vector<GridPoint> to_grid(std::span<const LonLat> points);

 private:
  struct Proj;
  explicit HkGridProjection(std::unique_ptr<Proj> proj);
  std::unique_ptr<Proj> proj_;
};

}  // namespace bsap::geo
