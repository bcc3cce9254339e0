#include "core/civil_date.h"

#include <algorithm>
#include <stdexcept>

namespace bsap {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr int kFirstYear = 1;
constexpr int kLastYear = 9999;
constexpr std::chrono::hours kHongKongUtcOffset{8};

// Arithmetic past the years ISO can spell is a bug in the caller, not a date to store.
[[noreturn]] void throw_beyond_range() { throw std::out_of_range("CivilDate beyond 0001–9999"); }

year_month_day within_range(year_month_day ymd) {
  const int year = static_cast<int>(ymd.year());
  if (year < kFirstYear || year > kLastYear) throw_beyond_range();
  return ymd;
}

constexpr std::int64_t kFirstDay =
    sys_days{std::chrono::year{kFirstYear} / 1 / 1}.time_since_epoch().count();
constexpr std::int64_t kLastDay =
    sys_days{std::chrono::year{kLastYear} / 12 / 31}.time_since_epoch().count();

std::optional<unsigned> parse_digits(std::string_view digits) {
  unsigned value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value;
}

void append_padded(std::string& out, unsigned value, std::size_t width) {
  const std::string digits = std::to_string(value);
  out.append(width - std::min(width, digits.size()), '0');
  out += digits;
}

}  // namespace

std::optional<CivilDate> CivilDate::from_ymd(int year, unsigned month, unsigned day) {
  if (year < kFirstYear || year > kLastYear) return std::nullopt;
  const year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                           std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return CivilDate(ymd);
}

CivilDate CivilDate::from_days_since_epoch(std::int64_t days_since_epoch) {
  if (days_since_epoch < kFirstDay || days_since_epoch > kLastDay) throw_beyond_range();
  return CivilDate(year_month_day{sys_days{days{days_since_epoch}}});
}

std::int64_t CivilDate::days_since_epoch() const {
  return sys_days{ymd_}.time_since_epoch().count();
}

std::chrono::weekday CivilDate::weekday() const { return std::chrono::weekday{sys_days{ymd_}}; }

CivilDate CivilDate::plus_days(std::int64_t days) const {
  std::int64_t target = 0;
  if (__builtin_add_overflow(days_since_epoch(), days, &target)) throw_beyond_range();
  return from_days_since_epoch(target);
}

CivilDate CivilDate::plus_months(int months) const {
  const std::chrono::year_month target =
      std::chrono::year_month{ymd_.year(), ymd_.month()} + std::chrono::months{months};
  const std::chrono::day last_day = std::chrono::year_month_day_last{
      target.year(),
      std::chrono::month_day_last{
          target.month()}}.day();
  return CivilDate(
      within_range(year_month_day{target.year(), target.month(), std::min(ymd_.day(), last_day)}));
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = parse_digits(text.substr(0, 4));
  const auto month = parse_digits(text.substr(5, 2));
  const auto day = parse_digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  return CivilDate::from_ymd(static_cast<int>(*year), *month, *day);
}

std::string format_iso(CivilDate date) {
  std::string out;
  append_padded(out, static_cast<unsigned>(date.year()), 4);
  out += '-';
  append_padded(out, date.month(), 2);
  out += '-';
  append_padded(out, date.day(), 2);
  return out;
}

std::int64_t days_between(CivilDate from, CivilDate to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

CivilDate today_in_hong_kong(std::chrono::system_clock::time_point now) {
  const auto local = std::chrono::floor<days>(now + kHongKongUtcOffset);
  return CivilDate::from_days_since_epoch(local.time_since_epoch().count());
}

}  // namespace bsap
