// A volunteer event's form (000 優先行動 2.2 item 1).
#include "volunteer/event.h"

#include <gtest/gtest.h>

namespace bsap::volunteer {
namespace {

const CivilDate kToday = *CivilDate::from_ymd(2026, 11, 24);

EventEntry mangrove_clean_up() {
  return {"紅樹林清潔日",   "Mangrove clean-up",     "2026-12-05", "09:00", "12:30",
          "米埔自然保護區", "Mai Po Nature Reserve", "30"};
}

std::vector<EventFault> faults_of(const EventEntry& entry) {
  std::vector<EventFault> found;
  for (const auto& fault : check_event(entry, kToday).faults) found.push_back(fault.fault);
  return found;
}

TEST(VolunteerEvent, AWholeEntryGivesItsDayTimesAndPlaces) {
  const auto checked = check_event(mangrove_clean_up(), kToday);
  ASSERT_TRUE(checked.details);
  EXPECT_EQ(format_iso(checked.details->held_on), "2026-12-05");
  EXPECT_EQ(checked.details->starts_minute, 540);
  EXPECT_EQ(checked.details->ends_minute, 750);
  EXPECT_EQ(checked.details->minutes(), 210);
  EXPECT_EQ(checked.details->places, 30);
}

TEST(VolunteerEvent, TodayIsAllowedAndYesterdayIsPast) {
  auto entry = mangrove_clean_up();
  entry.held_on = "2026-11-24";
  EXPECT_TRUE(faults_of(entry).empty());
  entry.held_on = "2026-11-23";
  EXPECT_EQ(faults_of(entry), std::vector{EventFault::date_past});
  entry.held_on = "2026-02-30";
  EXPECT_EQ(faults_of(entry), std::vector{EventFault::date_not_a_day});
}

TEST(VolunteerEvent, ItEndsAfterItStarts) {
  auto entry = mangrove_clean_up();
  entry.ends_at = "09:01";
  EXPECT_TRUE(faults_of(entry).empty());
  entry.ends_at = "09:00";
  EXPECT_EQ(faults_of(entry), std::vector{EventFault::end_not_after_start});
  entry.ends_at = "08:59";
  EXPECT_EQ(faults_of(entry), std::vector{EventFault::end_not_after_start});
}

TEST(VolunteerEvent, TimesAreTwentyFourHourHHMM) {
  EXPECT_EQ(parse_time_of_day("00:00"), 0);
  EXPECT_EQ(parse_time_of_day("23:59"), 1439);
  EXPECT_FALSE(parse_time_of_day("24:00"));
  EXPECT_FALSE(parse_time_of_day("12:60"));
  EXPECT_FALSE(parse_time_of_day("9:30"));
  EXPECT_FALSE(parse_time_of_day("09.30"));
  EXPECT_FALSE(parse_time_of_day("0a:30"));
  EXPECT_EQ(format_time_of_day(570), "09:30");
  auto entry = mangrove_clean_up();
  entry.starts_at = "9am";
  EXPECT_EQ(faults_of(entry), std::vector{EventFault::start_not_time});
}

TEST(VolunteerEvent, PlacesFromOneToTheMost) {
  auto entry = mangrove_clean_up();
  for (const char* good : {"1", "1000"}) {
    entry.places = good;
    EXPECT_TRUE(faults_of(entry).empty()) << good;
  }
  for (const char* bad : {"0", "1001", "-3", "2.5", "", "thirty"}) {
    entry.places = bad;
    EXPECT_EQ(faults_of(entry), std::vector{EventFault::places_not_whole}) << bad;
  }
}

TEST(VolunteerEvent, ATitleAndAPlaceInOneLanguageAtLeast) {
  auto entry = mangrove_clean_up();
  entry.title_zh.clear();
  entry.place_en.clear();
  EXPECT_TRUE(faults_of(entry).empty());
  entry.title_en = " ";
  entry.place_zh.clear();
  EXPECT_EQ(faults_of(entry), (std::vector{EventFault::title_missing, EventFault::place_missing}));
}

TEST(VolunteerEvent, PlaceAtTheLimitIsKeptAndOneByteMoreRefused) {
  auto entry = mangrove_clean_up();
  entry.place_en = std::string(kMostPlaceBytes, 'p');
  EXPECT_TRUE(faults_of(entry).empty());
  entry.place_en += 'p';
  EXPECT_EQ(faults_of(entry), std::vector{EventFault::place_too_long});
}

TEST(VolunteerEvent, EveryFaultHasAMessageKey) {
  EXPECT_EQ(event_fault_key(EventFault::date_past), "volunteer_fault_date_past");
  EXPECT_EQ(event_fault_key(EventFault::end_not_after_start), "volunteer_fault_end_before_start");
}

}  // namespace
}  // namespace bsap::volunteer
