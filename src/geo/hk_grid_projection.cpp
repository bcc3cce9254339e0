// One PROJ context and one normalised operation EPSG:2326 → EPSG:4326 per projection; the inverse
// direction runs the same operation backwards. proj_normalize_for_visualization puts both ends in
// x = east, y = north order (EPSG:2326 is officially northing first, EPSG:4326 latitude first).
#include "geo/hk_grid_projection.h"

#include <proj.h>

#include <cmath>
#include <string>

namespace bsap::geo {

struct HkGridProjection::Proj {
  PJ_CONTEXT* context = nullptr;
  PJ* transform = nullptr;
  ~Proj() {
    proj_destroy(transform);
    proj_context_destroy(context);
  }
};

namespace {

std::string proj_error(PJ_CONTEXT* context) {
  return proj_context_errno_string(context, proj_context_errno(context));
}

// Both coordinates through the operation; nothing when PROJ gives HUGE_VAL or an error.
std::optional<PJ_COORD> transform(PJ* operation, PJ_DIRECTION direction, double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
  proj_errno_reset(operation);
  const PJ_COORD out = proj_trans(operation, direction, proj_coord(x, y, 0, 0));
  if (proj_errno(operation) != 0 || !std::isfinite(out.xy.x) || !std::isfinite(out.xy.y))
    return std::nullopt;
  return out;
}

// In place over an array of points whose coordinates are `x` and `y`, `stride` bytes apart.
void transform_all(PJ* operation, PJ_DIRECTION direction, double* x, double* y, std::size_t stride,
                   std::size_t count) {
  proj_trans_generic(operation, direction, x, stride, count, y, stride, count, nullptr, 0, 0,
                     nullptr, 0, 0);
}

}  // namespace

HkGridProjection::HkGridProjection(std::unique_ptr<Proj> proj) : proj_(std::move(proj)) {}
HkGridProjection::~HkGridProjection() = default;
HkGridProjection::HkGridProjection(HkGridProjection&&) noexcept = default;
HkGridProjection& HkGridProjection::operator=(HkGridProjection&&) noexcept = default;

std::variant<HkGridProjection, GeoInputError> HkGridProjection::create() {
  auto proj = std::make_unique<Proj>();
  proj->context = proj_context_create();
  proj_log_level(proj->context, PJ_LOG_NONE);  // faults come back as values, not on stderr
  PJ* raw = proj_create_crs_to_crs(proj->context, "EPSG:2326", "EPSG:4326", nullptr);
  if (!raw)
    return GeoInputError{"PROJ", 0,
                         "cannot transform EPSG:2326 to EPSG:4326 (" + proj_error(proj->context) +
                             "): is proj-data installed?"};
  proj->transform = proj_normalize_for_visualization(proj->context, raw);
  proj_destroy(raw);
  if (!proj->transform)
    return GeoInputError{"PROJ", 0,
                         "cannot normalise the axis order: " + proj_error(proj->context)};
  return HkGridProjection(std::move(proj));
}

std::optional<LonLat> HkGridProjection::to_lon_lat(GridPoint point) {
  const auto out = transform(proj_->transform, PJ_FWD, point.easting, point.northing);
  if (!out) return std::nullopt;
  return LonLat{out->xy.x, out->xy.y};
}

std::optional<GridPoint> HkGridProjection::to_grid(LonLat point) {
  const auto out = transform(proj_->transform, PJ_INV, point.lon, point.lat);
  if (!out) return std::nullopt;
  return GridPoint{out->xy.x, out->xy.y};
}

std::vector<LonLat> HkGridProjection::to_lon_lat(std::span<const GridPoint> points) {
  std::vector<LonLat> out(points.size());
  if (out.empty()) return out;
  for (std::size_t i = 0; i < points.size(); ++i) out[i] = {points[i].easting, points[i].northing};
  transform_all(proj_->transform, PJ_FWD, &out.data()->lon, &out.data()->lat, sizeof(LonLat),
                out.size());
  return out;
}

std::vector<GridPoint> HkGridProjection::to_grid(std::span<const LonLat> points) {
  std::vector<GridPoint> out(points.size());
  if (out.empty()) return out;
  for (std::size_t i = 0; i < points.size(); ++i) out[i] = {points[i].lon, points[i].lat};
  transform_all(proj_->transform, PJ_INV, &out.data()->easting, &out.data()->northing,
                sizeof(GridPoint), out.size());
  return out;
}

}  // namespace bsap::geo
