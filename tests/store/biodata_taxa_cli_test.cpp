// `bsap biodata taxa set|list-add` (issue 9 §3, §6), the real program on each backend: a taxon
// chosen by name or id gets its sensitivity, IUCN category, establishment and named lists; a
// refused change exits 2 with the reason and changes nothing.
#include <gmock/gmock.h>

#include <nlohmann/json.hpp>

#include "store/bio_taxon_status_repo.h"
#include "store_test_fixture.h"
#include "support/run_program.h"

namespace bsap::store::testing {
namespace {

using test_support::ProgramResult;
using test_support::run_bsap;
using ::testing::HasSubstr;

class TaxaCliTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    BioTaxon turtle;
    turtle.source_taxon_id = "t1";
    turtle.scientific_name = "Cuora trifasciata (Bell, 1825)";
    turtle.canonical_name = "Cuora trifasciata";
    turtle.rank = "species";
    in_transaction(*store_, [&](Transaction& tx) {
      import_checklist(tx, "first", {turtle}, "tester");
      import_checklist(tx, "second", {turtle}, "tester");  // the same name in a second checklist
      ids_ = {find_taxa_named(tx, "Cuora trifasciata").at(0).id,
              find_taxa_named(tx, "Cuora trifasciata").at(1).id};
    });
  }

  ProgramResult bsap(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", database_->url(), "biodata", "taxa"});
    return run_bsap(args, "");
  }

  BioTaxon taxon(std::int64_t id) {
    BioTaxon out;
    in_transaction(*store_, [&](Transaction& tx) { out = *find_taxon(tx, id); });
    return out;
  }

  std::vector<std::int64_t> ids_;
};

TEST_P(TaxaCliTest, SetChangesSensitivityIucnAndEstablishmentAndPrintsTheTaxon_Issue9S3S6) {
  const std::string id = std::to_string(ids_[0]);
  const auto result = bsap({"set", "--id", id, "--sensitivity", "withheld", "--iucn", "CR",
                            "--establishment", "native", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto printed = nlohmann::json::parse(result.out);
  EXPECT_EQ(printed["sensitivity"], "withheld");
  EXPECT_EQ(printed["iucn_category"], "CR");
  EXPECT_EQ(taxon(ids_[0]).sensitivity, 4);
  EXPECT_EQ(taxon(ids_[0]).establishment, "native");
  EXPECT_EQ(taxon(ids_[1]).sensitivity, 0);
  // "none": not assessed.
  ASSERT_EQ(bsap({"set", "--id", id, "--iucn", "none"}).exit_code, 0);
  EXPECT_EQ(taxon(ids_[0]).iucn_category, "");
}

TEST_P(TaxaCliTest, ANameHeldByTwoChecklistsIsRefusedWithTheirIds_Issue9S3) {
  const auto result = bsap({"set", "--taxon", "Cuora trifasciata", "--iucn", "CR"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("names 2 taxa"));
  EXPECT_THAT(result.err, HasSubstr(std::to_string(ids_[1])));
  EXPECT_EQ(taxon(ids_[0]).iucn_category, "");
}

TEST_P(TaxaCliTest, RefusedValuesExit2AndChangeNothing_Issue9S3) {
  const std::string id = std::to_string(ids_[0]);
  const auto audit_before = count_rows("audit_log");
  EXPECT_THAT(bsap({"set", "--id", id, "--sensitivity", "0.5"}).err, HasSubstr("--sensitivity"));
  const auto iucn = bsap({"set", "--id", id, "--iucn", "XX"});
  EXPECT_EQ(iucn.exit_code, 2);
  EXPECT_THAT(iucn.err, HasSubstr("not an IUCN category"));
  EXPECT_THAT(bsap({"set", "--id", id, "--establishment", "feral"}).err,
              HasSubstr("not an establishment"));
  EXPECT_THAT(bsap({"set", "--taxon", "Nomen ignotum", "--iucn", "CR"}).err,
              HasSubstr("no taxon is named"));
  EXPECT_EQ(bsap({"set", "--iucn", "CR"}).exit_code, 2);
  EXPECT_EQ(count_rows("audit_log"), audit_before);
}

TEST_P(TaxaCliTest, ListAddPutsTheTaxonOnANamedList_Issue9S3) {
  const std::string id = std::to_string(ids_[1]);
  ASSERT_EQ(
      bsap({"list-add", "--id", id, "--list", "China Red List", "--category", "CR"}).exit_code, 0);
  const auto again =
      bsap({"list-add", "--id", id, "--list", "China Red List", "--category", "EN", "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto printed = nlohmann::json::parse(again.out);
  ASSERT_EQ(printed["lists"].size(), 1u);
  EXPECT_EQ(printed["lists"][0]["category"], "EN");
  EXPECT_EQ(bsap({"list-add", "--id", id, "--list", "", "--category", "EN"}).exit_code, 2);
}

TEST_P(TaxaCliTest, ListRemoveTakesTheTaxonOffOneListAndRefusesAListItIsNotOn_Issue9S3) {
  const std::string id = std::to_string(ids_[1]);
  ASSERT_EQ(
      bsap({"list-add", "--id", id, "--list", "China Red List", "--category", "CR"}).exit_code, 0);
  ASSERT_EQ(bsap({"list-add", "--id", id, "--list", "HK concern", "--category", "LC"}).exit_code,
            0);
  const auto removed = bsap({"list-remove", "--id", id, "--list", "China Red List", "--json"});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  const auto printed = nlohmann::json::parse(removed.out);
  ASSERT_EQ(printed["lists"].size(), 1u);
  EXPECT_EQ(printed["lists"][0]["list"], "HK concern");
  const auto audit_before = count_rows("audit_log");
  const auto again = bsap({"list-remove", "--id", id, "--list", "China Red List"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("is not on the list 'China Red List'"));
  EXPECT_THAT(again.err, HasSubstr("'HK concern'"));
  EXPECT_THAT(again.err, HasSubstr("nothing was changed"));
  EXPECT_EQ(count_rows("audit_log"), audit_before);
  const auto unnamed = bsap({"list-remove", "--id", id});
  EXPECT_NE(unnamed.exit_code, 0);
  EXPECT_THAT(unnamed.err, HasSubstr("--list is required"));
}

INSTANTIATE_TEST_SUITE_P(Backends, TaxaCliTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

}  // namespace
}  // namespace bsap::store::testing
