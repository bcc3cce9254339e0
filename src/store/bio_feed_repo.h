// What the biodiversity hub feeds the funding scheme and the plan (issue 9 §7): the hub's areas
// that are a scheme site's boundary, and the species the City Biodiversity Index's figures are
// counted from (plan/cbi_hub_counts.h).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "plan/cbi_hub_counts.h"
#include "store/store.h"

namespace bsap::store {

// An area of a layer of kind scheme_site, with its layer.
struct SchemeSiteArea {
  std::int64_t area_id = 0;
  std::string layer_code, layer_name_zh, layer_name_en;
  std::string area_code, area_name_zh, area_name_en;
};

// A scheme site's boundaries in the hub: the areas of every scheme_site layer whose code is one
// of `codes` exactly (the site's registry code "B04", or its code as the appendix prints it,
// "B4"), by layer code. A site no layer draws has none.
std::vector<SchemeSiteArea> scheme_site_areas(Transaction& tx,
                                              const std::vector<std::string>& codes);

// Every accepted species with a record in the hub, by id: records of a synonym count for its
// accepted name, and records of a subspecies, variety or form for its species
// (store/bio_infraspecific_repo.h); records with a geospatial flag (biodata/occurrence_flag.h) are
// left out, as from every count; other ranks count for nothing.
std::vector<plan::RecordedSpecies> recorded_species(Transaction& tx);

}  // namespace bsap::store
