// When repeated failed sign-ins lock an account: after 5 consecutive failures, for 15 minutes.
// Pure rules over the user's counters; authentication.cpp stores the result.
#pragma once
#include <cstdint>

namespace bsap::web {

inline constexpr int kFailuresBeforeLock = 5;
inline constexpr std::int64_t kLockSeconds = 15 * 60;

struct LoginCounters {
  int failed_logins = 0;
  std::int64_t locked_until = 0;  // unix seconds; 0 when never locked
};

bool is_locked(const LoginCounters& counters, std::int64_t now);
// The counters after one more failure at now. A lock that has run out starts the count afresh,
// so the first failure after it does not lock the account again at once.
LoginCounters after_failure(const LoginCounters& counters, std::int64_t now);

}  // namespace bsap::web
