// The build walks each area over the cells its envelope covers, row by row; the query is one cell
// lookup and, for the areas whose boundary passes through that cell, GEOS's ray-crossing rule over
// the cell's own edges (RayCrossingCounter::countSegment, which IndexedPointInAreaLocator and so
// GEOSPreparedContains use), so that the two agree point for point.
//
// Why a cell's own edges suffice: the ray from a point runs east. Edges wholly west of the cell
// never meet it. An edge wholly east of the cell meets it exactly when
// min(y1, y2) ≤ y < max(y1, y2) (GEOS counts an edge's lower end, not its upper), whatever the
// point's x within the cell — so the crossings east of the cell, mod 2, change only at those
// edges' end latitudes: the cell keeps the ones inside its band (the breaks; pairs at the same
// latitude cancel) and the parity of those below it.
//
// A point computed to lie in a cell may lie a rounding error outside it; every cell is taken
// a margin larger than it is on every side, far beyond that error, so the reasoning above holds
// for every point the query sends to the cell.
#include "geo/area_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "geo/geos_handle.h"
#include "geo/orientation.h"

namespace bsap::geo {
namespace {

// ---- the areas' edges

struct Edge {
  double x1, y1, x2, y2;
  double min_x() const { return std::min(x1, x2); }
  double max_x() const { return std::max(x1, x2); }
  double min_y() const { return std::min(y1, y2); }
  double max_y() const { return std::max(y1, y2); }
};

struct Envelope {
  double min_x = std::numeric_limits<double>::infinity();
  double min_y = std::numeric_limits<double>::infinity();
  double max_x = -std::numeric_limits<double>::infinity();
  double max_y = -std::numeric_limits<double>::infinity();
  void include(const Edge& edge) {
    min_x = std::min(min_x, edge.min_x());
    min_y = std::min(min_y, edge.min_y());
    max_x = std::max(max_x, edge.max_x());
    max_y = std::max(max_y, edge.max_y());
  }
  void include(const Envelope& other) {
    min_x = std::min(min_x, other.min_x);
    min_y = std::min(min_y, other.min_y);
    max_x = std::max(max_x, other.max_x);
    max_y = std::max(max_y, other.max_y);
  }
};

struct AreaEdges {
  int number = 0;
  std::vector<Edge> edges;  // every ring's, shells and holes alike: the ray counts them all
  Envelope envelope;
};

[[noreturn]] void refuse(int area, std::string reason) {
  throw GeoInputError{"area index", area, std::move(reason)};
}

void add_ring(const Geos& geos, const GEOSGeometry* ring, AreaEdges& area) {
  const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(geos.context(), ring);
  unsigned size = 0;
  if (!sequence || !GEOSCoordSeq_getSize_r(geos.context(), sequence, &size) || size < 2) return;
  std::vector<double> xy(2 * std::size_t{size});
  GEOSCoordSeq_copyToBuffer_r(geos.context(), sequence, xy.data(), 0, 0);
  for (std::size_t i = 0; i + 1 < size; ++i) {
    const Edge edge{xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3]};
    if (!std::isfinite(edge.x1) || !std::isfinite(edge.y1) || !std::isfinite(edge.x2) ||
        !std::isfinite(edge.y2))
      refuse(area.number, "coordinates that are not finite");
    area.edges.push_back(edge);
    area.envelope.include(edge);
  }
}

void add_polygon(const Geos& geos, const GEOSGeometry* polygon, AreaEdges& area) {
  add_ring(geos, GEOSGetExteriorRing_r(geos.context(), polygon), area);
  for (int i = 0; i < GEOSGetNumInteriorRings_r(geos.context(), polygon); ++i)
    add_ring(geos, GEOSGetInteriorRingN_r(geos.context(), polygon, i), area);
}

AreaEdges edges_of(const Geos& geos, const IndexedArea& input) {
  AreaEdges area;
  area.number = input.number;
  const Geometry geometry = read_wkb(geos, input.wkb);
  if (!geometry) refuse(input.number, "not WKB: " + geos.last_error());
  const int type = GEOSGeomTypeId_r(geos.context(), geometry.get());
  if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON)
    refuse(input.number, "not a Polygon or MultiPolygon");
  for (int i = 0; i < GEOSGetNumGeometries_r(geos.context(), geometry.get()); ++i)
    add_polygon(geos, GEOSGetGeometryN_r(geos.context(), geometry.get(), i), area);
  return area;
}

// ---- the grid

// Far more than the rounding of a point's cell, far less than a cell.
double margin(double cell, double magnitude) {
  const double spacing =
      std::nextafter(magnitude, std::numeric_limits<double>::infinity()) - magnitude;
  return std::max(cell * 1e-6, 64 * spacing);
}

// A tuning that is not a positive number falls back to the default.
double cells_per_edge(const AreaIndexTuning& tuning) {
  return tuning.cells_per_edge > 0 ? tuning.cells_per_edge : AreaIndexTuning{}.cells_per_edge;
}

struct Grid {
  double min_x, min_y, width, height;
  std::size_t columns, rows;
  double margin_x, margin_y;

  Grid(const Envelope& extent, std::size_t edges, const AreaIndexTuning& tuning)
      : min_x(extent.min_x), min_y(extent.min_y) {
    const double span_x = extent.max_x - extent.min_x, span_y = extent.max_y - extent.min_y;
    const double wanted =
        std::clamp(static_cast<double>(edges) * cells_per_edge(tuning), 1.0,
                   static_cast<double>(std::max<std::size_t>(tuning.max_cells, 1)));
    // Square cells where the extent allows; one column or row across a flat extent; a long thin
    // extent keeps to the number of cells wanted all the same.
    const auto most = static_cast<std::size_t>(wanted);
    const double side = span_x > 0 && span_y > 0 ? std::sqrt(span_x * span_y / wanted) : 0;
    columns =
        side > 0 ? std::clamp<std::size_t>(static_cast<std::size_t>(span_x / side), 1, most) : 1;
    rows = side > 0 ? std::clamp<std::size_t>(static_cast<std::size_t>(span_y / side), 1,
                                              std::max<std::size_t>(1, most / columns))
                    : 1;
    width = span_x > 0 ? span_x / static_cast<double>(columns) : 1;
    height = span_y > 0 ? span_y / static_cast<double>(rows) : 1;
    margin_x = margin(width, std::max(std::fabs(extent.min_x), std::fabs(extent.max_x)));
    margin_y = margin(height, std::max(std::fabs(extent.min_y), std::fabs(extent.max_y)));
  }

  // The cell's bounds, grown by the margin.
  double west(std::size_t column) const {
    return min_x + static_cast<double>(column) * width - margin_x;
  }
  double east(std::size_t column) const {
    return min_x + static_cast<double>(column + 1) * width + margin_x;
  }
  double south(std::size_t row) const {
    return min_y + static_cast<double>(row) * height - margin_y;
  }
  double north(std::size_t row) const {
    return min_y + static_cast<double>(row + 1) * height + margin_y;
  }

  static std::size_t clamped(double index, std::size_t count) {
    if (!(index > 0)) return 0;
    return std::min(static_cast<std::size_t>(index), count - 1);
  }
  std::size_t column_of(double x) const { return clamped((x - min_x) / width, columns); }
  std::size_t row_of(double y) const { return clamped((y - min_y) / height, rows); }
};

// ---- one area over the cells

struct WholeCell {
  std::uint32_t cell;
  int area;
};

struct Partial {
  std::uint32_t cell;
  int area;
  bool odd_below;
  std::vector<Edge> edges;
  std::vector<double> breaks;
};

// Equal latitudes come in pairs that leave the parity as it is (an edge's end and the next one's
// start, or both ends of a level edge): only the odd ones out are kept.
void cancel_pairs(std::vector<double>& breaks) {
  std::sort(breaks.begin(), breaks.end());
  std::size_t kept = 0;
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    if (i + 1 < breaks.size() && breaks[i] == breaks[i + 1]) {
      ++i;
      continue;
    }
    breaks[kept++] = breaks[i];
  }
  breaks.resize(kept);
}

class AreaOverCells {
 public:
  AreaOverCells(const AreaEdges& area, const Grid& grid) : area_(area), grid_(grid) {
    first_column_ = grid.column_of(area.envelope.min_x - grid.width);
    last_column_ = grid.column_of(area.envelope.max_x + grid.width);
    first_row_ = grid.row_of(area.envelope.min_y - grid.height);
    last_row_ = grid.row_of(area.envelope.max_y + grid.height);
    bucket_by_row();
  }

  void classify(std::vector<WholeCell>& whole, std::vector<Partial>& partial) const {
    for (std::size_t row = first_row_; row <= last_row_; ++row)
      for (std::size_t column = first_column_; column <= last_column_; ++column)
        classify_cell(row, column, whole, partial);
  }

 private:
  // by_row_[r] holds the edges whose latitudes meet row first_row_ + r's band.
  void bucket_by_row() {
    by_row_.resize(last_row_ - first_row_ + 1);
    for (std::size_t k = 0; k < area_.edges.size(); ++k) {
      const Edge& edge = area_.edges[k];
      const std::size_t from = std::max(first_row_, grid_.row_of(edge.min_y() - grid_.height));
      const std::size_t to = std::min(last_row_, grid_.row_of(edge.max_y() + grid_.height));
      for (std::size_t row = from; row <= to; ++row)
        if (edge.max_y() >= grid_.south(row) && edge.min_y() <= grid_.north(row))
          by_row_[row - first_row_].push_back(k);
    }
  }

  void classify_cell(std::size_t row, std::size_t column, std::vector<WholeCell>& whole,
                     std::vector<Partial>& partial) const {
    const double west = grid_.west(column), east = grid_.east(column);
    const double south = grid_.south(row), north = grid_.north(row);
    Partial cell{
        static_cast<std::uint32_t>(row * grid_.columns + column), area_.number, false, {}, {}};
    for (std::size_t k : by_row_[row - first_row_]) {
      const Edge& edge = area_.edges[k];
      if (edge.max_x() < west) continue;  // a ray east never meets it
      if (edge.min_x() <= east) {
        cell.edges.push_back(edge);
        continue;
      }
      for (double end : {edge.y1, edge.y2}) {
        if (end <= south)
          cell.odd_below = !cell.odd_below;
        else if (end <= north)
          cell.breaks.push_back(end);
      }
    }
    cancel_pairs(cell.breaks);
    if (!cell.edges.empty()) {
      partial.push_back(std::move(cell));
      return;
    }
    // No edge in the cell: the whole cell is inside or outside; its middle says which.
    const double middle = (south + north) / 2;
    bool odd = cell.odd_below;
    for (double latitude : cell.breaks) odd ^= latitude <= middle;
    if (odd) whole.push_back({cell.cell, area_.number});
  }

  const AreaEdges& area_;
  const Grid& grid_;
  std::size_t first_column_, last_column_, first_row_, last_row_;
  std::vector<std::vector<std::size_t>> by_row_;
};

// ---- the query's rule for one edge

enum class Crossing { none, crosses, on_boundary };

// GEOS's RayCrossingCounter::countSegment for the ray from (x, y) east, edge by edge.
template <typename Segment>
Crossing ray_crossing(const Segment& s, double x, double y) {
  if (s.x1 < x && s.x2 < x) return Crossing::none;
  if ((x == s.x1 && y == s.y1) || (x == s.x2 && y == s.y2)) return Crossing::on_boundary;
  if (s.y1 == y && s.y2 == y)  // a level edge is the boundary or nothing
    return x >= std::min(s.x1, s.x2) && x <= std::max(s.x1, s.x2) ? Crossing::on_boundary
                                                                  : Crossing::none;
  if ((s.y1 > y) == (s.y2 > y)) return Crossing::none;  // counts the lower end, not the upper
  int side = orientation(s.x1, s.y1, s.x2, s.y2, x, y);
  if (side == 0) return Crossing::on_boundary;
  if (s.y2 < s.y1) side = -side;  // downward: the point must be to the right
  return side > 0 ? Crossing::crosses : Crossing::none;
}

template <typename T>
std::vector<std::uint32_t> offsets_by_cell(const std::vector<T>& items, std::size_t cells) {
  std::vector<std::uint32_t> begin(cells + 1, 0);
  for (const T& item : items) ++begin[item.cell + 1];
  for (std::size_t c = 0; c < cells; ++c) begin[c + 1] += begin[c];
  return begin;
}

}  // namespace

// Lays the classified cells out for the query: entries sorted by cell (a counting sort, areas
// kept in their order), each partial cell's edges and breaks contiguous.
class AreaIndexBuilder {
 public:
  static AreaIndex lay_out(const Grid& grid, const Envelope& extent, std::size_t areas,
                           std::size_t edges, const std::vector<WholeCell>& whole,
                           const std::vector<Partial>& partial) {
    AreaIndex index;
    index.min_x_ = extent.min_x;
    index.min_y_ = extent.min_y;
    index.max_x_ = extent.max_x;
    index.max_y_ = extent.max_y;
    index.inverse_width_ = 1 / grid.width;
    index.inverse_height_ = 1 / grid.height;
    index.columns_ = grid.columns;
    index.rows_ = grid.rows;
    index.areas_ = areas;
    index.edges_ = edges;
    place_cells(index, grid.columns * grid.rows, whole, partial);
    return index;
  }

 private:
  static void place_cells(AreaIndex& index, std::size_t cells, const std::vector<WholeCell>& whole,
                          const std::vector<Partial>& partial) {
    const std::vector<std::uint32_t> whole_begin = offsets_by_cell(whole, cells);
    const std::vector<std::uint32_t> partial_begin = offsets_by_cell(partial, cells);
    index.starts_.resize(cells + 1);
    for (std::size_t c = 0; c <= cells; ++c) index.starts_[c] = {whole_begin[c], partial_begin[c]};

    index.whole_.resize(whole.size());
    std::vector<std::uint32_t> next(whole_begin.begin(), whole_begin.end() - 1);
    for (const WholeCell& item : whole) index.whole_[next[item.cell]++] = item.area;

    index.partial_.resize(partial.size());
    next.assign(partial_begin.begin(), partial_begin.end() - 1);
    for (const Partial& item : partial) {
      index.partial_[next[item.cell]++] = {item.area,
                                           item.odd_below,
                                           static_cast<std::uint32_t>(index.segments_.size()),
                                           static_cast<std::uint32_t>(item.edges.size()),
                                           static_cast<std::uint32_t>(index.breaks_.size()),
                                           static_cast<std::uint32_t>(item.breaks.size())};
      for (const Edge& edge : item.edges)
        index.segments_.push_back({edge.x1, edge.y1, edge.x2, edge.y2});
      index.breaks_.insert(index.breaks_.end(), item.breaks.begin(), item.breaks.end());
    }
  }
};

namespace {

// The layout numbers entries, edges and breaks with 32 bits, which keeps the query's data small.
void check_capacity(const std::vector<WholeCell>& whole, const std::vector<Partial>& partial) {
  std::size_t edges = 0, breaks = 0;
  for (const Partial& item : partial) {
    edges += item.edges.size();
    breaks += item.breaks.size();
  }
  constexpr std::size_t kMost = std::numeric_limits<std::uint32_t>::max();
  if (whole.size() > kMost || partial.size() > kMost || edges > kMost || breaks > kMost)
    refuse(0, "too large for one index: split the layer or lower the tuning's cells per edge");
}

}  // namespace

std::variant<AreaIndex, GeoInputError> AreaIndex::build(std::span<const IndexedArea> areas,
                                                        const AreaIndexTuning& tuning) {
  try {
    const Geos geos;
    std::vector<AreaEdges> edges;
    Envelope extent;
    std::size_t edge_count = 0;
    for (const IndexedArea& area : areas) {
      edges.push_back(edges_of(geos, area));
      if (edges.back().edges.empty()) continue;  // an empty polygon holds no point
      extent.include(edges.back().envelope);
      edge_count += edges.back().edges.size();
    }
    if (edge_count == 0) refuse(0, "no areas with any extent");
    const Grid grid(extent, edge_count, tuning);
    std::vector<WholeCell> whole;
    std::vector<Partial> partial;
    for (const AreaEdges& area : edges)
      if (!area.edges.empty()) AreaOverCells(area, grid).classify(whole, partial);
    check_capacity(whole, partial);
    return AreaIndexBuilder::lay_out(grid, extent, areas.size(), edge_count, whole, partial);
  } catch (const GeoInputError& error) {
    return error;
  }
}

std::size_t AreaIndex::cell_of(double lon, double lat) const {
  const auto column =
      std::min(columns_ - 1, static_cast<std::size_t>((lon - min_x_) * inverse_width_));
  const auto row = std::min(rows_ - 1, static_cast<std::size_t>((lat - min_y_) * inverse_height_));
  return row * columns_ + column;
}

bool AreaIndex::inside(const PartialCell& cell, double lon, double lat) const {
  bool odd = cell.odd_below;
  const double* breaks = breaks_.data() + cell.first_break;
  for (std::uint32_t i = 0; i < cell.breaks && breaks[i] <= lat; ++i) odd = !odd;
  const Segment* segments = segments_.data() + cell.first_segment;
  for (std::uint32_t i = 0; i < cell.segments; ++i) {
    const Crossing crossing = ray_crossing(segments[i], lon, lat);
    if (crossing == Crossing::on_boundary) return false;
    if (crossing == Crossing::crosses) odd = !odd;
  }
  return odd;
}

void AreaIndex::containing(double lon, double lat, std::vector<int>& out) const {
  out.clear();
  // Also false for NaN: nothing outside the layer's extent is in an area.
  if (!(lon >= min_x_ && lon <= max_x_ && lat >= min_y_ && lat <= max_y_)) return;
  const std::size_t cell = cell_of(lon, lat);
  const CellStart begin = starts_[cell], end = starts_[cell + 1];
  for (std::uint32_t i = begin.whole; i < end.whole; ++i) out.push_back(whole_[i]);
  for (std::uint32_t i = begin.partial; i < end.partial; ++i)
    if (inside(partial_[i], lon, lat)) out.push_back(partial_[i].area);
  if (out.size() > 1) std::sort(out.begin(), out.end());
}

AreaIndexShape AreaIndex::shape() const {
  return {areas_, edges_, columns_, rows_, whole_.size(), partial_.size(), segments_.size()};
}

}  // namespace bsap::geo
