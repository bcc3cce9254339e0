// When an occurrence was recorded, read from eventDate (ISO 8601: a day, a month, a year, with a
// time or as an interval "start/end"; and the Java form "Tue Apr 01 00:00:00 CET 1930" that old
// GBIF downloads carry), else from the year, month and day terms. Pure: "today" is given.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "biodata/occurrence_flag.h"

namespace bsap::biodata {

struct CalendarDate {
  int year = 0;
  int month = 0;  // 0 when only the year is known
  int day = 0;    // 0 when only the year or the month is known

  // "1930-04-01", "1930-04", "1930"
  std::string iso() const;
  friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

struct DateTerms {
  std::string_view event_date;
  std::string_view year;
  std::string_view month;
  std::string_view day;
};

struct InterpretedDate {
  std::optional<CalendarDate> date;  // none when none was given or it is not a date
  FlagSet flags;                     // RECORDED_DATE_INVALID or RECORDED_DATE_UNLIKELY
};

// Dates before 1600, which predate modern taxonomy, or after `today` are unlikely (GBIF's rule).
InterpretedDate interpret_recorded_date(const DateTerms& terms, const CalendarDate& today);

}  // namespace bsap::biodata
