// A year's general holiday file (data/holidays/YYYY.yaml): parse_holiday_year, and the working-day
// calendar built from what it accepts. The first byte of the input picks the year it must be,
// 2024–2030 as the real files are.
#include <cstdint>
#include <cstdlib>
#include <variant>
#include <vector>

#include "core/holiday_file.h"
#include "core/working_days.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = bsap::fuzz::as_text(data, size);
  const int year = 2024 + bsap::fuzz::take_byte(input) % 7;
  const auto parsed = bsap::parse_holiday_year(input, year, "holidays.yaml");
  if (const auto* error = std::get_if<bsap::HolidayFileError>(&parsed)) {
    (void)error->message();
    return 0;
  }
  const bsap::HolidayYear& holidays = std::get<bsap::HolidayYear>(parsed);
  std::vector<bsap::CivilDate> dates;
  for (const bsap::GeneralHoliday& holiday : holidays.holidays) {
    if (holiday.date.year() != year) std::abort();  // the file's days are days of its year
    dates.push_back(holiday.date);
  }
  const bsap::HolidayCalendar calendar(year, year, dates);
  const bsap::CivilDate new_year = *bsap::CivilDate::from_ymd(year, 1, 1);
  const bsap::CivilDate later = calendar.add_working_days(new_year, 200);
  if (calendar.working_days_between(new_year, later) != 200) std::abort();
  return 0;
}
