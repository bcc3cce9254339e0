// A read-only SQLite virtual table module (sqlite3_module) from the functions it has, for bsap's
// own modules (sqlite_occurrence_tables.h, sqlite_row_source.h). Include only in their .cpp.
#pragma once
#include <soci/sqlite3/soci-sqlite3.h>  // declares SQLite's API in namespace sqlite_api

namespace bsap::store {

// SQLITE_TRANSIENT (a macro of a cast SOCI's namespacing breaks): SQLite copies the value.
inline const sqlite_api::sqlite3_destructor_type kCopyText =
    reinterpret_cast<sqlite_api::sqlite3_destructor_type>(-1);

struct ReadOnlyModule {
  using Vtab = sqlite_api::sqlite3_vtab;
  using Cursor = sqlite_api::sqlite3_vtab_cursor;
  // Null for a module used only as a table-valued function (eponymous only).
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
  m.xDestroy = f.create ? f.disconnect : nullptr;
  m.xOpen = f.open;
  m.xClose = f.close;
  m.xFilter = f.filter;
  m.xNext = f.next;
  m.xEof = f.eof;
  m.xColumn = f.column;
  m.xRowid = f.rowid;
  return m;
}

}  // namespace bsap::store
