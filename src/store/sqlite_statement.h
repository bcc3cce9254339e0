// A statement of SQLite's own C API on the connection of a SOCI transaction, for the few bulk
// writes where SOCI's per-row cost dominates (decision 0013): prepared once, bound and stepped per
// row, with no copies of the values. Errors come out as StoreError naming what was being done.
// Everything else in the store goes through SOCI.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "store/store.h"

namespace sqlite_api {
struct sqlite3;
struct sqlite3_stmt;
}  // namespace sqlite_api

namespace bsap::store {

class SqliteStatement {
 public:
  // tx must be a transaction of the SQLite store.
  SqliteStatement(Transaction& tx, std::string_view sql, std::string doing);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are numbered from 1, as in SQLite. Text is not copied: it must outlive step().
  void bind(int index, std::int64_t value);
  void bind(int index, double value);
  void bind(int index, std::string_view text);
  void bind_blob(int index, std::string_view bytes);
  void bind_null(int index);
  // Runs the statement to its end and makes it ready to be bound and run again.
  void run();
  // Steps to the next row of a query: false at its end, when it is ready to be bound and run
  // again. Columns are numbered from 0; text is valid until the next step.
  bool next_row();
  std::int64_t column_int64(int index) const;
  double column_double(int index) const;
  std::string_view column_text(int index) const;
  bool column_is_null(int index) const;
  // The rowid the last INSERT on this connection gave.
  std::int64_t last_insert_rowid() const;

 private:
  [[noreturn]] void fail(int code) const;

  sqlite_api::sqlite3* db_ = nullptr;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
  std::string doing_;
};

}  // namespace bsap::store
