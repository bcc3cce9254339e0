// Signing up for a volunteer event and recording the hours served (000 優先行動 2.2 item 1).
#include "volunteer/sign_up.h"

#include <gtest/gtest.h>

namespace bsap::volunteer {
namespace {

const CivilDate kEventDay = *CivilDate::from_ymd(2026, 12, 5);

EventPlaces event_with(int places, int confirmed) {
  return {kEventDay, places, confirmed, false, true};
}

TEST(VolunteerSignUp, APlaceWhileThereIsOneThenTheWaitingList) {
  const CivilDate today = *CivilDate::from_ymd(2026, 11, 24);
  EXPECT_EQ(decide_sign_up(event_with(30, 29), today, std::nullopt).state, SignUpState::confirmed);
  EXPECT_EQ(decide_sign_up(event_with(30, 30), today, std::nullopt).state, SignUpState::waiting);
  EXPECT_EQ(places_left(event_with(30, 29)), 1);
  EXPECT_EQ(places_left(event_with(30, 30)), 0);
  EXPECT_EQ(places_left(event_with(30, 31)), 0);  // after places were reduced
}

TEST(VolunteerSignUp, OpenUntilTheDayBeforeTheEvent) {
  EXPECT_EQ(last_sign_up_day(kEventDay), *CivilDate::from_ymd(2026, 12, 4));
  EXPECT_TRUE(decide_sign_up(event_with(30, 0), kEventDay.plus_days(-1), std::nullopt).state);
  const auto on_the_day = decide_sign_up(event_with(30, 0), kEventDay, std::nullopt);
  EXPECT_FALSE(on_the_day.state);
  EXPECT_EQ(on_the_day.refusal, SignUpRefusal::sign_up_closed);
}

TEST(VolunteerSignUp, OnceOnlyButAgainAfterCancelling) {
  const CivilDate today = *CivilDate::from_ymd(2026, 11, 24);
  EXPECT_EQ(decide_sign_up(event_with(30, 1), today, SignUpState::confirmed).refusal,
            SignUpRefusal::already_signed_up);
  EXPECT_EQ(decide_sign_up(event_with(30, 30), today, SignUpState::waiting).refusal,
            SignUpRefusal::already_signed_up);
  EXPECT_EQ(decide_sign_up(event_with(30, 1), today, SignUpState::cancelled).state,
            SignUpState::confirmed);
}

TEST(VolunteerSignUp, NotForACancelledEventOrAClosedProgramme) {
  const CivilDate today = *CivilDate::from_ymd(2026, 11, 24);
  auto event = event_with(30, 0);
  event.cancelled = true;
  EXPECT_EQ(decide_sign_up(event, today, std::nullopt).refusal, SignUpRefusal::event_cancelled);
  event = event_with(30, 0);
  event.programme_open = false;
  EXPECT_EQ(decide_sign_up(event, today, std::nullopt).refusal, SignUpRefusal::programme_closed);
  EXPECT_EQ(sign_up_refusal_key(SignUpRefusal::programme_closed),
            "volunteer_refusal_programme_closed");
}

TEST(VolunteerAttendance, RecordedOnOrAfterTheEventsDay) {
  EXPECT_FALSE(attendance_open(kEventDay, kEventDay.plus_days(-1)));
  EXPECT_TRUE(attendance_open(kEventDay, kEventDay));
  EXPECT_TRUE(attendance_open(kEventDay, kEventDay.plus_days(30)));
}

TEST(VolunteerAttendance, HoursServedAreDecimalHoursToTheMinute) {
  EXPECT_EQ(parse_hours_served("3.5"), 210);
  EXPECT_EQ(parse_hours_served("2.25"), 135);
  EXPECT_EQ(parse_hours_served("2.33"), 140);  // 139.8 minutes, to the nearest
  EXPECT_EQ(parse_hours_served("4"), 240);
  EXPECT_EQ(parse_hours_served("0.01"), 1);  // 0.6 minutes, to the nearest: the least
  EXPECT_EQ(parse_hours_served("24"), 24 * 60);
  EXPECT_EQ(parse_hours_served("24.00"), 24 * 60);
}

TEST(VolunteerAttendance, HoursOutsideOneMinuteToADayOrNotNumbersAreRefused) {
  for (const char* bad :
       {"0", "0.00", "24.01", "25", "", ".5", "3.", "2.333", "-1", "1,5", "abc", "100"})
    EXPECT_FALSE(parse_hours_served(bad)) << bad;
}

TEST(VolunteerAttendance, HoursAreShownWithoutTrailingZeros) {
  EXPECT_EQ(format_hours(150), "2.5");
  EXPECT_EQ(format_hours(135), "2.25");
  EXPECT_EQ(format_hours(140), "2.33");
  EXPECT_EQ(format_hours(120), "2");
  EXPECT_EQ(format_hours(0), "0");
}

TEST(VolunteerSignUp, StateCodesReadBack) {
  for (auto state : {SignUpState::confirmed, SignUpState::waiting, SignUpState::cancelled})
    EXPECT_EQ(parse_sign_up_state(sign_up_state_code(state)), state);
  EXPECT_FALSE(parse_sign_up_state("attended"));
}

}  // namespace
}  // namespace bsap::volunteer
