// Per-client request budgets (docs/security.md "Rate limits"): a token bucket for each client
// address, refilled continuously. Sign-in and registration posts have a small budget, so that a
// client cannot try passwords across many accounts (the per-account lock of login_policy.h stops
// only one account's guessing); the JSON API a larger one, so that one program cannot crowd out
// everyone else. Pure apart from its mutex: the caller passes the time.
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "web/rate_class.h"

namespace bsap::web {

// What a client may send: `per_minute` on average, and as many at once after a quiet minute.
// 0 switches the limit off.
struct RateRule {
  int per_minute = 0;
};

struct RateSettings {
  RateRule sign_in{10};
  RateRule api{600};
};

// How the server tells clients apart, and their budgets.
struct ClientSettings {
  RateSettings rates;
  // Behind a reverse proxy every connection comes from the proxy, so the client is the last
  // address of the X-Forwarded-For header the proxy appends to. Off by default: without a proxy
  // that header is whatever the client chose to send.
  bool trust_forwarded_for = false;
};

// The address that stands for the client: peer, or under trust_forwarded_for the last entry of
// X-Forwarded-For when there is one.
std::string client_address(const ClientSettings& settings, std::string_view peer,
                           std::string_view forwarded_for);

struct RateVerdict {
  bool allowed = true;
  int retry_after_seconds = 0;  // when refused: the whole seconds until one request is allowed
};

// The bucket is kept as its "theoretical arrival time" (the generic cell rate algorithm): the
// moment the client's budget would be full again. Whole clock ticks, so no rounding lets a
// request in early or keeps one out late.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(RateRule rule);

  // Takes one request from client's budget at `now`, or says how long to wait.
  RateVerdict take(std::string_view client, Clock::time_point now);

 private:
  // Drops the clients whose budget is full again: they say nothing a new entry would not, and a
  // stream of clients must not grow the table without end.
  void forget_full_budgets(Clock::time_point now);

  RateRule rule_;
  Clock::duration interval_{};   // the time one request's share takes to come back
  Clock::duration tolerance_{};  // how far ahead of now the budget may be spent
  std::mutex mutex_;
  std::unordered_map<std::string, Clock::time_point> full_at_;
};

// The two budgets of a running server.
struct RateLimits {
  explicit RateLimits(const RateSettings& settings)
      : sign_in(settings.sign_in), api(settings.api) {}
  RateLimiter sign_in;
  RateLimiter api;

  // The budget for a class of request; nullptr for RateClass::none.
  RateLimiter* for_class(RateClass rate_class);
};

}  // namespace bsap::web
