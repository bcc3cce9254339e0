// The holiday data files, data/holidays/YYYY.yaml: one file per year listing Hong Kong's
// general holidays under the General Holidays Ordinance (Cap. 149). The parser is pure; the
// loader is the edge that reads the files.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/civil_date.h"
#include "core/working_days.h"

namespace bsap {

// gazetted: the list the Government published; derived: worked out from the rules of Cap. 149
// and the lunar calendar ahead of publication, to be replaced by the gazetted list.
enum class HolidayListStatus { gazetted, derived };

struct GeneralHoliday {
  CivilDate date;
  std::string name_zh;
  std::string name_en;
};

struct HolidayYear {
  int year;
  HolidayListStatus status;
  std::vector<GeneralHoliday> holidays;  // in date order
};

struct HolidayFileError {
  std::string file;
  int line;  // 1-based; 0 when the fault is the file as a whole (missing, unreadable)
  std::string reason;
  // "data/holidays/2027.yaml:12: date 2027-02-30 is not a calendar day"
  std::string message() const;
};

// Parses one year's file. `file` names it in errors only. Refuses a wrong or missing year, an
// unknown status, a date that is not a day of that year, a name missing in either language,
// and dates out of order or repeated.
std::variant<HolidayYear, HolidayFileError> parse_holiday_year(std::string_view yaml_text,
                                                               int expected_year,
                                                               const std::string& file);

// Reads DIR/FIRST.yaml … DIR/LAST.yaml. A missing year is an error naming its file, never an
// empty year.
std::variant<std::vector<HolidayYear>, HolidayFileError> load_holiday_years(const std::string& dir,
                                                                            int first_year,
                                                                            int last_year);
std::variant<HolidayCalendar, HolidayFileError> load_holiday_calendar(const std::string& dir,
                                                                      int first_year,
                                                                      int last_year);

}  // namespace bsap
