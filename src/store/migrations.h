// The schema, as numbered migrations embedded in the program and applied in order at start
// (Store::migrate). One list serves both backends; the few words that differ between SQLite and
// PostgreSQL are written as placeholders and filled in by render_migration_statement, and the
// rare change that needs different statements adds them to one backend's own list.
//
// Conventions shared by every table:
// - Timestamps that people read (created_at, audit_log.at, applied_at) are TEXT, ISO 8601 UTC
//   with milliseconds and a Z ("2026-11-22T13:05:09.123Z"): they read the same in both backends
//   and sort correctly as text. Instants the code compares with the clock (expires_at,
//   locked_until) are BIGINT Unix seconds, so the comparison is arithmetic in SQL.
// - Flags are INTEGER 0/1 with a CHECK, since SQLite has no BOOLEAN and the same C++ reads both.
// - Identifiers are BIGINT; text is TEXT (UTF-8).
//
// A released migration is never edited; a change to the schema is a new migration.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace bsap::store {

struct Migration {
  int version;
  std::string_view name;
  // Executed in order, in one transaction. One SQL statement each: SQLite runs one at a time.
  std::vector<std::string_view> statements;
  // Executed after `statements`, in the same transaction, on one backend only: for the rare
  // change whose SQL differs by more than a placeholder (SQLite cannot drop a NOT NULL or add a
  // CHECK to an existing table, and rebuilds it instead).
  std::vector<std::string_view> sqlite_statements{};
  std::vector<std::string_view> postgres_statements{};
  // Run last, in the same transaction: data that SQL alone cannot derive from what the database
  // holds (a packed list in a program's format). Null for nearly every migration.
  void (*fill)(Transaction& tx) = nullptr;
};

// Every migration, by version, starting at 1 with no gaps.
const std::vector<Migration>& migrations();

// The statements migration runs on backend, in order, rendered (render_migration_statement).
std::vector<std::string> migration_statements(const Migration& migration, Backend backend);

// The statement with its dialect placeholders filled for backend:
//   {identity}      a BIGINT primary key the database assigns, never reused;
//   {genesis_hash}  the prev_hash of the first audit record (core/audit_chain.h);
//   {blob}          bytes: BLOB on SQLite, BYTEA on PostgreSQL.
std::string render_migration_statement(std::string_view statement, Backend backend);

}  // namespace bsap::store
