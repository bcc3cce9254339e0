// On SQLite, the hub's species summaries bio_area_taxa and bio_cell_taxa are virtual tables over
// packed lists (migration 18, decision 0013 §14): an area's species are its packed species list
// (bio_area_species_lists, area_species.h), which holds every column of its summary rows, and a
// 1 km square's species one packed list of taxa and records (bio_cell_taxon_lists,
// cell_taxa_list.h). An import then writes a few thousand lists, not 700,000 rows. The tables
// show the lists as the rows the PostgreSQL store holds, so that a query of the summaries is the
// same SQL on both backends. They are read-only: store/sqlite_species_summaries.h writes the
// lists.
//
// Reading one area's or one square's rows reads its list; anything else reads every list.
#pragma once

namespace sqlite_api {
struct sqlite3;
}

namespace bsap::store {

// Registers the two tables' modules on a connection. Throws StoreError if SQLite refuses.
void register_summary_tables(sqlite_api::sqlite3* db);

}  // namespace bsap::store
