#include "hub/area_layer_import.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "geo/area_index.h"
#include "store/bio_area_repo.h"
#include "store/bio_occurrence_repo.h"
#include "store/bio_summary_repo.h"
#include "store/utc_clock.h"

namespace bsap::hub {
namespace {

std::vector<store::BioArea> areas_of(const geo::AreaLayer& layer) {
  std::vector<store::BioArea> areas;
  for (const geo::AreaFeature& f : layer.features)
    areas.push_back(
        {0, 0, f.code, f.name_zh, f.name_en, f.area_m2, std::string(f.wkb.begin(), f.wkb.end())});
  return areas;
}

// Joins every mappable occurrence to the layer's new areas; returns the pairs written. Without
// occurrences on the map (a fresh hub) the areas are neither read back nor indexed.
std::size_t join_layer(store::Transaction& tx, std::int64_t layer_id) {
  const std::vector<store::MappablePoint> points = store::mappable_occurrences(tx);
  if (points.empty()) return 0;
  std::vector<store::BioArea> areas;
  for (store::BioArea& area : store::list_all_areas(tx))
    if (area.layer_id == layer_id) areas.push_back(std::move(area));
  if (areas.empty()) return 0;
  std::vector<geo::IndexedArea> indexed;
  for (std::size_t i = 0; i < areas.size(); ++i)
    indexed.push_back(
        {static_cast<int>(i),
         {reinterpret_cast<const unsigned char*>(areas[i].wkb.data()), areas[i].wkb.size()}});
  auto built = geo::AreaIndex::build(indexed);
  if (auto* error = std::get_if<geo::GeoInputError>(&built))
    throw std::runtime_error("the layer's areas cannot be indexed: " + error->message());
  const geo::AreaIndex& index = std::get<geo::AreaIndex>(built);

  std::vector<long long> area_ids, occurrence_ids;
  std::vector<int> found;
  for (const store::MappablePoint& point : points) {
    index.containing(point.lon, point.lat, found);
    for (int number : found) {
      area_ids.push_back(areas[static_cast<std::size_t>(number)].id);
      occurrence_ids.push_back(point.occurrence_id);
    }
  }
  store::insert_area_joins(tx, area_ids, occurrence_ids);
  return area_ids.size();
}

}  // namespace

std::variant<LayerImportSummary, geo::GeoInputError> import_area_layer(
    store::Store& store, const LayerImportRequest& request) {
  auto read = geo::read_area_layer(request.file, request.options);
  if (auto* error = std::get_if<geo::GeoInputError>(&read)) return *error;
  const geo::AreaLayer& layer = std::get<geo::AreaLayer>(read);

  LayerImportSummary summary;
  summary.layer = request.code;
  summary.features = layer.features.size();
  nlohmann::json report = nlohmann::json::array();
  for (const geo::AreaImportNote& note : layer.report) {
    summary.repaired += note.kind == geo::AreaImportNote::Kind::repaired;
    summary.skipped += note.kind == geo::AreaImportNote::Kind::skipped;
    summary.report.push_back(note.message());
    report.push_back(note.message());
  }
  store::BioLayer stored{0,
                         request.code,
                         request.name_zh.empty() ? request.code : request.name_zh,
                         request.name_en.empty() ? request.code : request.name_en,
                         request.kind,
                         request.file.string(),
                         store::utc_timestamp(),
                         request.actor,
                         report.dump()};
  store::in_transaction(store, [&](store::Transaction& tx) {
    std::int64_t layer_id = store::replace_layer(tx, stored, areas_of(layer), request.actor);
    summary.joins = join_layer(tx, layer_id);
    // The areas are new (their ids never used before): without joins they have no species.
    if (summary.joins > 0) store::compute_layer_area_taxa(tx, layer_id);
  });
  return summary;
}

std::string summary_json(const LayerImportSummary& summary) {
  return nlohmann::json{{"layer", summary.layer},       {"features", summary.features},
                        {"repaired", summary.repaired}, {"skipped", summary.skipped},
                        {"joins", summary.joins},       {"report", summary.report}}
      .dump();
}

}  // namespace bsap::hub
