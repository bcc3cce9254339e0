// Administrators' changes to a taxon (issue 9 §3 sensitivity, IUCN, establishment and named
// lists; §6 sensitivity category): each is checked before it is written, written in the caller's
// transaction and audited, on both backends.
#include "store/bio_taxon_status_repo.h"

#include <gmock/gmock.h>

#include "store/audit_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::HasSubstr;

class TaxonStatusTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    BioTaxon turtle;
    turtle.source_taxon_id = "t1";
    turtle.scientific_name = "Cuora trifasciata (Bell, 1825)";
    turtle.canonical_name = "Cuora trifasciata";
    turtle.rank = "species";
    turtle.name_zh = "金錢龜";
    turtle.name_en = "Golden coin turtle";
    BioTaxon newt = turtle;
    newt.source_taxon_id = "t2";
    newt.scientific_name = "Paramesotriton hongkongensis (Myers & Leviton, 1962)";
    newt.canonical_name = "Paramesotriton hongkongensis";
    newt.name_zh = "香港瘰螈";
    newt.name_en = "Hong Kong newt";
    in_transaction(*store_, [&](Transaction& tx) {
      import_checklist(tx, "hk-test", {turtle, newt}, "tester");
      turtle_id_ = find_taxa_named(tx, "Cuora trifasciata").at(0).id;
    });
  }

  BioTaxon turtle() {
    BioTaxon taxon;
    in_transaction(*store_, [&](Transaction& tx) { taxon = *find_taxon(tx, turtle_id_); });
    return taxon;
  }

  std::string refusal(const TaxonStatusChange& change, std::int64_t id) {
    try {
      in_transaction(*store_, [&](Transaction& tx) { set_taxon_status(tx, id, change, "admin"); });
    } catch (const TaxonChangeRefused& refused) {
      return refused.what();
    }
    return "";
  }

  // The turtle's lists and the audit log as they now are.
  std::pair<std::vector<TaxonListEntry>, std::vector<AuditRecord>> lists_and_log() {
    std::pair<std::vector<TaxonListEntry>, std::vector<AuditRecord>> out;
    in_transaction(*store_, [&](Transaction& tx) {
      out = {taxon_lists(tx, turtle_id_), load_audit_log(tx)};
    });
    return out;
  }

  std::int64_t turtle_id_ = 0;
};

TEST_P(TaxonStatusTest, SettingSensitivityIucnAndEstablishmentIsWrittenAndAudited_Issue9S3S6) {
  const auto audit_before = count_rows("audit_log");
  in_transaction(*store_, [&](Transaction& tx) {
    set_taxon_status(tx, turtle_id_, {4, std::string("CR"), std::string("native")}, "admin");
  });
  BioTaxon taxon = turtle();
  EXPECT_EQ(taxon.sensitivity, 4);
  EXPECT_EQ(taxon.iucn_category, "CR");
  EXPECT_EQ(taxon.establishment, "native");
  EXPECT_EQ(count_rows("audit_log"), audit_before + 1);
  std::vector<AuditRecord> log;
  in_transaction(*store_, [&](Transaction& tx) { log = load_audit_log(tx); });
  EXPECT_EQ(log.back().entity, "bio_taxon");
  EXPECT_EQ(log.back().action, "set_status");
  EXPECT_THAT(log.back().before_json, HasSubstr("\"sensitivity\":0"));
  EXPECT_THAT(log.back().after_json, HasSubstr("\"iucn_category\":\"CR\""));
}

TEST_P(TaxonStatusTest, AnAbsentFieldStaysAsItWas_Issue9S3) {
  in_transaction(*store_, [&](Transaction& tx) {
    set_taxon_status(tx, turtle_id_, {2, std::string("EN"), std::string("native")}, "admin");
    set_taxon_status(tx, turtle_id_, {std::nullopt, std::nullopt, std::string("exotic")}, "admin");
  });
  EXPECT_EQ(turtle().sensitivity, 2);
  EXPECT_EQ(turtle().iucn_category, "EN");
  EXPECT_EQ(turtle().establishment, "exotic");
}

TEST_P(TaxonStatusTest, UnknownValuesAndTaxaAreRefusedWithNothingWritten_Issue9S3) {
  const auto audit_before = count_rows("audit_log");
  EXPECT_THAT(refusal({5, std::nullopt, std::nullopt}, turtle_id_), HasSubstr("sensitivity 5"));
  EXPECT_THAT(refusal({std::nullopt, std::string("XX"), std::nullopt}, turtle_id_),
              HasSubstr("not an IUCN category"));
  EXPECT_THAT(refusal({std::nullopt, std::nullopt, std::string("feral")}, turtle_id_),
              HasSubstr("not an establishment"));
  EXPECT_THAT(refusal({}, turtle_id_), HasSubstr("nothing to change"));
  EXPECT_THAT(refusal({1, std::nullopt, std::nullopt}, turtle_id_ + 100), HasSubstr("no taxon"));
  EXPECT_EQ(turtle().sensitivity, 0);
  EXPECT_EQ(count_rows("audit_log"), audit_before);
}

TEST_P(TaxonStatusTest, ATaxonIsPutOnNamedListsAndItsCategoryChanged_Issue9S3) {
  in_transaction(*store_, [&](Transaction& tx) {
    put_taxon_on_list(tx, turtle_id_, " China Red List ", "CR", "admin");
    put_taxon_on_list(tx, turtle_id_, "HK species of conservation concern", "Local Concern",
                      "admin");
    put_taxon_on_list(tx, turtle_id_, "China Red List", "EN", "admin2");
  });
  const auto [lists, log] = lists_and_log();
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_EQ(lists[0].list_name, "China Red List");
  EXPECT_EQ(lists[0].category, "EN");
  EXPECT_EQ(lists[0].added_by, "admin2");
  EXPECT_EQ(lists[1].category, "Local Concern");
  EXPECT_EQ(log.back().entity, "bio_taxon_list");
  EXPECT_EQ(log.back().action, "change");
  EXPECT_THAT(log.back().before_json, HasSubstr("\"CR\""));
}

TEST_P(TaxonStatusTest, ATaxonIsTakenOffOneListAuditedWithTheCategoryItHad_Issue9S3) {
  in_transaction(*store_, [&](Transaction& tx) {
    put_taxon_on_list(tx, turtle_id_, "China Red List", "CR", "admin");
    put_taxon_on_list(tx, turtle_id_, "HK species of conservation concern", "Local Concern",
                      "admin");
  });
  in_transaction(*store_, [&](Transaction& tx) {
    take_taxon_off_list(tx, turtle_id_, " China Red List ", "admin2");
  });
  const auto [lists, log] = lists_and_log();
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(lists[0].list_name, "HK species of conservation concern");
  EXPECT_EQ(log.back().actor, "admin2");
  EXPECT_EQ(log.back().entity, "bio_taxon_list");
  EXPECT_EQ(log.back().action, "remove");
  EXPECT_EQ(log.back().before_json, R"({"category":"CR","list":"China Red List"})");
  EXPECT_EQ(log.back().after_json, "null");
}

TEST_P(TaxonStatusTest, TakingATaxonOffAListItIsNotOnIsRefusedNamingItsLists_Issue9S3) {
  auto refusal = [&](std::int64_t id, std::string_view list) -> std::string {
    try {
      in_transaction(*store_, [&](Transaction& tx) { take_taxon_off_list(tx, id, list, "admin"); });
    } catch (const TaxonChangeRefused& refused) {
      return refused.what();
    }
    return "";
  };
  EXPECT_THAT(refusal(turtle_id_, "China Red List"), HasSubstr("it is on no named list"));
  in_transaction(*store_, [&](Transaction& tx) {
    put_taxon_on_list(tx, turtle_id_, "China Red List", "CR", "admin");
  });
  const auto audit_before = count_rows("audit_log");
  const std::string refused = refusal(turtle_id_, "China red list");  // names are exact
  EXPECT_THAT(refused, HasSubstr("Cuora trifasciata (Bell, 1825) is not on the list "
                                 "'China red list'"));
  EXPECT_THAT(refused, HasSubstr("the lists it is on are 'China Red List'"));
  EXPECT_THAT(refusal(turtle_id_, " "), HasSubstr("the list's name is empty"));
  EXPECT_THAT(refusal(turtle_id_ + 100, "China Red List"), HasSubstr("no taxon"));
  EXPECT_EQ(count_rows("bio_taxon_lists"), 1);
  EXPECT_EQ(count_rows("audit_log"), audit_before);
}

TEST_P(TaxonStatusTest, AnEmptyListNameOrCategoryIsRefused_Issue9S3) {
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                put_taxon_on_list(tx, turtle_id_, "  ", "VU", "admin");
                              }),
               TaxonChangeRefused);
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                put_taxon_on_list(tx, turtle_id_, "China Red List", "", "admin");
                              }),
               TaxonChangeRefused);
  EXPECT_EQ(count_rows("bio_taxon_lists"), 0);
}

TEST_P(TaxonStatusTest, TaxaAreFoundByExactNameAndSearchedByAnyName_Issue9S3) {
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(find_taxa_named(tx, "Cuora trifasciata (Bell, 1825)").size(), 1u);
    EXPECT_TRUE(find_taxa_named(tx, "Cuora").empty());
    EXPECT_EQ(search_taxa(tx, "cuora", 10).size(), 1u);
    EXPECT_EQ(search_taxa(tx, "瘰螈", 10).at(0).canonical_name, "Paramesotriton hongkongensis");
    EXPECT_EQ(search_taxa(tx, "HONG KONG", 10).size(), 1u);
    EXPECT_EQ(search_taxa(tx, "", 1).size(), 1u);
    EXPECT_TRUE(search_taxa(tx, "%", 10).empty());
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, TaxonStatusTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

}  // namespace
}  // namespace bsap::store::testing
