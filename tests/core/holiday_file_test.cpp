#include "core/holiday_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace bsap {
namespace {

const std::string kHolidayDir = std::string(BSAP_HOME_DIR) + "/data/holidays";

CivilDate date(std::string_view iso) { return parse_iso_date(iso).value(); }

HolidayFileError parse_error(std::string_view yaml, int year = 2026) {
  auto result = parse_holiday_year(yaml, year, "2026.yaml");
  if (!std::holds_alternative<HolidayFileError>(result)) {
    ADD_FAILURE() << "accepted: " << yaml;
    return {};
  }
  return std::get<HolidayFileError>(result);
}

HolidayCalendar shipped_calendar() {
  auto loaded = load_holiday_calendar(kHolidayDir, 2024, 2030);
  if (auto* error = std::get_if<HolidayFileError>(&loaded))
    throw std::runtime_error(error->message());
  return std::get<HolidayCalendar>(std::move(loaded));
}

// --- the shipped data ---

TEST(HolidayFile, EveryYear2024To2030HasSeventeenNamedGeneralHolidays) {
  auto loaded = load_holiday_years(kHolidayDir, 2024, 2030);
  ASSERT_TRUE(std::holds_alternative<std::vector<HolidayYear>>(loaded))
      << std::get<HolidayFileError>(loaded).message();
  for (const HolidayYear& year : std::get<std::vector<HolidayYear>>(loaded)) {
    EXPECT_EQ(year.holidays.size(), 17u) << year.year;
    for (const GeneralHoliday& holiday : year.holidays)
      // A holiday falling on a Sunday is replaced by a substitute day (Cap. 149 s.3).
      EXPECT_NE(holiday.date.weekday(), std::chrono::Sunday) << format_iso(holiday.date);
  }
}

TEST(HolidayFile, GazettedUpTo2026AndDerivedAfter) {
  auto loaded = load_holiday_years(kHolidayDir, 2024, 2030);
  ASSERT_TRUE(std::holds_alternative<std::vector<HolidayYear>>(loaded));
  for (const HolidayYear& year : std::get<std::vector<HolidayYear>>(loaded))
    EXPECT_EQ(year.status,
              year.year <= 2026 ? HolidayListStatus::gazetted : HolidayListStatus::derived)
        << year.year;
}

TEST(HolidayFile, LunarNewYearsDayEachYear) {
  const HolidayCalendar calendar = shipped_calendar();
  for (std::string_view day :
       {"2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13"})
    EXPECT_TRUE(calendar.is_general_holiday(date(day))) << day;
  // 2030-02-03 is a Sunday, so the second to fourth days are listed instead.
  EXPECT_TRUE(calendar.is_general_holiday(date("2030-02-06")));
}

TEST(HolidayFile, TenWorkingDaysFromJustBeforeLunarNewYear2026WithTheShippedData) {
  EXPECT_EQ(shipped_calendar().add_working_days(date("2026-02-13"), 10), date("2026-03-04"));
}

TEST(HolidayFile, ChristmasOnSaturdayGivesMondayTwentySeventh2027) {
  const HolidayCalendar calendar = shipped_calendar();
  EXPECT_TRUE(calendar.is_general_holiday(date("2027-12-27")));
  EXPECT_FALSE(calendar.is_working_day(date("2027-12-27")));
}

// --- loading refuses what it cannot trust ---

TEST(HolidayFile, MissingYearFileIsRefusedNamingTheFile) {
  auto loaded = load_holiday_calendar(kHolidayDir, 2024, 2031);
  ASSERT_TRUE(std::holds_alternative<HolidayFileError>(loaded));
  const HolidayFileError& error = std::get<HolidayFileError>(loaded);
  EXPECT_EQ(error.file, kHolidayDir + "/2031.yaml");
  EXPECT_NE(error.message().find("2031.yaml"), std::string::npos);
}

TEST(HolidayFile, BadFileInADirectoryIsNamedWithItsLine) {
  const auto dir = std::filesystem::temp_directory_path() / "bsap_holiday_file_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "2026.yaml") << "year: 2026\nstatus: gazetted\nholidays:\n"
                                      "  - {date: 2026-01-01, zh: 一月一日, en: New Year}\n"
                                      "  - {date: 2026-02-30, zh: 錯, en: Wrong}\n";
  auto loaded = load_holiday_calendar(dir.string(), 2026, 2026);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(std::holds_alternative<HolidayFileError>(loaded));
  const HolidayFileError& error = std::get<HolidayFileError>(loaded);
  EXPECT_EQ(error.line, 5);
  EXPECT_NE(error.message().find("2026.yaml:5:"), std::string::npos) << error.message();
}

TEST(HolidayFile, ParsesAYear) {
  auto parsed = parse_holiday_year(
      "year: 2026\nstatus: derived\nnote: test\nholidays:\n"
      "  - {date: 2026-01-01, zh: 一月一日, en: The first day of January}\n",
      2026, "2026.yaml");
  ASSERT_TRUE(std::holds_alternative<HolidayYear>(parsed));
  const HolidayYear& year = std::get<HolidayYear>(parsed);
  EXPECT_EQ(year.status, HolidayListStatus::derived);
  ASSERT_EQ(year.holidays.size(), 1u);
  EXPECT_EQ(year.holidays[0].name_zh, "一月一日");
  EXPECT_EQ(year.holidays[0].name_en, "The first day of January");
}

TEST(HolidayFile, YearMustMatchTheFile) {
  const HolidayFileError error = parse_error("year: 2025\nstatus: gazetted\nholidays: []\n");
  EXPECT_EQ(error.line, 1);
  EXPECT_NE(error.reason.find("2025"), std::string::npos);
}

TEST(HolidayFile, DateOutsideTheYearIsRefused) {
  const HolidayFileError error = parse_error(
      "year: 2026\nstatus: gazetted\nholidays:\n  - {date: 2025-12-25, zh: 聖誕節, en: X}\n");
  EXPECT_EQ(error.line, 4);
}

TEST(HolidayFile, MissingEnglishNameIsRefused) {
  const HolidayFileError error = parse_error(
      "year: 2026\nstatus: gazetted\nholidays:\n  - {date: 2026-01-01, zh: 一月一日}\n");
  EXPECT_EQ(error.line, 4);
  EXPECT_NE(error.reason.find("'en'"), std::string::npos);
}

TEST(HolidayFile, UnknownStatusIsRefused) {
  const HolidayFileError error = parse_error("year: 2026\nstatus: guessed\nholidays: []\n");
  EXPECT_EQ(error.line, 2);
}

TEST(HolidayFile, DatesOutOfOrderOrRepeatedAreRefused) {
  const std::string head = "year: 2026\nstatus: gazetted\nholidays:\n";
  EXPECT_EQ(parse_error(head + "  - {date: 2026-05-01, zh: 甲, en: A}\n"
                               "  - {date: 2026-01-01, zh: 乙, en: B}\n")
                .line,
            5);
  EXPECT_EQ(parse_error(head + "  - {date: 2026-05-01, zh: 甲, en: A}\n"
                               "  - {date: 2026-05-01, zh: 乙, en: B}\n")
                .line,
            5);
}

TEST(HolidayFile, UnknownKeyIsRefused) {
  const HolidayFileError error = parse_error("year: 2026\nstatus: gazetted\nholiday: []\n");
  EXPECT_EQ(error.line, 3);
  EXPECT_NE(error.reason.find("holiday"), std::string::npos);
}

TEST(HolidayFile, YamlSyntaxErrorCarriesItsLine) {
  const HolidayFileError error = parse_error("year: 2026\nstatus: [gazetted\n");
  EXPECT_GT(error.line, 0);
  EXPECT_EQ(error.file, "2026.yaml");
}

}  // namespace
}  // namespace bsap
