#include "track/volunteer_engagement.h"

#include <fmt/format.h>

#include <map>

#include "store/observation_repo.h"
#include "store/volunteer_repo.h"
#include "volunteer/programme.h"

namespace bsap::track {
namespace {

std::string programme_title(const store::StoredProgramme& programme) {
  const auto& d = programme.details;
  if (d.title_zh.empty()) return d.title_en;
  if (d.title_en.empty()) return d.title_zh;
  return d.title_zh + " / " + d.title_en;
}

// Published and closed programmes: what the public and the plan may be told of.
std::vector<store::StoredProgramme> public_programmes(store::Transaction& tx) {
  auto found = store::programmes_in_state(tx, volunteer::ProgrammeState::published);
  auto closed = store::programmes_in_state(tx, volunteer::ProgrammeState::closed);
  found.insert(found.end(), closed.begin(), closed.end());
  return found;
}

}  // namespace

std::optional<ComputedValue> compute_engagement(store::Transaction& tx, std::string_view code,
                                                int year) {
  if (code == "citizen_scientists") {
    const auto people = store::observers_in(tx, year);
    if (people == 0) return std::nullopt;
    return ComputedValue{static_cast<double>(people),
                         fmt::format("bsap: citizen-science observations, {}", year)};
  }
  if (code != "volunteers_engaged" && code != "volunteer_hours") return std::nullopt;
  const auto engagement = volunteer::engagement_in(store::list_attendance(tx), year);
  if (engagement.empty()) return std::nullopt;
  if (code == "volunteers_engaged")
    return ComputedValue{static_cast<double>(engagement.people),
                         fmt::format("bsap: volunteer attendance recorded, {}", year)};
  return ComputedValue{static_cast<double>(engagement.minutes) / 60.0,
                       fmt::format("bsap: volunteer hours recorded, {}", year)};
}

ItemVolunteering volunteering_of_item(store::Transaction& tx, std::string_view item_id, int year) {
  ItemVolunteering item{std::string(item_id),
                        year,
                        volunteer::engagement_in(store::list_attendance(tx), year, item_id),
                        {}};
  for (const auto& programme : public_programmes(tx))
    if (programme.details.item_id == item_id)
      item.programme_titles.push_back(programme_title(programme));
  return item;
}

std::vector<ItemVolunteering> volunteering_by_item(store::Transaction& tx, int year) {
  const auto attendance = store::list_attendance(tx);
  std::map<std::string, ItemVolunteering> by_item;
  auto item_of = [&](const std::string& item_id) -> ItemVolunteering& {
    auto [at, added] = by_item.try_emplace(item_id);
    if (added) {
      at->second.item_id = item_id;
      at->second.year = year;
      at->second.engagement = volunteer::engagement_in(attendance, year, item_id);
    }
    return at->second;
  };
  for (const auto& programme : public_programmes(tx))
    item_of(programme.details.item_id).programme_titles.push_back(programme_title(programme));
  for (const auto& each : attendance)
    if (each.held_on.year() == year) item_of(each.item_id);
  std::vector<ItemVolunteering> items;
  for (auto& [id, item] : by_item) items.push_back(std::move(item));
  return items;
}

}  // namespace bsap::track
