// What the assessment repositories share in reading rows and naming actors. Internal to store/.
#pragma once
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"
#include "store/store.h"

namespace bsap::store {

// A day read back from a TEXT column (YYYY-MM-DD); StoreError naming the column if it is not one.
CivilDate stored_date(const std::string& text, std::string_view column);

// A nullable column's value, from the indicator SOCI filled in.
template <typename T>
std::optional<T> present(const T& value, soci::indicator indicator) {
  if (indicator == soci::i_ok) return value;
  return std::nullopt;
}

// The username audit records name as the actor; StoreError if there is no such user.
std::string username_of(Transaction& tx, std::int64_t user_id);
// As username_of, or "system" for the scheduled job (no user).
std::string actor_of(Transaction& tx, std::optional<std::int64_t> user_id);

// A code as the state machine and the ruleset write them (looks_like_key), else StoreError
// saying which.
void check_code(std::string_view what, std::string_view code);

}  // namespace bsap::store
