// Users, their roles, and their login state. Every change is audited in the same transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/role.h"
#include "store/store.h"

namespace bsap::store {

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string email;
  std::string password_hash;  // argon2id, libsodium's encoded string
  std::vector<Role> roles;
  bool disabled = false;
  int failed_logins = 0;          // consecutive failures since the last success
  std::int64_t locked_until = 0;  // unix seconds; 0 when not locked
  std::string created_at;         // UTC ISO 8601
  // The language of what is sent to the user (notifications, e-mails): "zh-Hant" (the default),
  // "en" or "zh-Hans".
  std::string language = "zh-Hant";
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string email;
  std::string password_hash;
  std::vector<Role> roles;
};

// Throws StoreError when the username is taken (the message says so).
std::int64_t add_user(Transaction& tx, const NewUser& user, std::string_view actor);
std::optional<User> find_user(Transaction& tx, std::int64_t id);
std::optional<User> find_user_by_username(Transaction& tx, std::string_view username);
std::vector<User> list_users(Transaction& tx);
void set_user_disabled(Transaction& tx, std::int64_t id, bool disabled, std::string_view actor);
void set_user_roles(Transaction& tx, std::int64_t id, const std::vector<Role>& roles,
                    std::string_view actor);
// code: "zh-Hant", "en" or "zh-Hans"; StoreError for any other.
void set_user_language(Transaction& tx, std::int64_t user_id, std::string_view code,
                       std::string_view actor);
// Corrects the user's name and e-mail address (guidelines §5.10.3, the Personal Data (Privacy)
// Ordinance's right of correction), audited with both values before and after.
void set_user_particulars(Transaction& tx, std::int64_t id, std::string_view display_name,
                          std::string_view email, std::string_view actor);
void set_password_hash(Transaction& tx, std::int64_t id, const std::string& hash,
                       std::string_view actor);
// Login bookkeeping (audited as "login_failed" / "locked" / "login").
void record_login_failure(Transaction& tx, std::int64_t id, int failed_logins,
                          std::int64_t locked_until);
void record_login_success(Transaction& tx, std::int64_t id);

}  // namespace bsap::store
