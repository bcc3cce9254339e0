// The lock-out rule: 5 consecutive failures lock an account for 15 minutes.
#include <gtest/gtest.h>

#include "web/login_policy.h"

namespace bsap::web {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

TEST(LoginPolicy, FourFailuresDoNotLock) {
  LoginCounters counters;
  for (int i = 0; i < 4; ++i) counters = after_failure(counters, kNow);
  EXPECT_EQ(counters.failed_logins, 4);
  EXPECT_FALSE(is_locked(counters, kNow));
}

TEST(LoginPolicy, FifthFailureLocksForFifteenMinutes) {
  LoginCounters counters{4, 0};
  counters = after_failure(counters, kNow);
  EXPECT_TRUE(is_locked(counters, kNow));
  EXPECT_EQ(counters.locked_until, kNow + 15 * 60);
  EXPECT_TRUE(is_locked(counters, kNow + 15 * 60 - 1));
  EXPECT_FALSE(is_locked(counters, kNow + 15 * 60));
}

TEST(LoginPolicy, AFailureAfterTheLockRanOutStartsTheCountAgain) {
  LoginCounters expired{5, kNow - 1};
  LoginCounters counters = after_failure(expired, kNow);
  EXPECT_EQ(counters.failed_logins, 1);
  EXPECT_FALSE(is_locked(counters, kNow));
}

}  // namespace
}  // namespace bsap::web
