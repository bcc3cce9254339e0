#include "store/sqlite_row_source.h"

#include <string>

#include "store/sqlite_module.h"
#include "store/store.h"

namespace bsap::store {
namespace {

namespace sa = sqlite_api;

// The hidden column the rows are passed in, after c0 … c4.
constexpr int kSourceColumn = RowSource::kColumns;

struct Cursor : sa::sqlite3_vtab_cursor {
  const RowSource* rows = nullptr;
  std::size_t at = 0;
};

int connect(sa::sqlite3* db, void*, int, const char* const*, sa::sqlite3_vtab** out, char**) {
  int code = sa::sqlite3_declare_vtab(db, "CREATE TABLE x(c0, c1, c2, c3, c4, source HIDDEN)");
  if (code != SQLITE_OK) return code;
  *out = static_cast<sa::sqlite3_vtab*>(sa::sqlite3_malloc(sizeof(sa::sqlite3_vtab)));
  if (!*out) return SQLITE_NOMEM;
  **out = sa::sqlite3_vtab{};
  return SQLITE_OK;
}

int disconnect(sa::sqlite3_vtab* table) {
  sa::sqlite3_free(table);
  return SQLITE_OK;
}

// The rows are only read with their source given: bsap_rows(?).
int best_index(sa::sqlite3_vtab*, sa::sqlite3_index_info* info) {
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& c = info->aConstraint[i];
    if (c.iColumn != kSourceColumn || c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c.usable) return SQLITE_CONSTRAINT;
    info->aConstraintUsage[i].argvIndex = 1;
    info->aConstraintUsage[i].omit = 1;
    info->estimatedCost = 1e5;
    info->estimatedRows = 100000;
    return SQLITE_OK;
  }
  return SQLITE_CONSTRAINT;
}

int filter(sa::sqlite3_vtab_cursor* cursor, int, const char*, int argc, sa::sqlite3_value** argv) {
  auto* c = static_cast<Cursor*>(cursor);
  c->rows = argc == 1
                ? static_cast<const RowSource*>(sa::sqlite3_value_pointer(argv[0], "bsap_rows"))
                : nullptr;
  c->at = 0;
  return SQLITE_OK;
}

int next(sa::sqlite3_vtab_cursor* cursor) {
  ++static_cast<Cursor*>(cursor)->at;
  return SQLITE_OK;
}

int eof(sa::sqlite3_vtab_cursor* cursor) {
  auto* c = static_cast<Cursor*>(cursor);
  return !c->rows || c->at >= c->rows->size() ? 1 : 0;
}

int column(sa::sqlite3_vtab_cursor* cursor, sa::sqlite3_context* context, int index) {
  auto* c = static_cast<Cursor*>(cursor);
  if (index >= RowSource::kColumns) return sa::sqlite3_result_null(context), SQLITE_OK;
  SqlValue value = c->rows->value(c->at, index);
  if (const auto* integer = std::get_if<std::int64_t>(&value))
    sa::sqlite3_result_int64(context, *integer);
  else if (const auto* real = std::get_if<double>(&value))
    sa::sqlite3_result_double(context, *real);
  else if (const auto* text = std::get_if<std::string_view>(&value))
    sa::sqlite3_result_text(context, text->data(), static_cast<int>(text->size()), kCopyText);
  else
    sa::sqlite3_result_null(context);
  return SQLITE_OK;
}

int rowid(sa::sqlite3_vtab_cursor* cursor, sa::sqlite3_int64* out) {
  *out = static_cast<sa::sqlite3_int64>(static_cast<Cursor*>(cursor)->at);
  return SQLITE_OK;
}

// No create: eponymous only, used as a table-valued function.
const sa::sqlite3_module kModule = make_module({
    .create = nullptr,
    .connect = connect,
    .best_index = best_index,
    .disconnect = disconnect,
    .open = open_cursor<Cursor>,
    .close = close_cursor<Cursor>,
    .filter = filter,
    .next = next,
    .eof = eof,
    .column = column,
    .rowid = rowid,
});

}  // namespace

void register_row_source(sa::sqlite3* db) {
  if (sa::sqlite3_create_module(db, "bsap_rows", &kModule, nullptr) != SQLITE_OK)
    throw StoreError(std::string("registering bsap_rows: ") + sa::sqlite3_errmsg(db));
}

}  // namespace bsap::store
