// The people volunteering engages, year by year (000 優先行動 2.2 item 1; chapter 5.2's
// indicators): from the attendance organisers record, how many different people served in a
// year, how many hours, at how many events of how many programmes. A person at ten events is
// one person engaged. Pure: the store gives the attendance.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"

namespace bsap::volunteer {

// One person's recorded attendance at one event.
struct Attendance {
  std::int64_t person = 0;  // the user
  std::int64_t event = 0;
  std::int64_t programme = 0;
  std::string item_id;  // the plan item the programme serves
  CivilDate held_on = CivilDate::from_days_since_epoch(0);
  int minutes = 0;
};

struct Engagement {
  int people = 0;  // different people
  int attendances = 0;
  long long minutes = 0;
  int events = 0;  // events with anyone recorded as attending
  int programmes = 0;

  bool empty() const { return attendances == 0; }
};

// The year's engagement, of every programme or of those serving one item.
Engagement engagement_in(const std::vector<Attendance>& attendance, int year,
                         std::optional<std::string_view> item_id = std::nullopt);

// The years with any attendance, ascending.
std::vector<int> engagement_years(const std::vector<Attendance>& attendance);

}  // namespace bsap::volunteer
