// The City Biodiversity Index's species figures from the hub (issue 9 §7): native species per
// taxon group (indicators 4–6), species gained since the index's previous year, and invasive
// alien species against all species (indicator 11).
#include "plan/cbi_hub_counts.h"

#include <gtest/gtest.h>

namespace bsap::plan {
namespace {

RecordedSpecies bird(std::string establishment, std::vector<int> years) {
  RecordedSpecies species;
  species.kingdom = "Animalia";
  species.phylum = "Chordata";
  species.class_name = "Aves";
  species.establishment = std::move(establishment);
  species.years = std::move(years);
  return species;
}

RecordedSpecies butterfly(std::string family) {
  RecordedSpecies species;
  species.kingdom = "Animalia";
  species.phylum = "Arthropoda";
  species.class_name = "Insecta";
  species.order_name = "Lepidoptera";
  species.family = std::move(family);
  species.establishment = "native";
  species.years = {2010};
  return species;
}

RecordedSpecies plant(std::string phylum, std::string class_name, std::string establishment) {
  RecordedSpecies species;
  species.kingdom = "Plantae";
  species.phylum = std::move(phylum);
  species.class_name = std::move(class_name);
  species.establishment = std::move(establishment);
  species.years = {2000};
  return species;
}

const CbiGroupCount& group(const CbiHubCounts& counts, CbiTaxonGroup wanted) {
  for (const CbiGroupCount& count : counts.groups)
    if (count.group == wanted) return count;
  throw std::logic_error("group missing");
}

TEST(CbiHubCounts, GroupsAreVascularPlantsBirdsAndButterflies_Indicators4To6_Issue9S7) {
  EXPECT_TRUE(
      in_group(plant("Tracheophyta", "Magnoliopsida", "native"), CbiTaxonGroup::vascular_plants));
  EXPECT_TRUE(in_group(plant("", "Polypodiopsida", "native"), CbiTaxonGroup::vascular_plants));
  EXPECT_FALSE(in_group(plant("Bryophyta", "Bryopsida", "native"), CbiTaxonGroup::vascular_plants));
  EXPECT_TRUE(in_group(bird("native", {2000}), CbiTaxonGroup::birds));
  EXPECT_TRUE(in_group(butterfly("Nymphalidae"), CbiTaxonGroup::butterflies));
  EXPECT_TRUE(in_group(butterfly("Hesperiidae"), CbiTaxonGroup::butterflies));
  EXPECT_FALSE(in_group(butterfly("Noctuidae"), CbiTaxonGroup::butterflies));  // a moth
  EXPECT_EQ(group_indicator(CbiTaxonGroup::vascular_plants), 4);
  EXPECT_EQ(group_indicator(CbiTaxonGroup::birds), 5);
  EXPECT_EQ(group_indicator(CbiTaxonGroup::butterflies), 6);
}

TEST(CbiHubCounts, NativeSpeciesAreCountedUpToTheYearAndGainedSinceThePreviousYear_Issue9S7) {
  const std::vector<RecordedSpecies> species{
      bird("native", {2001}), bird("native", {2019}),
      bird("native", {2021}), bird("native", {2027}),  // after the year: not yet recorded
      bird("native", {}),                              // undated: recorded, never gained
      bird("exotic", {2020})};
  const CbiHubCounts counts = cbi_hub_counts(species, {2026, 2018, std::nullopt});
  const CbiGroupCount& birds = group(counts, CbiTaxonGroup::birds);
  EXPECT_EQ(birds.native_species, 4);
  ASSERT_TRUE(birds.native_gained);
  EXPECT_EQ(*birds.native_gained, 2);
  EXPECT_EQ(group(counts, CbiTaxonGroup::butterflies).native_species, 0);
}

TEST(CbiHubCounts, WithoutAPreviousYearNothingIsGained_Issue9S7) {
  const CbiHubCounts counts =
      cbi_hub_counts({bird("native", {2020})}, {2026, std::nullopt, std::nullopt});
  EXPECT_FALSE(group(counts, CbiTaxonGroup::birds).native_gained);
  EXPECT_FALSE(group(counts, CbiTaxonGroup::birds).native_unrecorded_since);
  EXPECT_EQ(group(counts, CbiTaxonGroup::birds).native_species, 1);
}

TEST(CbiHubCounts, SpeciesRecordedInThePreviousPeriodAndNotSinceAreCounted_Issue9S7) {
  // The index applied in 2014, 2018 and now 2026: the previous period is 2015–2018.
  const std::vector<RecordedSpecies> species{
      bird("native", {2016, 2018}),  // last seen in the previous year: not recorded since
      bird("native", {2017, 2026}),  // seen again in this year
      bird("native", {2018, 2019}),  // seen again the year after the previous one
      bird("native", {2014}),        // last seen in the period before: not the previous one's
      bird("native", {2015, 2027}),  // the next record is after this year
      bird("native", {}),            // undated: never counted as unrecorded
      bird("exotic", {2016}),        // not native
      butterfly("Nymphalidae")};     // 2010: another group, and before the period
  const CbiHubCounts counts = cbi_hub_counts(species, {2026, 2018, 2014});
  const CbiGroupCount& birds = group(counts, CbiTaxonGroup::birds);
  ASSERT_TRUE(birds.native_unrecorded_since);
  EXPECT_EQ(*birds.native_unrecorded_since, 2);  // the 2016–2018 and the 2015 (then 2027) birds
  EXPECT_EQ(*group(counts, CbiTaxonGroup::butterflies).native_unrecorded_since, 0);
  // Without an application before the previous one, the period reaches back to the first record.
  const CbiHubCounts first = cbi_hub_counts(species, {2026, 2018, std::nullopt});
  EXPECT_EQ(*group(first, CbiTaxonGroup::birds).native_unrecorded_since, 3);
  EXPECT_EQ(*group(first, CbiTaxonGroup::butterflies).native_unrecorded_since, 1);
}

TEST(CbiHubCounts, OtherClassesNativeSpeciesAreCountedForTheCitysOwnGroups_Issue9S7) {
  RecordedSpecies frog = bird("native", {2010});
  frog.class_name = "Amphibia";
  RecordedSpecies newt = frog;
  RecordedSpecies late_frog = bird("native", {2030});  // after the year
  late_frog.class_name = "Amphibia";
  RecordedSpecies alien_turtle = bird("invasive", {2010});
  alien_turtle.class_name = "Reptilia";
  const std::vector<RecordedSpecies> species{
      frog, newt, late_frog, alien_turtle, bird("native", {2010}), butterfly("Papilionidae")};
  const CbiHubCounts counts = cbi_hub_counts(species, {2026, std::nullopt, std::nullopt});
  ASSERT_EQ(counts.other_classes.size(), 1u);  // birds and butterflies are indicators 5 and 6
  EXPECT_EQ(counts.other_classes[0].class_name, "Amphibia");
  EXPECT_EQ(counts.other_classes[0].native_species, 2);
}

TEST(CbiHubCounts, InvasiveAlienSpeciesAreCountedAgainstAllSpecies_Indicator11_Issue9S7) {
  const std::vector<RecordedSpecies> species{
      plant("Tracheophyta", "Magnoliopsida", "invasive"),
      plant("Tracheophyta", "Magnoliopsida", "native"), bird("exotic", {2020}),
      bird("invasive", {2030})};  // first recorded after the year
  const CbiHubCounts counts = cbi_hub_counts(species, {2026, std::nullopt, std::nullopt});
  EXPECT_EQ(counts.invasive_species, 1);
  EXPECT_EQ(counts.total_species, 3);
  EXPECT_EQ(kInvasiveIndicator, 11);
}

}  // namespace
}  // namespace bsap::plan
