#include "store/session_repo.h"

#include <soci/soci.h>

namespace bsap::store {

void insert_session(Transaction& tx, const SessionRecord& session) {
  // An anonymous session (user_id 0) stores NULL, which the foreign key to users admits.
  soci::indicator user_present = session.user_id == 0 ? soci::i_null : soci::i_ok;
  tx.sql() << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
              "VALUES (:token_hash, :user_id, :csrf_token, :created_at, :expires_at)",
      soci::use(session.token_hash), soci::use(session.user_id, user_present),
      soci::use(session.csrf_token), soci::use(session.created_at), soci::use(session.expires_at);
}

std::optional<SessionRecord> find_session(Transaction& tx, const std::string& token_hash) {
  SessionRecord session;
  soci::indicator user_present = soci::i_null;
  tx.sql() << "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
              "WHERE token_hash = :token_hash",
      soci::use(token_hash), soci::into(session.token_hash),
      soci::into(session.user_id, user_present), soci::into(session.csrf_token),
      soci::into(session.created_at), soci::into(session.expires_at);
  if (!tx.sql().got_data()) return std::nullopt;
  if (user_present != soci::i_ok) session.user_id = 0;
  return session;
}

void delete_session(Transaction& tx, const std::string& token_hash) {
  tx.sql() << "DELETE FROM sessions WHERE token_hash = :token_hash", soci::use(token_hash);
}

int delete_expired_sessions(Transaction& tx, std::int64_t now) {
  soci::statement remove =
      (tx.sql().prepare << "DELETE FROM sessions WHERE expires_at <= :now", soci::use(now));
  remove.execute(true);
  return static_cast<int>(remove.get_affected_rows());
}

}  // namespace bsap::store
