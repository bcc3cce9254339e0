// Server-side web sessions. The browser holds a random token; the database holds only its
// SHA-256, so a leaked database does not yield live sessions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/store.h"

namespace bsap::store {

struct SessionRecord {
  std::string token_hash;    // hex SHA-256 of the cookie's token
  std::int64_t user_id = 0;  // 0 for an anonymous session (it still carries a CSRF token)
  std::string csrf_token;
  std::int64_t created_at = 0;  // unix seconds
  std::int64_t expires_at = 0;  // unix seconds
};

void insert_session(Transaction& tx, const SessionRecord& session);
std::optional<SessionRecord> find_session(Transaction& tx, const std::string& token_hash);
void delete_session(Transaction& tx, const std::string& token_hash);
// Removes sessions whose expiry has passed; returns how many.
int delete_expired_sessions(Transaction& tx, std::int64_t now);

}  // namespace bsap::store
