#include "volunteer/event.h"

#include <charconv>

#include <fmt/format.h>

#include "biodata/text_trim.h"

namespace bsap::volunteer {
namespace {

std::string trimmed(std::string_view text) { return std::string(biodata::trim(text)); }

std::optional<int> parse_two_digits(std::string_view text) {
  if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9')
    return std::nullopt;
  return (text[0] - '0') * 10 + (text[1] - '0');
}

std::optional<int> parse_places(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (value < 1 || value > kMostPlaces) return std::nullopt;
  return value;
}

void check_texts(const EventDetails& details, std::vector<EventFieldFault>& faults) {
  if (details.title_zh.empty() && details.title_en.empty())
    faults.push_back({"event_title_zh", EventFault::title_missing});
  for (const auto& [field, text] : {std::pair{"event_title_zh", &details.title_zh},
                                    std::pair{"event_title_en", &details.title_en}})
    if (text->size() > kMostEventTitleBytes) faults.push_back({field, EventFault::title_too_long});
  if (details.place_zh.empty() && details.place_en.empty())
    faults.push_back({"place_zh", EventFault::place_missing});
  for (const auto& [field, text] :
       {std::pair{"place_zh", &details.place_zh}, std::pair{"place_en", &details.place_en}})
    if (text->size() > kMostPlaceBytes) faults.push_back({field, EventFault::place_too_long});
}

}  // namespace

std::optional<int> parse_time_of_day(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto hours = parse_two_digits(text.substr(0, 2));
  auto minutes = parse_two_digits(text.substr(3, 2));
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return *hours * 60 + *minutes;
}

std::string format_time_of_day(int minute) {
  return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
}

CheckedEvent check_event(const EventEntry& entry, CivilDate today) {
  CheckedEvent checked;
  auto fault = [&](std::string field, EventFault f) {
    checked.faults.push_back({std::move(field), f});
  };
  EventDetails details;
  details.title_zh = trimmed(entry.title_zh);
  details.title_en = trimmed(entry.title_en);
  details.place_zh = trimmed(entry.place_zh);
  details.place_en = trimmed(entry.place_en);
  check_texts(details, checked.faults);
  auto day = parse_iso_date(biodata::trim(entry.held_on));
  if (!day)
    fault("held_on", EventFault::date_not_a_day);
  else if (*day < today)
    fault("held_on", EventFault::date_past);
  auto starts = parse_time_of_day(biodata::trim(entry.starts_at));
  auto ends = parse_time_of_day(biodata::trim(entry.ends_at));
  if (!starts) fault("starts_at", EventFault::start_not_time);
  if (!ends) fault("ends_at", EventFault::end_not_time);
  if (starts && ends && *ends <= *starts) fault("ends_at", EventFault::end_not_after_start);
  auto places = parse_places(biodata::trim(entry.places));
  if (!places) fault("places", EventFault::places_not_whole);
  if (!checked.faults.empty()) return checked;
  details.held_on = *day;
  details.starts_minute = *starts;
  details.ends_minute = *ends;
  details.places = *places;
  checked.details = std::move(details);
  return checked;
}

std::string event_fault_key(EventFault fault) {
  switch (fault) {
    case EventFault::title_missing:
      return "volunteer_fault_event_title_missing";
    case EventFault::title_too_long:
      return "volunteer_fault_title_too_long";
    case EventFault::date_not_a_day:
      return "volunteer_fault_date";
    case EventFault::date_past:
      return "volunteer_fault_date_past";
    case EventFault::start_not_time:
      return "volunteer_fault_start";
    case EventFault::end_not_time:
      return "volunteer_fault_end";
    case EventFault::end_not_after_start:
      return "volunteer_fault_end_before_start";
    case EventFault::place_missing:
      return "volunteer_fault_place_missing";
    case EventFault::place_too_long:
      return "volunteer_fault_place_too_long";
    case EventFault::places_not_whole:
      return "volunteer_fault_places";
  }
  return "volunteer_fault_date";
}

}  // namespace bsap::volunteer
