#include "plan/cbi_hub_counts.h"

#include <algorithm>
#include <array>
#include <map>

namespace bsap::plan {
namespace {

// The classes of Tracheophyta, for checklists that give a class but no phylum.
constexpr std::array<std::string_view, 8> kVascularPlantClasses = {
    "Magnoliopsida", "Liliopsida",  "Polypodiopsida", "Lycopodiopsida",
    "Pinopsida",     "Cycadopsida", "Gnetopsida",     "Ginkgoopsida"};

// Papilionoidea with the skippers (Hesperiidae) and the moth-butterflies (Hedylidae): the
// butterflies in the sense of Kawahara et al. (2023).
constexpr std::array<std::string_view, 7> kButterflyFamilies = {
    "Papilionidae", "Hesperiidae", "Pieridae", "Riodinidae",
    "Lycaenidae",   "Nymphalidae", "Hedylidae"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

// Recorded by the end of `year`; a species known only from undated records counts as recorded.
bool recorded_by(const RecordedSpecies& species, int year) {
  return species.years.empty() || species.years.front() <= year;
}

// Whether it has a dated record after `after` (when given) and by the end of `by`.
bool recorded_between(const RecordedSpecies& species, std::optional<int> after, int by) {
  return std::ranges::any_of(species.years,
                             [&](int year) { return (!after || year > *after) && year <= by; });
}

bool first_recorded_between(const RecordedSpecies& species, int after, int by) {
  return !species.years.empty() && species.years.front() > after && species.years.front() <= by;
}

bool in_any_group(const RecordedSpecies& species) {
  return std::ranges::any_of(kCbiTaxonGroups,
                             [&](CbiTaxonGroup group) { return in_group(species, group); });
}

CbiGroupCount group_count(const std::vector<RecordedSpecies>& species, CbiTaxonGroup group,
                          const CbiPeriods& periods) {
  CbiGroupCount count{group, 0, std::nullopt, std::nullopt};
  const std::optional<int> previous = periods.previous_year;
  if (previous) count.native_gained = count.native_unrecorded_since = 0;
  for (const RecordedSpecies& one : species) {
    if (one.establishment != "native" || !in_group(one, group)) continue;
    if (recorded_by(one, periods.year)) ++count.native_species;
    if (!previous) continue;
    if (first_recorded_between(one, *previous, periods.year)) ++*count.native_gained;
    if (recorded_between(one, periods.period_start, *previous) &&
        !recorded_between(one, previous, periods.year))
      ++*count.native_unrecorded_since;
  }
  return count;
}

std::vector<CbiClassCount> other_class_counts(const std::vector<RecordedSpecies>& species,
                                              int year) {
  std::map<std::string, std::int64_t> by_class;
  for (const RecordedSpecies& one : species)
    if (one.establishment == "native" && !one.class_name.empty() && !in_any_group(one) &&
        recorded_by(one, year))
      ++by_class[one.class_name];
  std::vector<CbiClassCount> out;
  for (const auto& [class_name, count] : by_class) out.push_back({class_name, count});
  return out;
}

}  // namespace

std::string_view group_code(CbiTaxonGroup group) {
  switch (group) {
    case CbiTaxonGroup::vascular_plants:
      return "vascular_plants";
    case CbiTaxonGroup::birds:
      return "birds";
    case CbiTaxonGroup::butterflies:
      return "butterflies";
  }
  return "";
}

int group_indicator(CbiTaxonGroup group) {
  switch (group) {
    case CbiTaxonGroup::vascular_plants:
      return 4;
    case CbiTaxonGroup::birds:
      return 5;
    case CbiTaxonGroup::butterflies:
      return 6;
  }
  return 0;
}

bool in_group(const RecordedSpecies& species, CbiTaxonGroup group) {
  switch (group) {
    case CbiTaxonGroup::vascular_plants:
      return species.phylum == "Tracheophyta" ||
             (species.phylum.empty() && one_of(kVascularPlantClasses, species.class_name));
    case CbiTaxonGroup::birds:
      return species.class_name == "Aves";
    case CbiTaxonGroup::butterflies:
      return species.order_name == "Lepidoptera" && one_of(kButterflyFamilies, species.family);
  }
  return false;
}

CbiHubCounts cbi_hub_counts(const std::vector<RecordedSpecies>& species,
                            const CbiPeriods& periods) {
  CbiHubCounts counts;
  counts.periods = periods;
  for (CbiTaxonGroup group : kCbiTaxonGroups)
    counts.groups.push_back(group_count(species, group, periods));
  counts.other_classes = other_class_counts(species, periods.year);
  for (const RecordedSpecies& one : species) {
    if (!recorded_by(one, periods.year)) continue;
    ++counts.total_species;
    if (one.establishment == "invasive") ++counts.invasive_species;
  }
  return counts;
}

}  // namespace bsap::plan
