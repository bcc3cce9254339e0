// The species search typed in Simplified Chinese finds the Hong Kong Traditional names the
// checklist holds, on SQLite and PostgreSQL. The pairs are real: the Hong Kong names of the
// Avifauna of Hong Kong checklist and the names a reader in the mainland types. OpenCC's s2hk would
// turn 白腹海雕 and 发冠卷尾 into 白腹海雕 and 發冠卷尾, not the 鵰 and 髮 Hong Kong writes.
#include "hub/species_search.h"

#include <gtest/gtest.h>

#include "store/bio_taxon_repo.h"
#include "store/store_test_fixture.h"

namespace bsap::hub {
namespace {

using store::Backend;

store::BioTaxon taxon(const std::string& id, const std::string& name, const std::string& name_zh,
                      const std::string& accepted = "") {
  store::BioTaxon t;
  t.source_taxon_id = id;
  t.scientific_name = t.canonical_name = name;
  t.rank = "species";
  t.accepted_source_id = accepted;
  t.name_zh = name_zh;
  return t;
}

class SpeciesSearchTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    import({taxon("t1", "Haliaeetus leucogaster", "白腹海鵰"),
            taxon("t2", "Dicrurus hottentottus", "髮冠卷尾"),
            taxon("t3", "Platalea minor", "黑臉琵鷺"),
            taxon("t4", "Paramesotriton hongkongensis", "香港瘰螈"),
            taxon("t5", "Trimeresurus albolabris", "白唇竹葉青"),
            taxon("t6", "Cryptelytrops albolabris", "白唇青竹蛇", "t5")});
  }

  void import(const std::vector<store::BioTaxon>& taxa) {
    store::in_transaction(*store_, [&](store::Transaction& tx) {
      store::import_checklist(tx, "hk", taxa, "tester");
    });
  }

  std::vector<std::string> found(const std::string& text) {
    std::vector<std::string> names;
    store::in_transaction(*store_, [&](store::Transaction& tx) {
      for (const store::TaxonHit& hit : search_species(tx, index_, converter_, text, 10))
        names.push_back(hit.taxon.scientific_name);
    });
    return names;
  }

  SimplifiedConverter converter_;
  SimplifiedNameIndex index_;
};

using Names = std::vector<std::string>;

TEST_P(SpeciesSearchTest, SimplifiedFindsTheHongKongTraditionalName) {
  EXPECT_EQ(found("白腹海雕"), Names{"Haliaeetus leucogaster"});  // stored 白腹海鵰
  EXPECT_EQ(found("发冠卷尾"), Names{"Dicrurus hottentottus"});   // stored 髮冠卷尾
  EXPECT_EQ(found("黑脸琵鹭"), Names{"Platalea minor"});          // stored 黑臉琵鷺
}

TEST_P(SpeciesSearchTest, PartOfASimplifiedNameFindsEveryTaxonHoldingIt) {
  EXPECT_EQ(found("琵鹭"), Names{"Platalea minor"});
  EXPECT_EQ(found(" 海雕 "), Names{"Haliaeetus leucogaster"});  // blanks around aside
  EXPECT_EQ(found("白"), (Names{"Haliaeetus leucogaster", "Trimeresurus albolabris"}));
}

TEST_P(SpeciesSearchTest, TraditionalStillFindsAndNamesTheSameInBothScriptsToo) {
  EXPECT_EQ(found("白腹海鵰"), Names{"Haliaeetus leucogaster"});
  EXPECT_EQ(found("黑臉琵鷺"), Names{"Platalea minor"});
  EXPECT_EQ(found("香港瘰螈"), Names{"Paramesotriton hongkongensis"});
}

TEST_P(SpeciesSearchTest, ASynonymsSimplifiedNameFindsItsAcceptedName) {
  EXPECT_EQ(found("白唇青竹蛇"), Names{"Trimeresurus albolabris"});  // the synonym's 白唇青竹蛇
  EXPECT_EQ(found("竹叶青"), Names{"Trimeresurus albolabris"});      // the accepted 竹葉青
}

TEST_P(SpeciesSearchTest, ScientificNamesAreFoundAsBefore) {
  EXPECT_EQ(found("platalea"), Names{"Platalea minor"});
  EXPECT_EQ(found("Cryptelytrops"), Names{"Trimeresurus albolabris"});
  EXPECT_TRUE(found("   ").empty());
}

TEST_P(SpeciesSearchTest, ANameAddedAfterASearchIsFound) {
  EXPECT_TRUE(found("褐翅鸦鹃").empty());  // the index is made now
  import({taxon("t7", "Centropus sinensis", "褐翅鴉鵑")});
  EXPECT_EQ(found("褐翅鸦鹃"), Names{"Centropus sinensis"});
}

INSTANTIATE_TEST_SUITE_P(Backends, SpeciesSearchTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::hub
