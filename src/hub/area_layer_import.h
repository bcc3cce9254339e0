// `bsap biodata areas import`: an area layer (GeoJSON or shapefile, EPSG:4326 or EPSG:2326) read,
// repaired where invalid, stored, and every occurrence with a place on the map joined to its
// areas, in one transaction (issue 9 §4): a layer change keeps the joins up to date.
#pragma once
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "geo/area_layer_reader.h"
#include "store/store.h"

namespace bsap::hub {

struct LayerImportRequest {
  std::filesystem::path file;
  std::string code;  // "dcca"
  std::string name_zh, name_en;
  std::string kind = "other";  // country_park, special_area, marine_park, marine_reserve,
                               // scheme_site, district, other
  geo::AreaLayerOptions options;
  std::string actor;
};

struct LayerImportSummary {
  std::string layer;
  std::size_t features = 0;  // areas stored
  std::size_t repaired = 0;
  std::size_t skipped = 0;
  std::vector<std::string> report;  // one line per repaired, skipped or mended feature
  std::size_t joins = 0;            // (occurrence, area) pairs written
};

std::variant<LayerImportSummary, geo::GeoInputError> import_area_layer(
    store::Store& store, const LayerImportRequest& request);

std::string summary_json(const LayerImportSummary& summary);

}  // namespace bsap::hub
