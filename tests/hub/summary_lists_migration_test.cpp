// Migration 18 (decision 0013 §14): a database whose species summaries are rows, as bsap left it
// at schema version 17, keeps every summary row when SQLite's summaries become packed lists, and
// bio_area_taxa and bio_cell_taxa read as before through their virtual tables, by area, by
// square or whole. An import afterwards adds to the lists. On PostgreSQL the rows stay as they
// are, and the same assertions hold.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "store/area_species_list.h"
#include "store/bio_occurrence_repo.h"
#include "store/migrations.h"
#include "store/store_test_fixture.h"

namespace bsap::store {
namespace {

using testing::row_lines;
using testing::TestDatabase;

constexpr std::string_view kAreaTaxa =
    "SELECT area_id, taxon_id, records, first_date, last_date, scientific_name, name_zh, "
    "name_en, iucn_category, establishment, sensitivity FROM bio_area_taxa "
    "ORDER BY area_id, taxon_id";
constexpr std::string_view kCellTaxa =
    "SELECT grid_cell, taxon_id, records FROM bio_cell_taxa ORDER BY grid_cell, taxon_id";

void run_sql(Store& store, const std::string& statement) {
  in_transaction(store, [&](Transaction& tx) { tx.sql() << statement; });
}

// Schema version 17 with two areas' and two squares' summaries, and the areas' packed lists as
// migration 16 made them.
void build_version_17(Store& store) {
  in_transaction(store, [&](Transaction& tx) {
    testing::apply_migrations_up_to(tx, 17);
    auto& sql = tx.sql();
    testing::insert_two_areas(tx);
    sql << "INSERT INTO bio_taxa (checklist, source_taxon_id, scientific_name, canonical_name, "
           "name_zh, name_en, establishment, iucn_category, sensitivity) VALUES "
           "('c', 't1', 'Cuora trifasciata (Bell, 1825)', 'Cuora trifasciata', '金錢龜', "
           "'Golden coin turtle', 'native', 'CR', 3), "
           "('c', 't2', 'Milvus migrans (Boddaert, 1783)', 'Milvus migrans', '黑鳶', 'Black kite', "
           "'native', 'LC', 0), "
           "('c', 't3', 'Acridotheres cristatellus', 'Acridotheres cristatellus', '八哥', "
           "'Crested myna\tname', 'unknown', '', 0)";
    sql << "INSERT INTO bio_area_taxa (area_id, taxon_id, records, first_date, last_date, "
           "scientific_name, name_zh, name_en, iucn_category, establishment, sensitivity) "
           "SELECT a, t.id, r, f, l, t.scientific_name, t.name_zh, t.name_en, t.iucn_category, "
           "t.establishment, t.sensitivity FROM (SELECT 1 AS a, 1 AS taxon, 2 AS r, "
           "'2019-04-02' AS f, '2021-06' AS l UNION ALL SELECT 1, 3, 1, NULL, NULL "
           "UNION ALL SELECT 2, 2, 5, '1999', '2024-01-01') v JOIN bio_taxa t ON t.id = v.taxon";
    sql << "INSERT INTO bio_cell_taxa (grid_cell, taxon_id, records) VALUES ('7-12', 1, 3), "
           "('7-12', 3, 1), ('7-13', 2, 2)";
    rebuild_all_area_species_lists(tx);
  });
}

class SummaryListsMigrationTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    old_ = std::make_unique<TestDatabase>(GetParam());
    store17_ = open_store(old_->url());
    build_version_17(*store17_);
    ASSERT_EQ(store17_->schema_version(), 17);
  }

  std::unique_ptr<TestDatabase> old_;
  std::unique_ptr<Store> store17_;
};

TEST_P(SummaryListsMigrationTest, Migration18KeepsEverySummaryRow) {
  Store& store = *store17_;
  const std::vector<std::string> areas = row_lines(store, kAreaTaxa);
  const std::vector<std::string> cells = row_lines(store, kCellTaxa);
  ASSERT_EQ(areas.size(), 3u);
  ASSERT_EQ(cells.size(), 3u);

  EXPECT_EQ(store.migrate(), 1);
  EXPECT_EQ(row_lines(store, kAreaTaxa), areas);
  EXPECT_EQ(row_lines(store, kCellTaxa), cells);
  EXPECT_EQ(areas[1], "1|3|1|-|-|Acridotheres cristatellus|八哥|Crested myna\tname||unknown|0");
  if (GetParam() == Backend::sqlite) {
    EXPECT_EQ(row_lines(store, "SELECT COUNT(*) FROM bio_cell_taxon_lists"),
              std::vector<std::string>{"2"});
    EXPECT_EQ(row_lines(store,
                        "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('bio_area_taxa_rows', "
                        "'bio_cell_taxa_rows')"),
              std::vector<std::string>{"0"});
  }
}

// Each way into the tables: one area's or one square's list, a key no list has, = NULL, a
// filter on another column, and an ORDER BY the lists come in.
TEST_P(SummaryListsMigrationTest, TheTablesAnswerEachWayIn) {
  Store& store = *store17_;
  store.migrate();
  EXPECT_EQ(row_lines(store,
                      "SELECT taxon_id, records FROM bio_area_taxa WHERE area_id = 1 "
                      "ORDER BY taxon_id"),
            (std::vector<std::string>{"1|2", "3|1"}));
  EXPECT_EQ(row_lines(store, "SELECT taxon_id FROM bio_cell_taxa WHERE grid_cell = '7-13'"),
            std::vector<std::string>{"2"});
  for (std::string_view none : {"SELECT * FROM bio_area_taxa WHERE area_id = 99",
                                "SELECT * FROM bio_area_taxa WHERE "
                                "area_id = NULL",
                                "SELECT * FROM bio_cell_taxa WHERE grid_cell = '9-9'",
                                "SELECT * FROM bio_cell_taxa WHERE grid_cell = NULL"})
    EXPECT_TRUE(row_lines(store, none).empty()) << none;
  EXPECT_EQ(row_lines(store, "SELECT DISTINCT area_id FROM bio_area_taxa WHERE taxon_id = 2"),
            std::vector<std::string>{"2"});
  EXPECT_EQ(row_lines(store,
                      "SELECT grid_cell, COUNT(*) FROM bio_cell_taxa GROUP BY grid_cell "
                      "ORDER BY grid_cell DESC"),
            (std::vector<std::string>{"7-13|1", "7-12|2"}));
}

// An import after the migration adds to the lists the migration made: counts added, dates
// widened, a new square's list begun.
TEST_P(SummaryListsMigrationTest, AnImportAddsToTheMigratedLists) {
  Store& store = *store17_;
  store.migrate();
  in_transaction(store, [&](Transaction& tx) {
    BioDataset dataset;
    dataset.dataset_key = "c";
    OccurrenceWriter writer(tx, begin_dataset_import(tx, dataset));
    biodata::Occurrence o;
    o.record_key = "c:1";
    o.taxon = 1;
    o.date = biodata::CalendarDate{2025, 1, 2};
    biodata::Occurrence p = o;
    p.record_key = "c:2";
    p.date = biodata::CalendarDate{2018, 0, 0};
    const std::vector<OccurrenceRow> rows{{&o, std::string("7-12"), {1}},
                                          {&p, std::string("8-1"), {1, 2}}};
    writer.write(rows);
    SpeciesTally tally;
    tally_rows(tally, rows);
    writer.finish(tally);
  });
  EXPECT_EQ(row_lines(store,
                      "SELECT area_id, taxon_id, records, first_date, last_date "
                      "FROM bio_area_taxa WHERE taxon_id = 1 ORDER BY area_id"),
            (std::vector<std::string>{"1|1|4|2018|2025-01-02", "2|1|1|2018|2018"}));
  EXPECT_EQ(row_lines(store, kCellTaxa),
            (std::vector<std::string>{"7-12|1|4", "7-12|3|1", "7-13|2|2", "8-1|1|1"}));
  in_transaction(store, [](Transaction& tx) {
    const auto species = area_species(tx, 2);
    ASSERT_EQ(species.size(), 2u);  // in name order
    EXPECT_EQ(species[0].scientific_name, "Cuora trifasciata (Bell, 1825)");
    EXPECT_EQ(species[0].iucn_category, "CR");
    EXPECT_EQ(species[1].scientific_name, "Milvus migrans (Boddaert, 1783)");
  });
}

// SQLite's tables are views of the lists: they cannot be written, and a damaged list is an error
// naming it, not a wrong answer. (PostgreSQL keeps the summaries as rows.)
class SqliteSummaryTablesTest : public SummaryListsMigrationTest {};

TEST_P(SqliteSummaryTablesTest, TheTablesAreReadOnlyAndRefuseADamagedList) {
  Store& store = *store17_;
  store.migrate();
  EXPECT_THROW(run_sql(store, "DELETE FROM bio_cell_taxa"), StoreError);
  EXPECT_THROW(run_sql(store, "INSERT INTO bio_area_taxa (area_id) VALUES (1)"), StoreError);
  run_sql(store, "UPDATE bio_cell_taxon_lists SET taxa = X'4902' WHERE grid_cell = '7-13'");
  try {
    row_lines(store, kCellTaxa);
    ADD_FAILURE() << "a damaged list was read";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("the species of square 7-13 is damaged"),
              std::string::npos)
        << e.what();
  }
  run_sql(store, "UPDATE bio_area_species_lists SET species = '2\n1' WHERE area_id = 2");
  EXPECT_THROW(row_lines(store, "SELECT * FROM bio_area_taxa WHERE area_id = 2"), StoreError);
}

INSTANTIATE_TEST_SUITE_P(Backends, SummaryListsMigrationTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         testing::backend_name);
INSTANTIATE_TEST_SUITE_P(Sqlite, SqliteSummaryTablesTest, ::testing::Values(Backend::sqlite),
                         testing::backend_name);

}  // namespace
}  // namespace bsap::store
