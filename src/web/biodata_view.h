// What the hub's pages share (issue 9 §5): a taxon's names in the page's language, its marks
// (establishment, IUCN category, threatened, invasive, sensitive), and the links between the
// species, area and map pages and their downloads.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "store/bio_area_repo.h"
#include "store/bio_query_repo.h"
#include "store/bio_taxon_repo.h"
#include "web/http_message.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

// The name a reader of this language looks for first: the Chinese or English common name, else
// the scientific name.
std::string taxon_common_name(const RequestContext& ctx, const store::BioTaxon& taxon);
std::string taxon_common_name(const RequestContext& ctx, const std::string& name_zh,
                              const std::string& name_en, const std::string& scientific);

// {common_name, scientific_name, href, establishment, iucn, iucn_label, threatened, invasive,
// sensitive}: the marks every list of species shows.
PageData taxon_marks(const RequestContext& ctx, const store::BioTaxon& taxon);
PageData area_species_marks(const RequestContext& ctx, const store::AreaSpecies& species);

// The species whose names contain text, in any of the page's scripts (hub/species_search.h).
std::vector<store::TaxonHit> find_species(const RequestContext& ctx, store::Transaction& tx,
                                          std::string_view text, int limit);

std::string species_href(const RequestContext& ctx, std::int64_t taxon_id);
std::string area_href(const RequestContext& ctx, const std::string& layer, const std::string& area);
std::string layer_name(const RequestContext& ctx, const store::BioLayer& layer);
std::string area_name(const RequestContext& ctx, const store::BioArea& area);

// A species route's {id} as a number; nothing for text that is not a positive one.
std::optional<std::int64_t> species_id_parameter(const RequestContext& ctx);

struct SpeciesRecords {
  store::BioTaxon taxon;
  std::vector<store::StoredOccurrence> records;  // as stored: precise
};
// The taxon the route's {id} names and its records (its synonyms' included), read in one
// transaction; nothing when the id names no taxon.
std::optional<SpeciesRecords> species_records(RequestContext& ctx);

// Degrees as people read them: at most six decimals (about 0.1 m), no trailing zeros.
std::string format_degrees(double degrees);

// An answer of the hub's API or downloads. What it holds depends on who asked (precise or
// generalised records): a precise one is never stored by a cache, a generalised one may be by
// any, for five minutes, but only for readers without a session (Vary: Cookie).
Response hub_data_response(std::string content_type, std::string body, bool precise);

// The links every hub page ends with: search, areas, the richness map.
void set_hub_links(const RequestContext& ctx, PageData& data);

}  // namespace bsap::web
