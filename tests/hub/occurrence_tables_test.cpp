// bio_occurrences and bio_occurrence_areas answer the same on both backends (decision 0013 §13):
// on SQLite they are virtual tables over blocks of packed columns, on PostgreSQL tables of rows.
// Each query here takes another of the virtual tables' ways in (a record by id, ids in a list
// across blocks, a square, a dataset, an area, a record's areas, every record in either order,
// a comparison with NULL) over records written in three batches, three blocks on SQLite.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/bio_area_repo.h"
#include "store/bio_occurrence_repo.h"
#include "store/store_test_fixture.h"

namespace bsap::store {
namespace {

// POINT(114.2 22.4) as WKB: the areas' shapes do not matter here, only their ids.
const std::string kPoint(
    "\x01\x01\x00\x00\x00\xcd\xcc\xcc\xcc\xcc\x8c\x5c\x40\x66\x66\x66\x66"
    "\x66\x66\x36\x40",
    21);

class OccurrenceTablesTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    in_transaction(*store_, [&](Transaction& tx) {
      BioLayer layer;
      layer.code = "test";
      layer.kind = "other";
      layer.repair_report_json = "[]";
      std::vector<BioArea> areas(3);
      for (std::size_t i = 0; i < areas.size(); ++i) {
        areas[i].code = "A" + std::to_string(i + 1);
        areas[i].wkb = kPoint;
      }
      replace_layer(tx, layer, areas, "tester");
      for (const BioArea& area : list_layer_areas(tx, find_layer(tx, "test")->id))
        area_ids_.push_back(area.id);
    });
    write("one", 3);
    write("two", 1);
  }

  // Writes `batches` batches of 4 records: record i of the dataset is in the 1 km square
  // "S<i % 3>" (none when i % 5 == 4), in area 1 when i is even and in area 2 when i % 3 == 0.
  void write(const std::string& key, int batches) {
    in_transaction(*store_, [&](Transaction& tx) {
      BioDataset dataset;
      dataset.dataset_key = key;
      OccurrenceWriter writer(tx, begin_dataset_import(tx, dataset));
      SpeciesTally tally;
      for (int b = 0, i = 0; b < batches; ++b) {
        std::vector<biodata::Occurrence> occurrences(4);
        std::vector<OccurrenceRow> rows;
        for (biodata::Occurrence& o : occurrences) {
          o.record_key = key + ":" + std::to_string(i);
          o.scientific_name = "Cuora trifasciata";
          std::optional<std::string> square;
          if (i % 5 != 4) square = "S" + std::to_string(i % 3);
          std::vector<std::int64_t> areas;
          if (i % 2 == 0) areas.push_back(area_ids_[0]);
          if (i % 3 == 0) areas.push_back(area_ids_[1]);
          rows.push_back({&o, square, areas});
          ++i;
        }
        writer.write(rows);
        tally_rows(tally, rows);
      }
      writer.finish(tally);
    });
  }

  std::vector<std::string> keys(const std::string& query) {
    std::vector<std::string> out;
    in_transaction(*store_, [&](Transaction& tx) {
      std::string key;
      soci::statement st = (tx.sql().prepare << query, soci::into(key));
      st.execute();
      while (st.fetch()) out.push_back(key);
    });
    return out;
  }

  std::string id_of(const std::string& record_key) {
    return keys("SELECT CAST(id AS TEXT) FROM bio_occurrences WHERE record_key = '" + record_key +
                "'")
        .at(0);
  }

  std::vector<std::int64_t> area_ids_;
};

using Keys = std::vector<std::string>;

TEST_P(OccurrenceTablesTest, ARecordByIdAndIdsInAListAcrossBlocks) {
  const std::string first = id_of("one:0"), ninth = id_of("one:9"), last = id_of("two:3");
  EXPECT_EQ(keys("SELECT record_key FROM bio_occurrences WHERE id = " + ninth), Keys{"one:9"});
  EXPECT_EQ(keys("SELECT record_key FROM bio_occurrences WHERE id IN (" + last + ", " + first +
                 ", 987654, " + ninth + ") ORDER BY id"),
            (Keys{"one:0", "one:9", "two:3"}));
  EXPECT_EQ(keys("SELECT record_key FROM bio_occurrences WHERE id = 987654"), Keys{});
  EXPECT_EQ(keys("SELECT record_key FROM bio_occurrences WHERE id = NULL"), Keys{});
}

TEST_P(OccurrenceTablesTest, ASquaresADatasetsAndEveryRecordInEitherOrder) {
  EXPECT_EQ(keys("SELECT record_key FROM bio_occurrences WHERE grid_cell = 'S1' ORDER BY id"),
            (Keys{"one:1", "one:7", "one:10", "two:1"}));  // one:4 has no square
  EXPECT_EQ(keys("SELECT record_key FROM bio_occurrences WHERE grid_cell IS NULL ORDER BY id"),
            (Keys{"one:4", "one:9"}));
  Keys two{"two:0", "two:1", "two:2", "two:3"};
  EXPECT_EQ(keys("SELECT o.record_key FROM bio_occurrences o JOIN bio_datasets d ON d.id = "
                 "o.dataset_id WHERE d.dataset_key = 'two' ORDER BY o.id"),
            two);
  Keys all = keys("SELECT record_key FROM bio_occurrences ORDER BY id");
  ASSERT_EQ(all.size(), 16u);
  EXPECT_EQ(all.front(), "one:0");
  EXPECT_EQ(all.back(), "two:3");
  Keys reversed = keys("SELECT record_key FROM bio_occurrences ORDER BY id DESC");
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_EQ(reversed, all);
}

TEST_P(OccurrenceTablesTest, AnAreasRecordsAndARecordsAreas) {
  const std::string area2 = std::to_string(area_ids_[1]), area3 = std::to_string(area_ids_[2]);
  EXPECT_EQ(keys("SELECT o.record_key FROM bio_occurrence_areas j JOIN bio_occurrences o ON o.id "
                 "= j.occurrence_id WHERE j.area_id = " +
                 area2 + " ORDER BY o.id"),
            (Keys{"one:0", "one:3", "one:6", "one:9", "two:0", "two:3"}));
  EXPECT_EQ(
      keys("SELECT CAST(occurrence_id AS TEXT) FROM bio_occurrence_areas WHERE area_id = " + area3),
      Keys{});
  const std::string six = id_of("one:6");
  EXPECT_EQ(keys("SELECT a.code FROM bio_occurrence_areas j JOIN bio_areas a ON a.id = j.area_id "
                 "WHERE j.occurrence_id = " +
                 six + " ORDER BY a.code"),
            (Keys{"A1", "A2"}));
  EXPECT_EQ(keys("SELECT CAST(COUNT(*) AS TEXT) FROM bio_occurrence_areas"), Keys{"14"});
}

TEST_P(OccurrenceTablesTest, AReimportReplacesOnlyItsDatasetsRecords) {
  write("one", 1);
  EXPECT_EQ(keys("SELECT record_key FROM bio_occurrences ORDER BY record_key"),
            (Keys{"one:0", "one:1", "one:2", "one:3", "two:0", "two:1", "two:2", "two:3"}));
  EXPECT_EQ(keys("SELECT CAST(COUNT(*) AS TEXT) FROM bio_occurrence_areas"), Keys{"8"});
}

INSTANTIATE_TEST_SUITE_P(Backends, OccurrenceTablesTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace bsap::store
