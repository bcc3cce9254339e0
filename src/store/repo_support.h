// What the assessment and project repositories share in reading rows and naming actors. Internal
// to store/.
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

// A nullable day column: nullopt when it is NULL.
std::optional<CivilDate> stored_date(const std::string& text, soci::indicator indicator,
                                     std::string_view column);

// A nullable column's value, from the indicator SOCI filled in.
template <typename T>
std::optional<T> present(const T& value, soci::indicator indicator) {
  if (indicator == soci::i_ok) return value;
  return std::nullopt;
}

// A value for a nullable column, bound as soci::use(bound.value, bound.indicator).
template <typename T>
struct Nullable {
  T value{};
  soci::indicator indicator = soci::i_null;
};
template <typename T>
Nullable<T> nullable(const std::optional<T>& value) {
  if (value) return {*value, soci::i_ok};
  return {};
}
// A day for a nullable TEXT column, as ISO text.
Nullable<std::string> nullable_day(const std::optional<CivilDate>& day);

// The username audit records name as the actor; StoreError if there is no such user.
std::string username_of(Transaction& tx, std::int64_t user_id);
// As username_of, or "system" for the scheduled job (no user).
std::string actor_of(Transaction& tx, std::optional<std::int64_t> user_id);
// The SQL expression naming the user joined as `alias` as pages show people: the display name,
// else the username; `none` when the user column was NULL (nothing joined).
std::string shown_user_sql(std::string_view alias, std::string_view none);

// StoreError unless the document exists and is the organisation's: what a record links to is
// shown with that organisation's papers. `what` names the link ("the receipt").
void require_document_of(Transaction& tx, std::int64_t organisation_id, std::int64_t document_id,
                         std::string_view what);

// A code as the state machine and the ruleset write them (looks_like_key), else StoreError
// saying which.
void check_code(std::string_view what, std::string_view code);

}  // namespace bsap::store
