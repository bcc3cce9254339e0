// Volunteering recorded straight through the store, for the suites that count what it feeds
// (the plan's indicators, an item's progress page, the annual report): a department's published
// programme, and an event of it where people served.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_date.h"
#include "store/volunteer_repo.h"

namespace bsap::store::testing {

// A published programme of the department for the plan item; returns its id.
inline std::int64_t published_programme(Transaction& tx, std::int64_t department_id,
                                        const std::string& title_en, const std::string& item_id,
                                        std::int64_t actor_id) {
  const std::int64_t id = add_programme(tx, {std::nullopt, department_id},
                                        {"", title_en, "", "Work", item_id}, actor_id);
  take_programme_step(tx, id, volunteer::ProgrammeStep::publish, "", actor_id);
  return id;
}

// An event of the programme on the day ("2026-03-01", 09:00 to 13:00), where each person signed
// up and served the minutes given (0: did not come).
inline void served_at_event(Transaction& tx, std::int64_t programme_id, const std::string& day,
                            const std::vector<std::pair<std::int64_t, int>>& minutes,
                            std::int64_t actor_id) {
  volunteer::EventDetails event;
  event.title_en = "Event";
  event.held_on = *parse_iso_date(day);
  event.starts_minute = 9 * 60;
  event.ends_minute = 13 * 60;
  event.place_en = "Mai Po";
  event.places = 10;
  const std::int64_t event_id = add_event(tx, programme_id, event, actor_id);
  std::vector<Served> served;
  for (const auto& [person, each] : minutes) {
    add_sign_up(tx, event_id, person, volunteer::SignUpState::confirmed);
    served.push_back({person, each});
  }
  record_attendance(tx, event_id, served, actor_id);
}

}  // namespace bsap::store::testing
