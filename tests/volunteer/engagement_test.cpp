// The people volunteering engages in a year (000 優先行動 2.2 item 1; chapter 5.2).
#include "volunteer/engagement.h"

#include <gtest/gtest.h>

namespace bsap::volunteer {
namespace {

Attendance at(std::int64_t person, std::int64_t event, std::int64_t programme, const char* item,
              int year, int minutes) {
  return {person, event, programme, item, *CivilDate::from_ymd(year, 6, 1), minutes};
}

const std::vector<Attendance> kAttendance{
    at(1, 10, 100, "2.2.1", 2026, 180),  // the same person at two events
    at(1, 11, 100, "2.2.1", 2026, 120), at(2, 10, 100, "2.2.1", 2026, 180),
    at(3, 20, 200, "2.1.2", 2026, 60),   // another item's programme
    at(2, 12, 100, "2.2.1", 2027, 240),  // the next year
};

TEST(VolunteerEngagement, APersonAtManyEventsIsOnePersonEngaged) {
  const auto year = engagement_in(kAttendance, 2026);
  EXPECT_EQ(year.people, 3);
  EXPECT_EQ(year.attendances, 4);
  EXPECT_EQ(year.minutes, 540);
  EXPECT_EQ(year.events, 3);
  EXPECT_EQ(year.programmes, 2);
}

TEST(VolunteerEngagement, OneItemsProgrammesOnly) {
  const auto item = engagement_in(kAttendance, 2026, "2.2.1");
  EXPECT_EQ(item.people, 2);
  EXPECT_EQ(item.minutes, 480);
  EXPECT_EQ(item.events, 2);
  EXPECT_EQ(item.programmes, 1);
}

TEST(VolunteerEngagement, EachYearByTheEventsDay) {
  EXPECT_EQ(engagement_in(kAttendance, 2027).people, 1);
  EXPECT_TRUE(engagement_in(kAttendance, 2028).empty());
  EXPECT_EQ(engagement_years(kAttendance), (std::vector<int>{2026, 2027}));
}

TEST(VolunteerEngagement, TheLastAndFirstDaysOfAYearBelongToIt) {
  std::vector<Attendance> edges{at(1, 1, 1, "2.2.1", 2026, 60), at(2, 2, 1, "2.2.1", 2026, 60)};
  edges[0].held_on = *CivilDate::from_ymd(2026, 1, 1);
  edges[1].held_on = *CivilDate::from_ymd(2026, 12, 31);
  EXPECT_EQ(engagement_in(edges, 2026).people, 2);
  EXPECT_TRUE(engagement_in(edges, 2025).empty());
  EXPECT_TRUE(engagement_in(edges, 2027).empty());
}

}  // namespace
}  // namespace bsap::volunteer
