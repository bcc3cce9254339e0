#include "store/personal_data_repo.h"

#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "store/catalogue.h"
#include "store/soci_errors.h"
#include "store/user_repo.h"

namespace bsap::store {
namespace {

// Columns never exported: secrets that would let someone act as the person, and file bytes.
constexpr std::array<std::string_view, 5> kWithheldColumns = {"password_hash", "token_hash",
                                                              "csrf_token", "content", "bytes"};

bool withheld(const std::string& column) {
  return std::ranges::find(kWithheldColumns, column) != kWithheldColumns.end();
}

std::string quoted(const std::string& identifier) { return "\"" + identifier + "\""; }

// The rows of table whose `column` equals value (and that meet `also`, a fixed condition), every
// exported column as text. The table and column names come from the catalogue, never from a
// request; the value is bound.
template <typename Value>
PersonalDataRows rows_where(Transaction& tx, const std::string& table, const std::string& column,
                            const Value& value, std::string_view also = "") {
  PersonalDataRows found{table, column, {}, {}};
  std::string select;
  for (const std::string& name : column_names(tx, table)) {
    if (withheld(name)) continue;
    found.columns.push_back(name);
    select += (select.empty() ? "" : ", ") + std::string("CAST(") + quoted(name) + " AS TEXT)";
  }
  const std::string query = "SELECT " + select + " FROM " + quoted(table) + " WHERE " +
                            quoted(column) + " = :value" + std::string(also) + " ORDER BY 1";
  translate_soci_errors("reading " + table, [&] {
    soci::rowset<soci::row> rows = (tx.sql().prepare << query, soci::use(value));
    for (const soci::row& row : rows) {
      std::vector<std::optional<std::string>> values;
      for (std::size_t i = 0; i < row.size(); ++i)
        values.push_back(row.get_indicator(i) == soci::i_null
                             ? std::nullopt
                             : std::optional(row.get<std::string>(i)));
      found.rows.push_back(std::move(values));
    }
  });
  return found;
}

}  // namespace

std::vector<PersonalDataRows> personal_data_of(Transaction& tx, std::int64_t user_id) {
  const auto user = find_user(tx, user_id);
  if (!user) throw StoreError("no user with id " + std::to_string(user_id));
  std::vector<PersonalDataRows> tables;
  auto keep = [&](PersonalDataRows rows) {
    if (!rows.rows.empty()) tables.push_back(std::move(rows));
  };
  keep(rows_where(tx, "users", "id", user_id));
  for (const ColumnReference& reference : references_to(tx, "users"))
    keep(rows_where(tx, reference.table, reference.column, user_id));
  // The audit log names its actors by username and what it changed by entity and id, not by keys
  // (audit_repo.h): what the person did, and what was done to their account.
  keep(rows_where(tx, "audit_log", "actor", user->username));
  keep(rows_where(tx, "audit_log", "entity_id", std::to_string(user_id), " AND entity = 'user'"));
  std::ranges::stable_sort(tables, {}, &PersonalDataRows::table);
  return tables;
}

}  // namespace bsap::store
