// The hub's checklist (issue 9 §3): names with their rank and higher classification, synonyms
// pointing at their accepted names, vernacular names in Chinese and English, and per taxon its
// establishment (native, exotic, invasive), IUCN category and sensitivity category. A checklist
// is imported whole; importing it again updates its names in place (by taxonID), so the ids that
// occurrences point at stay.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "biodata/taxon_matcher.h"
#include "store/store.h"

namespace bsap::store {

struct BioTaxon {
  std::int64_t id = 0;
  std::string source_taxon_id;  // taxonID in the checklist
  std::string scientific_name;
  std::string canonical_name;
  std::string rank;
  std::string kingdom, phylum, class_name, order_name, family, genus;
  std::string taxonomic_status;
  std::string accepted_source_id;           // acceptedNameUsageID; empty for an accepted name
  std::optional<std::int64_t> accepted_id;  // read back: the accepted name's id
  std::string name_zh, name_en;
  std::string establishment = "unknown";  // native, exotic, invasive, unknown
  std::string iucn_category;              // "", "CR", "EN", "VU", ...
  int sensitivity = 0;                    // 0 none … 4 withheld (biodata/sensitivity.h)
};

// Writes the checklist's names (new ones added, known ones updated), then links each synonym to
// its accepted name. Returns how many names were written. Audited once.
std::size_t import_checklist(Transaction& tx, const std::string& checklist,
                             const std::vector<BioTaxon>& taxa, std::string_view actor);

// Every name as the matcher needs it.
std::vector<biodata::ChecklistName> checklist_names(Transaction& tx);

std::optional<BioTaxon> find_taxon(Transaction& tx, std::int64_t id);
std::int64_t count_taxa(Transaction& tx);

}  // namespace bsap::store
