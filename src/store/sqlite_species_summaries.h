// The species summaries on SQLite, written as packed lists (migration 18, decision 0013 §14):
// each area's species list (bio_area_species_lists, area_species.h) and each 1 km square's taxa
// (bio_cell_taxon_lists, cell_taxa_list.h). bio_area_taxa and bio_cell_taxa are read-only views
// of them there (sqlite_summary_tables.h); bio_summary_repo.h calls these for the SQLite store
// and keeps its SQL for PostgreSQL's rows. The rules are the same on both: only records with a
// matched taxon count; a square holds only records with a place on the map; a NULL date never
// wins over a known one; an area's list is in name order and carries its taxa's names and marks.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "store/species_tally.h"
#include "store/store.h"

namespace bsap::store {

// The tally's rows added to the lists of its areas and squares: counts added, dates widened.
void add_tally_to_lists(Transaction& tx, const SpeciesTally& tally);

// These areas' or squares' lists made again from the records and joins as they are now; a list
// left with no species is removed.
void recompute_area_lists(Transaction& tx, std::span<const std::int64_t> area_ids);
void recompute_cell_lists(Transaction& tx, std::span<const std::string> grid_cells);

// The names and marks in the area lists made equal to bio_taxa again: in the lists where the
// taxon is, or in every list.
void copy_marks_into_area_lists(Transaction& tx, std::optional<std::int64_t> taxon_id);

// Migration 18's fill on SQLite: the squares' lists packed from bio_cell_taxa_rows (the table
// bio_cell_taxa was until then), and the two row tables dropped. The areas' lists are there
// already (migration 16) and hold every column of bio_area_taxa_rows. Nothing on PostgreSQL.
void move_summary_rows_into_lists(Transaction& tx);

}  // namespace bsap::store
