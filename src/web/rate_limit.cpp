#include "web/rate_limit.h"

#include <algorithm>
#include <cstdint>

namespace bsap::web {
namespace {

// Beyond this many clients in the table, those with a full budget are swept out before adding
// another.
constexpr std::size_t kSweepAbove = 10'000;

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::string client_address(const ClientSettings& settings, std::string_view peer,
                           std::string_view forwarded_for) {
  if (!settings.trust_forwarded_for) return std::string(peer);
  // Each proxy appends the address it heard from; only the last one was written by ours.
  const auto comma = forwarded_for.rfind(',');
  const std::string_view last =
      trimmed(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
  return std::string(last.empty() ? peer : last);
}

RateLimiter::RateLimiter(RateRule rule) : rule_(rule) {
  if (rule_.per_minute <= 0) return;
  interval_ =
      std::chrono::duration_cast<Clock::duration>(std::chrono::minutes(1)) / rule_.per_minute;
  tolerance_ = interval_ * (rule_.per_minute - 1);
}

void RateLimiter::forget_full_budgets(Clock::time_point now) {
  std::erase_if(full_at_, [&](const auto& entry) { return entry.second <= now; });
}

RateVerdict RateLimiter::take(std::string_view client, Clock::time_point now) {
  if (rule_.per_minute <= 0) return {};
  std::lock_guard lock(mutex_);
  auto found = full_at_.find(std::string(client));
  if (found == full_at_.end()) {
    if (full_at_.size() >= kSweepAbove) forget_full_budgets(now);
    found = full_at_.emplace(std::string(client), now).first;
  }
  Clock::time_point& full_at = found->second;
  const Clock::time_point from = std::max(full_at, now);
  // This request would push the budget's refill beyond what the client may run ahead.
  if (from - now > tolerance_) {
    const auto wait = from - tolerance_ - now;
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(wait).count();
    return {false, static_cast<int>(std::max<std::int64_t>(1, seconds))};
  }
  full_at = from + interval_;
  return {};
}

RateLimiter* RateLimits::for_class(RateClass rate_class) {
  switch (rate_class) {
    case RateClass::sign_in:
      return &sign_in;
    case RateClass::api:
      return &api;
    case RateClass::none:
      return nullptr;
  }
  return nullptr;
}

}  // namespace bsap::web
