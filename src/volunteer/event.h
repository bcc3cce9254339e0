// A volunteer event of a published programme (000 優先行動 2.2 item 1): a day, a time, a place and
// a number of places, as its organiser types them, checked. A new event is not in the past; it
// ends after it starts on the same day. Pure: the caller gives the day.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"

namespace bsap::volunteer {

inline constexpr int kMostPlaces = 1000;
inline constexpr std::size_t kMostPlaceBytes = 300;
inline constexpr std::size_t kMostEventTitleBytes = 200;

// As typed into the form: held_on "YYYY-MM-DD", starts_at and ends_at "HH:MM" (24-hour).
struct EventEntry {
  std::string title_zh, title_en, held_on, starts_at, ends_at, place_zh, place_en, places;
};

enum class EventFault {
  title_missing,        // neither language has a title
  title_too_long,       // over kMostEventTitleBytes
  date_not_a_day,       // not YYYY-MM-DD
  date_past,            // before today in Hong Kong
  start_not_time,       // not HH:MM
  end_not_time,         // not HH:MM
  end_not_after_start,  // ends at or before it starts
  place_missing,        // neither language says where
  place_too_long,       // over kMostPlaceBytes
  places_not_whole,     // not a whole number from 1 to kMostPlaces
};

struct EventFieldFault {
  std::string field;  // the form input's id
  EventFault fault;
};

struct EventDetails {
  std::string title_zh, title_en;
  CivilDate held_on = CivilDate::from_days_since_epoch(0);
  int starts_minute = 0, ends_minute = 0;  // minutes after midnight, Hong Kong time
  std::string place_zh, place_en;
  int places = 0;

  int minutes() const { return ends_minute - starts_minute; }
};

struct CheckedEvent {
  std::optional<EventDetails> details;  // none when any fault
  std::vector<EventFieldFault> faults;
};

CheckedEvent check_event(const EventEntry& entry, CivilDate today);

// "09:30" → 570; nullopt unless exactly HH:MM with HH 00–23 and MM 00–59.
std::optional<int> parse_time_of_day(std::string_view text);
// 570 → "09:30".
std::string format_time_of_day(int minute);

// "volunteer_fault_date_past", ... (data/i18n/messages.yaml).
std::string event_fault_key(EventFault fault);

}  // namespace bsap::volunteer
