// Citizen-science observations in the store and in the hub, on SQLite and PostgreSQL (issue 11;
// 000 優先行動 2.2 item 1): submitted ones wait, identifications are kept, and only verified ones
// are records of the bsap-citizen-science dataset, counted in the areas that hold them; a
// rejection takes the record and its counts away again. Every change is audited.
#include "hub/citizen_science.h"

#include <gtest/gtest.h>

#include "biodata/temp_folder.h"
#include "hub/area_layer_import.h"
#include "store/bio_area_repo.h"
#include "store/bio_occurrence_repo.h"
#include "store/bio_taxon_repo.h"
#include "store/observation_repo.h"
#include "store/store_test_fixture.h"

namespace bsap::hub {
namespace {

// A square of about 28 km² around Tai Po Kau.
const char* const kLayer = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"CODE":"TPK","NAME":"Tai Po Kau"},"geometry":{"type":"Polygon",
 "coordinates":[[[114.15,22.40],[114.20,22.40],[114.20,22.45],[114.15,22.45],[114.15,22.40]]]}}
]})";

class CitizenScienceTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store::BioTaxon turtle;
    turtle.source_taxon_id = "t1";
    turtle.scientific_name = turtle.canonical_name = "Cuora trifasciata";
    turtle.rank = "species";
    turtle.sensitivity = 4;
    auto tx = store_->begin();
    store::import_checklist(*tx, "test", {turtle}, "tester");
    tx->commit();
    LayerImportRequest layer;
    layer.file = folder_.write("layer.geojson", kLayer);
    layer.code = "squares";
    layer.options.code_property = "CODE";
    layer.options.name_en_property = "NAME";
    layer.actor = "tester";
    ASSERT_TRUE(std::holds_alternative<LayerImportSummary>(import_area_layer(*store_, layer)));
    {
      auto names = store_->begin();
      turtle_id_ = store::checklist_names(*names).front().taxon;
    }
    citizen_ = add_test_user("citizen", {Role::contributor});
    verifier_ = add_test_user("expert", {Role::verifier});
  }

  std::int64_t turtle_id() const { return turtle_id_; }

  std::int64_t submit(double lat, double lon, std::optional<std::int64_t> taxon) {
    auto tx = store_->begin();
    ObservationDetails details{{lon, lat}, *CivilDate::from_ymd(2026, 11, 20), 2, "By the stream"};
    std::int64_t id = store::add_observation(*tx, citizen_, details, taxon);
    tx->commit();
    return id;
  }

  void review(std::int64_t id, ReviewState state, std::optional<std::int64_t> taxon) {
    auto tx = store_->begin();
    store::review_observation(*tx, id, state, taxon, "checked", verifier_);
    rebuild_citizen_science_dataset(*tx, "expert");
    tx->commit();
  }

  // The records of the turtle the area's species list counts.
  std::int64_t turtle_records_in_area() {
    auto tx = store_->begin();
    auto area = store::find_area(*tx, "squares", "TPK");
    for (const auto& species : store::area_species(*tx, area->id))
      if (species.taxon_id == turtle_id()) return species.records;
    return 0;
  }

  std::int64_t dataset_records() {
    auto tx = store_->begin();
    auto dataset = store::find_dataset(*tx, kCitizenScienceDataset);
    return dataset ? store::count_occurrences(*tx, dataset->id) : 0;
  }

  biodata::testing::TempFolder folder_;
  std::int64_t citizen_ = 0, verifier_ = 0, turtle_id_ = 0;
};

TEST_P(CitizenScienceTest, ASubmittedObservationWaitsWithItsFirstIdentification) {
  std::int64_t id = submit(22.4258, 114.1844, turtle_id());
  auto tx = store_->begin();
  auto stored = store::find_observation(*tx, id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->state, ReviewState::submitted);
  EXPECT_EQ(stored->taxon->sensitivity, 4);
  EXPECT_DOUBLE_EQ(stored->latitude, 22.4258);
  EXPECT_EQ(stored->individual_count, 2);
  EXPECT_EQ(store::observations_by(*tx, citizen_).size(), 1u);
  EXPECT_EQ(store::observations_in_state(*tx, ReviewState::submitted).size(), 1u);
  EXPECT_TRUE(store::observations_in_state(*tx, ReviewState::verified).empty());
  auto identifications = store::identifications_of(*tx, id);
  ASSERT_EQ(identifications.size(), 1u);
  EXPECT_EQ(identifications[0].user_id, citizen_);
}

TEST_P(CitizenScienceTest, OnlyVerifiedObservationsAreHubRecordsCountedInTheirArea) {
  std::int64_t id = submit(22.4258, 114.1844, std::nullopt);
  review(id, ReviewState::needs_id, std::nullopt);
  EXPECT_EQ(dataset_records(), 0);
  EXPECT_EQ(turtle_records_in_area(), 0);
  review(id, ReviewState::verified, turtle_id());
  EXPECT_EQ(dataset_records(), 1);
  EXPECT_EQ(turtle_records_in_area(), 1);
  review(id, ReviewState::rejected, std::nullopt);
  EXPECT_EQ(dataset_records(), 0);
  EXPECT_EQ(turtle_records_in_area(), 0);
}

TEST_P(CitizenScienceTest, AVerificationNamesATaxonAndAReviewDecides) {
  std::int64_t id = submit(22.4258, 114.1844, std::nullopt);
  auto tx = store_->begin();
  EXPECT_THROW(
      store::review_observation(*tx, id, ReviewState::verified, std::nullopt, "", verifier_),
      store::StoreError);
  EXPECT_THROW(
      store::review_observation(*tx, id, ReviewState::submitted, turtle_id(), "", verifier_),
      store::StoreError);
}

TEST_P(CitizenScienceTest, EveryChangeIsAudited) {
  const std::int64_t before = count_rows("audit_log");
  std::int64_t id = submit(22.4258, 114.1844, turtle_id());  // submit, identify
  {
    auto tx = store_->begin();
    store::add_identification(*tx, id, verifier_, turtle_id(), "Carapace pattern");
    tx->commit();
  }
  review(id, ReviewState::verified, turtle_id());  // review, dataset import
  EXPECT_EQ(count_rows("audit_log"), before + 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, CitizenScienceTest,
                         ::testing::Values(store::Backend::sqlite, store::Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::hub
