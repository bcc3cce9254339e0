// What volunteering and citizen science feed into the plan (000 優先行動 2.2 item 1; chapter
// 5.2): the computed indicators volunteers_engaged, volunteer_hours and citizen_scientists, and
// for an item's progress the programmes serving it with the people, hours and events of a year,
// so that a focal point reports from recorded attendance rather than retyping it. Reads only.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"
#include "track/computed_indicators.h"
#include "volunteer/engagement.h"

namespace bsap::track {

// The value of one of the three codes for the year, or nullopt when the year has nothing (or
// the code is not one of them).
std::optional<ComputedValue> compute_engagement(store::Transaction& tx, std::string_view code,
                                                int year);

// The programmes serving an item and what they did in a year.
struct ItemVolunteering {
  std::string item_id;
  int year = 0;
  volunteer::Engagement engagement;
  std::vector<std::string> programme_titles;  // published or closed programmes, zh / en
};
ItemVolunteering volunteering_of_item(store::Transaction& tx, std::string_view item_id, int year);
// Every item with a published programme or any attendance in the year, in item order.
std::vector<ItemVolunteering> volunteering_by_item(store::Transaction& tx, int year);

}  // namespace bsap::track
