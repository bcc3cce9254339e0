// Everything the database holds that names one person, for the access right of the Personal Data
// (Privacy) Ordinance (s.18, Data Protection Principle 6) that the guidelines' §5.10.3 repeat:
// their account, every row of every table that refers to them, and the audit records of what they
// did. The tables are found through the catalogue's foreign keys to users, so a table added
// later is exported without a change here. Secrets (the password hash, session tokens) and file
// contents are left out: a file is listed by name, type, size and hash, and its owner downloads it
// where they uploaded it. docs/privacy.md lists what each table holds and who reads it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace bsap::store {

// The rows of one table that refer to the person through one column.
struct PersonalDataRows {
  std::string table;
  std::string column;  // the column naming the person (audit_log: actor, or entity_id for a user)
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt for NULL
};

// Table by table, in name order; a table with no row for the person is left out.
std::vector<PersonalDataRows> personal_data_of(Transaction& tx, std::int64_t user_id);

}  // namespace bsap::store
