// The hub's area layers (issue 9 §4): country parks, marine parks, scheme sites, districts…, each
// a set of named polygons kept as WKB in WGS84, with the report of what was repaired on import;
// and the questions asked of an area: its species with record counts, first and last records.
// Replacing a layer removes its old areas' joins; the service joins the occurrences again.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/area_species_list.h"  // area_species, for the pages that list an area
#include "store/store.h"

namespace bsap::store {

struct BioLayer {
  std::int64_t id = 0;
  std::string code;  // "dcca", "country_parks"
  std::string name_zh, name_en;
  std::string kind;  // country_park, special_area, marine_park, marine_reserve, scheme_site,
                     // district, other
  std::string source;
  std::string imported_at, imported_by;
  std::string repair_report_json;
};

struct BioArea {
  std::int64_t id = 0;
  std::int64_t layer_id = 0;
  std::string code;
  std::string name_zh, name_en;
  double area_m2 = 0;
  std::string wkb;  // bytes of the geometry in EPSG:4326
};

// Creates the layer, or replaces the areas of the layer with the same code (their joins go with
// them). Returns the layer's id; its areas get ids in the order given. Audited once.
std::int64_t replace_layer(Transaction& tx, const BioLayer& layer,
                           const std::vector<BioArea>& areas, std::string_view actor);

std::vector<BioLayer> list_layers(Transaction& tx);  // by code
std::optional<BioLayer> find_layer(Transaction& tx, std::string_view code);
// Every area of every layer, geometry included: what the join index is built from.
std::vector<BioArea> list_all_areas(Transaction& tx);
std::vector<BioArea> list_layer_areas(Transaction& tx, std::int64_t layer_id);  // no geometry
std::optional<BioArea> find_area(Transaction& tx, std::string_view layer_code,
                                 std::string_view area_code);

}  // namespace bsap::store
