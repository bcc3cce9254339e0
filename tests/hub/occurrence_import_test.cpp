// The hub's imports through the store, on SQLite and PostgreSQL (issue 9 §1–4): real archives load
// with their counts, a broken one loads nothing, a re-import replaces its dataset, flagged records
// stay out of joins and species lists, and a layer imported after the records joins them.
#include "hub/occurrence_import.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "biodata/occurrence_columns.h"
#include "biodata/temp_folder.h"
#include "hub/area_layer_import.h"
#include "hub/checklist_import.h"
#include "hub/occurrence_download.h"
#include "store/audit_repo.h"
#include "store/bio_area_repo.h"
#include "store/bio_occurrence_repo.h"
#include "store/bio_taxon_repo.h"
#include "store/store_test_fixture.h"

namespace bsap::hub {
namespace {

using biodata::testing::TempFolder;
using store::Backend;

const std::filesystem::path kDwca = SHARED_DIR "/data/dwca";
const std::filesystem::path kDcca =
    SHARED_DIR "/data/geo/hk-districts-2001/dcca_land.lowres.geo.json";

// Five records near Tai Po Kau: two of the golden coin turtle, one with latitude and longitude
// swapped, one at 0°, 0°, one of a name no checklist holds.

const char* const kHongKongRows =
    "occurrenceID\tscientificName\tbasisOfRecord\teventDate\tlat\tlon\tdatum\n"
    "hk:1\tCuora trifasciata\tHumanObservation\t2019-04-02\t22.4105\t114.1240\tWGS84\n"
    "hk:2\tCuora trifasciata\tHumanObservation\t2021-06-30\t22.4106\t114.1241\tWGS84\n"
    "hk:3\tCuora trifasciata\tHumanObservation\t2020-01-01\t114.1240\t22.4105\tWGS84\n"
    "hk:4\tCuora trifasciata\tHumanObservation\t2020-01-01\t0\t0\tWGS84\n"
    "hk:5\tNomen ignotum\tHumanObservation\t2020-01-01\t22.4105\t114.1240\tWGS84\n";

const char* const kChecklistMeta = R"(<archive xmlns="http://rs.tdwg.org/dwc/text/">
<core rowType="http://rs.tdwg.org/dwc/terms/Taxon" fieldsTerminatedBy="\t" fieldsEnclosedBy="" ignoreHeaderLines="1">
<files><location>taxon.txt</location></files><id index="0"/>
<field index="1" term="http://rs.tdwg.org/dwc/terms/scientificName"/>
<field index="2" term="http://rs.tdwg.org/dwc/terms/taxonRank"/>
<field index="3" term="http://rs.tdwg.org/dwc/terms/acceptedNameUsageID"/>
</core>
<extension rowType="http://rs.gbif.org/terms/1.0/VernacularName" fieldsTerminatedBy="\t" fieldsEnclosedBy="" ignoreHeaderLines="1">
<files><location>vernacular.txt</location></files><coreid index="0"/>
<field index="1" term="http://rs.tdwg.org/dwc/terms/vernacularName"/>
<field index="2" term="http://purl.org/dc/terms/language"/>
</extension></archive>)";

class HubImportTest : public store::testing::StoreTest {
 protected:
  ImportOptions options() const {
    return {"tester", "", {2026, 11, 23}, BSAP_HOME_DIR "/data/biodata/home_region.yaml", {}};
  }

  ImportSummary import_ok(const std::filesystem::path& archive) {
    auto result = import_occurrences(*store_, archive, options());
    if (auto* error = std::get_if<biodata::ArchiveError>(&result))
      ADD_FAILURE() << error->message();
    return std::get<ImportSummary>(result);
  }

  std::filesystem::path hong_kong_archive() {
    folder_.write("hk/meta.xml", hub::occurrence_meta_xml(
                                     std::span(biodata::testing::kOccurrenceColumns).first(7)));
    folder_.write("hk/occurrence.txt", kHongKongRows);
    return folder_.path() / "hk";
  }

  void import_checklist() {
    folder_.write("taxa/meta.xml", kChecklistMeta);
    folder_.write("taxa/taxon.txt",
                  "id\tname\trank\taccepted\nt1\tCuora trifasciata (Bell, 1825)\tspecies\t\n"
                  "t2\tCistoclemmys trifasciata Bell\tspecies\tt1\n");
    folder_.write("taxa/vernacular.txt",
                  "id\tname\tlanguage\nt1\t金錢龜\tzh-HK\nt1\tGolden coin turtle\ten\n");
    auto result = import_checklist_archive(*store_, folder_.path() / "taxa", "hk-test", "tester");
    ASSERT_TRUE(std::holds_alternative<ChecklistSummary>(result));
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

  std::int64_t joined_occurrences() { return count_rows("bio_occurrence_areas"); }

  TempFolder folder_;
};

TEST_P(HubImportTest, GbifsBgbmArchiveLoadsWholeAndIsOutsideHongKong) {
  ImportSummary summary = import_ok(kDwca / "gbif-dwca-io/archive-occ.zip");
  EXPECT_EQ(summary.dataset, "archive-occ");
  EXPECT_EQ(summary.records_read, 1534u);
  EXPECT_EQ(summary.records_loaded, 1534u);
  EXPECT_EQ(count_rows("bio_occurrences"), 1534);
  // Berlin's herbarium records: in range, but not in Hong Kong's land or waters.
  EXPECT_EQ(summary.flags["COUNTRY_COORDINATE_MISMATCH"], 1534u);
  EXPECT_EQ(count_rows("bio_occurrence_areas"), 0);
}

TEST_P(HubImportTest, OldGbifDownloadWithJavaDatesLoads) {
  ImportSummary summary = import_ok(kDwca / "python-dwca-reader/gbif-results-lacks-s-metadata.zip");
  EXPECT_EQ(summary.records_loaded, 158u);
  EXPECT_EQ(summary.flags.count("RECORDED_DATE_INVALID"), 0u);
}

TEST_P(HubImportTest, BrokenArchiveLoadsNothingAndSaysWhy) {
  for (const char* broken : {"gbif-dwca-io/invalid/extension-location-missing",
                             "python-dwca-reader/dwca-invalid-simple-two.zip"}) {
    auto result = import_occurrences(*store_, kDwca / broken, options());
    ASSERT_TRUE(std::holds_alternative<biodata::ArchiveError>(result)) << broken;
    EXPECT_FALSE(std::get<biodata::ArchiveError>(result).message().empty());
  }
  EXPECT_EQ(count_rows("bio_datasets"), 0);
  EXPECT_EQ(count_rows("bio_occurrences"), 0);
}

TEST_P(HubImportTest, ReimportReplacesTheDatasetAndIsAudited) {
  import_ok(kDwca / "gbif-dwca-io/archive-occ.zip");
  import_ok(kDwca / "gbif-dwca-io/archive-occ.zip");
  EXPECT_EQ(count_rows("bio_datasets"), 1);
  EXPECT_EQ(count_rows("bio_occurrences"), 1534);
  store::in_transaction(*store_, [](store::Transaction& tx) {
    auto log = store::load_audit_log(tx);
    ASSERT_GE(log.size(), 2u);
    EXPECT_EQ(log[log.size() - 2].action, "import");
    EXPECT_EQ(log.back().action, "reimport");
    EXPECT_EQ(log.back().entity, "bio_dataset");
  });
}

// Issue 9 §1 (a bad row never stops an import; idempotent by occurrenceID): a second row with the
// same occurrenceID is skipped and reported with its line, and the first row is the one loaded.
TEST_P(HubImportTest, ARepeatedOccurrenceIdIsSkippedAndReportedNotFatal) {
  folder_.write("dup/meta.xml",
                hub::occurrence_meta_xml(std::span(biodata::testing::kOccurrenceColumns).first(7)));
  folder_.write(
      "dup/occurrence.txt",
      std::string(kHongKongRows) +
          "hk:2\tNomen ignotum\tHumanObservation\t2022-02-02\t22.4105\t114.1240\tWGS84\n");
  ImportSummary summary = import_ok(folder_.path() / "dup");
  EXPECT_EQ(summary.records_read, 6u);
  EXPECT_EQ(summary.records_loaded, 5u);
  ASSERT_EQ(summary.notes.size(), 1u);
  EXPECT_NE(summary.notes[0].find("line 7"), std::string::npos) << summary.notes[0];
  EXPECT_NE(summary.notes[0].find("hk:2"), std::string::npos) << summary.notes[0];
  EXPECT_EQ(count_rows("bio_occurrences"), 5);
  long long kept_first = 0;
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    tx.sql() << "SELECT COUNT(*) FROM bio_occurrences WHERE occurrence_id = 'hk:2' AND "
                "event_date = '2021-06-30'",
        soci::into(kept_first);
  });
  EXPECT_EQ(kept_first, 1);
}

TEST_P(HubImportTest, FlaggedRecordsStayOutOfJoinsAndSpeciesLists) {
  import_checklist();
  import_dcca();
  ImportSummary summary = import_ok(hong_kong_archive());
  EXPECT_EQ(summary.records_loaded, 5u);
  EXPECT_EQ(summary.flags["PRESUMED_SWAPPED_COORDINATE"], 1u);
  EXPECT_EQ(summary.flags["ZERO_COORDINATE"], 1u);
  EXPECT_EQ(summary.flags["TAXON_MATCH_NONE"], 1u);
  // hk:1, hk:2 and hk:5 have a place on the map; the swapped and the zero one do not.
  EXPECT_EQ(joined_occurrences(), 3);
  store::in_transaction(*store_, [](store::Transaction& tx) {
    std::int64_t area_id = 0;
    tx.sql() << "SELECT area_id FROM bio_occurrence_areas j JOIN bio_occurrences o ON o.id = "
                "j.occurrence_id WHERE o.record_key = 'hk:1'",
        soci::into(area_id);
    ASSERT_NE(area_id, 0);
    auto species = store::area_species(tx, area_id);
    ASSERT_EQ(species.size(), 1u);  // the unknown name is a record, not a species
    EXPECT_EQ(species[0].scientific_name, "Cuora trifasciata (Bell, 1825)");
    EXPECT_EQ(species[0].name_zh, "金錢龜");
    EXPECT_EQ(species[0].records, 2);
    EXPECT_EQ(species[0].first_date, "2019-04-02");
    EXPECT_EQ(species[0].last_date, "2021-06-30");
  });
}

TEST_P(HubImportTest, ALayerImportedAfterTheRecordsJoinsThem) {
  import_ok(hong_kong_archive());
  EXPECT_EQ(joined_occurrences(), 0);
  import_dcca();
  EXPECT_EQ(joined_occurrences(), 3);
  import_dcca();  // replaced: the joins are rebuilt, not doubled
  EXPECT_EQ(joined_occurrences(), 3);
}

TEST_P(HubImportTest, GridCellOnlyForRecordsOnTheMap) {
  import_ok(hong_kong_archive());
  store::in_transaction(*store_, [](store::Transaction& tx) {
    std::string cell;
    soci::indicator indicator = soci::i_null;
    tx.sql() << "SELECT grid_cell FROM bio_occurrences WHERE record_key = 'hk:1'",
        soci::into(cell, indicator);
    EXPECT_EQ(indicator, soci::i_ok);
    EXPECT_EQ(cell.substr(0, 1), "E");
    tx.sql() << "SELECT grid_cell FROM bio_occurrences WHERE record_key = 'hk:3'",
        soci::into(cell, indicator);
    EXPECT_EQ(indicator, soci::i_null);
  });
}

TEST_P(HubImportTest, SynonymsMatchTheirAcceptedName) {
  import_checklist();
  folder_.write("syn/meta.xml",
                hub::occurrence_meta_xml(std::span(biodata::testing::kOccurrenceColumns).first(7)));
  folder_.write("syn/occurrence.txt",
                "a\tb\tc\td\te\tf\tg\nsyn:1\tCistoclemmys "
                "trifasciata\tHumanObservation\t2020\t22.41\t114.12\tWGS84\n");
  import_ok(folder_.path() / "syn");
  store::in_transaction(*store_, [](store::Transaction& tx) {
    std::string accepted;
    tx.sql() << "SELECT t.scientific_name FROM bio_occurrences o JOIN bio_taxa t ON t.id = "
                "o.taxon_id WHERE o.record_key = 'syn:1'",
        soci::into(accepted);
    EXPECT_EQ(accepted, "Cuora trifasciata (Bell, 1825)");
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, HubImportTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::hub
