// What project_repo.cpp and ledger_repo.cpp share: the project a write concerns, and its audit
// record (entity "project", id = the application id). Internal to store/.
#pragma once
#include <fmt/format.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/civil_date.h"
#include "store/audit_repo.h"
#include "store/project_repo.h"

namespace bsap::store {

inline ProjectRow require_project(Transaction& tx, std::int64_t application_id) {
  auto project = find_project(tx, application_id);
  if (!project) throw StoreError(fmt::format("application {} has no project", application_id));
  return *project;
}

inline void audit_project(Transaction& tx, const std::string& actor, std::int64_t application_id,
                          std::string action, const nlohmann::json& before,
                          const nlohmann::json& after) {
  append_audit(tx, {actor, "project", std::to_string(application_id), std::move(action),
                    before.dump(), after.dump()});
}

inline nlohmann::json day_or_null(const std::optional<CivilDate>& day) {
  return day ? nlohmann::json(format_iso(*day)) : nlohmann::json(nullptr);
}

template <typename T>
nlohmann::json value_or_null(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace bsap::store
