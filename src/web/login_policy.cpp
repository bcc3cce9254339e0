#include "web/login_policy.h"

namespace bsap::web {

bool is_locked(const LoginCounters& counters, std::int64_t now) {
  return counters.locked_until > now;
}

LoginCounters after_failure(const LoginCounters& counters, std::int64_t now) {
  bool lock_ran_out = counters.locked_until != 0 && counters.locked_until <= now;
  int failures = (lock_ran_out ? 0 : counters.failed_logins) + 1;
  return {failures, failures >= kFailuresBeforeLock ? now + kLockSeconds : 0};
}

}  // namespace bsap::web
