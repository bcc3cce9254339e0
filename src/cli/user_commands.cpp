#include <pwd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "core/password.h"
#include "core/role.h"
#include "manage/personal_data_export.h"
#include "store/personal_data_repo.h"
#include "store/store.h"
#include "store/user_repo.h"
#include "store/utc_clock.h"

namespace bsap::cli {
namespace {

constexpr std::size_t kMinPasswordCharacters = 12;

struct AddUserOptions {
  std::string username;
  std::vector<std::string> roles;
  std::string display_name;
  std::string email;
  bool password_stdin = false;
};

[[noreturn]] void fail(ExitCode code, const std::string& message) {
  std::cerr << "bsap: " << message << "\n";
  throw CommandExit{code};
}

std::unique_ptr<store::Store> open_migrated_store(const GlobalOptions& options) {
  auto store = store::open_store(options.db_url);
  store->migrate();
  return store;
}

// The audit log's actor for changes made from this terminal: "cli:<login name>".
std::string operator_name() {
  const passwd* account = getpwuid(geteuid());
  return account != nullptr ? std::string("cli:") + account->pw_name : "cli";
}

std::string valid_role_codes() {
  std::string codes;
  for (Role role : all_roles()) codes += (codes.empty() ? "" : ", ") + std::string(role_code(role));
  return codes;
}

std::vector<Role> parse_roles(const std::vector<std::string>& codes) {
  std::vector<Role> roles;
  for (const std::string& code : codes) {
    auto role = parse_role(code);
    if (!role) fail(kBadInput, "unknown role \"" + code + "\"; valid roles: " + valid_role_codes());
    if (std::find(roles.begin(), roles.end(), *role) == roles.end()) roles.push_back(*role);
  }
  return roles;
}

// Characters, not bytes: a password in Chinese counts each character once (UTF-8 continuation
// bytes are 10xxxxxx).
std::size_t count_characters(std::string_view utf8) {
  return std::count_if(utf8.begin(), utf8.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

// The first line of standard input; never an argument, which other users could see in ps.
std::string read_password() {
  std::string password;
  if (!std::getline(std::cin, password)) fail(kBadInput, "no password on standard input");
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (count_characters(password) < kMinPasswordCharacters)
    fail(kBadInput, "the password is too short: it needs at least " +
                        std::to_string(kMinPasswordCharacters) + " characters");
  return password;
}

void add_user(const GlobalOptions& options, const AddUserOptions& add) {
  if (!add.password_stdin)
    fail(kBadInput, "give the password on standard input with --password-stdin");
  store::NewUser user{add.username, add.display_name, add.email, "", parse_roles(add.roles)};
  user.password_hash = hash_password(read_password());

  auto store = open_migrated_store(options);
  std::int64_t id = 0;
  store::in_transaction(*store, [&](store::Transaction& tx) {
    if (store::find_user_by_username(tx, user.username))
      fail(kBadInput, "a user named \"" + user.username + "\" already exists");
    id = store::add_user(tx, user, operator_name());
  });
  std::cout << "user " << id << " (" << user.username << ") added\n";
}

std::string joined_roles(const std::vector<Role>& roles) {
  std::string joined;
  for (Role role : roles) joined += (joined.empty() ? "" : ",") + std::string(role_code(role));
  return joined;
}

void print_user_table(const std::vector<store::User>& users) {
  std::vector<std::array<std::string, 4>> rows{{"ID", "USERNAME", "ROLES", "DISABLED"}};
  for (const store::User& user : users)
    rows.push_back({std::to_string(user.id), user.username, joined_roles(user.roles),
                    user.disabled ? "yes" : "no"});
  std::array<std::size_t, 4> widths{};
  for (const auto& row : rows)
    for (std::size_t column = 0; column < row.size(); ++column)
      widths[column] = std::max(widths[column], row[column].size());
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      const bool last = column + 1 == row.size();
      std::cout << row[column]
                << (last ? "\n" : std::string(widths[column] - row[column].size() + 2, ' '));
    }
  }
}

void list_users(const GlobalOptions& options) {
  auto store = open_migrated_store(options);
  std::vector<store::User> users;
  store::in_transaction(*store, [&](store::Transaction& tx) { users = store::list_users(tx); });
  print_user_table(users);
}

void set_disabled(const GlobalOptions& options, const std::string& username, bool disabled) {
  auto store = open_migrated_store(options);
  store::in_transaction(*store, [&](store::Transaction& tx) {
    auto user = store::find_user_by_username(tx, username);
    if (!user) fail(kBadInput, "no user named \"" + username + "\"");
    store::set_user_disabled(tx, user->id, disabled, operator_name());
  });
  std::cout << "user " << username << (disabled ? " disabled\n" : " enabled\n");
}

void add_set_disabled_command(CLI::App& user, const GlobalOptions& options, bool disabled) {
  auto username = std::make_shared<std::string>();
  auto* cmd = user.add_subcommand(disabled ? "disable" : "enable",
                                  disabled ? "Stop a user from logging in (nothing is deleted)"
                                           : "Let a disabled user log in again");
  cmd->add_option("USERNAME", *username, "The user's login name")->required();
  cmd->callback([&options, username, disabled] { set_disabled(options, *username, disabled); });
}

// The person's data as JSON on stdout, for the secretariat answering a data access request
// (guidelines §5.10.3, §5.10.4).
void export_personal_data(const GlobalOptions& options, const std::string& username) {
  auto store = open_migrated_store(options);
  std::string document;
  store::in_transaction(*store, [&](store::Transaction& tx) {
    auto user = store::find_user_by_username(tx, username);
    if (!user) fail(kBadInput, "no user named \"" + username + "\"");
    document = manage::personal_data_json(store::personal_data_of(tx, user->id), username,
                                          store::utc_timestamp());
  });
  std::cout << document << "\n";
}

}  // namespace

void add_user_commands(CLI::App& app, const GlobalOptions& options) {
  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);

  auto add = std::make_shared<AddUserOptions>();
  auto* add_cmd = user->add_subcommand("add", "Create a user; the password is read from stdin");
  add_cmd->add_option("USERNAME", add->username, "Login name")->required();
  add_cmd->add_option("--role", add->roles, "A role (repeat for several): " + valid_role_codes())
      ->required();
  add_cmd->add_option("--display-name", add->display_name, "Name shown on pages");
  add_cmd->add_option("--email", add->email, "Contact e-mail address");
  add_cmd->add_flag("--password-stdin", add->password_stdin,
                    "Read the password (at least 12 characters) from the first line of stdin");
  add_cmd->callback([&options, add] { add_user(options, *add); });

  user->add_subcommand("list", "List users with their roles")->callback([&options] {
    list_users(options);
  });
  add_set_disabled_command(*user, options, true);
  add_set_disabled_command(*user, options, false);

  auto exported = std::make_shared<std::string>();
  auto* export_cmd = user->add_subcommand(
      "export", "Print every record that names the user, as JSON (a data access request, §5.10.3)");
  export_cmd->add_option("USERNAME", *exported, "The user's login name")->required();
  export_cmd->callback([&options, exported] { export_personal_data(options, *exported); });
}

}  // namespace bsap::cli
