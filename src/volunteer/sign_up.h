// Signing up for a volunteer event and recording who came (000 優先行動 2.2 item 1): the rules,
// pure. Sign-up is open until the end of the day before the event, so that the organiser's list
// is settled on the day. Past the event's places, people join a waiting list in the order they
// signed up; a cancelled place goes to the first of them. Attendance is recorded on or after the
// event's day, with the hours each person served.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"

namespace bsap::volunteer {

enum class SignUpState { confirmed, waiting, cancelled };
std::string_view sign_up_state_code(SignUpState state);
std::optional<SignUpState> parse_sign_up_state(std::string_view code);

// What the decision needs of the event.
struct EventPlaces {
  CivilDate held_on = CivilDate::from_days_since_epoch(0);
  int places = 0;
  int confirmed = 0;  // people holding a place now
  bool cancelled = false;
  bool programme_open = true;  // its programme is published (not closed)
};

enum class SignUpRefusal {
  event_cancelled,
  sign_up_closed,  // the event's day has come
  programme_closed,
  already_signed_up,  // confirmed or waiting already
};

struct SignUpDecision {
  std::optional<SignUpState> state;  // confirmed or waiting, when not refused
  std::optional<SignUpRefusal> refusal;
};

// `existing`: the person's sign-up for the event, if any (a cancelled one may sign up again).
SignUpDecision decide_sign_up(const EventPlaces& event, CivilDate today,
                              std::optional<SignUpState> existing);
// The last day to sign up: the day before the event.
CivilDate last_sign_up_day(CivilDate held_on);
int places_left(const EventPlaces& event);

// "volunteer_refusal_sign_up_closed", ... (data/i18n/messages.yaml).
std::string sign_up_refusal_key(SignUpRefusal refusal);

inline constexpr int kMostMinutesServed = 24 * 60;

// "2.5" hours → 150 minutes: a decimal number of hours with at most two decimals, to the
// nearest minute, at least one minute and at most 24 hours. nullopt otherwise.
std::optional<int> parse_hours_served(std::string_view text);
// 150 → "2.5"; 135 → "2.25"; 140 → "2.33"; 120 → "2".
std::string format_hours(long long minutes);
// Whether attendance may be recorded today: on or after the event's day.
bool attendance_open(CivilDate held_on, CivilDate today);

}  // namespace bsap::volunteer
