// Working days in Hong Kong: Monday to Friday, except general holidays (公眾假期) under the
// General Holidays Ordinance (Cap. 149). Deadlines in the CCFS guidelines that count working
// days count them with this calendar.
#pragma once
#include <vector>

#include "core/civil_date.h"

namespace bsap {

class HolidayCalendar {
 public:
  // Knows the general holidays of the whole years first_year..last_year and nothing else.
  // Throws std::invalid_argument when first_year > last_year or a holiday lies outside them.
  HolidayCalendar(int first_year, int last_year, std::vector<CivilDate> general_holidays);

  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  bool covers(CivilDate date) const;

  // The functions below throw std::out_of_range for a day outside the covered years: a year
  // with no holiday list is refused rather than silently treated as having no holidays.

  // A named general holiday (Sundays are general holidays by law too, but are not listed).
  bool is_general_holiday(CivilDate date) const;
  bool is_working_day(CivilDate date) const;
  // The n-th working day after `from` (n > 0), before it (n < 0), or `from` itself (n == 0).
  CivilDate add_working_days(CivilDate from, int n) const;
  // Working days in (from, to], negated when to < from; the inverse of add_working_days:
  // working_days_between(d, add_working_days(d, n)) == n.
  int working_days_between(CivilDate from, CivilDate to) const;

 private:
  void require_covered(CivilDate date) const;

  int first_year_;
  int last_year_;
  std::vector<CivilDate> holidays_;  // sorted, unique
};

}  // namespace bsap
