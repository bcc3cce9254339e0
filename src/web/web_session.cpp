#include "web/web_session.h"

#include "core/crypto.h"
#include "web/cookies.h"

namespace bsap::web {
namespace {

// An active session's expiry moves forward at most this often, so that a busy visitor costs
// one write every few minutes rather than one per request.
constexpr std::int64_t kRenewAfterSeconds = 5 * 60;
constexpr std::size_t kTokenBytes = 32;

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  return difference == 0;
}

}  // namespace

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

WebSession::WebSession(store::Store& store, const SessionSettings& settings,
                       std::string_view cookie_header)
    : store_(store), settings_(settings) {
  if (auto token = find_cookie(cookie_header, kSessionCookie); token && !token->empty())
    load(*token);
}

void WebSession::load(const std::string& token) {
  auto tx = store_.begin();
  auto record = store::find_session(*tx, sha256_hex(token));
  if (!record || record->expires_at <= unix_now()) return;
  record_ = std::move(record);
  if (record_->user_id != 0) {
    auto user = store::find_user(*tx, record_->user_id);
    if (user && !user->disabled) user_ = std::move(user);
  }
  keep_alive(*tx);
  tx->commit();
}

void WebSession::keep_alive(store::Transaction& tx) {
  std::int64_t renewed_expiry = unix_now() + settings_.idle_timeout.count();
  if (renewed_expiry - record_->expires_at < kRenewAfterSeconds) return;
  // The repository has no update; the same token hash is written back with the new expiry.
  store::delete_session(tx, record_->token_hash);
  record_->expires_at = renewed_expiry;
  store::insert_session(tx, *record_);
}

std::string WebSession::csrf_token() {
  if (!record_) {
    auto tx = store_.begin();
    start(*tx, 0);
    tx->commit();
  }
  return record_->csrf_token;
}

bool WebSession::csrf_matches(std::string_view submitted) const {
  return record_ && !submitted.empty() && constant_time_equal(submitted, record_->csrf_token);
}

void WebSession::sign_in(store::Transaction& tx, const store::User& user) {
  if (record_) store::delete_session(tx, record_->token_hash);
  // Sign-in is rare enough to carry the sweep of other visitors' expired sessions.
  store::delete_expired_sessions(tx, unix_now());
  start(tx, user.id);
  user_ = user;
}

void WebSession::sign_out(store::Transaction& tx) {
  if (record_) store::delete_session(tx, record_->token_hash);
  record_.reset();
  user_.reset();
  cookie_to_set_ =
      session_cookie(kSessionCookie, "", {.secure = settings_.secure_cookies, .expire_now = true});
}

void WebSession::start(store::Transaction& tx, std::int64_t user_id) {
  std::string token = random_token(kTokenBytes);
  std::int64_t now = unix_now();
  record_ = store::SessionRecord{.token_hash = sha256_hex(token),
                                 .user_id = user_id,
                                 .csrf_token = random_token(kTokenBytes),
                                 .created_at = now,
                                 .expires_at = now + settings_.idle_timeout.count()};
  store::insert_session(tx, *record_);
  cookie_to_set_ = session_cookie(kSessionCookie, token, {.secure = settings_.secure_cookies});
}

}  // namespace bsap::web
