// Which areas contain a point: the join of every occurrence to the areas around it, a million
// points against hundreds of polygons at a time. Its meaning is ST_Contains's (a point on an
// area's boundary is not in it) and its answer GEOS's GEOSPreparedContains, for every point.
//
// A uniform grid over the layer's extent. Each cell knows the areas that cover it whole — their
// points need no test — and, for each area whose boundary passes through it, that area's edges
// inside the cell and what the rest of its boundary, east of the cell, does to a ray cast east
// from the cell: the latitudes at which the count of crossings out there changes parity. A point
// then needs GEOS's ray-crossing test over the few edges in its own cell only, with an exact
// orientation predicate (orientation.h).
//
// Built once; thereafter const and shared: any number of threads may query one index at once
// (no GEOS, nothing computed lazily).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <variant>
#include <vector>

#include "geo/geo_input_error.h"

namespace bsap::geo {

struct IndexedArea {
  int number = 0;                      // the caller's number for the area, as queries return it
  std::span<const unsigned char> wkb;  // a valid Polygon or MultiPolygon in EPSG:4326
};

// How fine the grid is: about `cells_per_edge` cells for each edge of the layer, at most
// `max_cells`. Finer cells hold fewer edges each and cost memory; the default was measured on
// Hong Kong's 390 constituency areas.
struct AreaIndexTuning {
  double cells_per_edge = 4.0;
  std::size_t max_cells = std::size_t{1} << 22;
};

// The index's make-up, for measuring and tuning.
struct AreaIndexShape {
  std::size_t areas = 0;
  std::size_t edges = 0;  // of the areas' rings
  std::size_t columns = 0;
  std::size_t rows = 0;
  std::size_t whole_cells = 0;    // (cell, area) pairs answered without a test
  std::size_t partial_cells = 0;  // (cell, area) pairs tested
  std::size_t cell_edges = 0;     // edges kept in the partial cells, all told
};

class AreaIndex {
 public:
  // Refused when a WKB is not a Polygon or MultiPolygon, or the layer is empty. Validity is not
  // checked (area_layer_reader.h repairs every area): on an invalid polygon the answers are still
  // GEOS's, but GEOS's own answers there mean little.
  static std::variant<AreaIndex, GeoInputError> build(std::span<const IndexedArea> areas,
                                                      const AreaIndexTuning& tuning = {});

  // The numbers of every area whose interior holds (lon, lat), ascending, into `out` (cleared
  // first: keep one per thread and reuse it). None for coordinates that are not finite.
  void containing(double lon, double lat, std::vector<int>& out) const;

  AreaIndexShape shape() const;

 private:
  struct Segment {
    double x1, y1, x2, y2;
  };
  // An area whose boundary passes through a cell.
  struct PartialCell {
    int area;
    bool odd_below;  // crossings east of the cell, below its band: odd
    std::uint32_t first_segment, segments;
    std::uint32_t first_break, breaks;
  };

  friend class AreaIndexBuilder;
  AreaIndex() = default;
  std::size_t cell_of(double lon, double lat) const;
  bool inside(const PartialCell& cell, double lon, double lat) const;

  double min_x_ = 0, min_y_ = 0, max_x_ = 0, max_y_ = 0;
  double inverse_width_ = 0, inverse_height_ = 0;  // of a cell
  std::size_t columns_ = 0, rows_ = 0;
  std::size_t areas_ = 0, edges_ = 0;
  // Where a cell's entries start; the next cell's say where they end. Both in one place, so that
  // a query touches one cache line for them.
  struct CellStart {
    std::uint32_t whole, partial;
  };

  // Per cell c (row-major): whole_[starts_[c].whole … starts_[c + 1].whole), likewise partial_.
  std::vector<CellStart> starts_;
  std::vector<int> whole_;
  std::vector<PartialCell> partial_;
  std::vector<Segment> segments_;
  std::vector<double> breaks_;  // ascending within a partial cell
};

}  // namespace bsap::geo
