#include "core/holiday_file.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

namespace bsap {
namespace {

// Raised inside the parser and turned into a HolidayFileError at its entry point, so each
// check reads as one line and no exception leaves this file.
struct Fault {
  int line;
  std::string reason;
};

const std::set<std::string> kTopLevelKeys = {"year", "status", "note", "source", "holidays"};
const std::set<std::string> kHolidayKeys = {"date", "zh", "en"};

int line_of(const YAML::Node& node) { return node.Mark().is_null() ? 0 : node.Mark().line + 1; }

[[noreturn]] void fail(const YAML::Node& node, std::string reason) {
  throw Fault{line_of(node), std::move(reason)};
}

void require_only_keys(const YAML::Node& map, const std::set<std::string>& allowed) {
  if (!map.IsMap()) fail(map, "expected a mapping");
  for (const auto& entry : map) {
    const auto key = entry.first.as<std::string>();
    if (!allowed.contains(key)) fail(entry.first, "unknown key '" + key + "'");
  }
}

std::string required_text(const YAML::Node& parent, const std::string& key) {
  const YAML::Node value = parent[key];
  if (!value || !value.IsScalar() || value.Scalar().empty())
    fail(value ? value : parent, "missing or empty '" + key + "'");
  return value.Scalar();
}

void check_year(const YAML::Node& root, int expected_year) {
  const std::string text = required_text(root, "year");
  if (text != std::to_string(expected_year))
    fail(root["year"], "year is " + text + " but the file is for " + std::to_string(expected_year));
}

HolidayListStatus parse_status(const YAML::Node& root) {
  const std::string status = required_text(root, "status");
  if (status == "gazetted") return HolidayListStatus::gazetted;
  if (status == "derived") return HolidayListStatus::derived;
  fail(root["status"], "status must be 'gazetted' or 'derived', not '" + status + "'");
}

GeneralHoliday parse_holiday(const YAML::Node& entry, int year) {
  require_only_keys(entry, kHolidayKeys);
  const std::string date_text = required_text(entry, "date");
  const std::optional<CivilDate> date = parse_iso_date(date_text);
  if (!date) fail(entry["date"], "date " + date_text + " is not a calendar day (YYYY-MM-DD)");
  if (date->year() != year)
    fail(entry["date"], "date " + date_text + " is not in " + std::to_string(year));
  return {*date, required_text(entry, "zh"), required_text(entry, "en")};
}

std::vector<GeneralHoliday> parse_holidays(const YAML::Node& root, int year) {
  const YAML::Node list = root["holidays"];
  if (!list || !list.IsSequence()) fail(list ? list : root, "missing list 'holidays'");
  std::vector<GeneralHoliday> holidays;
  for (const YAML::Node& entry : list) {
    GeneralHoliday holiday = parse_holiday(entry, year);
    // Order is checked so that a repeated or mistyped date stands out in review.
    if (!holidays.empty() && holiday.date <= holidays.back().date)
      fail(entry, "date " + format_iso(holiday.date) + " is not after " +
                      format_iso(holidays.back().date));
    holidays.push_back(std::move(holiday));
  }
  return holidays;
}

HolidayYear parse_year(const YAML::Node& root, int expected_year) {
  require_only_keys(root, kTopLevelKeys);
  check_year(root, expected_year);
  const HolidayListStatus status = parse_status(root);
  return {expected_year, status, parse_holidays(root, expected_year)};
}

std::string year_file_path(const std::string& dir, int year) {
  return dir + "/" + std::to_string(year) + ".yaml";
}

}  // namespace

std::string HolidayFileError::message() const {
  return file + (line > 0 ? ":" + std::to_string(line) : "") + ": " + reason;
}

std::variant<HolidayYear, HolidayFileError> parse_holiday_year(std::string_view yaml_text,
                                                               int expected_year,
                                                               const std::string& file) {
  try {
    return parse_year(YAML::Load(std::string(yaml_text)), expected_year);
  } catch (const Fault& fault) {
    return HolidayFileError{file, fault.line, fault.reason};
  } catch (const YAML::Exception& error) {
    return HolidayFileError{file, error.mark.is_null() ? 0 : error.mark.line + 1, error.msg};
  }
}

std::variant<std::vector<HolidayYear>, HolidayFileError> load_holiday_years(const std::string& dir,
                                                                            int first_year,
                                                                            int last_year) {
  if (first_year > last_year)
    return HolidayFileError{dir, 0, "the first year comes after the last year"};
  std::vector<HolidayYear> years;
  for (int year = first_year; year <= last_year; ++year) {
    const std::string path = year_file_path(dir, year);
    std::ifstream in(path);
    if (!in)
      return HolidayFileError{path, 0, "no general holiday list for " + std::to_string(year)};
    std::ostringstream text;
    text << in.rdbuf();
    auto parsed = parse_holiday_year(text.str(), year, path);
    if (auto* error = std::get_if<HolidayFileError>(&parsed)) return std::move(*error);
    years.push_back(std::get<HolidayYear>(std::move(parsed)));
  }
  return years;
}

std::variant<HolidayCalendar, HolidayFileError> load_holiday_calendar(const std::string& dir,
                                                                      int first_year,
                                                                      int last_year) {
  auto loaded = load_holiday_years(dir, first_year, last_year);
  if (auto* error = std::get_if<HolidayFileError>(&loaded)) return std::move(*error);
  std::vector<CivilDate> dates;
  for (const HolidayYear& year : std::get<std::vector<HolidayYear>>(loaded))
    for (const GeneralHoliday& holiday : year.holidays) dates.push_back(holiday.date);
  return HolidayCalendar(first_year, last_year, std::move(dates));
}

}  // namespace bsap
