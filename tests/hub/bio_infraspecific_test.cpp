// A subspecies', variety's or form's records count for its species (decision 0012 §6), read at
// query time on SQLite and PostgreSQL: the species' records and records by year, and the species
// the City Biodiversity Index counts. The species is the accepted species of the same checklist
// named by the first two words; a subspecies without one, a genus, and another checklist's
// subspecies count for nothing.
#include <gtest/gtest.h>

#include "biodata/occurrence_columns.h"
#include "biodata/temp_folder.h"
#include "hub/checklist_import.h"
#include "hub/class_checklist_meta.h"
#include "hub/occurrence_download.h"
#include "hub/occurrence_import.h"
#include "store/bio_feed_repo.h"
#include "store/bio_infraspecific_repo.h"
#include "store/bio_query_repo.h"
#include "store/bio_taxon_status_repo.h"
#include "store/store_test_fixture.h"

namespace bsap::hub {
namespace {

using biodata::testing::TempFolder;
using store::Backend;

const char* const kTaxa =
    "id\tname\trank\taccepted\tclass\n"
    "t1\tCuora trifasciata (Bell, 1825)\tspecies\t\tReptilia\n"
    "t2\tCuora trifasciata luteocephala\tsubspecies\t\tReptilia\n"
    "t3\tCuora luteocephala\tspecies\tt2\tReptilia\n"  // the subspecies' synonym
    "t4\tLantana camara L.\tspecies\t\tMagnoliopsida\n"
    "t5\tLantana camara var. aculeata (L.) Moldenke\tVARIETY\t\tMagnoliopsida\n"
    "t6\tIxora chinensis lutea\tform\t\tMagnoliopsida\n"  // its species is not in the checklist
    "t7\tCuora\tgenus\t\tReptilia\n";
const char* const kOtherTaxa =
    "id\tname\trank\taccepted\tclass\n"
    "o1\tLantana camara mixta\tsubspecies\t\tMagnoliopsida\n";

const char* const kOccurrences =
    "occurrenceID\tscientificName\tbasisOfRecord\teventDate\tlat\tlon\n"
    "r:1\tCuora trifasciata\tHumanObservation\t2019-04-02\t22.4105\t114.1240\n"
    "r:2\tCuora trifasciata luteocephala\tHumanObservation\t2020-06-30\t22.4106\t114.1241\n"
    "r:3\tCuora luteocephala\tHumanObservation\t2021-01-02\t22.4107\t114.1241\n"
    "r:4\tCuora trifasciata luteocephala\tHumanObservation\t\t22.4107\t114.1242\n"
    "r:5\tLantana camara var. aculeata\tHumanObservation\t2018-03-01\t22.4108\t114.1243\n"
    "r:6\tIxora chinensis lutea\tHumanObservation\t2017-03-01\t22.4108\t114.1243\n"
    "r:7\tLantana camara mixta\tHumanObservation\t2016-03-01\t22.4108\t114.1243\n"
    "r:8\tCuora\tHumanObservation\t2015-03-01\t22.4108\t114.1243\n";

class BioInfraspecificTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    import_taxa("taxa", kTaxa, "roll");
    import_taxa("other", kOtherTaxa, "other");
    folder_.write("occ/meta.xml", hub::occurrence_meta_xml(
                                      std::span(biodata::testing::kOccurrenceColumns).first(6)));
    folder_.write("occ/occurrence.txt", kOccurrences);
    const ImportOptions options{
        "tester", "", {2026, 11, 23}, BSAP_HOME_DIR "/data/biodata/home_region.yaml", {}};
    ASSERT_TRUE(std::holds_alternative<ImportSummary>(
        import_occurrences(*store_, folder_.path() / "occ", options)));
  }

  void import_taxa(const std::string& folder, const char* taxa, const std::string& checklist) {
    folder_.write(folder + "/meta.xml", testing::kClassChecklistMeta);
    folder_.write(folder + "/taxon.txt", taxa);
    ASSERT_TRUE(std::holds_alternative<ChecklistSummary>(
        import_checklist_archive(*store_, folder_.path() / folder, checklist, "tester")));
  }

  std::int64_t id_of(const std::string& name) {
    std::int64_t id = 0;
    store::in_transaction(
        *store_, [&](store::Transaction& tx) { id = store::find_taxa_named(tx, name).at(0).id; });
    return id;
  }

  TempFolder folder_;
};

TEST_P(BioInfraspecificTest, ASpeciesFindsItsSubspeciesVarietiesAndFormsByName_Issue9S3) {
  const std::int64_t cuora = id_of("Cuora trifasciata"), lantana = id_of("Lantana camara");
  const std::int64_t genus = id_of("Cuora"), form = id_of("Ixora chinensis lutea"),
                     elsewhere = id_of("Lantana camara mixta");
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    const auto of_cuora = store::infraspecific_taxa_of(tx, cuora);
    ASSERT_EQ(of_cuora.size(), 1u);
    EXPECT_EQ(of_cuora[0].scientific_name, "Cuora trifasciata luteocephala");
    const auto of_lantana = store::infraspecific_taxa_of(tx, lantana);
    ASSERT_EQ(of_lantana.size(), 1u);  // not the other checklist's Lantana camara mixta
    EXPECT_EQ(of_lantana[0].canonical_name, "Lantana camara var. aculeata");
    // A subspecies and a genus have none.
    EXPECT_TRUE(store::infraspecific_taxa_of(tx, of_cuora[0].id).empty());
    EXPECT_TRUE(store::infraspecific_taxa_of(tx, genus).empty());
    EXPECT_EQ(store::species_of_infraspecific(tx, of_cuora[0])->id, cuora);
    EXPECT_FALSE(store::species_of_infraspecific(tx, *store::find_taxon(tx, form)));
    EXPECT_FALSE(store::species_of_infraspecific(tx, *store::find_taxon(tx, elsewhere)));
  });
}

TEST_P(BioInfraspecificTest, TheSpeciesRecordsAndRecordsByYearIncludeItsSubspecies_Issue9S5) {
  const std::int64_t cuora = id_of("Cuora trifasciata");
  const std::int64_t subspecies = id_of("Cuora trifasciata luteocephala");
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    const auto records = store::taxon_occurrences(tx, cuora);
    ASSERT_EQ(records.size(), 4u);  // its own, the subspecies' two and the subspecies' synonym's
    EXPECT_EQ(records[1].accepted_name, "Cuora trifasciata luteocephala");
    const auto by_year = store::taxon_records_by_year(tx, cuora);
    ASSERT_EQ(by_year.size(), 4u);
    EXPECT_EQ(by_year[0].year, 2019);
    EXPECT_EQ(by_year[2].year, 2021);
    EXPECT_FALSE(by_year[3].year);  // the undated subspecies record
    // The subspecies' own page keeps its own records only (and its synonym's).
    EXPECT_EQ(store::taxon_occurrences(tx, subspecies).size(), 3u);
  });
}

TEST_P(BioInfraspecificTest, TheSpeciesTheIndexCountsIncludeTheirSubspeciesRecords_Issue9S7) {
  std::vector<plan::RecordedSpecies> species;
  store::in_transaction(*store_,
                        [&](store::Transaction& tx) { species = store::recorded_species(tx); });
  // Cuora trifasciata and Lantana camara (its variety's record); not the subspecies, the form
  // without its species, the other checklist's subspecies or the genus.
  ASSERT_EQ(species.size(), 2u);
  EXPECT_EQ(species[0].taxon_id, id_of("Cuora trifasciata"));
  EXPECT_EQ(species[0].years, (std::vector<int>{2019, 2020, 2021}));
  EXPECT_EQ(species[1].taxon_id, id_of("Lantana camara"));
  EXPECT_EQ(species[1].class_name, "Magnoliopsida");
  EXPECT_EQ(species[1].years, (std::vector<int>{2018}));
}

INSTANTIATE_TEST_SUITE_P(Backends, BioInfraspecificTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::hub
