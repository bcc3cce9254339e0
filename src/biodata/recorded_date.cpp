#include "biodata/recorded_date.h"
#include "biodata/text_trim.h"

#include <array>
#include <cctype>
#include <charconv>
#include <chrono>

#include <fmt/format.h>

namespace bsap::biodata {
namespace {

using enum OccurrenceFlag;

// Exactly `digits` digits, or any count when digits is 0.
std::optional<int> read_number(std::string_view text, std::size_t digits = 0) {
  text = trim(text);
  if (text.empty() || (digits != 0 && text.size() != digits)) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// Checked before std::chrono sees them: its year holds a short and its day an unsigned char, so
// day 261 would wrap to a valid 5 and year 70000 to another year.
bool exists(const CalendarDate& date) {
  if (date.year < 1 || date.year > 9999 || date.month < 0 || date.month > 12 || date.day < 0 ||
      date.day > 31)
    return false;
  if (date.month == 0) return date.day == 0;
  if (date.day == 0) return true;
  using namespace std::chrono;
  return year_month_day{year{date.year}, month{static_cast<unsigned>(date.month)},
                        day{static_cast<unsigned>(date.day)}}
      .ok();
}

// "1930", "1930-04", "1930-04-01", "1930-04-01T10:00:00+08:00" (the time is not kept).
std::optional<CalendarDate> read_iso(std::string_view text) {
  text = trim(text);
  if (auto t = text.find_first_of("Tt "); t != std::string_view::npos) text = text.substr(0, t);
  CalendarDate date;
  auto year = read_number(text.substr(0, 4), 4);
  if (!year) return std::nullopt;
  date.year = *year;
  if (text.size() == 4) return date;
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (text[4] != '-') return std::nullopt;
  auto month = read_number(text.substr(5, 2), 2);
  if (!month) return std::nullopt;
  if (*month == 0) return std::nullopt;  // "2020-00" names no month
  date.month = *month;
  if (text.size() == 7) return date;
  if (text[7] != '-') return std::nullopt;
  auto day = read_number(text.substr(8, 2), 2);
  if (!day || *day == 0) return std::nullopt;
  date.day = *day;
  return date;
}

// The end of an interval: a whole date, or ISO 8601's shortened end ("2020-05-17/20",
// "2020-05-17/06-02").
bool is_interval_end(std::string_view text) {
  if (read_iso(text)) return true;
  auto two_digits = [](std::string_view part) {
    return part.size() == 2 && std::isdigit(static_cast<unsigned char>(part[0])) &&
           std::isdigit(static_cast<unsigned char>(part[1]));
  };
  if (text.size() == 2) return two_digits(text);
  return text.size() == 5 && text[2] == '-' && two_digits(text.substr(0, 2)) &&
         two_digits(text.substr(3));
}

// Java's Date.toString(): "Tue Apr 01 00:00:00 CET 1930".
std::optional<CalendarDate> read_java(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  text = trim(text);
  if (text.size() < 24 || text[3] != ' ' || text[7] != ' ' || text[10] != ' ') return std::nullopt;
  CalendarDate date;
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (text.substr(4, 3) == kMonths[i]) date.month = static_cast<int>(i) + 1;
  auto day = read_number(text.substr(8, 2), 2);
  auto year = read_number(text.substr(text.size() - 4), 4);
  if (date.month == 0 || !day || !year) return std::nullopt;
  date.day = *day;
  date.year = *year;
  return date;
}

// An interval "1930-04-01/1930-04-30" is read as its start: the day the recording began.
std::optional<CalendarDate> read_event_date(std::string_view text) {
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    if (!is_interval_end(trim(text.substr(slash + 1)))) return std::nullopt;
    text = text.substr(0, slash);
  }
  if (auto iso = read_iso(text)) return iso;
  return read_java(text);
}

// year, month and day terms; a blank month or day leaves the date less precise.
std::optional<CalendarDate> read_parts(const DateTerms& terms) {
  auto year = read_number(terms.year);
  if (!year) return std::nullopt;
  CalendarDate date{*year, 0, 0};
  if (!trim(terms.month).empty()) {
    auto month = read_number(terms.month);
    if (!month) return std::nullopt;
    date.month = *month;
    if (!trim(terms.day).empty()) {
      auto day = read_number(terms.day);
      if (!day) return std::nullopt;
      date.day = *day;
    }
  }
  return date;
}

}  // namespace

// Digit by digit: an import writes a million of them, and fmt's parsing of its format string
// was a tenth of a second of that (decision 0013 §14). A year outside 0-9999 goes to fmt.
std::string CalendarDate::iso() const {
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
    if (month == 0) return fmt::format("{:04}", year);
    if (day == 0) return fmt::format("{:04}-{:02}", year, month);
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  }
  char text[10] = {static_cast<char>('0' + year / 1000),
                   static_cast<char>('0' + year / 100 % 10),
                   static_cast<char>('0' + year / 10 % 10),
                   static_cast<char>('0' + year % 10),
                   '-',
                   static_cast<char>('0' + month / 10),
                   static_cast<char>('0' + month % 10),
                   '-',
                   static_cast<char>('0' + day / 10),
                   static_cast<char>('0' + day % 10)};
  return std::string(text, month == 0 ? 4 : day == 0 ? 7 : 10);
}

InterpretedDate interpret_recorded_date(const DateTerms& terms, const CalendarDate& today) {
  InterpretedDate result;
  bool given = !trim(terms.event_date).empty();
  bool parts_given = !trim(terms.year).empty();
  if (!given && !parts_given) return result;
  auto date = given ? read_event_date(terms.event_date) : read_parts(terms);
  if (!date || !exists(*date)) {
    result.flags.add(recorded_date_invalid);
    return result;
  }
  result.date = date;
  // A month or a year is compared by its first day: "2026-11" is not in the future in November.
  CalendarDate start{date->year, std::max(date->month, 1), std::max(date->day, 1)};
  if (date->year < 1600 || start > today) result.flags.add(recorded_date_unlikely);
  return result;
}

}  // namespace bsap::biodata
