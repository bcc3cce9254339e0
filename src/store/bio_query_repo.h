// What the hub's pages, API and downloads ask of the stored occurrences (issue 9 §5): a species
// search by any of its names, a taxon's or an area's records, a taxon's records by year, species
// per 1 km square. Rows come back as stored, precise; the caller decides what a reader may see of
// them (biodata/sensitivity.h), which is why each row carries its taxon's sensitivity.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/bio_taxon_repo.h"
#include "store/store.h"

namespace bsap::store {

struct TaxonHit {
  BioTaxon taxon;            // the accepted name, whichever of its names matched
  std::int64_t records = 0;  // its occurrences, as taxon_occurrences counts them
};

// Accepted taxa whose scientific, Chinese or English name (or a synonym's) contains text, case
// aside, and the accepted taxa also_found (found by the caller some other way: hub/
// species_search.h finds Simplified Chinese); by scientific name, at most limit. Nothing for a
// text of only spaces.
std::vector<TaxonHit> search_species(Transaction& tx, std::string_view text,
                                     std::span<const std::int64_t> also_found, int limit);

struct TaxonChineseName {
  std::int64_t accepted_id = 0;  // the taxon's own id, or its accepted name's for a synonym
  std::string name_zh;           // as the checklist gave it (Traditional)
};
// Every taxon's Chinese name, synonyms' included; none for a taxon without one.
std::vector<TaxonChineseName> taxon_chinese_names(Transaction& tx);

struct StoredOccurrence {
  std::int64_t id = 0;
  std::string dataset_key;
  std::string occurrence_id;
  std::string record_key;
  std::string scientific_name;  // as the record gave it
  std::optional<std::int64_t> taxon_id;
  std::string accepted_name;  // the matched taxon's; "" when none matched
  int sensitivity = 0;        // the matched taxon's (bio_taxa.sensitivity)
  std::string basis_of_record;
  std::string event_date;
  std::optional<int> year;
  std::optional<double> latitude, longitude, uncertainty_m;
  std::optional<std::int64_t> individual_count;
  std::string locality, recorded_by;
  std::uint32_t flags = 0;
  std::string grid_cell;  // "" when the record has no place on the map
};

// A taxon's records (its synonyms' included, and a species' subspecies', varieties' and forms':
// store/bio_infraspecific_repo.h), every one, flagged ones too, in id order.
std::vector<StoredOccurrence> taxon_occurrences(Transaction& tx, std::int64_t taxon_id);
// The records joined to an area (only those with a place on the map are joined), in id order.
std::vector<StoredOccurrence> area_occurrences(Transaction& tx, std::int64_t area_id);

struct YearCount {
  std::optional<int> year;  // none: the record's date is missing or was not understood
  std::int64_t records = 0;
};
// A taxon's records per year (the same records as taxon_occurrences), oldest first, the undated
// last.
std::vector<YearCount> taxon_records_by_year(Transaction& tx, std::int64_t taxon_id);

struct SquareRichness {
  std::string grid_cell;  // "E836N818" (geo/hk_grid.h)
  std::int64_t species = 0;
};
// Per 1 km square, how many accepted taxa with sensitivity at most max_sensitivity were recorded
// in it (from bio_cell_taxa, which the imports keep); squares with none are left out.
std::vector<SquareRichness> grid_richness(Transaction& tx, int max_sensitivity);

// How many areas each layer has, by layer id.
std::vector<std::pair<std::int64_t, std::int64_t>> layer_area_counts(Transaction& tx);

}  // namespace bsap::store
