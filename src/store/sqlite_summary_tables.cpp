#include "store/sqlite_summary_tables.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/area_species.h"
#include "store/cell_taxa_list.h"
#include "store/sqlite_module.h"

namespace bsap::store {
namespace {

namespace sa = sqlite_api;

// ---- what each table is ---------------------------------------------------------------------

// bio_area_taxa: the rows of each area's packed species list.
struct AreaTaxa {
  using Key = std::int64_t;
  using Row = AreaSpecies;
  static constexpr const char* kSchema =
      "CREATE TABLE x(area_id INTEGER, taxon_id INTEGER, records INTEGER, first_date TEXT, "
      "last_date TEXT, scientific_name TEXT, name_zh TEXT, name_en TEXT, iucn_category TEXT, "
      "establishment TEXT, sensitivity INTEGER)";
  static constexpr const char* kAll =
      "SELECT area_id, species FROM bio_area_species_lists ORDER BY area_id";
  static constexpr const char* kOne =
      "SELECT area_id, species FROM bio_area_species_lists WHERE area_id = ?";
  static constexpr const char* kWhat = "reading the species of areas";
  static constexpr int kOrderedColumns = 1;  // a list's rows are in name order, not by taxon

  static Key key(sa::sqlite3_stmt* st) { return sa::sqlite3_column_int64(st, 0); }
  static std::string name(Key area) { return "the species list of area " + std::to_string(area); }
  static std::vector<Row> unpack(std::string_view packed) { return unpack_area_species(packed); }

  static void result(sa::sqlite3_context* context, Key area, const Row& row, int column) {
    auto text = [context](const std::string& value) {
      sa::sqlite3_result_text(context, value.data(), static_cast<int>(value.size()), kCopyText);
    };
    auto date = [&](const std::string& value) {  // "" in a list: no record had a date
      if (value.empty()) return sa::sqlite3_result_null(context);
      text(value);
    };
    switch (column) {
      case 0:
        return sa::sqlite3_result_int64(context, area);
      case 1:
        return sa::sqlite3_result_int64(context, row.taxon_id);
      case 2:
        return sa::sqlite3_result_int64(context, row.records);
      case 3:
        return date(row.first_date);
      case 4:
        return date(row.last_date);
      case 5:
        return text(row.scientific_name);
      case 6:
        return text(row.name_zh);
      case 7:
        return text(row.name_en);
      case 8:
        return text(row.iucn_category);
      case 9:
        return text(row.establishment);
      default:
        return sa::sqlite3_result_int64(context, row.sensitivity);
    }
  }
};

// bio_cell_taxa: the rows of each 1 km square's packed list of taxa.
struct CellTaxa {
  using Key = std::string;
  using Row = TaxonRecords;
  static constexpr const char* kSchema =
      "CREATE TABLE x(grid_cell TEXT, taxon_id INTEGER, records INTEGER)";
  static constexpr const char* kAll =
      "SELECT grid_cell, taxa FROM bio_cell_taxon_lists ORDER BY grid_cell";
  static constexpr const char* kOne =
      "SELECT grid_cell, taxa FROM bio_cell_taxon_lists WHERE grid_cell = ?";
  static constexpr const char* kWhat = "reading the species of 1 km squares";
  static constexpr int kOrderedColumns = 2;  // by square, then by taxon

  static Key key(sa::sqlite3_stmt* st) {
    return std::string(reinterpret_cast<const char*>(sa::sqlite3_column_text(st, 0)),
                       static_cast<std::size_t>(sa::sqlite3_column_bytes(st, 0)));
  }
  static std::string name(const Key& cell) { return "the species of square " + cell; }
  static std::vector<Row> unpack(std::string_view packed) { return unpack_cell_taxa(packed); }

  static void result(sa::sqlite3_context* context, const Key& cell, const Row& row, int column) {
    if (column == 0)
      return sa::sqlite3_result_text(context, cell.data(), static_cast<int>(cell.size()),
                                     kCopyText);
    sa::sqlite3_result_int64(context, column == 1 ? row.taxon_id : row.records);
  }
};

// ---- a table of lists -----------------------------------------------------------------------

struct ListTable : sa::sqlite3_vtab {
  explicit ListTable(sa::sqlite3* connection) : db(connection) {}
  sa::sqlite3* db;
  std::unique_ptr<ModuleStatement> all, one;
};

enum ListPlan { kEveryList = 0, kOneList };

// The lists a plan reads are read packed at its start, and unpacked one at a time.
template <typename Kind>
struct ListCursor : sa::sqlite3_vtab_cursor {
  ListTable& table() { return *static_cast<ListTable*>(pVtab); }

  std::vector<std::pair<typename Kind::Key, std::string>> lists;
  std::size_t next_list = 0;
  typename Kind::Key key{};
  std::vector<typename Kind::Row> rows;  // of the list last unpacked
  std::size_t at_row = 0;
  sa::sqlite3_int64 row_number = 0;

  void start(ListPlan plan, sa::sqlite3_value* value) {
    lists.clear(), rows.clear();
    next_list = 0, at_row = 0, row_number = 0;
    if (plan == kOneList && sa::sqlite3_value_type(value) == SQLITE_NULL) return;  // none
    ModuleStatement& st = plan == kOneList
                              ? prepared(table().one, table().db, Kind::kOne, Kind::kWhat)
                              : prepared(table().all, table().db, Kind::kAll, Kind::kWhat);
    if (plan == kOneList) st.bind(1, value);
    st.each_row(
        [&](sa::sqlite3_stmt* row) { lists.emplace_back(Kind::key(row), blob_of(row, 1)); });
    settle();
  }

  // Unpacks lists until one has a row left to read, or none is left.
  void settle() {
    while (at_row >= rows.size() && next_list < lists.size()) {
      auto& [list_key, packed] = lists[next_list++];
      try {
        rows = Kind::unpack(packed);
      } catch (const std::invalid_argument& e) {
        throw StoreError(Kind::name(list_key) + " is damaged: " + e.what());
      }
      key = list_key, at_row = 0;
    }
  }

  void next() {
    ++at_row, ++row_number;
    settle();
  }

  bool eof() const { return at_row >= rows.size(); }
};

template <typename Kind>
int list_connect(sa::sqlite3* db, void*, int, const char* const*, sa::sqlite3_vtab** out,
                 char** error) {
  return connect_table<ListTable>(db, Kind::kSchema, out, error);
}

template <typename Kind>
int list_best_index(sa::sqlite3_vtab*, sa::sqlite3_index_info* info) {
  info->idxNum = kEveryList;
  info->estimatedCost = 1e5;
  info->estimatedRows = 100000;
  if (auto found = equality_on(info, {0})) {
    info->idxNum = kOneList;
    info->estimatedCost = 10;
    info->estimatedRows = 1000;
    info->aConstraintUsage[found->second].argvIndex = 1;
  }
  // Every list in key order; an ORDER BY of the columns the rows come in is no sort.
  bool in_order =
      info->idxNum == kEveryList && info->nOrderBy >= 1 && info->nOrderBy <= Kind::kOrderedColumns;
  for (int i = 0; i < info->nOrderBy && in_order; ++i)
    in_order = info->aOrderBy[i].iColumn == i && !info->aOrderBy[i].desc;
  if (in_order) info->orderByConsumed = 1;
  return SQLITE_OK;
}

template <typename Kind>
int list_filter(sa::sqlite3_vtab_cursor* cursor, int plan, const char*, int argc,
                sa::sqlite3_value** argv) {
  auto* c = static_cast<ListCursor<Kind>*>(cursor);
  return guarded(c->pVtab,
                 [&] { c->start(static_cast<ListPlan>(plan), argc > 0 ? argv[0] : nullptr); });
}

template <typename Kind>
int list_next(sa::sqlite3_vtab_cursor* cursor) {
  auto* c = static_cast<ListCursor<Kind>*>(cursor);
  return guarded(c->pVtab, [&] { c->next(); });
}

template <typename Kind>
int list_eof(sa::sqlite3_vtab_cursor* cursor) {
  return static_cast<ListCursor<Kind>*>(cursor)->eof() ? 1 : 0;
}

template <typename Kind>
int list_column(sa::sqlite3_vtab_cursor* cursor, sa::sqlite3_context* context, int column) {
  auto* c = static_cast<ListCursor<Kind>*>(cursor);
  Kind::result(context, c->key, c->rows[c->at_row], column);
  return SQLITE_OK;
}

template <typename Kind>
int list_rowid(sa::sqlite3_vtab_cursor* cursor, sa::sqlite3_int64* rowid) {
  *rowid = static_cast<ListCursor<Kind>*>(cursor)->row_number;
  return SQLITE_OK;
}

// Dropping a table leaves the lists, which migrations 16 and 18 own.
template <typename Kind>
const sa::sqlite3_module kListModule = make_module({
    .create = list_connect<Kind>,
    .connect = list_connect<Kind>,
    .best_index = list_best_index<Kind>,
    .disconnect = disconnect_table<ListTable>,
    .open = open_cursor<ListCursor<Kind>>,
    .close = close_cursor<ListCursor<Kind>>,
    .filter = list_filter<Kind>,
    .next = list_next<Kind>,
    .eof = list_eof<Kind>,
    .column = list_column<Kind>,
    .rowid = list_rowid<Kind>,
});

}  // namespace

void register_summary_tables(sa::sqlite3* db) {
  for (auto [name, module] : {std::pair("bsap_area_taxa", &kListModule<AreaTaxa>),
                              std::pair("bsap_cell_taxa", &kListModule<CellTaxa>)})
    if (sa::sqlite3_create_module(db, name, module, nullptr) != SQLITE_OK)
      throw StoreError(std::string("registering the hub's summary tables: ") +
                       sa::sqlite3_errmsg(db));
}

}  // namespace bsap::store
