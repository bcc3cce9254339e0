#include "store/sqlite_statement.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>  // declares SQLite's API in namespace sqlite_api

namespace bsap::store {
namespace {

// SQLITE_STATIC names a type inside SOCI's namespace; this is its value.
const sqlite_api::sqlite3_destructor_type kTextOutlivesStep = nullptr;

sqlite_api::sqlite3* connection_of(Transaction& tx) {
  if (tx.backend() != Backend::sqlite)
    throw StoreError("a SQLite statement on a transaction of another backend");
  auto* backend = static_cast<soci::sqlite3_session_backend*>(tx.sql().get_backend());
  return backend->conn_;
}

}  // namespace

SqliteStatement::SqliteStatement(Transaction& tx, std::string_view sql, std::string doing)
    : db_(connection_of(tx)), doing_(std::move(doing)) {
  int code = sqlite_api::sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                            SQLITE_PREPARE_PERSISTENT, &statement_, nullptr);
  if (code != SQLITE_OK) fail(code);
}

SqliteStatement::~SqliteStatement() { sqlite_api::sqlite3_finalize(statement_); }

void SqliteStatement::bind(int index, std::int64_t value) {
  if (int code = sqlite_api::sqlite3_bind_int64(statement_, index, value); code != SQLITE_OK)
    fail(code);
}

void SqliteStatement::bind(int index, double value) {
  if (int code = sqlite_api::sqlite3_bind_double(statement_, index, value); code != SQLITE_OK)
    fail(code);
}

void SqliteStatement::bind(int index, std::string_view text) {
  int code = sqlite_api::sqlite3_bind_text(statement_, index, text.data(),
                                           static_cast<int>(text.size()), kTextOutlivesStep);
  if (code != SQLITE_OK) fail(code);
}

void SqliteStatement::bind_blob(int index, std::string_view bytes) {
  int code = sqlite_api::sqlite3_bind_blob(statement_, index, bytes.data(),
                                           static_cast<int>(bytes.size()), kTextOutlivesStep);
  if (code != SQLITE_OK) fail(code);
}

void SqliteStatement::bind_null(int index) {
  if (int code = sqlite_api::sqlite3_bind_null(statement_, index); code != SQLITE_OK) fail(code);
}

void SqliteStatement::run() {
  int code = sqlite_api::sqlite3_step(statement_);
  while (code == SQLITE_ROW) code = sqlite_api::sqlite3_step(statement_);
  // reset() repeats the step's error; the step's code is the one to report.
  sqlite_api::sqlite3_reset(statement_);
  if (code != SQLITE_DONE) fail(code);
}

bool SqliteStatement::next_row() {
  int code = sqlite_api::sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  sqlite_api::sqlite3_reset(statement_);
  if (code != SQLITE_DONE) fail(code);
  return false;
}

std::int64_t SqliteStatement::column_int64(int index) const {
  return sqlite_api::sqlite3_column_int64(statement_, index);
}

double SqliteStatement::column_double(int index) const {
  return sqlite_api::sqlite3_column_double(statement_, index);
}

std::string_view SqliteStatement::column_text(int index) const {
  const auto* text = sqlite_api::sqlite3_column_text(statement_, index);
  int size = sqlite_api::sqlite3_column_bytes(statement_, index);
  return text
             ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
             : std::string_view();
}

bool SqliteStatement::column_is_null(int index) const {
  return sqlite_api::sqlite3_column_type(statement_, index) == SQLITE_NULL;
}

std::int64_t SqliteStatement::last_insert_rowid() const {
  return sqlite_api::sqlite3_last_insert_rowid(db_);
}

void SqliteStatement::fail(int code) const {
  throw StoreError(doing_ + ": " + sqlite_api::sqlite3_errstr(code) + " (" +
                   sqlite_api::sqlite3_errmsg(db_) + ")");
}

}  // namespace bsap::store
