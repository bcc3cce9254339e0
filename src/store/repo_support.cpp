#include "store/repo_support.h"

#include <fmt/format.h>

#include "store/key_format.h"
#include "store/user_repo.h"

namespace bsap::store {

CivilDate stored_date(const std::string& text, std::string_view column) {
  if (auto day = parse_iso_date(text)) return *day;
  throw StoreError(fmt::format("{} holds \"{}\", which is not a day (YYYY-MM-DD)", column, text));
}

std::optional<CivilDate> stored_date(const std::string& text, soci::indicator indicator,
                                     std::string_view column) {
  if (indicator != soci::i_ok) return std::nullopt;
  return stored_date(text, column);
}

Nullable<std::string> nullable_day(const std::optional<CivilDate>& day) {
  if (day) return {format_iso(*day), soci::i_ok};
  return {};
}

std::string username_of(Transaction& tx, std::int64_t user_id) {
  auto user = find_user(tx, user_id);
  if (!user) throw StoreError(fmt::format("no user with id {}", user_id));
  return user->username;
}

std::string actor_of(Transaction& tx, std::optional<std::int64_t> user_id) {
  return user_id ? username_of(tx, *user_id) : "system";
}

std::string shown_user_sql(std::string_view alias, std::string_view none) {
  return fmt::format(
      "CASE WHEN {0}.id IS NULL THEN '{1}' WHEN {0}.display_name = '' THEN {0}.username "
      "ELSE {0}.display_name END",
      alias, none);
}

void require_document_of(Transaction& tx, std::int64_t organisation_id, std::int64_t document_id,
                         std::string_view what) {
  std::int64_t owner = 0;
  tx.sql() << "SELECT organisation_id FROM documents WHERE id = :id", soci::use(document_id),
      soci::into(owner);
  if (!tx.sql().got_data())
    throw StoreError(fmt::format("{}: no document with id {}", what, document_id));
  if (owner != organisation_id)
    throw StoreError(
        fmt::format("{}: document {} belongs to another organisation, not to organisation {}", what,
                    document_id, organisation_id));
}

void check_code(std::string_view what, std::string_view code) {
  if (!looks_like_key(code))
    throw StoreError(
        fmt::format("the {} \"{}\" is not a code (lower-case letters, digits, _)", what, code));
}

}  // namespace bsap::store
