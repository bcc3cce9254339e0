// What the database's own catalogue says of its tables: their names, their columns, and which
// columns refer to a table. Read from sqlite_master / pragmas or PostgreSQL's pg_catalogue, so
// that backups, their comparisons and the personal data export see every table, including those
// added after the code that reads them.
#pragma once
#include <string>
#include <vector>

#include "store/store.h"

namespace bsap::store {

// The tables of the database, sorted by name; on PostgreSQL not those an extension owns
// (PostGIS's spatial_ref_sys).
std::vector<std::string> table_names(Transaction& tx);

// The table's columns in their order.
std::vector<std::string> column_names(Transaction& tx, const std::string& table);

struct ColumnReference {
  std::string table;
  std::string column;
};
// Every column of every table with a foreign key to `referenced` (e.g. "users"), by table name.
std::vector<ColumnReference> references_to(Transaction& tx, const std::string& referenced);

}  // namespace bsap::store
