#include "core/working_days.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace bsap {
namespace {

CivilDate date(std::string_view iso) {
  const auto parsed = parse_iso_date(iso);
  if (!parsed) throw std::invalid_argument("bad test date " + std::string(iso));
  return *parsed;
}

// The 2026 general holidays around Lunar New Year and Easter, as gazetted.
HolidayCalendar calendar_2026() {
  return HolidayCalendar(
      2026, 2026,
      {date("2026-01-01"), date("2026-02-17"), date("2026-02-18"), date("2026-02-19"),
       date("2026-04-03"), date("2026-04-04"), date("2026-04-06"), date("2026-04-07")});
}

TEST(WorkingDays, SaturdayAndSundayAreNeverWorkingDays) {
  const HolidayCalendar calendar = calendar_2026();
  EXPECT_FALSE(calendar.is_working_day(date("2026-02-14")));  // Saturday
  EXPECT_FALSE(calendar.is_working_day(date("2026-02-15")));  // Sunday
  EXPECT_TRUE(calendar.is_working_day(date("2026-02-13")));   // Friday
  EXPECT_TRUE(calendar.is_working_day(date("2026-02-16")));   // Monday
}

TEST(WorkingDays, GeneralHolidayOnAWeekdayIsNotAWorkingDay) {
  const HolidayCalendar calendar = calendar_2026();
  EXPECT_TRUE(calendar.is_general_holiday(date("2026-02-17")));
  EXPECT_FALSE(calendar.is_working_day(date("2026-02-17")));  // Tuesday, Lunar New Year's Day
  EXPECT_FALSE(calendar.is_general_holiday(date("2026-02-20")));
  EXPECT_TRUE(calendar.is_working_day(date("2026-02-20")));
}

TEST(WorkingDays, TenWorkingDaysFromJustBeforeLunarNewYear2026) {
  // Fri 13 Feb → Mon 16 (1), 17–19 Feb holidays, Fri 20 (2), 23–27 Feb (3–7), 2–4 Mar (8–10).
  EXPECT_EQ(calendar_2026().add_working_days(date("2026-02-13"), 10), date("2026-03-04"));
}

TEST(WorkingDays, OneWorkingDayAfterFridaySkipsTheWeekend) {
  EXPECT_EQ(calendar_2026().add_working_days(date("2026-01-09"), 1), date("2026-01-12"));
}

TEST(WorkingDays, EasterAndChingMing2026SkipFourDays) {
  // Thu 2 Apr → Good Friday, its day following, Sunday, 6 and 7 Apr → Wed 8 Apr.
  EXPECT_EQ(calendar_2026().add_working_days(date("2026-04-02"), 1), date("2026-04-08"));
}

TEST(WorkingDays, AddingFromAHolidayCountsTheNextWorkingDayAsFirst) {
  EXPECT_EQ(calendar_2026().add_working_days(date("2026-02-17"), 1), date("2026-02-20"));
}

TEST(WorkingDays, ZeroWorkingDaysIsTheSameDay) {
  EXPECT_EQ(calendar_2026().add_working_days(date("2026-02-15"), 0), date("2026-02-15"));
}

TEST(WorkingDays, NegativeCountsGoBackwards) {
  EXPECT_EQ(calendar_2026().add_working_days(date("2026-02-20"), -1), date("2026-02-16"));
  EXPECT_EQ(calendar_2026().add_working_days(date("2026-03-04"), -10), date("2026-02-13"));
}

TEST(WorkingDays, BetweenCountsTheHalfOpenSpan) {
  const HolidayCalendar calendar = calendar_2026();
  EXPECT_EQ(calendar.working_days_between(date("2026-02-13"), date("2026-03-04")), 10);
  EXPECT_EQ(calendar.working_days_between(date("2026-03-04"), date("2026-02-13")), -10);
  EXPECT_EQ(calendar.working_days_between(date("2026-02-14"), date("2026-02-15")), 0);
  EXPECT_EQ(calendar.working_days_between(date("2026-02-16"), date("2026-02-16")), 0);
}

TEST(WorkingDays, BetweenInvertsAdd) {
  const HolidayCalendar calendar = calendar_2026();
  const CivilDate start = date("2026-01-05");
  for (int n : {1, 5, 33, 120, -1})
    EXPECT_EQ(calendar.working_days_between(start, calendar.add_working_days(start, n)), n) << n;
}

TEST(WorkingDays, ADayOutsideTheCoveredYearsIsRefused) {
  const HolidayCalendar calendar = calendar_2026();
  EXPECT_TRUE(calendar.covers(date("2026-12-31")));
  EXPECT_FALSE(calendar.covers(date("2027-01-01")));
  EXPECT_THROW(calendar.is_working_day(date("2027-01-04")), std::out_of_range);
  EXPECT_THROW(calendar.is_working_day(date("2025-12-31")), std::out_of_range);
  EXPECT_THROW(calendar.add_working_days(date("2026-12-30"), 5), std::out_of_range);
}

TEST(WorkingDays, HolidaysOutsideTheCoveredYearsAreRefused) {
  EXPECT_THROW(HolidayCalendar(2026, 2026, {date("2027-01-01")}), std::invalid_argument);
  EXPECT_THROW(HolidayCalendar(2027, 2026, {}), std::invalid_argument);
}

}  // namespace
}  // namespace bsap
