// The species summaries (bio_area_taxa, bio_cell_taxa; migration 8) on SQLite and PostgreSQL:
// after every change the imports make, they hold exactly what grouping the records says, so that
// an area's species list and the richness map may read them instead of the records.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>

#include "biodata/occurrence_columns.h"
#include "biodata/temp_folder.h"
#include "hub/area_layer_import.h"
#include "hub/checklist_import.h"
#include "hub/occurrence_download.h"
#include "hub/occurrence_import.h"
#include "store/bio_area_repo.h"
#include "store/bio_summary_repo.h"
#include "store/bio_taxon_status_repo.h"
#include "store/migrations.h"
#include "store/store_test_fixture.h"

namespace bsap::hub {
namespace {

using biodata::testing::TempFolder;
using store::Backend;

const std::filesystem::path kDcca =
    SHARED_DIR "/data/geo/hk-districts-2001/dcca_land.lowres.geo.json";

const char* const kHeader = "id\tname\tbasis\tdate\tlat\tlon\n";

// Three species at Tai Po Kau, Sha Tin, Tuen Mun and Central; a record without a date, one
// without a known name, one at 0°, 0°.
const char* const kFirstVersion =
    "a:1\tCuora trifasciata\tHumanObservation\t2019-04-02\t22.4105\t114.1240\n"
    "a:2\tCuora trifasciata\tHumanObservation\t2021-06-30\t22.4106\t114.1241\n"
    "a:3\tCuora trifasciata\tHumanObservation\t\t22.4107\t114.1242\n"
    "a:4\tHoplobatrachus rugulosus\tHumanObservation\t2015-03\t22.3817\t114.1877\n"
    "a:5\tHoplobatrachus rugulosus\tHumanObservation\t2016\t22.3908\t113.9725\n"
    "a:6\tMilvus migrans\tHumanObservation\t2020-12-01\t22.2819\t114.1582\n"
    "a:7\tMilvus migrans\tHumanObservation\t2022-01-05\t22.4105\t114.1240\n"
    "a:8\tNomen ignotum\tHumanObservation\t2020-01-01\t22.4105\t114.1240\n"
    "a:9\tMilvus migrans\tHumanObservation\t2020-01-01\t0\t0\n";

// The same dataset again: records gone, moved, redated, and new ones.
const char* const kSecondVersion =
    "a:1\tCuora trifasciata\tHumanObservation\t2023-08-15\t22.4105\t114.1240\n"
    "a:4\tHoplobatrachus rugulosus\tHumanObservation\t2015-03-02\t22.4105\t114.1240\n"
    "a:6\tMilvus migrans\tHumanObservation\t2018-02-02\t22.3908\t113.9725\n"
    "a:10\tMilvus migrans\tHumanObservation\t\t22.3817\t114.1877\n";

// Another dataset sharing Tai Po Kau, whose records must survive the first one's re-import.
const char* const kOtherDataset =
    "b:1\tCuora trifasciata\tPreservedSpecimen\t1999-09-09\t22.4105\t114.1240\n"
    "b:2\tMilvus migrans\tPreservedSpecimen\t2001-01-01\t22.2819\t114.1582\n";

const char* const kChecklistMeta = R"(<archive xmlns="http://rs.tdwg.org/dwc/text/">
<core rowType="http://rs.tdwg.org/dwc/terms/Taxon" fieldsTerminatedBy="\t" fieldsEnclosedBy="" ignoreHeaderLines="1">
<files><location>taxon.txt</location></files><id index="0"/>
<field index="1" term="http://rs.tdwg.org/dwc/terms/scientificName"/>
<field index="2" term="http://rs.tdwg.org/dwc/terms/taxonRank"/>
</core></archive>)";

// What grouping the records gives, and what the summaries hold, as comparable lines; an area's
// row with its taxon's names and marks (migration 15).
const char* const kAreaTaxaFromRecords =
    "SELECT j.area_id, o.taxon_id, COUNT(*), MIN(o.event_date), MAX(o.event_date), "
    "MIN(t.scientific_name), MIN(t.name_zh), MIN(t.name_en), MIN(t.iucn_category), "
    "MIN(t.establishment), MIN(t.sensitivity) "
    "FROM bio_occurrence_areas j JOIN bio_occurrences o ON o.id = j.occurrence_id "
    "JOIN bio_taxa t ON t.id = o.taxon_id GROUP BY j.area_id, o.taxon_id";
const char* const kAreaTaxaSummary =
    "SELECT area_id, taxon_id, records, first_date, last_date, scientific_name, name_zh, "
    "name_en, iucn_category, establishment, sensitivity FROM bio_area_taxa";
const char* const kCellTaxaFromRecords =
    "SELECT grid_cell, taxon_id, COUNT(*) FROM bio_occurrences "
    "WHERE grid_cell IS NOT NULL AND taxon_id IS NOT NULL GROUP BY grid_cell, taxon_id";
const char* const kCellTaxaSummary = "SELECT grid_cell, taxon_id, records FROM bio_cell_taxa";

// A column's value as text, whichever type the backend gives it (a COUNT is a different integer
// on SQLite and PostgreSQL).
class SpeciesSummaryTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    folder_.write("taxa/meta.xml", kChecklistMeta);
    folder_.write("taxa/taxon.txt",
                  "id\tname\trank\nt1\tCuora trifasciata (Bell, 1825)\tspecies\n"
                  "t2\tHoplobatrachus rugulosus (Wiegmann, 1834)\tspecies\n"
                  "t3\tMilvus migrans (Boddaert, 1783)\tspecies\n");
    auto result = import_checklist_archive(*store_, folder_.path() / "taxa", "test", "tester");
    ASSERT_TRUE(std::holds_alternative<ChecklistSummary>(result));
  }

  void import_dataset(const std::string& key, const std::string& rows) {
    folder_.write(key + "/meta.xml", hub::occurrence_meta_xml(
                                         std::span(biodata::testing::kOccurrenceColumns).first(6)));
    folder_.write(key + "/occurrence.txt", kHeader + rows);
    ImportOptions options{
        "tester", "", {2026, 11, 23}, BSAP_HOME_DIR "/data/biodata/home_region.yaml", {}};
    auto result = import_occurrences(*store_, folder_.path() / key, options);
    ASSERT_TRUE(std::holds_alternative<ImportSummary>(result));
  }

  void import_dcca() {
    LayerImportRequest request;
    request.file = kDcca;
    request.code = "dcca";
    request.kind = "district";
    request.options.code_property = "DCCA";
    request.options.name_en_property = "DCCA_ENG";
    request.actor = "tester";
    auto result = import_area_layer(*store_, request);
    ASSERT_TRUE(std::holds_alternative<LayerImportSummary>(result));
  }

  // Every row of a query as "v1|v2|…", sorted; NULL as "-".
  std::vector<std::string> lines(const std::string& query) {
    std::vector<std::string> out = store::testing::row_lines(*store_, query);
    std::sort(out.begin(), out.end());
    return out;
  }

  // Every area's packed species list (migration 16), as kAreaTaxaSummary's lines; and each list
  // in scientific-name order.
  std::vector<std::string> packed_list_lines() {
    std::vector<std::string> out;
    store::in_transaction(*store_, [&](store::Transaction& tx) {
      std::vector<long long> areas(1000);
      tx.sql() << "SELECT id FROM bio_areas", soci::into(areas);
      for (long long area : areas) {
        auto species = store::area_species(tx, area);
        EXPECT_TRUE(std::ranges::is_sorted(species, {}, &store::AreaSpecies::scientific_name));
        for (const store::AreaSpecies& s : species) {
          auto date = [](const std::string& d) { return d.empty() ? std::string("-") : d; };
          out.push_back(std::to_string(area) + "|" + std::to_string(s.taxon_id) + "|" +
                        std::to_string(s.records) + "|" + date(s.first_date) + "|" +
                        date(s.last_date) + "|" + s.scientific_name + "|" + s.name_zh + "|" +
                        s.name_en + "|" + s.iucn_category + "|" + s.establishment + "|" +
                        std::to_string(s.sensitivity));
        }
      }
    });
    std::sort(out.begin(), out.end());
    return out;
  }

  void expect_summaries_match_the_records() {
    auto areas = lines(kAreaTaxaFromRecords);
    EXPECT_EQ(lines(kAreaTaxaSummary), areas);
    EXPECT_EQ(packed_list_lines(), areas);
    EXPECT_EQ(lines(kCellTaxaSummary), lines(kCellTaxaFromRecords));
    EXPECT_FALSE(areas.empty());
  }

  TempFolder folder_;
};

TEST_P(SpeciesSummaryTest, MatchTheRecordsAfterAnImport) {
  import_dcca();
  import_dataset("a", kFirstVersion);
  expect_summaries_match_the_records();
  import_dataset("b", kOtherDataset);  // added to rows the first import made
  expect_summaries_match_the_records();
}

TEST_P(SpeciesSummaryTest, MatchTheRecordsAfterAReimportWithDifferentRecords) {
  import_dcca();
  import_dataset("a", kFirstVersion);
  import_dataset("b", kOtherDataset);
  import_dataset("a", kSecondVersion);
  expect_summaries_match_the_records();
  EXPECT_EQ(count_rows("bio_occurrences"), 6);
  import_dataset("a", "");  // emptied: only the other dataset's species remain
  expect_summaries_match_the_records();
}

// A dataset over 36 squares (the first `count` of them), more than are recomputed one by one: its
// re-import recomputes them in one grouped pass over the records
// (store/sqlite_species_summaries.cpp), beside another dataset's records in some of them.
std::string records_over_squares(const std::string& prefix, int first_year, int count = 36) {
  const char* const names[] = {"Cuora trifasciata", "Milvus migrans", "Hoplobatrachus rugulosus"};
  std::string rows;
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j) {
      const int n = i * 6 + j;
      if (n >= count) return rows;
      rows += prefix + std::to_string(n) + "\t" + names[n % 3] + "\tHumanObservation\t" +
              std::to_string(first_year + n % 5) + "-01-01\t" + std::to_string(22.40 + 0.01 * i) +
              "\t" + std::to_string(114.10 + 0.0105 * j) + "\n";
    }
  return rows;
}

TEST_P(SpeciesSummaryTest, MatchTheRecordsAfterAReimportOverManySquares) {
  import_dcca();
  import_dataset("a", records_over_squares("a:", 2001));
  import_dataset("b", kOtherDataset + records_over_squares("b:", 1990, 10));
  EXPECT_GT(lines("SELECT DISTINCT grid_cell FROM bio_cell_taxa").size(), 16u);
  import_dataset("a", kFirstVersion);
  expect_summaries_match_the_records();
}

TEST_P(SpeciesSummaryTest, MatchTheRecordsAfterALayerIsImportedOrReplaced) {
  import_dataset("a", kFirstVersion);
  EXPECT_EQ(count_rows("bio_area_taxa"), 0);
  EXPECT_TRUE(lines(kAreaTaxaFromRecords).empty());
  EXPECT_EQ(lines(kCellTaxaSummary), lines(kCellTaxaFromRecords));
  import_dcca();  // joins the records already held
  expect_summaries_match_the_records();
  import_dcca();  // replaced: new areas, the old ones' rows gone
  expect_summaries_match_the_records();
}

TEST_P(SpeciesSummaryTest, AreaSpeciesListReadsTheSummary) {
  import_dcca();
  import_dataset("a", kFirstVersion);
  import_dataset("b", kOtherDataset);
  store::in_transaction(*store_, [](store::Transaction& tx) {
    std::int64_t area_id = 0;
    tx.sql() << "SELECT area_id FROM bio_occurrence_areas j JOIN bio_occurrences o ON o.id = "
                "j.occurrence_id WHERE o.record_key = 'a:1'",
        soci::into(area_id);
    auto species = store::area_species(tx, area_id);
    ASSERT_EQ(species.size(), 2u);  // the unknown name is a record, not a species
    EXPECT_EQ(species[0].scientific_name, "Cuora trifasciata (Bell, 1825)");
    EXPECT_EQ(species[0].records, 4);  // a:1–3 and b:1; a:3 has no date
    EXPECT_EQ(species[0].first_date, "1999-09-09");
    EXPECT_EQ(species[0].last_date, "2021-06-30");
    EXPECT_EQ(species[1].scientific_name, "Milvus migrans (Boddaert, 1783)");
    EXPECT_EQ(species[1].records, 1);
  });
}

// A taxon's status set (its sensitivity above all: issue 9 §6) reaches the area lists at once,
// and so does a checklist imported again with new names.
TEST_P(SpeciesSummaryTest, ATaxonsChangedStatusOrNamesReachTheAreaLists) {
  import_dcca();
  import_dataset("a", kFirstVersion);
  std::int64_t kite = 0;
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    tx.sql() << "SELECT id FROM bio_taxa WHERE canonical_name = 'Milvus migrans'", soci::into(kite);
    store::TaxonStatusChange change;
    change.sensitivity = 4;
    change.iucn_category = "VU";
    store::set_taxon_status(tx, kite, change, "tester");
  });
  expect_summaries_match_the_records();
  EXPECT_EQ(
      lines("SELECT DISTINCT sensitivity, iucn_category FROM bio_area_taxa WHERE taxon_id = " +
            std::to_string(kite)),
      std::vector<std::string>{"4|VU"});
  folder_.write("taxa/taxon.txt",
                "id\tname\trank\nt1\tCuora trifasciata (Bell, 1825)\tspecies\n"
                "t2\tHoplobatrachus rugulosus (Wiegmann, 1834)\tspecies\n"
                "t3\tMilvus migrans lineatus (Gray, 1831)\tsubspecies\n");
  auto again = import_checklist_archive(*store_, folder_.path() / "taxa", "test", "tester");
  ASSERT_TRUE(std::holds_alternative<ChecklistSummary>(again));
  expect_summaries_match_the_records();
  EXPECT_EQ(lines("SELECT DISTINCT scientific_name FROM bio_area_taxa WHERE taxon_id = " +
                  std::to_string(kite)),
            std::vector<std::string>{"Milvus migrans lineatus (Gray, 1831)"});
}

// Migrations 8, 15 and 16 on the summaries' rows, which PostgreSQL keeps. On SQLite they ran on
// rows too, until migration 18 made the summaries packed lists; its own test shows that the rows
// they left become the lists (summary_lists_migration_test.cpp).
class SummaryRowMigrationsTest : public SpeciesSummaryTest {};

// Migration 15 copies the names and marks into the summaries a database already holds.
TEST_P(SummaryRowMigrationsTest, MigrationCopiesTheMarksIntoTheSummariesHeld) {
  import_dcca();
  import_dataset("a", kFirstVersion);
  execute_sql("UPDATE bio_area_taxa SET scientific_name = '', sensitivity = 0");
  const auto& all = store::migrations();
  auto marks = std::find_if(all.begin(), all.end(),
                            [](const store::Migration& m) { return m.version == 15; });
  ASSERT_NE(marks, all.end());
  for (const std::string& statement : store::migration_statements(*marks, GetParam()))
    if (statement.starts_with("UPDATE")) execute_sql(statement);
  expect_summaries_match_the_records();
}

// Migration 16 packs the lists of the summaries a database already holds.
TEST_P(SummaryRowMigrationsTest, MigrationPacksTheListsOfTheSummariesHeld) {
  import_dcca();
  import_dataset("a", kFirstVersion);
  execute_sql("DELETE FROM bio_area_species_lists");
  const auto& all = store::migrations();
  auto lists = std::find_if(all.begin(), all.end(),
                            [](const store::Migration& m) { return m.version == 16; });
  ASSERT_NE(lists, all.end());
  ASSERT_NE(lists->fill, nullptr);
  store::in_transaction(*store_, [&](store::Transaction& tx) { lists->fill(tx); });
  expect_summaries_match_the_records();
}

// Migration 8 fills the summaries from the records a database already holds.
TEST_P(SummaryRowMigrationsTest, MigrationFillsThemFromTheRecordsHeld) {
  import_dcca();
  import_dataset("a", kFirstVersion);
  import_dataset("b", kOtherDataset);
  execute_sql("DELETE FROM bio_area_taxa");
  execute_sql("DELETE FROM bio_cell_taxa");
  const auto& all = store::migrations();
  auto summaries = std::find_if(all.begin(), all.end(), [](const store::Migration& m) {
    return m.name.find("species per area") != std::string_view::npos;
  });
  ASSERT_NE(summaries, all.end());
  for (const std::string& statement : store::migration_statements(*summaries, GetParam()))
    if (statement.starts_with("INSERT")) execute_sql(statement);
  store::in_transaction(*store_, [](store::Transaction& tx) { store::copy_all_taxon_marks(tx); });
  expect_summaries_match_the_records();
}

INSTANTIATE_TEST_SUITE_P(Backends, SpeciesSummaryTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         store::testing::backend_name);
INSTANTIATE_TEST_SUITE_P(Postgres, SummaryRowMigrationsTest, ::testing::Values(Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::hub
