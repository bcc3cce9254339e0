#include "manage/personal_data_export.h"

#include <nlohmann/json.hpp>

namespace bsap::manage {

std::string personal_data_json(const std::vector<store::PersonalDataRows>& tables,
                               std::string_view username, std::string_view exported_at) {
  nlohmann::ordered_json document;
  document["about"] =
      "Every record bsap holds that names this person, under the Personal Data (Privacy) "
      "Ordinance (Cap. 486) s.18 and DPP 6 (CCFS guidelines §5.10.3). Passwords, session tokens "
      "and file contents are left out; files are listed. To correct a record, change it on your "
      "account page or ask the secretariat (§5.10.4).";
  document["username"] = username;
  document["exported_at"] = exported_at;
  document["tables"] = nlohmann::ordered_json::array();
  for (const store::PersonalDataRows& table : tables) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& values : table.rows) {
      nlohmann::ordered_json row;
      for (std::size_t i = 0; i < values.size() && i < table.columns.size(); ++i)
        row[table.columns[i]] = values[i] ? nlohmann::ordered_json(*values[i]) : nullptr;
      rows.push_back(std::move(row));
    }
    document["tables"].push_back(
        {{"table", table.table}, {"column", table.column}, {"rows", std::move(rows)}});
  }
  return document.dump(2);
}

}  // namespace bsap::manage
