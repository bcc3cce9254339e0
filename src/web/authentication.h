// Signing in with a username and password: argon2id verification, the lock-out rule, and the
// session rotation, with the store's audit records for success, failure and lock-out.
#pragma once
#include <cstdint>
#include <string_view>

#include "web/web_context.h"
#include "web/web_session.h"

namespace bsap::web {

enum class LoginOutcome { signed_in, refused, locked };

struct LoginResult {
  LoginOutcome outcome;
  std::int64_t locked_until = 0;  // unix seconds, when locked
};

// refused never says whether the username exists; locked does, as the visitor must be told
// when to try again.
LoginResult attempt_sign_in(const WebContext& web, WebSession& session, std::string_view username,
                            std::string_view password);

}  // namespace bsap::web
