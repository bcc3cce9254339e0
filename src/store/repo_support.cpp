#include "store/repo_support.h"

#include <fmt/format.h>

#include "store/key_format.h"
#include "store/user_repo.h"

namespace bsap::store {

CivilDate stored_date(const std::string& text, std::string_view column) {
  if (auto day = parse_iso_date(text)) return *day;
  throw StoreError(fmt::format("{} holds \"{}\", which is not a day (YYYY-MM-DD)", column, text));
}

std::string username_of(Transaction& tx, std::int64_t user_id) {
  auto user = find_user(tx, user_id);
  if (!user) throw StoreError(fmt::format("no user with id {}", user_id));
  return user->username;
}

std::string actor_of(Transaction& tx, std::optional<std::int64_t> user_id) {
  return user_id ? username_of(tx, *user_id) : "system";
}

void check_code(std::string_view what, std::string_view code) {
  if (!looks_like_key(code))
    throw StoreError(
        fmt::format("the {} \"{}\" is not a code (lower-case letters, digits, _)", what, code));
}

}  // namespace bsap::store
