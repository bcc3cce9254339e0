#include "hub/occurrence_placer.h"

#include <stdexcept>

#include "geo/area_index.h"
#include "geo/grid_square_locator.h"
#include "geo/hk_grid.h"
#include "geo/hk_grid_projection.h"

namespace bsap::hub {

struct OccurrencePlacer::State {
  explicit State(geo::HkGridProjection made) : projection(std::move(made)), squares(projection) {}
  geo::HkGridProjection projection;
  geo::GridSquareLocator squares;       // fitted to the projection above, which it uses
  std::optional<geo::AreaIndex> index;  // none when there are no areas yet
  std::vector<std::int64_t> area_ids;   // the index's area numbers -> the store's ids
  std::vector<int> found;               // reused between queries
};

namespace {

geo::HkGridProjection make_projection() {
  auto made = geo::HkGridProjection::create();
  if (auto* error = std::get_if<geo::GeoInputError>(&made))
    throw std::runtime_error(error->message());
  return std::move(std::get<geo::HkGridProjection>(made));
}

}  // namespace

OccurrencePlacer::OccurrencePlacer(const std::vector<store::BioArea>& areas)
    : state_(std::make_unique<State>(make_projection())) {
  if (areas.empty()) return;
  std::vector<geo::IndexedArea> indexed;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const std::string& wkb = areas[i].wkb;
    indexed.push_back(
        {static_cast<int>(i), {reinterpret_cast<const unsigned char*>(wkb.data()), wkb.size()}});
    state_->area_ids.push_back(areas[i].id);
  }
  auto built = geo::AreaIndex::build(indexed);
  if (auto* error = std::get_if<geo::GeoInputError>(&built))
    throw std::runtime_error("the areas cannot be indexed: " + error->message());
  state_->index.emplace(std::move(std::get<geo::AreaIndex>(built)));
}

OccurrencePlacer::~OccurrencePlacer() = default;
OccurrencePlacer::OccurrencePlacer(OccurrencePlacer&&) noexcept = default;

Placement OccurrencePlacer::place(const biodata::Occurrence& occurrence) {
  Placement placement;
  place(occurrence, placement);
  return placement;
}

void OccurrencePlacer::place(const biodata::Occurrence& occurrence, Placement& out) {
  out.grid_cell.reset();
  out.area_ids.clear();
  if (!occurrence.point || occurrence.flags.has_geospatial_issue()) return;
  const LonLat& point = *occurrence.point;
  if (auto square = state_->squares.square_of(point))
    out.grid_cell = geo::grid_square_code(*square);
  if (state_->index) {
    state_->index->containing(point.lon, point.lat, state_->found);
    for (int number : state_->found)
      out.area_ids.push_back(state_->area_ids[static_cast<std::size_t>(number)]);
  }
}

std::optional<LonLat> OccurrencePlacer::from_hk1980_grid(double easting, double northing) {
  auto point = state_->projection.to_lon_lat({easting, northing});
  if (!point) return std::nullopt;
  return LonLat{point->lon, point->lat};
}

}  // namespace bsap::hub
