#include "store/migrations.h"

#include "core/audit_chain.h"

namespace bsap::store {
namespace {

// SQLite's AUTOINCREMENT keeps ids of removed rows from coming back, as an identity column does;
// audit records refer to users by id, so an id must never name two users.
constexpr std::string_view kIdentitySqlite = "INTEGER PRIMARY KEY AUTOINCREMENT";
constexpr std::string_view kIdentityPostgres = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

const Migration kUsersSessionsAudit{
    1,
    "users, roles, sessions, audit log",
    {
        R"sql(CREATE TABLE users (
  id {identity},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
))sql",
        R"sql(CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
))sql",
        // user_id is NULL for an anonymous session, which still carries a CSRF token.
        R"sql(CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
))sql",
        "CREATE INDEX sessions_by_expiry ON sessions (expires_at)",
        R"sql(CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
))sql",
        "CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id)",
        // The newest seq and hash, rewritten by every append: it lets verification notice the
        // newest records removed, and its row lock serialises appenders on PostgreSQL.
        R"sql(CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
))sql",
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '{genesis_hash}')",
    },
};

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all{kUsersSessionsAudit};
  return all;
}

std::string render_migration_statement(std::string_view statement, Backend backend) {
  std::string rendered(statement);
  replace_all(rendered, "{identity}",
              backend == Backend::sqlite ? kIdentitySqlite : kIdentityPostgres);
  replace_all(rendered, "{genesis_hash}", genesis_hash());
  return rendered;
}

}  // namespace bsap::store
