// The hub's species summaries (migration 8): per area and taxon the records, first and last date
// (bio_area_taxa), per 1 km square and taxon the records (bio_cell_taxa). They answer an area's
// species list and the richness map without grouping the records at each request, and are kept
// in the transaction that changes the records or their joins:
// - an occurrence import adds its records at its end (bio_occurrence_repo.h);
// - a re-import first recomputes the areas and squares of the dataset's previous records from
//   what remains once they are gone (counts can be subtracted, first and last dates cannot);
// - a layer replacement drops its old areas' rows and computes its new areas' from the joins.
// Only records with a matched taxon count; a square holds only records with a place on the map.
// On PostgreSQL every function here that changes an area's rows also makes its packed species
// list again (area_species_list.h). On SQLite the summaries are the packed lists themselves
// (migration 18), and each function here writes them through sqlite_species_summaries.h.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "store/species_tally.h"
#include "store/store.h"

namespace bsap::store {

// Adds a dataset's records, just written, to the summaries (rows created, or their counts added
// and their dates widened): on SQLite from the tally kept while writing them, into the lists; on
// PostgreSQL by grouping them in the server, where a statement per row would cost a round trip
// each.
void add_to_summaries(Transaction& tx, std::int64_t dataset_id, const SpeciesTally& tally);

// The areas and squares holding a dataset's records: what to recompute once they are removed.
std::vector<std::int64_t> dataset_area_ids(Transaction& tx, std::int64_t dataset_id);
std::vector<std::string> dataset_grid_cells(Transaction& tx, std::int64_t dataset_id);
// Recompute these areas' or squares' rows from the records and joins as they are now.
void recompute_area_taxa(Transaction& tx, std::span<const std::int64_t> area_ids);
void recompute_cell_taxa(Transaction& tx, std::span<const std::string> grid_cells);

// A layer's areas: their rows removed (before the areas are), and computed from their joins.
void remove_layer_area_taxa(Transaction& tx, std::int64_t layer_id);
void compute_layer_area_taxa(Transaction& tx, std::int64_t layer_id);

// An area's row carries its taxon's names and marks (migration 15), so that the species list
// reads one range. Every write above copies them; a change to a taxon copies them again: one
// taxon's (its status set), or every taxon's (a checklist imported). Sensitivity is among them,
// so a missed copy would show a species where it must not be: the callers are
// set_taxon_status and import_checklist, and tests check both.
void copy_taxon_marks(Transaction& tx, std::int64_t taxon_id);
void copy_all_taxon_marks(Transaction& tx);

}  // namespace bsap::store
