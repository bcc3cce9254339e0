// Migration 17 (decision 0013 §13): a database whose hub holds records as rows, as bsap left it at
// schema version 16, keeps every record, its id and its areas when SQLite's records move into
// blocks, and a removed record's id does not come back. On PostgreSQL the rows stay as they are.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "store/bio_occurrence_repo.h"
#include "store/migrations.h"
#include "store/store_test_fixture.h"

namespace bsap::store {
namespace {

using testing::row_lines;
using testing::TestDatabase;

class OccurrenceBlocksMigrationTest : public testing::StoreTest {};

constexpr std::string_view kRecords =
    "SELECT id, dataset_id, record_key, occurrence_id, scientific_name, taxon_id, "
    "basis_of_record, event_date, year, latitude, longitude, uncertainty_m, individual_count, "
    "locality, recorded_by, flags, grid_cell FROM bio_occurrences ORDER BY id";
constexpr std::string_view kJoins =
    "SELECT area_id, occurrence_id FROM bio_occurrence_areas ORDER BY area_id, occurrence_id";

// Schema version 16 with two datasets of records and their areas: dataset 1's ids 1-3 and 7-8
// (4-6 were dataset 2's before its re-import gave it 9-10), and 11-12 removed since.
void build_version_16(Store& store) {
  in_transaction(store, [&](Transaction& tx) {
    testing::apply_migrations_up_to(tx, 16);
    auto& sql = tx.sql();
    sql << "INSERT INTO bio_datasets (dataset_key, title, source, imported_at, imported_by, "
           "records_read, records_loaded, report_json) VALUES ('a', 'A', 'a.zip', '2026-11-01', "
           "'t', 5, 5, '{}'), ('b', 'B', 'b.zip', '2026-11-01', 't', 2, 2, '{}')";
    testing::insert_two_areas(tx);
    const bool sqlite = tx.backend() == Backend::sqlite;
    std::string insert =
        "INSERT INTO bio_occurrences (id, dataset_id, record_key, occurrence_id, "
        "scientific_name, taxon_id, basis_of_record, event_date, year, latitude, longitude, "
        "uncertainty_m, individual_count, locality, recorded_by, flags, grid_cell) " +
        std::string(sqlite ? "" : "OVERRIDING SYSTEM VALUE ") + "VALUES ";
    sql << insert +
               "(1, 1, 'a:1', 'a:1', 'Cuora trifasciata', NULL, 'HumanObservation', "
               "'2024-05-01', 2024, 22.41, 114.18, 10.5, 3, '大埔滘\t林', 'Chan', 0, '7-12'), "
               "(2, 1, 'a:2', '', 'Milvus migrans', NULL, 'PreservedSpecimen', NULL, NULL, "
               "NULL, NULL, NULL, NULL, '', '', 64, NULL), "
               "(3, 1, 'a:3', 'a:3', 'x', NULL, 'HumanObservation', '1930', 1930, -22.5, "
               "114.123456789012345, NULL, -7, 'l', 'r', 1, '1-1'), "
               "(7, 1, 'a:7', 'a:7', 'y', NULL, 'HumanObservation', '2025-01', 2025, 22.5, "
               "114.2, NULL, NULL, 'l', 'r', 0, '7-13'), "
               "(8, 1, 'a:8', 'a:8', 'z', NULL, 'HumanObservation', NULL, NULL, 22.51, 114.21, "
               "NULL, NULL, 'l', 'r', 0, '7-13'), "
               "(9, 2, 'b:1', 'b:1', 'w', NULL, 'HumanObservation', NULL, NULL, 22.3, 114.0, "
               "NULL, NULL, 'l', 'r', 0, '2-2'), "
               "(10, 2, 'b:2', 'b:2', 'v', NULL, 'HumanObservation', NULL, NULL, 22.31, 114.01, "
               "NULL, NULL, 'l', 'r', 0, '2-2')";
    sql << "INSERT INTO bio_occurrence_areas (area_id, occurrence_id) VALUES (1, 1), (1, 3), "
           "(2, 3), (1, 8), (2, 9), (2, 10)";
    if (sqlite)
      sql << "UPDATE sqlite_sequence SET seq = 12 WHERE name = 'bio_occurrences'";
    else
      sql << "SELECT setval(pg_get_serial_sequence('bio_occurrences', 'id'), 12)";
  });
}

TEST_P(OccurrenceBlocksMigrationTest, Migration17KeepsEveryRecordItsIdAndItsAreas) {
  TestDatabase old(GetParam());
  auto store = open_store(old.url());
  build_version_16(*store);
  ASSERT_EQ(store->schema_version(), 16);
  const std::vector<std::string> records = row_lines(*store, kRecords);
  const std::vector<std::string> joins = row_lines(*store, kJoins);
  ASSERT_EQ(records.size(), 7u);
  ASSERT_EQ(joins.size(), 6u);

  EXPECT_EQ(store->migrate(), 2);  // 17, and 18 after it
  EXPECT_EQ(row_lines(*store, kRecords), records);
  EXPECT_EQ(row_lines(*store, kJoins), joins);
  EXPECT_EQ(row_lines(*store,
                      "SELECT id FROM bio_occurrences WHERE taxon_id IS NULL AND "
                      "grid_cell = '7-13' ORDER BY id"),
            (std::vector<std::string>{"7", "8"}));
  EXPECT_EQ(row_lines(*store,
                      "SELECT occurrence_id FROM bio_occurrence_areas WHERE area_id = 2 "
                      "ORDER BY occurrence_id"),
            (std::vector<std::string>{"3", "9", "10"}));
  if (GetParam() == Backend::sqlite) {
    // Blocks of contiguous ids of one dataset: 1-3, 7-8, 9-10.
    EXPECT_EQ(row_lines(*store,
                        "SELECT dataset_id, first_id, records FROM bio_occurrence_blocks "
                        "ORDER BY first_id"),
              (std::vector<std::string>{"1|1|3", "1|7|2", "2|9|2"}));
  }

  // A record written now takes an id after the removed ones.
  in_transaction(*store, [&](Transaction& tx) {
    BioDataset dataset;
    dataset.dataset_key = "c";
    OccurrenceWriter writer(tx, begin_dataset_import(tx, dataset));
    biodata::Occurrence o;
    o.record_key = "c:1";
    std::vector<OccurrenceRow> rows{{&o, std::nullopt, {1}}};
    writer.write(rows);
    SpeciesTally tally;
    writer.finish(tally);
  });
  EXPECT_EQ(row_lines(*store, "SELECT id FROM bio_occurrences WHERE record_key = 'c:1'"),
            std::vector<std::string>{"13"});
  EXPECT_EQ(row_lines(*store, "SELECT area_id FROM bio_occurrence_areas WHERE occurrence_id = 13"),
            std::vector<std::string>{"1"});
}

INSTANTIATE_TEST_SUITE_P(Backends, OccurrenceBlocksMigrationTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace bsap::store
