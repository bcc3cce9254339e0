#include "store/sqlite_occurrence_blocks.h"

#include <soci/soci.h>

#include <boost/sort/spreadsort/integer_sort.hpp>

#include <algorithm>
#include <map>
#include <utility>

#include "store/bio_summary_repo.h"
#include "store/packed_column.h"

namespace bsap::store {
namespace {

// Rows of a block grouped by area: (area, row), sorted, written one list per area.
using AreaRows = std::vector<std::pair<std::int64_t, std::int64_t>>;

void write_area_rows(BlockStoreWriter& writer, std::int64_t block_id, AreaRows& pairs) {
  std::ranges::sort(pairs);
  std::vector<std::int64_t> rows;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    rows.push_back(pairs[i].second);
    if (i + 1 == pairs.size() || pairs[i + 1].first != pairs[i].first) {
      writer.add_area_rows(pairs[i].first, block_id, rows);
      rows.clear();
    }
  }
}

std::optional<std::string_view> text_or_null(const std::optional<std::string>& text) {
  return text ? std::optional<std::string_view>(*text) : std::nullopt;
}

// The packers of a block's columns, kept from block to block so that their buffers are.
class BlockPacker {
 public:
  BlockPacker() {
    for (const OccurrenceColumn& column : kOccurrenceColumns) columns_.emplace_back(column.kind);
  }
  ColumnPacker& operator[](std::size_t column) { return columns_[column]; }
  // The block's columns, valid until the packer is used again.
  PackedBlock finish() {
    PackedBlock out;
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = columns_[i].finish();
    return out;
  }

 private:
  std::vector<ColumnPacker> columns_;
};

void pack(BlockPacker& columns, std::span<const OccurrenceRow> rows) {
  std::string date;
  for (const OccurrenceRow& row : rows) {
    const biodata::Occurrence& o = *row.occurrence;
    if (o.date) date = o.date->iso();
    auto integer = [](auto value) { return std::optional<std::int64_t>(value); };
    columns[0].add(std::optional<std::string_view>(o.record_key));
    columns[1].add(std::optional<std::string_view>(o.occurrence_id));
    columns[2].add(std::optional<std::string_view>(o.scientific_name));
    columns[3].add(o.taxon ? integer(o.taxon) : std::nullopt);
    columns[4].add(std::optional<std::string_view>(o.basis_of_record));
    columns[5].add(o.date ? std::optional<std::string_view>(date) : std::nullopt);
    columns[6].add(o.date ? integer(o.date->year) : std::nullopt);
    columns[7].add(o.point ? std::optional<double>(o.point->lat) : std::nullopt);
    columns[8].add(o.point ? std::optional<double>(o.point->lon) : std::nullopt);
    columns[9].add(o.uncertainty_m);
    columns[10].add(o.individual_count);
    columns[11].add(std::optional<std::string_view>(o.locality));
    columns[12].add(std::optional<std::string_view>(o.recorded_by));
    columns[13].add(integer(static_cast<int>(o.flags.bits())));
    columns[14].add(text_or_null(row.grid_cell));
  }
}

// A dataset's record keys are unique, as the row table's UNIQUE (dataset_id, record_key) made
// them. The import skips a repeated key before it gets here; this keeps the store's rule for any
// other writer, at the cost of a hash a record and one sort (Boost's integer_sort: 29 ms for a
// million hashes, std::sort 57 ms). Two equal hashes are confirmed against the written blocks, so
// a collision of hashes is never taken for a repeat.
class RecordKeys {
 public:
  void add(std::string_view key) { hashes_.push_back(std::hash<std::string_view>{}(key)); }

  // Throws StoreError if a key of the dataset's records is there twice.
  void check(Transaction& tx, std::int64_t dataset_id) {
    boost::sort::spreadsort::integer_sort(hashes_.begin(), hashes_.end());
    if (std::ranges::adjacent_find(hashes_) == hashes_.end()) return;
    std::string key;
    soci::indicator found = soci::i_null;
    tx.sql() << "SELECT record_key FROM bio_occurrences WHERE dataset_id = :d "
                "GROUP BY record_key HAVING COUNT(*) > 1 LIMIT 1",
        soci::use(dataset_id), soci::into(key, found);
    if (tx.sql().got_data() && found == soci::i_ok)
      throw StoreError("writing occurrences: the record key \"" + key +
                       "\" appears twice in the dataset; a dataset's record keys are unique");
  }

 private:
  std::vector<std::size_t> hashes_;
};

// Each batch one block: its columns packed, its areas' rows listed.
class SqliteSink final : public OccurrenceWriter::Sink {
 public:
  SqliteSink(Transaction& tx, std::int64_t dataset_id)
      : tx_(tx), dataset_id_(dataset_id), writer_(tx) {}

  void write(std::span<const OccurrenceRow> rows) override {
    if (rows.empty()) return;
    auto records = static_cast<std::int64_t>(rows.size());
    std::int64_t first_id = writer_.take_ids(records);
    pack(packer_, rows);
    std::int64_t block_id = writer_.add_block(dataset_id_, first_id, records, packer_.finish());
    for (const OccurrenceRow& row : rows) keys_.add(row.occurrence->record_key);
    area_rows_.clear();
    for (std::size_t i = 0; i < rows.size(); ++i)
      for (std::int64_t area_id : rows[i].area_ids)
        area_rows_.emplace_back(area_id, static_cast<std::int64_t>(i));
    write_area_rows(writer_, block_id, area_rows_);
  }

  void finish(const SpeciesTally& tally) override {
    keys_.check(tx_, dataset_id_);
    add_to_summaries(tx_, dataset_id_, tally);
  }

 private:
  Transaction& tx_;
  std::int64_t dataset_id_;
  BlockStoreWriter writer_;
  BlockPacker packer_;
  RecordKeys keys_;
  AreaRows area_rows_;
};

}  // namespace

BlockStoreWriter::BlockStoreWriter(Transaction& tx)
    : ids_(tx, "UPDATE bio_occurrence_id_counter SET last_id = last_id + ? RETURNING last_id",
           "taking ids for occurrences"),
      block_(tx,
             "INSERT INTO bio_occurrence_blocks (dataset_id, first_id, records, nonce) "
             "VALUES (?, ?, ?, ?)",
             "writing a block of occurrences"),
      column_(tx,
              "INSERT INTO bio_occurrence_block_columns (block_id, column_no, packed) "
              "VALUES (?, ?, ?)",
              "writing a column of a block of occurrences"),
      area_(tx,
            "INSERT INTO bio_occurrence_block_areas (area_id, block_id, row_numbers) "
            "VALUES (?, ?, ?)",
            "writing the areas of a block of occurrences") {}

std::int64_t BlockStoreWriter::take_ids(std::int64_t count) {
  ids_.bind(1, count);
  if (!ids_.next_row()) throw StoreError("taking ids for occurrences: the counter has no row");
  std::int64_t last = ids_.column_int64(0);
  while (ids_.next_row()) {
  }
  return last - count + 1;
}

std::int64_t BlockStoreWriter::add_block(std::int64_t dataset_id, std::int64_t first_id,
                                         std::int64_t records, const PackedBlock& columns) {
  block_.bind(1, dataset_id);
  block_.bind(2, first_id);
  block_.bind(3, records);
  block_.bind(4, static_cast<std::int64_t>(nonce_()));
  block_.run();
  std::int64_t block_id = block_.last_insert_rowid();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    column_.bind(1, block_id);
    column_.bind(2, static_cast<std::int64_t>(i));
    column_.bind_blob(3, compressor_.compress(columns[i]));
    column_.run();
  }
  return block_id;
}

void BlockStoreWriter::add_area_rows(std::int64_t area_id, std::int64_t block_id,
                                     std::span<const std::int64_t> rows) {
  for (std::int64_t row : rows) rows_.add(std::optional<std::int64_t>(row));
  std::string_view packed = rows_.finish();
  area_.bind(1, area_id);
  area_.bind(2, block_id);
  area_.bind_blob(3, packed);
  area_.run();
}

std::unique_ptr<OccurrenceWriter::Sink> make_sqlite_occurrence_sink(Transaction& tx,
                                                                    std::int64_t dataset_id) {
  return std::make_unique<SqliteSink>(tx, dataset_id);
}

void remove_dataset_blocks(Transaction& tx, std::int64_t dataset_id) {
  constexpr std::string_view kBlocks =
      " WHERE block_id IN (SELECT id FROM bio_occurrence_blocks WHERE dataset_id = :d)";
  tx.sql() << "DELETE FROM bio_occurrence_block_areas" + std::string(kBlocks),
      soci::use(dataset_id);
  tx.sql() << "DELETE FROM bio_occurrence_block_columns" + std::string(kBlocks),
      soci::use(dataset_id);
  tx.sql() << "DELETE FROM bio_occurrence_blocks WHERE dataset_id = :d", soci::use(dataset_id);
}

void remove_layer_block_areas(Transaction& tx, std::int64_t layer_id) {
  tx.sql() << "DELETE FROM bio_occurrence_block_areas WHERE area_id IN "
              "(SELECT id FROM bio_areas WHERE layer_id = :l)",
      soci::use(layer_id);
}

void add_block_areas(Transaction& tx, std::span<const long long> area_ids,
                     std::span<const long long> occurrence_ids) {
  struct Block {
    long long id = 0, first_id = 0, records = 0;
  };
  std::vector<Block> blocks;
  Block block;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, first_id, records FROM "
                           "bio_occurrence_blocks ORDER BY first_id",
       soci::into(block.id), soci::into(block.first_id), soci::into(block.records));
  st.execute();
  while (st.fetch()) blocks.push_back(block);
  std::map<long long, AreaRows> by_block;
  for (std::size_t i = 0; i < area_ids.size(); ++i) {
    long long id = occurrence_ids[i];
    auto after = std::ranges::upper_bound(blocks, id, {}, &Block::first_id);
    if (after == blocks.begin() || id >= std::prev(after)->first_id + std::prev(after)->records)
      throw StoreError("joining occurrence " + std::to_string(id) +
                       " to an area: no block holds it");
    const Block& holding = *std::prev(after);
    by_block[holding.id].emplace_back(area_ids[i], id - holding.first_id);
  }
  BlockStoreWriter writer(tx);
  for (auto& [block_id, pairs] : by_block) write_area_rows(writer, block_id, pairs);
}

namespace {

// Packs the rows of a query of the row table, in kOccurrenceColumns order after the id and the
// dataset, into blocks of contiguous ids of one dataset.
class RowMover {
 public:
  explicit RowMover(Transaction& tx) : writer_(tx) {}

  void add(const SqliteStatement& row) {
    std::int64_t id = row.column_int64(0), dataset_id = row.column_int64(1);
    if (records_ > 0 &&
        (dataset_id != dataset_id_ || id != first_id_ + records_ || records_ == kBlockRecords))
      flush();
    if (records_ == 0) first_id_ = id, dataset_id_ = dataset_id;
    for (std::size_t c = 0; c < kOccurrenceColumns.size(); ++c) {
      int at = static_cast<int>(c) + 2;
      bool null = row.column_is_null(at);
      switch (kOccurrenceColumns[c].kind) {
        case ColumnKind::text:
          columns_[c].add(null ? std::nullopt : std::optional(row.column_text(at)));
          break;
        case ColumnKind::integer:
          columns_[c].add(null ? std::nullopt : std::optional(row.column_int64(at)));
          break;
        case ColumnKind::real:
          columns_[c].add(null ? std::nullopt : std::optional(row.column_double(at)));
          break;
      }
    }
    ++records_;
  }

  void flush() {
    if (records_ == 0) return;
    writer_.add_block(dataset_id_, first_id_, records_, columns_.finish());
    records_ = 0;
  }

 private:
  static constexpr std::int64_t kBlockRecords = 10'000;  // an import's batch
  BlockStoreWriter writer_;
  BlockPacker columns_;
  std::int64_t first_id_ = 0, dataset_id_ = 0, records_ = 0;
};

}  // namespace

void move_occurrence_rows_into_blocks(Transaction& tx) {
  if (tx.backend() != Backend::sqlite) return;
  std::string select = "SELECT id, dataset_id";
  for (const OccurrenceColumn& column : kOccurrenceColumns) (select += ", ") += column.name;
  {
    SqliteStatement rows(tx, select + " FROM bio_occurrence_rows ORDER BY id",
                         "moving the hub's records into blocks");
    RowMover mover(tx);
    while (rows.next_row()) mover.add(rows);
    mover.flush();
  }
  std::vector<long long> areas, occurrences;
  {
    SqliteStatement joins(tx, "SELECT area_id, occurrence_id FROM bio_occurrence_area_rows",
                          "moving the areas of the hub's records into blocks");
    while (joins.next_row()) {
      areas.push_back(joins.column_int64(0));
      occurrences.push_back(joins.column_int64(1));
    }
  }
  if (!areas.empty()) add_block_areas(tx, areas, occurrences);
  tx.sql() << "DROP TABLE bio_occurrence_area_rows";
  tx.sql() << "DROP TABLE bio_occurrence_rows";
}

}  // namespace bsap::store
