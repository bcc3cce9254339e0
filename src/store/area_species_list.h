// Each area's species list, packed in name order into one row of bio_area_species_lists
// (migration 16; store/area_species.h): the list an area's page, a scheme site's feed and
// `bsap biodata species` read is then one row, with no per-species step and no sort, under a
// millisecond for an area of 2,000 species (issue 9 §5; decision 0013 §9). On PostgreSQL the
// lists are made from the species summaries' rows (bio_area_taxa, bio_summary_repo.h), and
// bio_summary_repo.cpp makes them again for every area whose summary rows it changes, in the
// same transaction. On SQLite the lists are the summaries themselves (migration 18,
// sqlite_species_summaries.h), and bio_area_taxa is a view of them.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "store/area_species.h"
#include "store/store.h"

namespace bsap::store {

// The species of an area by scientific name; records without a matched name are not species.
std::vector<AreaSpecies> area_species(Transaction& tx, std::int64_t area_id);

// Made again from the rows of bio_area_taxa: these areas' lists; every area's; the lists of the
// areas where a taxon is recorded. An area with no species has no list. PostgreSQL's, and
// SQLite's before migration 18 made bio_area_taxa a view of the lists (migration 16's fill).
void rebuild_area_species_lists(Transaction& tx, std::span<const std::int64_t> area_ids);
void rebuild_all_area_species_lists(Transaction& tx);
void rebuild_area_species_lists_of_taxon(Transaction& tx, std::int64_t taxon_id);
// A layer's areas' lists removed, before the areas are.
void remove_layer_area_species_lists(Transaction& tx, std::int64_t layer_id);

}  // namespace bsap::store
