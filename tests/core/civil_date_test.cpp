#include "core/civil_date.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace bsap {
namespace {

CivilDate date(std::string_view iso) {
  const auto parsed = parse_iso_date(iso);
  if (!parsed) throw std::invalid_argument("bad test date " + std::string(iso));
  return *parsed;
}

std::string plus_months(std::string_view iso, int months) {
  return format_iso(date(iso).plus_months(months));
}

std::chrono::system_clock::time_point utc(int year, unsigned month, unsigned day, int hour,
                                          int minute) {
  const std::chrono::sys_days day_start{std::chrono::year{year} / month / day};
  return day_start + std::chrono::hours{hour} + std::chrono::minutes{minute};
}

// --- ISO parse and format ---

TEST(CivilDate, ParsesAndFormatsIso) {
  const CivilDate parsed = date("2026-01-31");
  EXPECT_EQ(parsed.year(), 2026);
  EXPECT_EQ(parsed.month(), 1u);
  EXPECT_EQ(parsed.day(), 31u);
  EXPECT_EQ(format_iso(parsed), "2026-01-31");
}

TEST(CivilDate, FormatPadsSmallYears) { EXPECT_EQ(format_iso(date("0001-01-01")), "0001-01-01"); }

TEST(CivilDate, RefusesDaysThatDoNotExist) {
  EXPECT_FALSE(parse_iso_date("2026-02-29"));
  EXPECT_FALSE(parse_iso_date("2026-02-30"));
  EXPECT_FALSE(parse_iso_date("2026-04-31"));
  EXPECT_FALSE(parse_iso_date("2026-13-01"));
  EXPECT_FALSE(parse_iso_date("2026-00-10"));
  EXPECT_FALSE(parse_iso_date("2026-01-00"));
  EXPECT_FALSE(parse_iso_date("0000-01-01"));
}

TEST(CivilDate, RefusesAnythingButStrictIso) {
  for (std::string_view junk : {"", "2026-1-31", "2026/01/31", "26-01-31", "2026-01-31T00:00",
                                " 2026-01-31", "2026-01-3x", "+026-01-31", "31-01-2026"})
    EXPECT_FALSE(parse_iso_date(junk)) << junk;
}

TEST(CivilDate, FromYmdChecksTheDay) {
  EXPECT_TRUE(CivilDate::from_ymd(2024, 2, 29));
  EXPECT_FALSE(CivilDate::from_ymd(2025, 2, 29));
  EXPECT_FALSE(CivilDate::from_ymd(10000, 1, 1));
}

// --- leap years ---

TEST(CivilDate, LeapYearsFollowTheGregorianRule) {
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_TRUE(parse_iso_date("2028-02-29"));
  EXPECT_TRUE(parse_iso_date("2000-02-29"));   // divisible by 400
  EXPECT_FALSE(parse_iso_date("2100-02-29"));  // divisible by 100 only
}

// --- days ---

TEST(CivilDate, EpochIsDayZero) {
  EXPECT_EQ(date("1970-01-01").days_since_epoch(), 0);
  EXPECT_EQ(date("1969-12-31").days_since_epoch(), -1);
  EXPECT_EQ(CivilDate::from_days_since_epoch(0), date("1970-01-01"));
}

TEST(CivilDate, PlusDaysCrossesMonthAndYearEnds) {
  EXPECT_EQ(date("2025-12-31").plus_days(1), date("2026-01-01"));
  EXPECT_EQ(date("2028-02-28").plus_days(1), date("2028-02-29"));
  EXPECT_EQ(date("2026-03-01").plus_days(-1), date("2026-02-28"));
}

TEST(CivilDate, DaysBetweenIsSignedAndInvertsPlusDays) {
  EXPECT_EQ(days_between(date("2026-01-01"), date("2027-01-01")), 365);
  EXPECT_EQ(days_between(date("2028-01-01"), date("2029-01-01")), 366);
  EXPECT_EQ(days_between(date("2026-03-10"), date("2026-03-01")), -9);
  EXPECT_EQ(days_between(date("2026-03-10"), date("2026-03-10").plus_days(1000)), 1000);
}

TEST(CivilDate, ArithmeticBeyondYear9999Throws) {
  EXPECT_THROW(date("9999-12-31").plus_days(1), std::out_of_range);
  EXPECT_THROW(date("0001-01-01").plus_days(-1), std::out_of_range);
  EXPECT_THROW(date("9999-12-31").plus_months(1), std::out_of_range);
}

TEST(CivilDate, WeekdayOfKnownDays) {
  EXPECT_EQ(date("2026-01-31").weekday(), std::chrono::Saturday);
  EXPECT_EQ(date("1970-01-01").weekday(), std::chrono::Thursday);
  EXPECT_EQ(date("2026-02-17").weekday(), std::chrono::Tuesday);
}

TEST(CivilDate, OrderingFollowsTheCalendar) {
  EXPECT_LT(date("2025-12-31"), date("2026-01-01"));
  EXPECT_GT(date("2026-02-01"), date("2026-01-31"));
  EXPECT_EQ(date("2026-02-01"), date("2026-01-31").plus_days(1));
}

// --- months, clamped at month ends ---

TEST(CivilDate, ThirtyFirstJanuaryPlusOneMonthIsLastDayOfFebruary) {
  EXPECT_EQ(plus_months("2026-01-31", 1), "2026-02-28");
  EXPECT_EQ(plus_months("2028-01-31", 1), "2028-02-29");
}

TEST(CivilDate, TwentyNinthFebruaryPlusTwelveMonthsIsTwentyEighthFebruary) {
  EXPECT_EQ(plus_months("2028-02-29", 12), "2029-02-28");
  EXPECT_EQ(plus_months("2028-02-29", 48), "2032-02-29");
}

TEST(CivilDate, ThirtyFirstMarchMinusOneMonthIsLastDayOfFebruary) {
  EXPECT_EQ(plus_months("2026-03-31", -1), "2026-02-28");
  EXPECT_EQ(plus_months("2028-03-31", -1), "2028-02-29");
}

TEST(CivilDate, ThirtyFirstAugustPlusOneMonthIsThirtiethSeptember) {
  EXPECT_EQ(plus_months("2026-08-31", 1), "2026-09-30");
}

TEST(CivilDate, MonthsCrossYearEnds) {
  EXPECT_EQ(plus_months("2026-11-15", 3), "2027-02-15");
  EXPECT_EQ(plus_months("2026-01-15", -1), "2025-12-15");
  EXPECT_EQ(plus_months("2026-01-15", 0), "2026-01-15");
}

// --- today in Hong Kong (UTC+8, no daylight saving) ---

TEST(CivilDate, TodayInHongKongIsUtcPlusEightHours) {
  EXPECT_EQ(today_in_hong_kong(utc(2026, 1, 31, 15, 59)), date("2026-01-31"));
  EXPECT_EQ(today_in_hong_kong(utc(2026, 1, 31, 16, 0)), date("2026-02-01"));
  EXPECT_EQ(today_in_hong_kong(utc(2025, 12, 31, 16, 0)), date("2026-01-01"));
}

TEST(CivilDate, TodayInHongKongBeforeTheEpoch) {
  EXPECT_EQ(today_in_hong_kong(utc(1969, 12, 31, 15, 0)), date("1969-12-31"));
  EXPECT_EQ(today_in_hong_kong(utc(1969, 12, 31, 16, 0)), date("1970-01-01"));
}

}  // namespace
}  // namespace bsap
