#include "store/user_repo.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

Role role_from_code(const std::string& code, std::int64_t user_id) {
  if (auto role = parse_role(code)) return *role;
  throw StoreError("user " + std::to_string(user_id) + " has an unknown role \"" + code +
                   "\" in the database; is a newer bsap writing to it?");
}

// The users selected by `condition` ("WHERE ...", or "" for all), in id order, without roles.
// `uses` are the condition's soci::use(...) parameters; the fold `((prepare << query), ..., uses)`
// binds them in turn.
template <typename... Uses>
std::vector<User> select_user_rows(Transaction& tx, const std::string& condition, Uses... uses) {
  User row;
  int disabled = 0;
  const std::string query =
      "SELECT id, username, display_name, email, password_hash, disabled, failed_logins, "
      "locked_until, created_at, language FROM users " +
      condition + " ORDER BY id";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id), soci::into(row.username),
       soci::into(row.display_name), soci::into(row.email), soci::into(row.password_hash),
       soci::into(disabled), soci::into(row.failed_logins), soci::into(row.locked_until),
       soci::into(row.created_at), soci::into(row.language));
  select.execute();
  std::vector<User> users;
  while (select.fetch()) {
    row.disabled = disabled != 0;
    users.push_back(row);
  }
  return users;
}

// Fills in the roles of users, selected by the same condition, in the order of all_roles().
template <typename... Uses>
void attach_roles(Transaction& tx, std::vector<User>& users, const std::string& condition,
                  Uses... uses) {
  std::map<std::int64_t, User*> by_id;
  for (User& user : users) by_id[user.id] = &user;
  std::int64_t user_id = 0;
  std::string code;
  const std::string query =
      "SELECT user_id, role FROM user_roles WHERE user_id IN (SELECT id FROM users " + condition +
      ")";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(user_id), soci::into(code));
  select.execute();
  while (select.fetch()) {
    // On PostgreSQL (READ COMMITTED) a user committed between the two queries may show up here.
    if (auto found = by_id.find(user_id); found != by_id.end())
      found->second->roles.push_back(role_from_code(code, user_id));
  }
  for (User& user : users) std::sort(user.roles.begin(), user.roles.end());
}

template <typename... Uses>
std::vector<User> select_users(Transaction& tx, const std::string& condition, Uses... uses) {
  auto users = select_user_rows(tx, condition, uses...);
  attach_roles(tx, users, condition, uses...);
  return users;
}

std::optional<User> first(std::vector<User> users) {
  if (users.empty()) return std::nullopt;
  return std::move(users.front());
}

User require_user(Transaction& tx, std::int64_t id) {
  auto user = find_user(tx, id);
  if (!user) throw StoreError("no user with id " + std::to_string(id));
  return *user;
}

json role_codes(const std::vector<Role>& roles) {
  json codes = json::array();
  for (Role role : roles) codes.push_back(role_code(role));
  return codes;
}

void insert_roles(Transaction& tx, std::int64_t user_id, const std::vector<Role>& roles) {
  for (Role role : roles) {
    const std::string code(role_code(role));
    tx.sql() << "INSERT INTO user_roles (user_id, role) VALUES (:user_id, :role)",
        soci::use(user_id), soci::use(code);
  }
}

void audit_user_change(Transaction& tx, std::int64_t id, std::string_view actor, std::string action,
                       const json& before, const json& after) {
  append_audit(tx, {std::string(actor), "user", std::to_string(id), std::move(action),
                    before.dump(), after.dump()});
}

json login_state(const User& user) {
  return {{"failed_logins", user.failed_logins}, {"locked_until", user.locked_until}};
}

}  // namespace

std::int64_t add_user(Transaction& tx, const NewUser& user, std::string_view actor) {
  const std::string created_at = utc_timestamp();
  std::int64_t id = 0;
  // ON CONFLICT rather than a lookup first: two sessions adding the same name at once cannot
  // both pass, and the loser is told plainly instead of by a constraint error.
  tx.sql() << "INSERT INTO users (username, display_name, email, password_hash, created_at) "
              "VALUES (:username, :display_name, :email, :password_hash, :created_at) "
              "ON CONFLICT (username) DO NOTHING RETURNING id",
      soci::use(user.username), soci::use(user.display_name), soci::use(user.email),
      soci::use(user.password_hash), soci::use(created_at), soci::into(id);
  if (!tx.sql().got_data())
    throw StoreError("the username \"" + user.username + "\" is already taken");
  insert_roles(tx, id, user.roles);

  // The password hash stays out of the audit log: the log is read more widely than users.
  const json after = {{"username", user.username},
                      {"display_name", user.display_name},
                      {"email", user.email},
                      {"roles", role_codes(user.roles)},
                      {"disabled", false}};
  audit_user_change(tx, id, actor, "create", nullptr, after);
  return id;
}

std::optional<User> find_user(Transaction& tx, std::int64_t id) {
  return first(select_users(tx, "WHERE id = :id", soci::use(id)));
}

std::optional<User> find_user_by_username(Transaction& tx, std::string_view username) {
  const std::string name(username);
  return first(select_users(tx, "WHERE username = :username", soci::use(name)));
}

std::vector<User> list_users(Transaction& tx) { return select_users(tx, ""); }

void set_user_disabled(Transaction& tx, std::int64_t id, bool disabled, std::string_view actor) {
  const User before = require_user(tx, id);
  const int flag = disabled ? 1 : 0;
  tx.sql() << "UPDATE users SET disabled = :disabled WHERE id = :id", soci::use(flag),
      soci::use(id);
  audit_user_change(tx, id, actor, disabled ? "disable" : "enable", {{"disabled", before.disabled}},
                    {{"disabled", disabled}});
}

void set_user_roles(Transaction& tx, std::int64_t id, const std::vector<Role>& roles,
                    std::string_view actor) {
  const User before = require_user(tx, id);
  tx.sql() << "DELETE FROM user_roles WHERE user_id = :id", soci::use(id);
  insert_roles(tx, id, roles);
  audit_user_change(tx, id, actor, "set_roles", {{"roles", role_codes(before.roles)}},
                    {{"roles", role_codes(roles)}});
}

void set_user_language(Transaction& tx, std::int64_t user_id, std::string_view code,
                       std::string_view actor) {
  constexpr std::string_view kLanguages[] = {"zh-Hant", "en", "zh-Hans"};
  if (std::find(std::begin(kLanguages), std::end(kLanguages), code) == std::end(kLanguages))
    throw StoreError("\"" + std::string(code) +
                     "\" is not a language bsap writes in; use zh-Hant, en or zh-Hans");
  const User before = require_user(tx, user_id);
  const std::string language(code);
  tx.sql() << "UPDATE users SET language = :language WHERE id = :id", soci::use(language),
      soci::use(user_id);
  audit_user_change(tx, user_id, actor, "set_language", {{"language", before.language}},
                    {{"language", language}});
}

void set_user_particulars(Transaction& tx, std::int64_t id, std::string_view display_name,
                          std::string_view email, std::string_view actor) {
  const User before = require_user(tx, id);
  const std::string name(display_name), address(email);
  tx.sql() << "UPDATE users SET display_name = :name, email = :email WHERE id = :id",
      soci::use(name), soci::use(address), soci::use(id);
  audit_user_change(tx, id, actor, "correct_particulars",
                    {{"display_name", before.display_name}, {"email", before.email}},
                    {{"display_name", name}, {"email", address}});
}

void set_password_hash(Transaction& tx, std::int64_t id, const std::string& hash,
                       std::string_view actor) {
  require_user(tx, id);
  tx.sql() << "UPDATE users SET password_hash = :hash WHERE id = :id", soci::use(hash),
      soci::use(id);
  // That it changed is the fact worth keeping; the hashes themselves stay out of the log.
  audit_user_change(tx, id, actor, "set_password", nullptr, {{"password", "changed"}});
}

void record_login_failure(Transaction& tx, std::int64_t id, int failed_logins,
                          std::int64_t locked_until) {
  const User before = require_user(tx, id);
  tx.sql() << "UPDATE users SET failed_logins = :failed_logins, locked_until = :locked_until "
              "WHERE id = :id",
      soci::use(failed_logins), soci::use(locked_until), soci::use(id);
  User after = before;
  after.failed_logins = failed_logins;
  after.locked_until = locked_until;
  // Whoever failed to log in is unknown, so the actor is not the account's owner.
  audit_user_change(tx, id, "anonymous", locked_until > 0 ? "locked" : "login_failed",
                    login_state(before), login_state(after));
}

void record_login_success(Transaction& tx, std::int64_t id) {
  const User before = require_user(tx, id);
  tx.sql() << "UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = :id", soci::use(id);
  User after = before;
  after.failed_logins = 0;
  after.locked_until = 0;
  audit_user_change(tx, id, before.username, "login", login_state(before), login_state(after));
}

}  // namespace bsap::store
