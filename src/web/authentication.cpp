#include "web/authentication.h"

#include "core/password.h"
#include "store/user_repo.h"
#include "web/login_policy.h"

namespace bsap::web {
namespace {

LoginCounters counters_of(const store::User& user) {
  return {user.failed_logins, user.locked_until};
}

std::optional<store::User> find_by_username(store::Store& store, std::string_view username) {
  auto tx = store.begin();
  return store::find_user_by_username(*tx, username);
}

// Records the outcome against the user as stored now: the counters may have moved while the
// password was being checked (a concurrent attempt), and a count must not be lost.
LoginResult record_attempt(store::Store& store, WebSession& session, std::int64_t user_id,
                           bool password_ok, std::int64_t now) {
  auto tx = store.begin();
  auto user = store::find_user(*tx, user_id);
  if (!user) return {LoginOutcome::refused};
  if (is_locked(counters_of(*user), now)) return {LoginOutcome::locked, user->locked_until};
  if (password_ok && !user->disabled) {
    store::record_login_success(*tx, user->id);
    session.sign_in(*tx, *user);
    tx->commit();
    return {LoginOutcome::signed_in};
  }
  LoginCounters counters = after_failure(counters_of(*user), now);
  store::record_login_failure(*tx, user->id, counters.failed_logins, counters.locked_until);
  tx->commit();
  if (is_locked(counters, now)) return {LoginOutcome::locked, counters.locked_until};
  return {LoginOutcome::refused};
}

}  // namespace

LoginResult attempt_sign_in(const WebContext& web, WebSession& session, std::string_view username,
                            std::string_view password) {
  std::int64_t now = unix_now();
  auto user = find_by_username(web.store, username);
  if (user && is_locked(counters_of(*user), now)) return {LoginOutcome::locked, user->locked_until};
  // The slow hash runs outside any transaction, and against the decoy for an unknown name.
  bool password_ok =
      verify_password(user ? user->password_hash : web.decoy_password_hash, password);
  if (!user) return {LoginOutcome::refused};
  return record_attempt(web.store, session, user->id, password_ok, now);
}

}  // namespace bsap::web
