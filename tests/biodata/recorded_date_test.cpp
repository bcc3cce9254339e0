// Recorded dates and their two flags (issue 9 §2), at the edges: 1600, today, the last day of a
// month, a leap day.
#include "biodata/recorded_date.h"

#include <gtest/gtest.h>

namespace bsap::biodata {
namespace {

using enum OccurrenceFlag;

const CalendarDate kToday{2026, 11, 23};

InterpretedDate event(std::string_view text) {
  return interpret_recorded_date({text, "", "", ""}, kToday);
}

TEST(RecordedDate, IsoForms) {
  EXPECT_EQ(event("2020-05-17").date->iso(), "2020-05-17");
  EXPECT_EQ(event("2020-05").date->iso(), "2020-05");
  EXPECT_EQ(event("2020").date->iso(), "2020");
  EXPECT_EQ(event("2020-05-17T10:30:00+08:00").date->iso(), "2020-05-17");
  EXPECT_EQ(event("2020-05-17/2020-05-20").date->iso(), "2020-05-17");
  EXPECT_EQ(event("2020-05-17/20").date->iso(), "2020-05-17");
  EXPECT_TRUE(event("2020-05-17").flags.empty());
}

// Four digits of year, zero-padded, at the edges of what they hold; beyond them as many as needed.
TEST(RecordedDate, IsoOfEveryYearWidth) {
  EXPECT_EQ((CalendarDate{0, 0, 0}.iso()), "0000");
  EXPECT_EQ((CalendarDate{7, 1, 0}.iso()), "0007-01");
  EXPECT_EQ((CalendarDate{999, 12, 31}.iso()), "0999-12-31");
  EXPECT_EQ((CalendarDate{1000, 1, 1}.iso()), "1000-01-01");
  EXPECT_EQ((CalendarDate{9999, 9, 9}.iso()), "9999-09-09");
  EXPECT_EQ((CalendarDate{10000, 10, 0}.iso()), "10000-10");
  EXPECT_EQ((CalendarDate{-1, 0, 0}.iso()), "-001");
}

TEST(RecordedDate, JavaDateStringOfOldGbifDownloads) {
  auto date = event("Tue Apr 01 00:00:00 CET 1930");
  ASSERT_TRUE(date.date);
  EXPECT_EQ(date.date->iso(), "1930-04-01");
  EXPECT_TRUE(date.flags.empty());
}

TEST(RecordedDate, InvalidWhenNotADateOrNoSuchDay) {
  for (auto text : {"yesterday", "2020-13-01", "2020-02-30", "2021-02-29", "2020-00", "20-05-17",
                    "2020/05/17", "17.05.2020"})
    EXPECT_TRUE(event(text).flags.has(recorded_date_invalid)) << text;
  EXPECT_FALSE(event("2020-02-29").flags.has(recorded_date_invalid));  // a leap day
  EXPECT_FALSE(event("2021-01-31").flags.has(recorded_date_invalid));
  EXPECT_FALSE(event("2020-05-17").date == std::nullopt);
}

TEST(RecordedDate, UnlikelyBefore1600) {
  EXPECT_TRUE(event("1599-12-31").flags.has(recorded_date_unlikely));
  EXPECT_TRUE(event("1599").flags.has(recorded_date_unlikely));
  EXPECT_FALSE(event("1600-01-01").flags.has(recorded_date_unlikely));
  EXPECT_FALSE(event("1600").flags.has(recorded_date_unlikely));
}

TEST(RecordedDate, UnlikelyInTheFuture) {
  EXPECT_FALSE(event("2026-11-23").flags.has(recorded_date_unlikely));  // today
  EXPECT_TRUE(event("2026-11-24").flags.has(recorded_date_unlikely));   // tomorrow
  EXPECT_FALSE(event("2026-11").flags.has(recorded_date_unlikely));     // this month
  EXPECT_TRUE(event("2026-12").flags.has(recorded_date_unlikely));
  EXPECT_TRUE(event("2027").flags.has(recorded_date_unlikely));
}

TEST(RecordedDate, FromYearMonthDayWhenNoEventDate) {
  auto parts = interpret_recorded_date({"", "1998", "7", "4"}, kToday);
  ASSERT_TRUE(parts.date);
  EXPECT_EQ(parts.date->iso(), "1998-07-04");
  EXPECT_EQ(interpret_recorded_date({"", "1998", "", ""}, kToday).date->iso(), "1998");
  EXPECT_TRUE(
      interpret_recorded_date({"", "1998", "13", ""}, kToday).flags.has(recorded_date_invalid));
  EXPECT_TRUE(
      interpret_recorded_date({"", "nineteen", "", ""}, kToday).flags.has(recorded_date_invalid));
}

// Found by fuzzing (fuzz/recorded_date_fuzz.cpp): std::chrono keeps a day in an unsigned char,
// so day 261 wrapped to 5 and passed as a real day; a year beyond 9999 wrapped likewise.
TEST(RecordedDate, DayOrYearBeyondWhatChronoHoldsIsInvalid) {
  for (auto [year, day] : {std::pair{"1998", "261"}, {"1998", "3333"}, {"733333333", "3"}}) {
    const auto parts = interpret_recorded_date({"", year, "3", day}, kToday);
    EXPECT_TRUE(parts.flags.has(recorded_date_invalid)) << year << "-03-" << day;
    EXPECT_FALSE(parts.date) << year << "-03-" << day;
  }
  EXPECT_TRUE(interpret_recorded_date({"", "9999", "", ""}, kToday).date);
}

TEST(RecordedDate, NoDateGivenIsNoFlag) {
  auto none = interpret_recorded_date({"", "", "", ""}, kToday);
  EXPECT_FALSE(none.date);
  EXPECT_TRUE(none.flags.empty());
}

}  // namespace
}  // namespace bsap::biodata
