// One person's data as a JSON document: the copy that the access right of the Personal Data
// (Privacy) Ordinance gives them (guidelines §5.10.3). Given to the person on their account page
// and to the secretariat, who answers such requests (§5.10.4), by `bsap user export`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "store/personal_data_repo.h"

namespace bsap::manage {

// {"about": …, "username": …, "exported_at": …, "tables": [{"table", "column", "rows": [{…}]}]}
// with each row an object of its columns; NULL as null.
std::string personal_data_json(const std::vector<store::PersonalDataRows>& tables,
                               std::string_view username, std::string_view exported_at);

}  // namespace bsap::manage
