#include "plan/cbi_hub_counts.h"

#include <algorithm>
#include <array>

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
  return !species.first_year || *species.first_year <= year;
}

bool first_recorded_between(const RecordedSpecies& species, int after, int by) {
  return species.first_year && *species.first_year > after && *species.first_year <= by;
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

CbiHubCounts cbi_hub_counts(const std::vector<RecordedSpecies>& species, int year,
                            std::optional<int> previous_year) {
  CbiHubCounts counts;
  counts.year = year;
  counts.previous_year = previous_year;
  for (CbiTaxonGroup group : kCbiTaxonGroups) {
    CbiGroupCount count{group, 0, std::nullopt};
    if (previous_year) count.native_gained = 0;
    for (const RecordedSpecies& one : species) {
      if (one.establishment != "native" || !in_group(one, group)) continue;
      if (recorded_by(one, year)) ++count.native_species;
      if (previous_year && first_recorded_between(one, *previous_year, year))
        ++*count.native_gained;
    }
    counts.groups.push_back(count);
  }
  for (const RecordedSpecies& one : species) {
    if (!recorded_by(one, year)) continue;
    ++counts.total_species;
    if (one.establishment == "invasive") ++counts.invasive_species;
  }
  return counts;
}

}  // namespace bsap::plan
