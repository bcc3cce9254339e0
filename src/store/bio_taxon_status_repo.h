// What administrators change of a taxon (issue 9 §3, §6): its sensitivity category, IUCN
// category and establishment, and its place on named conservation lists ("China Red List",
// "HK species of conservation concern") with the list's own category. Every change is one
// audited write in the caller's transaction; a value the hub does not know is refused with a
// TaxonChangeRefused naming it, before anything is written.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/bio_taxon_repo.h"
#include "store/store.h"

namespace bsap::store {

class TaxonChangeRefused : public StoreError {
 public:
  using StoreError::StoreError;
};

// The fields to change; an absent one stays as it is.
struct TaxonStatusChange {
  std::optional<int> sensitivity;            // 0 none … 4 withheld (biodata/sensitivity.h)
  std::optional<std::string> iucn_category;  // "" (not assessed) or biodata::kIucnCategories
  std::optional<std::string> establishment;  // biodata::kEstablishments
  bool empty() const { return !sensitivity && !iucn_category && !establishment; }
};

// Throws TaxonChangeRefused for an unknown taxon, a value outside its list, or no change asked.
void set_taxon_status(Transaction& tx, std::int64_t taxon_id, const TaxonStatusChange& change,
                      std::string_view actor);

struct TaxonListEntry {
  std::string list_name;
  std::string category;  // the list's own words: "VU", "Class II", "Local Concern"
  std::string added_by, added_at;
};

// Puts the taxon on the list with the category, or changes its category there. Names are
// trimmed; an empty or over-long name or category, or an unknown taxon, is refused.
void put_taxon_on_list(Transaction& tx, std::int64_t taxon_id, std::string_view list_name,
                       std::string_view category, std::string_view actor);
// Takes the taxon off the list (its name trimmed); the audit record keeps the category it had
// there. A taxon not on that list is refused, naming the lists it is on.
void take_taxon_off_list(Transaction& tx, std::int64_t taxon_id, std::string_view list_name,
                         std::string_view actor);
std::vector<TaxonListEntry> taxon_lists(Transaction& tx, std::int64_t taxon_id);  // by list name

// The taxa whose scientific or canonical name is exactly `name` (several checklists may hold it).
std::vector<BioTaxon> find_taxa_named(Transaction& tx, std::string_view name);
// Up to `limit` taxa whose scientific, Chinese or English name contains `text` (ignoring ASCII
// case), by scientific name.
std::vector<BioTaxon> search_taxa(Transaction& tx, std::string_view text, int limit);

}  // namespace bsap::store
