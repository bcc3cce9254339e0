#include "core/working_days.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace bsap {

HolidayCalendar::HolidayCalendar(int first_year, int last_year,
                                 std::vector<CivilDate> general_holidays)
    : first_year_(first_year), last_year_(last_year), holidays_(std::move(general_holidays)) {
  if (first_year > last_year)
    throw std::invalid_argument("HolidayCalendar: first_year > last_year");
  std::sort(holidays_.begin(), holidays_.end());
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
  for (CivilDate holiday : holidays_)
    if (!covers(holiday))
      throw std::invalid_argument("HolidayCalendar: holiday " + format_iso(holiday) +
                                  " lies outside the covered years");
}

bool HolidayCalendar::covers(CivilDate date) const {
  return date.year() >= first_year_ && date.year() <= last_year_;
}

void HolidayCalendar::require_covered(CivilDate date) const {
  if (!covers(date))
    throw std::out_of_range("no general holiday list for " + std::to_string(date.year()) +
                            " (the calendar covers " + std::to_string(first_year_) + "–" +
                            std::to_string(last_year_) + ")");
}

bool HolidayCalendar::is_general_holiday(CivilDate date) const {
  require_covered(date);
  return std::binary_search(holidays_.begin(), holidays_.end(), date);
}

bool HolidayCalendar::is_working_day(CivilDate date) const {
  const std::chrono::weekday weekday = date.weekday();
  const bool weekend = weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
  return !is_general_holiday(date) && !weekend;
}

CivilDate HolidayCalendar::add_working_days(CivilDate from, int n) const {
  const int step = n < 0 ? -1 : 1;
  CivilDate day = from;
  for (std::int64_t remaining = n < 0 ? -std::int64_t{n} : n; remaining > 0;) {
    day = day.plus_days(step);
    if (is_working_day(day)) --remaining;
  }
  return day;
}

int HolidayCalendar::working_days_between(CivilDate from, CivilDate to) const {
  if (to < from) return -working_days_between(to, from);
  int count = 0;
  for (CivilDate day = from; day < to;) {
    day = day.plus_days(1);
    if (is_working_day(day)) ++count;
  }
  return count;
}

}  // namespace bsap
