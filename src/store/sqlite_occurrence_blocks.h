// What writes the SQLite store's blocks of records (migration 17; read through the virtual
// tables of sqlite_occurrence_tables.h). A block is one batch of an import's records, ids
// first_id .. first_id + records - 1 taken from bio_occurrence_id_counter (never given twice, as
// an identity column's), each column packed in a row of bio_occurrence_block_columns; an area's
// records in a block are one packed list of their rows in bio_occurrence_block_areas. Everything
// runs in the caller's transaction, which must be the SQLite store's.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "store/column_compression.h"
#include "store/occurrence_columns.h"
#include "store/occurrence_sink.h"
#include "store/sqlite_statement.h"

namespace bsap::store {

// A block's columns, packed (packed_column.h), in kOccurrenceColumns order.
using PackedBlock = std::array<std::string_view, kOccurrenceColumns.size()>;

// Statements prepared once for the blocks of one import or migration.
class BlockStoreWriter {
 public:
  explicit BlockStoreWriter(Transaction& tx);

  // Takes `count` new ids and returns the first of them.
  std::int64_t take_ids(std::int64_t count);
  // Writes a block of a dataset's records, each column compressed if that pays
  // (column_compression.h); returns the block's id.
  std::int64_t add_block(std::int64_t dataset_id, std::int64_t first_id, std::int64_t records,
                         const PackedBlock& columns);
  // Writes which rows of a block (0 for its first record, in ascending order) an area holds.
  void add_area_rows(std::int64_t area_id, std::int64_t block_id,
                     std::span<const std::int64_t> rows);

 private:
  SqliteStatement ids_, block_, column_, area_;
  ColumnPacker rows_{ColumnKind::integer};
  ColumnCompressor compressor_;
  std::mt19937_64 nonce_{std::random_device{}()};  // see packed_column_cache.h
};

// The SQLite side of OccurrenceWriter: each batch a block.
std::unique_ptr<OccurrenceWriter::Sink> make_sqlite_occurrence_sink(Transaction& tx,
                                                                    std::int64_t dataset_id);

// Removes a dataset's blocks and their areas' lists.
void remove_dataset_blocks(Transaction& tx, std::int64_t dataset_id);
// Removes the lists of the areas of a layer.
void remove_layer_block_areas(Transaction& tx, std::int64_t layer_id);
// Writes (area, occurrence) pairs, area_ids[i] with occurrence_ids[i], for areas that hold none
// of the records yet (a layer's new areas).
void add_block_areas(Transaction& tx, std::span<const long long> area_ids,
                     std::span<const long long> occurrence_ids);

// Migration 17's fill: the records of the row tables it renamed (bio_occurrence_rows and
// bio_occurrence_area_rows) moved into blocks, with their ids, and the row tables dropped. Does
// nothing on PostgreSQL.
void move_occurrence_rows_into_blocks(Transaction& tx);

}  // namespace bsap::store
