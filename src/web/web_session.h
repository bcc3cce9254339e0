// The visitor's server-side session for one request: found from the bsap_session cookie,
// created when the visitor first sees a form (it carries the CSRF token), replaced with a new
// token at sign-in (against session fixation), deleted at sign-out, and expired when idle.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/session_repo.h"
#include "store/store.h"
#include "store/user_repo.h"

namespace bsap::web {

inline constexpr std::string_view kSessionCookie = "bsap_session";

struct SessionSettings {
  bool secure_cookies = false;
  std::chrono::seconds idle_timeout = std::chrono::hours(8);
};

class WebSession {
 public:
  // Reads the session named by the request's Cookie header, if it exists and has not expired.
  WebSession(store::Store& store, const SessionSettings& settings, std::string_view cookie_header);

  // The signed-in user; nullopt for a visitor, and for an account disabled since sign-in.
  const std::optional<store::User>& user() const { return user_; }
  // The session's CSRF token; starts an anonymous session first when the visitor has none.
  std::string csrf_token();
  // Compares in constant time, so the response time does not leak the token.
  bool csrf_matches(std::string_view submitted) const;

  // Replaces any current session with a new one for user, in the caller's transaction.
  void sign_in(store::Transaction& tx, const store::User& user);
  // Deletes the session, in the caller's transaction.
  void sign_out(store::Transaction& tx);

  // The Set-Cookie value for the response, when the session cookie changed.
  const std::optional<std::string>& cookie_to_set() const { return cookie_to_set_; }

 private:
  void load(const std::string& token);
  void keep_alive(store::Transaction& tx);
  void start(store::Transaction& tx, std::int64_t user_id);

  store::Store& store_;
  SessionSettings settings_;
  std::optional<store::SessionRecord> record_;
  std::optional<store::User> user_;
  std::optional<std::string> cookie_to_set_;
};

std::int64_t unix_now();

}  // namespace bsap::web
