// The hub's JSON API (issue 9 §5; docs/api.md): GET /api/v1/biodata/species?q= (the species
// search), /api/v1/biodata/species/ID/occurrences (a species' records with a place on the map, as
// GeoJSON points) and /api/v1/biodata/richness (species per 1 km square, as GeoJSON polygons).
// Records go through hub::publish_occurrence and the richness map counts only what the reader may
// see (§6), so the API shows no more than the pages.
#include <nlohmann/json.hpp>

#include "biodata/taxon_status.h"
#include "geo/hk_grid_projection.h"
#include "hub/published_occurrence.h"
#include "hub/richness_map.h"
#include "store/audit_repo.h"
#include "store/bio_query_repo.h"
#include "web/biodata_access.h"
#include "web/biodata_view.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

using Json = nlohmann::json;

constexpr int kMostHits = 100;
constexpr std::string_view kJson = "application/json; charset=utf-8";
constexpr std::string_view kGeoJson = "application/geo+json; charset=utf-8";

Response not_found_json(std::string message) {
  Response response =
      hub_data_response(std::string(kJson), Json{{"error", std::move(message)}}.dump(), false);
  response.status = 404;
  return response;
}

Json hit_json(const store::TaxonHit& hit) {
  const store::BioTaxon& t = hit.taxon;
  return {{"id", t.id},
          {"scientificName", t.scientific_name},
          {"nameZh", t.name_zh},
          {"nameEn", t.name_en},
          {"rank", t.rank},
          {"family", t.family},
          {"establishment", t.establishment},
          {"iucnCategory", t.iucn_category},
          {"threatened", biodata::is_threatened(t.iucn_category)},
          {"sensitive", t.sensitivity > 0},
          {"records", hit.records},
          {"href", "/en/species/" + std::to_string(t.id)}};
}

Json point_feature(const hub::PublishedOccurrence& record) {
  Json properties = {{"id", record.occurrence_id},
                     {"eventDate", record.event_date},
                     {"generalised", !record.data_generalizations.empty()}};
  if (record.uncertainty_m) properties["coordinateUncertaintyInMeters"] = *record.uncertainty_m;
  if (!record.data_generalizations.empty())
    properties["dataGeneralizations"] = record.data_generalizations;
  return {
      {"type", "Feature"},
      {"properties", properties},
      {"geometry", {{"type", "Point"}, {"coordinates", {record.point->lon, record.point->lat}}}}};
}

}  // namespace

Response biodata_species_api(RequestContext& ctx) {
  std::vector<store::TaxonHit> hits;
  const std::string q = ctx.query().get("q");
  {
    auto tx = ctx.web().store.begin();
    hits = find_species(ctx, *tx, q, kMostHits);
  }
  Json species = Json::array();
  for (const store::TaxonHit& hit : hits) species.push_back(hit_json(hit));
  return hub_data_response(std::string(kJson), Json{{"query", q}, {"species", species}}.dump(),
                           false);
}

Response biodata_species_occurrences_api(RequestContext& ctx) {
  auto species = species_records(ctx);
  if (!species) return not_found_json("No species has the id " + ctx.path_parameter("id") + ".");
  const bool precise = sees_precise_locations(ctx);
  Json features = Json::array();
  for (const store::StoredOccurrence& occurrence : species->records) {
    hub::PublishedOccurrence record = hub::publish_occurrence(occurrence, precise);
    if (record.on_map) features.push_back(point_feature(record));
  }
  return hub_data_response(std::string(kGeoJson),
                           Json{{"type", "FeatureCollection"}, {"features", features}}.dump(),
                           precise);
}

// Built once per change of the data (the audit log's head) for each of the two kinds of reader.
Response biodata_richness_api(RequestContext& ctx) {
  const bool precise = sees_precise_locations(ctx);
  std::int64_t version = 0;
  {
    auto tx = ctx.web().store.begin();
    version = store::audit_head_seq(*tx);
  }
  const std::string key = precise ? "richness/staff" : "richness/public";
  ContentCache& cache = *ctx.web().hub_content;
  std::optional<std::string> body = cache.find(key, version);
  if (!body) {
    std::vector<store::SquareRichness> squares;
    {
      auto tx = ctx.web().store.begin();
      squares = store::grid_richness(*tx, grid_square_sensitivity_limit(precise));
    }
    auto projection = geo::HkGridProjection::create();
    if (auto* failure = std::get_if<geo::GeoInputError>(&projection)) {
      Response response =
          hub_data_response(std::string(kJson), Json{{"error", failure->message()}}.dump(), false);
      response.status = 503;
      return response;
    }
    body = hub::richness_geojson(squares, std::get<geo::HkGridProjection>(projection));
    cache.put(key, version, *body);
  }
  return hub_data_response(std::string(kGeoJson), std::move(*body), precise);
}

}  // namespace bsap::web
