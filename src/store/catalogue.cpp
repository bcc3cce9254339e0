#include "store/catalogue.h"

#include <soci/soci.h>

#include "store/soci_errors.h"

namespace bsap::store {
namespace {

std::vector<std::string> strings_of(Transaction& tx, const std::string& what,
                                    const std::string& query) {
  return translate_soci_errors(what, [&] {
    std::vector<std::string> values;
    soci::rowset<std::string> rows = tx.sql().prepare << query;
    for (const std::string& value : rows) values.push_back(value);
    return values;
  });
}

}  // namespace

std::vector<std::string> table_names(Transaction& tx) {
  const char* query =
      tx.backend() == Backend::sqlite
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
          // Not the tables an extension owns (PostGIS's spatial_ref_sys): the extension makes
          // and fills them, in the backup as in the target.
          : "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT EXISTS ("
            "SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
            "AND d.objid = c.oid AND d.deptype = 'e') ORDER BY c.relname";
  return strings_of(tx, "listing the tables", query);
}

std::vector<std::string> column_names(Transaction& tx, const std::string& table) {
  const char* query =
      tx.backend() == Backend::sqlite
          ? "SELECT name FROM pragma_table_info(:t) ORDER BY cid"
          : "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = :t ORDER BY ordinal_position";
  return translate_soci_errors("listing the columns of " + table, [&] {
    std::vector<std::string> names;
    soci::rowset<std::string> rows = (tx.sql().prepare << query, soci::use(table));
    for (const std::string& name : rows) names.push_back(name);
    return names;
  });
}

std::vector<ColumnReference> references_to(Transaction& tx, const std::string& referenced) {
  const char* query =
      tx.backend() == Backend::sqlite
          ? "SELECT m.name, k.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) k "
            "WHERE m.type = 'table' AND k.\"table\" = :r ORDER BY m.name, k.\"from\""
          : "SELECT CAST(t.relname AS TEXT), CAST(a.attname AS TEXT) FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_attribute a "
            "ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) WHERE c.contype = 'f' "
            "AND n.nspname = current_schema() AND r.relname = :r ORDER BY 1, 2";
  return translate_soci_errors("listing the references to " + referenced, [&] {
    std::vector<ColumnReference> references;
    soci::rowset<soci::row> rows = (tx.sql().prepare << query, soci::use(referenced));
    for (const soci::row& row : rows)
      references.push_back({row.get<std::string>(0), row.get<std::string>(1)});
    return references;
  });
}

}  // namespace bsap::store
