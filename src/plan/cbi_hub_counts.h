// The City Biodiversity Index's species figures as the biodiversity hub can give them (issue 9
// §7): for each taxon group the index counts (its indicators 4–6: vascular plants, birds,
// butterflies), the native species recorded in Hong Kong and those first recorded since the
// previous application of the index; and the invasive alien species against all species recorded
// (indicator 11). They are suggestions the plan's secretariat may take as inputs, citing the hub;
// they never replace an entered value. Pure: the store reads the rows (store/bio_feed_repo.h).
//
// What the hub cannot say: a species lost (gone extinct) is not shown by the absence of records,
// so the indicators' species_lost stays the secretariat's; indicator 3 (birds of built-up areas)
// needs a built-up area layer the hub does not hold; indicators 7 and 8 are groups the city picks.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::plan {

// One accepted species with a record in the hub (a record off the map for a geospatial issue is
// not counted: it may lie outside Hong Kong), with its classification and establishment, and the
// year of its first dated record.
struct RecordedSpecies {
  std::int64_t taxon_id = 0;
  std::string kingdom, phylum, class_name, order_name, family;
  std::string establishment;      // native, exotic, invasive, unknown
  std::optional<int> first_year;  // none: only undated records
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

struct CbiGroupCount {
  CbiTaxonGroup group = CbiTaxonGroup::birds;
  std::int64_t native_species = 0;  // recorded up to the year's end (or undated)
  // Native species whose first record falls after previous_year and by the year's end: the
  // indicator's species_gained. None without a previous year to count from.
  std::optional<std::int64_t> native_gained;
};

struct CbiHubCounts {
  int year = 0;
  std::optional<int> previous_year;
  std::vector<CbiGroupCount> groups;  // in kCbiTaxonGroups order
  std::int64_t invasive_species = 0;  // indicator 11's invasive_alien_species
  std::int64_t total_species = 0;     // indicator 11's total_species
};

// The figures for `year` from the hub's species; previous_year: the year the index was last
// applied (its inputs recorded), from which species_gained counts.
CbiHubCounts cbi_hub_counts(const std::vector<RecordedSpecies>& species, int year,
                            std::optional<int> previous_year);

}  // namespace bsap::plan
