// The City Biodiversity Index's species figures as the biodiversity hub can give them (issue 9
// §7): for each taxon group the index counts (its indicators 4–6: vascular plants, birds,
// butterflies), the native species recorded in Hong Kong, those first recorded since the previous
// application of the index (species gained), and those recorded in the previous application's
// period with no record since (a candidate for species lost: the absence of records is not
// extinction, so the page says so); the native species of the other classes, for the groups the
// city picks for indicators 7 and 8; and the invasive alien species against all species recorded
// (indicator 11). They are suggestions the plan's secretariat may take as inputs, citing the hub;
// they never replace an entered value. Pure: the store reads the rows (store/bio_feed_repo.h).
//
// What the hub cannot say: indicator 3 (birds of built-up areas) needs a layer of built-up areas,
// which none of the hub's layer kinds is; which groups the city picked for 7 and 8.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::plan {

// One accepted species with a record in the hub (a record off the map for a geospatial issue is
// not counted: it may lie outside Hong Kong), with its classification and establishment, and the
// years of its dated records.
struct RecordedSpecies {
  std::int64_t taxon_id = 0;
  std::string kingdom, phylum, class_name, order_name, family;
  std::string establishment;  // native, exotic, invasive, unknown
  std::vector<int> years;     // distinct, ascending; empty: only undated records
};

// The taxon groups of indicators 4–6, each with the indicator that counts its native species.
enum class CbiTaxonGroup { vascular_plants, birds, butterflies };
inline constexpr CbiTaxonGroup kCbiTaxonGroups[] = {
    CbiTaxonGroup::vascular_plants, CbiTaxonGroup::birds, CbiTaxonGroup::butterflies};
std::string_view group_code(CbiTaxonGroup group);  // "vascular_plants", "birds", "butterflies"
int group_indicator(CbiTaxonGroup group);          // 4, 5, 6
// Whether the species belongs to the group by its classification: vascular plants are the
// phylum Tracheophyta (or one of its classes where the checklist gives no phylum), birds the
// class Aves, butterflies the families of Papilionoidea (with Hesperiidae and Hedylidae) in
// Lepidoptera.
bool in_group(const RecordedSpecies& species, CbiTaxonGroup group);

// The indicator of the proportion of invasive alien species (data/cbi/singapore-index-2021.yaml).
inline constexpr int kInvasiveIndicator = 11;

// The indicators whose taxon groups the city picks (data/cbi/singapore-index-2021.yaml).
inline constexpr int kCityGroupIndicators[] = {7, 8};
// The indicator of native bird species in built-up areas.
inline constexpr int kBuiltUpBirdsIndicator = 3;

struct CbiGroupCount {
  CbiTaxonGroup group = CbiTaxonGroup::birds;
  std::int64_t native_species = 0;  // recorded up to the year's end (or undated)
  // Native species whose first record falls after previous_year and by the year's end: the
  // indicator's species_gained. None without a previous year to count from.
  std::optional<std::int64_t> native_gained;
  // Native species with a record in the previous period (CbiPeriods) and none after it up to the
  // year's end: what the hub can offer for species_lost. None without a previous year.
  std::optional<std::int64_t> native_unrecorded_since;
};

// The native species of a class outside the groups of indicators 4–6, recorded up to the year's
// end: what the city may choose its groups for indicators 7 and 8 from.
struct CbiClassCount {
  std::string class_name;
  std::int64_t native_species = 0;
};

// The years the index is applied in: this one, the previous (the latest earlier year with inputs)
// and the one before that. The previous period runs from after period_start (from the first
// record when there is none) to the end of previous_year.
struct CbiPeriods {
  int year = 0;
  std::optional<int> previous_year;
  std::optional<int> period_start;  // the application before the previous one
};

struct CbiHubCounts {
  CbiPeriods periods;
  std::vector<CbiGroupCount> groups;         // in kCbiTaxonGroups order
  std::vector<CbiClassCount> other_classes;  // by class name; classes with native species only
  std::int64_t invasive_species = 0;         // indicator 11's invasive_alien_species
  std::int64_t total_species = 0;            // indicator 11's total_species
};

// The figures for the periods' year from the hub's species.
CbiHubCounts cbi_hub_counts(const std::vector<RecordedSpecies>& species, const CbiPeriods& periods);

}  // namespace bsap::plan
