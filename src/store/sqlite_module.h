// A read-only SQLite virtual table module (sqlite3_module) from the functions it has, and what
// bsap's own modules share (sqlite_occurrence_tables.h, sqlite_summary_tables.h). Include only in
// their .cpp.
#pragma once
#include <soci/sqlite3/soci-sqlite3.h>  // declares SQLite's API in namespace sqlite_api

#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "store/store.h"

namespace bsap::store {

// SQLITE_TRANSIENT (a macro of a cast SOCI's namespacing breaks): SQLite copies the value.
inline const sqlite_api::sqlite3_destructor_type kCopyText =
    reinterpret_cast<sqlite_api::sqlite3_destructor_type>(-1);

struct ReadOnlyModule {
  using Vtab = sqlite_api::sqlite3_vtab;
  using Cursor = sqlite_api::sqlite3_vtab_cursor;
  int (*create)(sqlite_api::sqlite3*, void*, int, const char* const*, Vtab**, char**);
  int (*connect)(sqlite_api::sqlite3*, void*, int, const char* const*, Vtab**, char**);
  int (*best_index)(Vtab*, sqlite_api::sqlite3_index_info*);
  int (*disconnect)(Vtab*);
  int (*open)(Vtab*, Cursor**);
  int (*close)(Cursor*);
  int (*filter)(Cursor*, int, const char*, int, sqlite_api::sqlite3_value**);
  int (*next)(Cursor*);
  int (*eof)(Cursor*);
  int (*column)(Cursor*, sqlite_api::sqlite3_context*, int);
  int (*rowid)(Cursor*, sqlite_api::sqlite3_int64*);
};

// A module's cursors are objects of a class derived from sqlite3_vtab_cursor.
template <typename Cursor>
int open_cursor(sqlite_api::sqlite3_vtab*, sqlite_api::sqlite3_vtab_cursor** out) {
  *out = new Cursor();
  return SQLITE_OK;
}

template <typename Cursor>
int close_cursor(sqlite_api::sqlite3_vtab_cursor* cursor) {
  delete static_cast<Cursor*>(cursor);
  return SQLITE_OK;
}

// No xUpdate: the table cannot be written. Dropping one disconnects it and removes nothing.
inline sqlite_api::sqlite3_module make_module(const ReadOnlyModule& f) {
  sqlite_api::sqlite3_module m{};
  m.iVersion = 1;
  m.xCreate = f.create;
  m.xConnect = f.connect;
  m.xBestIndex = f.best_index;
  m.xDisconnect = f.disconnect;
  m.xDestroy = f.disconnect;
  m.xOpen = f.open;
  m.xClose = f.close;
  m.xFilter = f.filter;
  m.xNext = f.next;
  m.xEof = f.eof;
  m.xColumn = f.column;
  m.xRowid = f.rowid;
  return m;
}

// A statement of a module's own on the connection, prepared once and reset after each use. `what`
// opens its error messages ("reading the hub's records").
class ModuleStatement {
 public:
  ModuleStatement(sqlite_api::sqlite3* db, const char* sql, const char* what)
      : db_(db), what_(what) {
    if (sqlite_api::sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement_,
                                       nullptr) != SQLITE_OK)
      throw StoreError(what_ + ": " + sqlite_api::sqlite3_errmsg(db));
  }
  ~ModuleStatement() { sqlite_api::sqlite3_finalize(statement_); }
  ModuleStatement(const ModuleStatement&) = delete;
  ModuleStatement& operator=(const ModuleStatement&) = delete;

  ModuleStatement& bind(int index, std::int64_t value) {
    sqlite_api::sqlite3_bind_int64(statement_, index, value);
    return *this;
  }
  ModuleStatement& bind(int index, sqlite_api::sqlite3_value* value) {
    sqlite_api::sqlite3_bind_value(statement_, index, value);
    return *this;
  }
  // Calls row() for each row, then resets the statement.
  void each_row(const std::function<void(sqlite_api::sqlite3_stmt*)>& row) {
    int code = SQLITE_ROW;
    while ((code = sqlite_api::sqlite3_step(statement_)) == SQLITE_ROW) row(statement_);
    sqlite_api::sqlite3_reset(statement_);
    if (code != SQLITE_DONE) throw StoreError(what_ + ": " + sqlite_api::sqlite3_errmsg(db_));
  }

 private:
  sqlite_api::sqlite3* db_;
  std::string what_;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
};

// A module's statement, prepared on first use into its slot.
inline ModuleStatement& prepared(std::unique_ptr<ModuleStatement>& slot, sqlite_api::sqlite3* db,
                                 const char* sql, const char* what) {
  if (!slot) slot = std::make_unique<ModuleStatement>(db, sql, what);
  return *slot;
}

inline std::string blob_of(sqlite_api::sqlite3_stmt* st, int column) {
  const void* data = sqlite_api::sqlite3_column_blob(st, column);
  return std::string(static_cast<const char*>(data),
                     static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(st, column)));
}

// Runs a callback's body; an exception becomes the table's error message and SQLITE_ERROR.
template <typename Body>
int guarded(sqlite_api::sqlite3_vtab* table, Body body) {
  try {
    body();
    return SQLITE_OK;
  } catch (const std::exception& e) {
    sqlite_api::sqlite3_free(table->zErrMsg);
    table->zErrMsg = sqlite_api::sqlite3_mprintf("%s", e.what());
    return SQLITE_ERROR;
  }
}

// Declares the table's columns by `schema` ("CREATE TABLE x(…)") and makes its Table, which is
// constructed from the connection.
template <typename Table>
int connect_table(sqlite_api::sqlite3* db, const char* schema, sqlite_api::sqlite3_vtab** out,
                  char** error) {
  int code = sqlite_api::sqlite3_declare_vtab(db, schema);
  if (code != SQLITE_OK) {
    *error = sqlite_api::sqlite3_mprintf("%s", sqlite_api::sqlite3_errmsg(db));
    return code;
  }
  *out = new Table(db);
  return SQLITE_OK;
}

template <typename Table>
int disconnect_table(sqlite_api::sqlite3_vtab* table) {
  delete static_cast<Table*>(table);
  return SQLITE_OK;
}

// The usable equality constraint on the first of `columns` that has one, in the order given:
// its position in `columns`, and the constraint's. SQLite checks every constraint again itself
// (omit stays 0), so a plan needs only to find no fewer rows than the constraints allow.
inline std::optional<std::pair<std::size_t, int>> equality_on(
    const sqlite_api::sqlite3_index_info* info, std::initializer_list<int> columns) {
  std::size_t rank = 0;
  for (int column : columns) {
    for (int i = 0; i < info->nConstraint; ++i) {
      const auto& c = info->aConstraint[i];
      if (c.usable && c.iColumn == column && c.op == SQLITE_INDEX_CONSTRAINT_EQ)
        return std::pair(rank, i);
    }
    ++rank;
  }
  return std::nullopt;
}

}  // namespace bsap::store
