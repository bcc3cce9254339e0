// CivilDate: a calendar day in Asia/Hong_Kong, with no time and no zone inside the core
// (ARCHITECTURE.md principle 3). Deadlines, submission dates and instalment dates are days.
#pragma once
#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bsap {

class CivilDate {
 public:
  // Years 1–9999, the years an ISO 8601 "YYYY-MM-DD" can spell. nullopt for 2026-02-30 etc.
  static std::optional<CivilDate> from_ymd(int year, unsigned month, unsigned day);
  // Days since 1970-01-01 (negative before it); any such day within years 1–9999.
  static CivilDate from_days_since_epoch(std::int64_t days);

  int year() const { return static_cast<int>(ymd_.year()); }
  unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
  unsigned day() const { return static_cast<unsigned>(ymd_.day()); }
  std::int64_t days_since_epoch() const;
  std::chrono::weekday weekday() const;

  CivilDate plus_days(std::int64_t days) const;
  // Calendar months, clamped to the end of the target month: 31 Jan + 1 month = 28 (or 29) Feb,
  // 31 Aug + 1 month = 30 Sep, the way agreements count "one month after".
  CivilDate plus_months(int months) const;

  friend bool operator==(CivilDate, CivilDate) = default;
  friend std::strong_ordering operator<=>(CivilDate a, CivilDate b) {
    return a.days_since_epoch() <=> b.days_since_epoch();
  }

 private:
  explicit CivilDate(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  std::chrono::year_month_day ymd_;
};

// Strict ISO 8601 calendar date "YYYY-MM-DD": exactly 10 characters, a real day.
std::optional<CivilDate> parse_iso_date(std::string_view text);
std::string format_iso(CivilDate date);

// to − from in days: days_between(d, d.plus_days(n)) == n.
std::int64_t days_between(CivilDate from, CivilDate to);

// Hong Kong has kept UTC+8 with no daylight saving since 1979, so the local day is the UTC
// instant moved 8 hours. The clock is a parameter so the core stays pure and testable.
CivilDate today_in_hong_kong(std::chrono::system_clock::time_point now);

}  // namespace bsap
