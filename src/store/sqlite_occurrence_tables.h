// On SQLite, bio_occurrences and bio_occurrence_areas are virtual tables over the hub's block
// store (migration 17, decision 0013 §13): the records of an import are kept as blocks of a
// batch's records with each column packed (bio_occurrence_block_columns), and an area's records
// in a block as one packed list (bio_occurrence_block_areas). The virtual tables show them as the
// rows the PostgreSQL store holds, so that every query of the hub is the same SQL on both
// backends. They are read-only: the occurrence writer, a dataset's removal and a layer's joins
// write the block tables (sqlite_occurrence_blocks.h).
//
// Reading by id, by taxon, by dataset or by 1 km square, and an area's records, uses what the
// blocks are keyed by; anything else reads every block.
#pragma once

namespace sqlite_api {
struct sqlite3;
}

namespace bsap::store {

// Registers the two tables' modules on a connection; every connection to a SQLite store needs
// them before it reads the hub. Throws StoreError if SQLite refuses.
void register_occurrence_tables(sqlite_api::sqlite3* db);

}  // namespace bsap::store
