#include "store/sqlite_occurrence_tables.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/column_compression.h"
#include "store/occurrence_columns.h"
#include "store/packed_column_cache.h"
#include "store/sqlite_module.h"
#include "store/store.h"

namespace bsap::store {
namespace {

namespace sa = sqlite_api;

// A block of records: ids first_id .. first_id + records - 1, in one dataset; its nonce names
// its columns in the cache (packed_column_cache.h).
struct Block {
  std::int64_t id = 0, dataset_id = 0, first_id = 0, records = 0, nonce = 0;
};

constexpr const char* kAllBlocks =
    "SELECT id, dataset_id, first_id, records, nonce FROM bio_occurrence_blocks ORDER BY first_id";
constexpr const char* kBlocksOfDataset =
    "SELECT id, dataset_id, first_id, records, nonce FROM bio_occurrence_blocks "
    "WHERE dataset_id = ? ORDER BY first_id";

std::vector<Block> read_blocks(ModuleStatement& st) {
  std::vector<Block> out;
  st.each_row([&](sa::sqlite3_stmt* row) {
    out.push_back({sa::sqlite3_column_int64(row, 0), sa::sqlite3_column_int64(row, 1),
                   sa::sqlite3_column_int64(row, 2), sa::sqlite3_column_int64(row, 3),
                   sa::sqlite3_column_int64(row, 4)});
  });
  return out;
}

// The block holding an occurrence id, among blocks in id order.
const Block* block_holding(const std::vector<Block>& blocks, std::int64_t id) {
  auto after =
      std::upper_bound(blocks.begin(), blocks.end(), id,
                       [](std::int64_t wanted, const Block& b) { return wanted < b.first_id; });
  if (after == blocks.begin()) return nullptr;
  const Block& block = *std::prev(after);
  return id < block.first_id + block.records ? &block : nullptr;
}

PackedColumn unpack(std::string bytes, std::string_view what, std::int64_t block_id) {
  try {
    return PackedColumn(packed_column_bytes(std::move(bytes)));
  } catch (const std::invalid_argument& e) {
    throw StoreError("block " + std::to_string(block_id) + " of the hub's records is damaged (" +
                     std::string(what) + "): " + e.what());
  }
}

// The statements both tables read with, prepared on first use.
struct Table : sa::sqlite3_vtab {
  explicit Table(sa::sqlite3* connection) : db(connection) {}
  sa::sqlite3* db;
  std::unique_ptr<ModuleStatement> all_blocks, blocks_of_dataset, column, areas_of_area,
      areas_of_block, all_areas;

  ModuleStatement& statement(std::unique_ptr<ModuleStatement>& slot, const char* sql) {
    return prepared(slot, db, sql, "reading the hub's records");
  }
};

// ---- bio_occurrences ------------------------------------------------------------------------

// Column 0 is the id, 1 the dataset; from 2 on, the packed columns in their stored order.
constexpr int kPackedFrom = 2;
std::string occurrence_schema() {
  std::string sql = "CREATE TABLE x(id INTEGER, dataset_id INTEGER";
  for (const OccurrenceColumn& column : kOccurrenceColumns) {
    sql += ", ";
    sql += column.name;
    sql += column.kind == ColumnKind::text      ? " TEXT"
           : column.kind == ColumnKind::integer ? " INTEGER"
                                                : " REAL";
  }
  return sql + ")";
}

enum OccurrencePlan { kScanAll = 0, kById, kByTaxon, kByDataset, kByGridCell };

struct OccurrenceCursor : sa::sqlite3_vtab_cursor {
  Table& table() { return *static_cast<Table*>(pVtab); }

  OccurrencePlan plan = kScanAll;
  std::int64_t wanted = 0;
  std::string wanted_text;
  std::optional<std::vector<Block>> every_block;  // read once per statement
  std::vector<Block> blocks;                      // the filter's
  std::size_t at_block = 0;
  std::int64_t row = 0, row_end = 0;
  std::int64_t unpacked_block = -1;
  std::array<std::shared_ptr<const PackedColumn>, kOccurrenceColumns.size()> unpacked;

  const std::vector<Block>& all_blocks() {
    if (!every_block) every_block = read_blocks(table().statement(table().all_blocks, kAllBlocks));
    return *every_block;
  }

  const Block& block() const { return blocks[at_block]; }

  const PackedColumn& column(int number) {
    const Block& b = block();
    if (unpacked_block != b.id) {
      for (auto& each : unpacked) each.reset();
      unpacked_block = b.id;
    }
    auto& slot = unpacked[static_cast<std::size_t>(number)];
    if (slot) return *slot;
    PackedColumnCache& cache = PackedColumnCache::shared();
    if ((slot = cache.find({b.nonce, number}))) return *slot;
    slot = read_column(b, number);
    cache.add({b.nonce, number}, slot);
    return *slot;
  }

  std::shared_ptr<const PackedColumn> read_column(const Block& b, int number) {
    std::optional<std::string> bytes;
    table()
        .statement(table().column,
                   "SELECT packed FROM bio_occurrence_block_columns WHERE block_id = ? AND "
                   "column_no = ?")
        .bind(1, b.id)
        .bind(2, number)
        .each_row([&](sa::sqlite3_stmt* st) { bytes = blob_of(st, 0); });
    const OccurrenceColumn& wanted_column = kOccurrenceColumns[static_cast<std::size_t>(number)];
    if (!bytes)
      throw StoreError("block " + std::to_string(b.id) + " of the hub's records has no column " +
                       std::string(wanted_column.name));
    auto column =
        std::make_shared<const PackedColumn>(unpack(std::move(*bytes), wanted_column.name, b.id));
    if (column->kind() != wanted_column.kind ||
        static_cast<std::int64_t>(column->size()) != b.records)
      throw StoreError("block " + std::to_string(b.id) +
                       " of the hub's records is damaged: column " +
                       std::string(wanted_column.name) + " does not fit the block");
    return column;
  }

  // The first row at or after `row` of the current block whose value in the column is wanted;
  // row_end if none. One tight loop over the column, not a call per row.
  std::int64_t next_match(int number) {
    const PackedColumn& values = column(number);
    for (; row < row_end; ++row) {
      if (values.is_null(row)) continue;
      if (plan == kByTaxon ? values.integer(row) == wanted : values.text(row) == wanted_text) break;
    }
    return row;
  }

  // Moves to the first row at or after the current one that the filter keeps.
  void settle() {
    while (at_block < blocks.size()) {
      if (row < row_end) {
        if (plan == kByTaxon && next_match(kTaxonColumn) < row_end) return;
        if (plan == kByGridCell && next_match(kGridCellColumn) < row_end) return;
        if (plan != kByTaxon && plan != kByGridCell) return;
        continue;
      }
      if (++at_block < blocks.size()) row = 0, row_end = block().records;
    }
  }

  void start(OccurrencePlan chosen, sa::sqlite3_value* value) {
    plan = chosen;
    blocks.clear();
    at_block = 0, row = 0, row_end = 0;
    if (value && sa::sqlite3_value_type(value) == SQLITE_NULL) return;  // = NULL holds for none
    if (plan == kById) {
      std::int64_t id = sa::sqlite3_value_int64(value);
      if (const Block* holding = block_holding(all_blocks(), id)) {
        blocks.push_back(*holding);
        row = id - holding->first_id, row_end = row + 1;
      }
      return settle();
    }
    if (plan == kByDataset) {
      blocks = read_blocks(table()
                               .statement(table().blocks_of_dataset, kBlocksOfDataset)
                               .bind(1, sa::sqlite3_value_int64(value)));
    } else {
      blocks = all_blocks();
      if (plan == kByTaxon) wanted = sa::sqlite3_value_int64(value);
      if (plan == kByGridCell)
        wanted_text.assign(reinterpret_cast<const char*>(sa::sqlite3_value_text(value)),
                           static_cast<std::size_t>(sa::sqlite3_value_bytes(value)));
    }
    if (!blocks.empty()) row_end = blocks.front().records;
    settle();
  }

  void result(sa::sqlite3_context* context, int index) {
    if (index == 0) return sa::sqlite3_result_int64(context, block().first_id + row);
    if (index == 1) return sa::sqlite3_result_int64(context, block().dataset_id);
    const PackedColumn& packed = column(index - kPackedFrom);
    if (packed.is_null(row)) return sa::sqlite3_result_null(context);
    switch (packed.kind()) {
      case ColumnKind::text: {
        std::string_view text = packed.text(row);
        return sa::sqlite3_result_text(context, text.data(), static_cast<int>(text.size()),
                                       kCopyText);
      }
      case ColumnKind::integer:
        return sa::sqlite3_result_int64(context, packed.integer(row));
      case ColumnKind::real:
        return sa::sqlite3_result_double(context, packed.real(row));
    }
  }
};

int occurrences_connect(sa::sqlite3* db, void*, int, const char* const*, sa::sqlite3_vtab** out,
                        char** error) {
  return connect_table<Table>(db, occurrence_schema().c_str(), out, error);
}

int occurrences_best_index(sa::sqlite3_vtab*, sa::sqlite3_index_info* info) {
  // Cheapest first: one record by id, a taxon's or a square's (every block's one column read),
  // a dataset's blocks, every block.
  constexpr int kDatasetColumn = 1;
  static constexpr std::array<std::pair<OccurrencePlan, double>, 4> kPlans{
      {{kById, 1}, {kByTaxon, 2e4}, {kByGridCell, 2e4}, {kByDataset, 1e5}}};
  auto found = equality_on(
      info, {0, kPackedFrom + kTaxonColumn, kPackedFrom + kGridCellColumn, kDatasetColumn});
  info->idxNum = kScanAll;
  info->estimatedCost = 1e6;
  info->estimatedRows = 1000000;
  if (found) {
    auto [plan, cost] = kPlans[found->first];
    info->idxNum = plan;
    info->estimatedCost = cost;
    info->estimatedRows = plan == kById ? 1 : static_cast<sa::sqlite3_int64>(cost / 10);
    if (plan == kById) info->idxFlags = SQLITE_INDEX_SCAN_UNIQUE;
    info->aConstraintUsage[found->second].argvIndex = 1;
  }
  // Every block in id order, each block's rows in order: a scan of them all is in id order. (A
  // plan by a value may be run once per value of an IN list, in no order SQLite promises.)
  if (info->idxNum == kScanAll && info->nOrderBy == 1 && info->aOrderBy[0].iColumn == 0 &&
      !info->aOrderBy[0].desc)
    info->orderByConsumed = 1;
  return SQLITE_OK;
}

int occurrences_filter(sa::sqlite3_vtab_cursor* cursor, int plan, const char*, int argc,
                       sa::sqlite3_value** argv) {
  auto* c = static_cast<OccurrenceCursor*>(cursor);
  return guarded(
      c->pVtab, [&] { c->start(static_cast<OccurrencePlan>(plan), argc > 0 ? argv[0] : nullptr); });
}

int occurrences_next(sa::sqlite3_vtab_cursor* cursor) {
  auto* c = static_cast<OccurrenceCursor*>(cursor);
  return guarded(c->pVtab, [&] {
    ++c->row;
    c->settle();
  });
}

int occurrences_eof(sa::sqlite3_vtab_cursor* cursor) {
  auto* c = static_cast<OccurrenceCursor*>(cursor);
  return c->at_block >= c->blocks.size() ? 1 : 0;
}

int occurrences_column(sa::sqlite3_vtab_cursor* cursor, sa::sqlite3_context* context, int index) {
  auto* c = static_cast<OccurrenceCursor*>(cursor);
  return guarded(c->pVtab, [&] { c->result(context, index); });
}

int occurrences_rowid(sa::sqlite3_vtab_cursor* cursor, sa::sqlite3_int64* rowid) {
  auto* c = static_cast<OccurrenceCursor*>(cursor);
  *rowid = c->block().first_id + c->row;
  return SQLITE_OK;
}

// ---- bio_occurrence_areas -------------------------------------------------------------------

enum AreaPlan { kAllPairs = 0, kByArea, kByOccurrence };

struct AreaCursor : sa::sqlite3_vtab_cursor {
  Table& table() { return *static_cast<Table*>(pVtab); }

  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;  // (area, occurrence)
  std::size_t at = 0;
  std::optional<std::vector<Block>> every_block;
  // The areas of each record of the last block looked up by occurrence: (row, area) in order.
  std::int64_t looked_up_block = -1;
  std::vector<std::pair<std::int64_t, std::int64_t>> block_areas;

  // Adds the pairs of one row of bio_occurrence_block_areas: (area, first id, packed rows).
  void add_list(std::int64_t area, std::int64_t first_id, std::string packed, std::int64_t block) {
    PackedColumn rows = unpack(std::move(packed), "the records of an area", block);
    for (std::size_t i = 0; i < rows.size(); ++i)
      pairs.emplace_back(area, first_id + rows.integer(i));
  }

  void read_lists(ModuleStatement& st) {
    st.each_row([&](sa::sqlite3_stmt* row) {
      add_list(sa::sqlite3_column_int64(row, 0), sa::sqlite3_column_int64(row, 1), blob_of(row, 2),
               sa::sqlite3_column_int64(row, 3));
    });
  }

  void areas_of(std::int64_t occurrence) {
    if (!every_block) every_block = read_blocks(table().statement(table().all_blocks, kAllBlocks));
    const Block* block = block_holding(*every_block, occurrence);
    if (!block) return;
    if (looked_up_block != block->id) {
      block_areas.clear();
      table()
          .statement(
              table().areas_of_block,
              "SELECT area_id, row_numbers FROM bio_occurrence_block_areas WHERE block_id = ?")
          .bind(1, block->id)
          .each_row([&](sa::sqlite3_stmt* row) {
            PackedColumn rows = unpack(blob_of(row, 1), "the records of an area", block->id);
            for (std::size_t i = 0; i < rows.size(); ++i)
              block_areas.emplace_back(rows.integer(i), sa::sqlite3_column_int64(row, 0));
          });
      std::ranges::sort(block_areas);
      looked_up_block = block->id;
    }
    std::int64_t row = occurrence - block->first_id;
    auto from = std::ranges::lower_bound(block_areas, std::pair(row, INT64_MIN));
    for (auto it = from; it != block_areas.end() && it->first == row; ++it)
      pairs.emplace_back(it->second, occurrence);
  }

  void start(AreaPlan plan, sa::sqlite3_value* value) {
    pairs.clear();
    at = 0;
    if (value && sa::sqlite3_value_type(value) == SQLITE_NULL) return;
    if (plan == kByOccurrence) return areas_of(sa::sqlite3_value_int64(value));
    if (plan == kByArea) {
      read_lists(table()
                     .statement(table().areas_of_area,
                                "SELECT a.area_id, b.first_id, a.row_numbers, b.id FROM "
                                "bio_occurrence_block_areas a JOIN bio_occurrence_blocks b ON "
                                "b.id = a.block_id WHERE a.area_id = ? ORDER BY b.first_id")
                     .bind(1, sa::sqlite3_value_int64(value)));
      return;
    }
    read_lists(table().statement(table().all_areas,
                                 "SELECT a.area_id, b.first_id, a.row_numbers, b.id FROM "
                                 "bio_occurrence_block_areas a JOIN bio_occurrence_blocks b ON "
                                 "b.id = a.block_id ORDER BY a.area_id, b.first_id"));
  }
};

int areas_connect(sa::sqlite3* db, void*, int, const char* const*, sa::sqlite3_vtab** out,
                  char** error) {
  return connect_table<Table>(db, "CREATE TABLE x(area_id INTEGER, occurrence_id INTEGER)", out,
                              error);
}

int areas_best_index(sa::sqlite3_vtab*, sa::sqlite3_index_info* info) {
  auto found = equality_on(info, {1, 0});
  info->idxNum = kAllPairs;
  info->estimatedCost = 1e6;
  info->estimatedRows = 1000000;
  if (found) {
    bool by_occurrence = found->first == 0;
    info->idxNum = by_occurrence ? kByOccurrence : kByArea;
    info->estimatedCost = by_occurrence ? 10 : 1e4;
    info->estimatedRows = by_occurrence ? 2 : 2500;
    info->aConstraintUsage[found->second].argvIndex = 1;
  }
  // All the pairs come in (area, occurrence) order.
  bool in_order = info->idxNum == kAllPairs && info->nOrderBy >= 1 && info->nOrderBy <= 2;
  for (int i = 0; i < info->nOrderBy && in_order; ++i)
    in_order = info->aOrderBy[i].iColumn == i && !info->aOrderBy[i].desc;
  if (in_order) info->orderByConsumed = 1;
  return SQLITE_OK;
}

int areas_filter(sa::sqlite3_vtab_cursor* cursor, int plan, const char*, int argc,
                 sa::sqlite3_value** argv) {
  auto* c = static_cast<AreaCursor*>(cursor);
  return guarded(c->pVtab,
                 [&] { c->start(static_cast<AreaPlan>(plan), argc > 0 ? argv[0] : nullptr); });
}

int areas_next(sa::sqlite3_vtab_cursor* cursor) {
  ++static_cast<AreaCursor*>(cursor)->at;
  return SQLITE_OK;
}

int areas_eof(sa::sqlite3_vtab_cursor* cursor) {
  auto* c = static_cast<AreaCursor*>(cursor);
  return c->at >= c->pairs.size() ? 1 : 0;
}

int areas_column(sa::sqlite3_vtab_cursor* cursor, sa::sqlite3_context* context, int index) {
  auto* c = static_cast<AreaCursor*>(cursor);
  const auto& [area, occurrence] = c->pairs[c->at];
  sa::sqlite3_result_int64(context, index == 0 ? area : occurrence);
  return SQLITE_OK;
}

int areas_rowid(sa::sqlite3_vtab_cursor* cursor, sa::sqlite3_int64* rowid) {
  *rowid = static_cast<sa::sqlite3_int64>(static_cast<AreaCursor*>(cursor)->at);
  return SQLITE_OK;
}

// Dropping a table leaves the block tables, which migration 17 owns.
const sa::sqlite3_module kOccurrencesModule = make_module({
    .create = occurrences_connect,
    .connect = occurrences_connect,
    .best_index = occurrences_best_index,
    .disconnect = disconnect_table<Table>,
    .open = open_cursor<OccurrenceCursor>,
    .close = close_cursor<OccurrenceCursor>,
    .filter = occurrences_filter,
    .next = occurrences_next,
    .eof = occurrences_eof,
    .column = occurrences_column,
    .rowid = occurrences_rowid,
});

const sa::sqlite3_module kAreasModule = make_module({
    .create = areas_connect,
    .connect = areas_connect,
    .best_index = areas_best_index,
    .disconnect = disconnect_table<Table>,
    .open = open_cursor<AreaCursor>,
    .close = close_cursor<AreaCursor>,
    .filter = areas_filter,
    .next = areas_next,
    .eof = areas_eof,
    .column = areas_column,
    .rowid = areas_rowid,
});

}  // namespace

void register_occurrence_tables(sa::sqlite3* db) {
  for (auto [name, module] : {std::pair("bsap_occurrences", &kOccurrencesModule),
                              std::pair("bsap_occurrence_areas", &kAreasModule)})
    if (sa::sqlite3_create_module(db, name, module, nullptr) != SQLITE_OK)
      throw StoreError(std::string("registering the hub's record tables: ") +
                       sa::sqlite3_errmsg(db));
}

}  // namespace bsap::store
