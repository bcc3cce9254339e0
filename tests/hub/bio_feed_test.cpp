// What the hub feeds the funding scheme and the plan (issue 9 §7), through the real imports on
// SQLite and PostgreSQL: a scheme site's boundary is the scheme_site area carrying its code, and
// the species the City Biodiversity Index counts are the accepted species on the map, a synonym's
// records counting for its accepted name and a record with a geospatial issue for nothing.
#include "store/bio_feed_repo.h"

#include <gtest/gtest.h>

#include "biodata/occurrence_columns.h"
#include "biodata/temp_folder.h"
#include "hub/area_layer_import.h"
#include "hub/checklist_import.h"
#include "hub/class_checklist_meta.h"
#include "hub/occurrence_download.h"
#include "hub/occurrence_import.h"
#include "store/store_test_fixture.h"

namespace bsap::hub {
namespace {

using biodata::testing::TempFolder;
using store::Backend;

// The turtle under its synonym in 2015 and its accepted name twice in 2021 and once undated; the
// toad only at 0°, 0°.
const char* const kOccurrences =
    "occurrenceID\tscientificName\tbasisOfRecord\teventDate\tlat\tlon\n"
    "f:1\tCistoclemmys trifasciata\tHumanObservation\t2015-04-02\t22.4105\t114.1240\n"
    "f:2\tCuora trifasciata\tHumanObservation\t2021-06-30\t22.4106\t114.1241\n"
    "f:4\tCuora trifasciata\tHumanObservation\t2021-01-02\t22.4107\t114.1241\n"
    "f:5\tCuora trifasciata\tHumanObservation\t\t22.4107\t114.1242\n"
    "f:3\tDuttaphrynus melanostictus\tHumanObservation\t2020-03-01\t0\t0\n";

const char* const kTaxa =
    "id\tname\trank\taccepted\tclass\n"
    "t1\tCuora trifasciata (Bell, 1825)\tspecies\t\tReptilia\n"
    "t2\tCistoclemmys trifasciata Bell\tspecies\tt1\tReptilia\n"
    "t3\tDuttaphrynus melanostictus (Schneider, 1799)\tspecies\t\tAmphibia\n";

// Two scheme site layers: one coded as the registry codes sites, one as the appendix prints them.
const char* const kRegistryCoded = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"A02"},"geometry":{"type":"Polygon",
"coordinates":[[[114.12,22.40],[114.13,22.40],[114.13,22.42],[114.12,22.42],[114.12,22.40]]]}}]})";
const char* const kPrintCoded = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"B4"},"geometry":{"type":"Polygon",
"coordinates":[[[114.20,22.40],[114.21,22.40],[114.21,22.41],[114.20,22.41],[114.20,22.40]]]}}]})";

class BioFeedTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    folder_.write("taxa/meta.xml", testing::kClassChecklistMeta);
    folder_.write("taxa/taxon.txt", kTaxa);
    ASSERT_TRUE(std::holds_alternative<ChecklistSummary>(
        import_checklist_archive(*store_, folder_.path() / "taxa", "feed", "tester")));
    folder_.write("occ/meta.xml", hub::occurrence_meta_xml(
                                      std::span(biodata::testing::kOccurrenceColumns).first(6)));
    folder_.write("occ/occurrence.txt", kOccurrences);
    const ImportOptions options{
        "tester", "", {2026, 11, 23}, BSAP_HOME_DIR "/data/biodata/home_region.yaml", {}};
    ASSERT_TRUE(std::holds_alternative<ImportSummary>(
        import_occurrences(*store_, folder_.path() / "occ", options)));
    import_layer("sites_registry", kRegistryCoded, "scheme_site");
    import_layer("sites_printed", kPrintCoded, "scheme_site");
    import_layer("not_sites", kRegistryCoded, "country_park");
  }

  void import_layer(const std::string& code, const char* geojson, const std::string& kind) {
    LayerImportRequest request;
    request.file = folder_.write(code + ".geojson", geojson);
    request.code = code;
    request.kind = kind;
    request.options.code_property = "code";
    request.actor = "tester";
    ASSERT_TRUE(std::holds_alternative<LayerImportSummary>(import_area_layer(*store_, request)));
  }

  TempFolder folder_;
};

TEST_P(BioFeedTest, ASchemeSiteIsTheSchemeSiteAreaWithItsRegistryOrPrintedCode_Issue9S7) {
  store::in_transaction(*store_, [](store::Transaction& tx) {
    const auto a02 = store::scheme_site_areas(tx, {"A02", "A2"});
    ASSERT_EQ(a02.size(), 1u);  // the country park layer's A02 is not a scheme site
    EXPECT_EQ(a02[0].layer_code, "sites_registry");
    const auto b04 = store::scheme_site_areas(tx, {"B04", "B4"});
    ASSERT_EQ(b04.size(), 1u);
    EXPECT_EQ(b04[0].layer_code, "sites_printed");
    EXPECT_TRUE(store::scheme_site_areas(tx, {"C01"}).empty());
  });
}

TEST_P(BioFeedTest, RecordedSpeciesAreAcceptedSpeciesOnTheMap_Issue9S7) {
  std::vector<plan::RecordedSpecies> species;
  store::in_transaction(*store_,
                        [&](store::Transaction& tx) { species = store::recorded_species(tx); });
  ASSERT_EQ(species.size(), 1u);  // the toad's only record has a geospatial issue
  EXPECT_EQ(species[0].class_name, "Reptilia");
  // Its synonym's record's year and its own, once each, ascending; the undated record adds none.
  EXPECT_EQ(species[0].years, (std::vector<int>{2015, 2021}));
}

INSTANTIATE_TEST_SUITE_P(Backends, BioFeedTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::hub
