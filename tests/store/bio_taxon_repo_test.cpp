// The checklist written whole (issue 9 §3): names added or updated in place by taxonID, so that
// the ids occurrences point at stay; synonyms linked to their accepted names wherever those come
// in the file; on both backends.
#include "store/bio_taxon_repo.h"

#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "store/bio_taxon_status_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

BioTaxon taxon(std::string id, std::string name, std::string accepted = "") {
  BioTaxon out;
  out.source_taxon_id = std::move(id);
  out.scientific_name = name;
  out.canonical_name = std::move(name);
  out.rank = "species";
  out.accepted_source_id = std::move(accepted);
  return out;
}

class ChecklistWriteTest : public StoreTest {
 protected:
  std::size_t import(const std::string& checklist, const std::vector<BioTaxon>& taxa) {
    std::size_t written = 0;
    in_transaction(*store_, [&](Transaction& tx) {
      written = import_checklist(tx, checklist, taxa, "tester");
    });
    return written;
  }

  // Every name as stored, by scientific name.
  std::map<std::string, BioTaxon> stored() {
    std::map<std::string, BioTaxon> out;
    in_transaction(*store_, [&](Transaction& tx) {
      for (const biodata::ChecklistName& name : checklist_names(tx)) {
        BioTaxon each = *find_taxon(tx, name.taxon);
        out[each.scientific_name] = each;
      }
    });
    return out;
  }
};

TEST_P(ChecklistWriteTest, SynonymsLinkToAcceptedNamesLaterInTheFileOrNowhere_Issue9S3) {
  EXPECT_EQ(import("hk", {taxon("s1", "Rana guentheri", "a1"), taxon("a1", "Sylvirana guentheri"),
                          taxon("s2", "Rana unknown", "missing"), taxon("a2", "Self", "a2")}),
            4u);
  auto names = stored();
  ASSERT_EQ(names.size(), 4u);
  EXPECT_EQ(names["Rana guentheri"].accepted_id, names["Sylvirana guentheri"].id);
  EXPECT_FALSE(names["Sylvirana guentheri"].accepted_id);
  EXPECT_FALSE(names["Rana unknown"].accepted_id);  // its accepted name is not in the checklist
  EXPECT_FALSE(names["Self"].accepted_id);          // its own accepted name: not a synonym
}

TEST_P(ChecklistWriteTest, ImportedAgainNamesKeepTheirIdsAndSynonymyFollowsTheNewFile_Issue9S3) {
  import("hk", {taxon("a1", "Hoplobatrachus rugulosus"), taxon("s1", "Rana rugulosa", "a1"),
                taxon("a2", "Polypedates megacephalus")});
  auto before = stored();
  BioTaxon renamed = taxon("a2", "Polypedates megacephalus");
  renamed.name_en = "Brown tree frog";
  // s1 is now accepted and a1 its synonym; a3 is new.
  import("hk", {taxon("a1", "Hoplobatrachus rugulosus", "s1"), taxon("s1", "Rana rugulosa"),
                renamed, taxon("a3", "Fejervarya limnocharis")});
  auto after = stored();
  ASSERT_EQ(after.size(), 4u);
  for (const auto& [name, held] : before) EXPECT_EQ(after[name].id, held.id) << name;
  EXPECT_FALSE(after["Rana rugulosa"].accepted_id);
  EXPECT_EQ(after["Hoplobatrachus rugulosus"].accepted_id, after["Rana rugulosa"].id);
  EXPECT_EQ(after["Polypedates megacephalus"].name_en, "Brown tree frog");
  EXPECT_FALSE(after["Fejervarya limnocharis"].accepted_id);
}

TEST_P(ChecklistWriteTest, ATaxonIdGivenTwiceIsOneNameWithTheLastRowsValues_Issue9S3) {
  BioTaxon first = taxon("t1", "Cuora trifasciata", "t2");
  first.name_en = "first";
  BioTaxon second = taxon("t1", "Cuora trifasciata");
  second.name_en = "second";
  EXPECT_EQ(import("hk", {first, taxon("t2", "Cuora flavomarginata"), second}), 3u);
  auto names = stored();
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names["Cuora trifasciata"].name_en, "second");
  EXPECT_FALSE(names["Cuora trifasciata"].accepted_id);  // the last row says accepted
}

TEST_P(ChecklistWriteTest, ChecklistsHoldTheSameTaxonIdApart_Issue9S3) {
  import("hk", {taxon("t1", "Cuora trifasciata")});
  import("gbif", {taxon("t1", "Cuora trifasciata"), taxon("s1", "Cistoclemmys", "t1")});
  std::int64_t count = 0;
  std::vector<BioTaxon> named;
  in_transaction(*store_, [&](Transaction& tx) {
    count = count_taxa(tx);
    named = find_taxa_named(tx, "Cistoclemmys");
  });
  EXPECT_EQ(count, 3);
  ASSERT_EQ(named.size(), 1u);
  std::vector<BioTaxon> turtles;
  in_transaction(*store_,
                 [&](Transaction& tx) { turtles = find_taxa_named(tx, "Cuora trifasciata"); });
  ASSERT_EQ(turtles.size(), 2u);
  EXPECT_EQ(named[0].accepted_id, turtles[1].id);  // the gbif one, added second
}

// New names are added fifty to a statement: every field of every name comes back, past the
// batches' edges, and a taxonID repeated after a batch updates the name the batch added.
TEST_P(ChecklistWriteTest, ManyNamesComeBackWholeWhateverBatchTheyWentIn_Issue9S3) {
  const std::string categories[] = {"", "CR", "EN", "VU", "LC"};
  const std::string establishments[] = {"native", "exotic", "invasive", "unknown"};
  std::vector<BioTaxon> taxa;
  for (int i = 0; i < 123; ++i) {
    BioTaxon each = taxon("t" + std::to_string(i), "Species " + std::to_string(i),
                          i % 10 == 1 ? "t" + std::to_string(i + 1) : "");
    each.kingdom = "K" + std::to_string(i), each.phylum = "P" + std::to_string(i);
    each.class_name = "C" + std::to_string(i), each.order_name = "O" + std::to_string(i);
    each.family = "F" + std::to_string(i), each.genus = "G" + std::to_string(i);
    each.taxonomic_status = i % 10 == 1 ? "synonym" : "accepted";
    each.name_zh = "物種" + std::to_string(i), each.name_en = "species " + std::to_string(i);
    each.establishment = establishments[i % 4];
    each.iucn_category = categories[i % 5];
    each.sensitivity = i % 5;
    taxa.push_back(each);
  }
  BioTaxon again = taxa[5];
  again.name_en = "given again";
  std::vector<BioTaxon> file = taxa;
  file.insert(file.begin() + 110, again);
  EXPECT_EQ(import("hk", {}), 0u);
  EXPECT_EQ(import("hk", file), 124u);
  auto names = stored();
  ASSERT_EQ(names.size(), 123u);
  for (int i = 0; i < 123; ++i) {
    const BioTaxon& want = i == 5 ? again : taxa[static_cast<std::size_t>(i)];
    const BioTaxon& got = names[want.scientific_name];
    EXPECT_EQ(got.source_taxon_id, want.source_taxon_id);
    EXPECT_EQ(
        std::tie(got.canonical_name, got.rank, got.kingdom, got.phylum, got.class_name,
                 got.order_name, got.family, got.genus, got.taxonomic_status, got.name_zh,
                 got.name_en, got.establishment, got.iucn_category, got.sensitivity),
        std::tie(want.canonical_name, want.rank, want.kingdom, want.phylum, want.class_name,
                 want.order_name, want.family, want.genus, want.taxonomic_status, want.name_zh,
                 want.name_en, want.establishment, want.iucn_category, want.sensitivity))
        << want.scientific_name;
    if (i % 10 == 1 && i + 1 < 123)
      EXPECT_EQ(got.accepted_id, names["Species " + std::to_string(i + 1)].id) << i;
    else
      EXPECT_FALSE(got.accepted_id) << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ChecklistWriteTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

}  // namespace
}  // namespace bsap::store::testing
