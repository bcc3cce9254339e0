#include "volunteer/sign_up.h"

#include <fmt/format.h>

namespace bsap::volunteer {

std::string_view sign_up_state_code(SignUpState state) {
  switch (state) {
    case SignUpState::confirmed:
      return "confirmed";
    case SignUpState::waiting:
      return "waiting";
    case SignUpState::cancelled:
      return "cancelled";
  }
  return "cancelled";
}

std::optional<SignUpState> parse_sign_up_state(std::string_view code) {
  for (auto state : {SignUpState::confirmed, SignUpState::waiting, SignUpState::cancelled})
    if (sign_up_state_code(state) == code) return state;
  return std::nullopt;
}

CivilDate last_sign_up_day(CivilDate held_on) { return held_on.plus_days(-1); }

int places_left(const EventPlaces& event) {
  return event.confirmed >= event.places ? 0 : event.places - event.confirmed;
}

SignUpDecision decide_sign_up(const EventPlaces& event, CivilDate today,
                              std::optional<SignUpState> existing) {
  auto refuse = [](SignUpRefusal why) { return SignUpDecision{std::nullopt, why}; };
  if (event.cancelled) return refuse(SignUpRefusal::event_cancelled);
  if (!event.programme_open) return refuse(SignUpRefusal::programme_closed);
  if (today > last_sign_up_day(event.held_on)) return refuse(SignUpRefusal::sign_up_closed);
  if (existing && *existing != SignUpState::cancelled)
    return refuse(SignUpRefusal::already_signed_up);
  return {places_left(event) > 0 ? SignUpState::confirmed : SignUpState::waiting, std::nullopt};
}

std::string sign_up_refusal_key(SignUpRefusal refusal) {
  switch (refusal) {
    case SignUpRefusal::event_cancelled:
      return "volunteer_refusal_event_cancelled";
    case SignUpRefusal::sign_up_closed:
      return "volunteer_refusal_sign_up_closed";
    case SignUpRefusal::programme_closed:
      return "volunteer_refusal_programme_closed";
    case SignUpRefusal::already_signed_up:
      return "volunteer_refusal_already";
  }
  return "volunteer_refusal_sign_up_closed";
}

std::optional<int> parse_hours_served(std::string_view text) {
  // Whole hours, then up to two decimals, read as hundredths so that nothing is rounded.
  const auto point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (whole.empty() || whole.size() > 2 || fraction.size() > 2) return std::nullopt;
  if (point != std::string_view::npos && fraction.empty()) return std::nullopt;
  int hundredths = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    hundredths = hundredths * 10 + (c - '0');
  }
  hundredths *= 100;
  int scale = 10;
  for (char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
    hundredths += (c - '0') * scale;
    scale /= 10;
  }
  const int minutes = (hundredths * 60 + 50) / 100;  // to the nearest minute
  if (minutes < 1 || minutes > kMostMinutesServed) return std::nullopt;
  return minutes;
}

std::string format_hours(long long minutes) {
  std::string text = fmt::format("{:.2f}", static_cast<double>(minutes) / 60.0);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

bool attendance_open(CivilDate held_on, CivilDate today) { return today >= held_on; }

}  // namespace bsap::volunteer
