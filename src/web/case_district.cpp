#include "web/case_district.h"

#include <algorithm>
#include <cctype>
#include <variant>

#include "geo/area_index.h"
#include "store/bio_area_repo.h"
#include "web/case_view.h"

namespace bsap::web {
namespace {

std::string folded(std::string_view text) {
  std::string lower;
  for (unsigned char c : text) lower += static_cast<char>(std::tolower(c));
  return lower;
}

bool same_district(const plan::ListEntry& entry, const store::BioArea& area) {
  const std::string en = folded(area.name_en);
  const std::string listed = folded(entry.name.en);
  if (en == listed || en == listed + " district") return true;
  const std::string& zh = entry.name.zh;  // "西貢區"
  return !area.name_zh.empty() &&
         (area.name_zh == zh || (zh.ends_with("區") && area.name_zh + "區" == zh));
}

}  // namespace

std::optional<std::string> district_at(RequestContext& ctx, double latitude, double longitude) {
  std::vector<store::BioArea> areas;
  {
    auto tx = ctx.web().store.begin();
    std::vector<std::int64_t> district_layers;
    for (const store::BioLayer& layer : store::list_layers(*tx))
      if (layer.kind == "district") district_layers.push_back(layer.id);
    if (district_layers.empty()) return std::nullopt;
    for (store::BioArea& area : store::list_all_areas(*tx))
      if (std::ranges::find(district_layers, area.layer_id) != district_layers.end())
        areas.push_back(std::move(area));
  }
  std::vector<geo::IndexedArea> indexed;
  for (std::size_t i = 0; i < areas.size(); ++i)
    indexed.push_back(
        {static_cast<int>(i),
         {reinterpret_cast<const unsigned char*>(areas[i].wkb.data()), areas[i].wkb.size()}});
  auto index = geo::AreaIndex::build(indexed);
  if (!std::holds_alternative<geo::AreaIndex>(index)) return std::nullopt;
  std::vector<int> found;
  std::get<geo::AreaIndex>(index).containing(longitude, latitude, found);
  for (int number : found)
    for (const plan::ListEntry& entry : case_lists(ctx).districts)
      if (same_district(entry, areas[static_cast<std::size_t>(number)])) return entry.code;
  return std::nullopt;
}

}  // namespace bsap::web
