#include "volunteer/engagement.h"

#include <set>

namespace bsap::volunteer {

Engagement engagement_in(const std::vector<Attendance>& attendance, int year,
                         std::optional<std::string_view> item_id) {
  std::set<std::int64_t> people, events, programmes;
  Engagement engagement;
  for (const Attendance& each : attendance) {
    if (each.held_on.year() != year || (item_id && each.item_id != *item_id)) continue;
    ++engagement.attendances;
    engagement.minutes += each.minutes;
    people.insert(each.person);
    events.insert(each.event);
    programmes.insert(each.programme);
  }
  engagement.people = static_cast<int>(people.size());
  engagement.events = static_cast<int>(events.size());
  engagement.programmes = static_cast<int>(programmes.size());
  return engagement;
}

std::vector<int> engagement_years(const std::vector<Attendance>& attendance) {
  std::set<int> years;
  for (const Attendance& each : attendance) years.insert(each.held_on.year());
  return {years.begin(), years.end()};
}

}  // namespace bsap::volunteer
