// The occurrence writer on both backends (decision 0013): what an archive's text holds comes back
// exactly as it was written, whatever COPY's text format would otherwise read into it, and a
// write that fails part-way through an import leaves nothing of it.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "store/bio_occurrence_repo.h"
#include "store/store_test_fixture.h"

namespace bsap::store {
namespace {

class OccurrenceWriterTest : public testing::StoreTest {
 protected:
  static BioDataset dataset() {
    BioDataset d;
    d.dataset_key = "writer-test";
    d.title = "writer test";
    d.imported_at = "2026-11-24T09:00:00Z";
    d.imported_by = "tester";
    return d;
  }

  // Writes the occurrences in one transaction, batch by batch, each with the areas given.
  void write(const std::vector<std::vector<biodata::Occurrence>>& batches,
             const std::vector<std::int64_t>& area_ids = {}) {
    in_transaction(*store_, [&](Transaction& tx) {
      OccurrenceWriter writer(tx, begin_dataset_import(tx, dataset()));
      SpeciesTally tally;
      for (const auto& batch : batches) {
        std::vector<OccurrenceRow> rows;
        for (const biodata::Occurrence& o : batch) rows.push_back({&o, std::nullopt, area_ids});
        writer.write(rows);
        tally_rows(tally, rows);
      }
      writer.finish(tally);
    });
  }
};

biodata::Occurrence occurrence(std::string key) {
  biodata::Occurrence o;
  o.record_key = std::move(key);
  o.scientific_name = "Cuora trifasciata";
  o.basis_of_record = "HumanObservation";
  return o;
}

// A column that may be NULL, read with its indicator.
template <typename T>
struct Nullable {
  T value{};
  soci::indicator indicator = soci::i_null;
  std::optional<T> get() const {
    return indicator == soci::i_null ? std::nullopt : std::optional(value);
  }
};

struct ReadBack {
  std::string occurrence_id, scientific_name, locality, recorded_by;
  Nullable<std::string> event_date;
  Nullable<double> latitude, longitude, uncertainty;
  Nullable<long long> year, count;
  int flags = 0;
};

template <typename T>
auto into(Nullable<T>& column) {
  return soci::into(column.value, column.indicator);
}

ReadBack read_back(Store& store, const std::string& key) {
  ReadBack out;
  in_transaction(store, [&](Transaction& tx) {
    tx.sql() << "SELECT occurrence_id, scientific_name, locality, recorded_by, event_date, "
                "latitude, longitude, uncertainty_m, year, individual_count, flags "
                "FROM bio_occurrences WHERE record_key = :k",
        soci::use(key), soci::into(out.occurrence_id), soci::into(out.scientific_name),
        soci::into(out.locality), soci::into(out.recorded_by), into(out.event_date),
        into(out.latitude), into(out.longitude), into(out.uncertainty), into(out.year),
        into(out.count), soci::into(out.flags);
  });
  return out;
}

TEST_P(OccurrenceWriterTest, TextComesBackExactlyWhateverItHolds) {
  biodata::Occurrence awkward = occurrence("tab\tkey\\");
  awkward.occurrence_id = "\\N";  // COPY's NULL spelled out, as text
  awkward.scientific_name = "Cuora trifasciata\r\n";
  awkward.locality = "大埔滘\t自然護理區\nline two\\ end \\.\n\\";
  awkward.recorded_by = "陳大文 (Chan Tai-man)\t";
  awkward.individual_count = 0;
  awkward.flags = biodata::FlagSet(0x7fffffff);

  biodata::Occurrence precise = occurrence("precise");
  precise.date = biodata::CalendarDate{1930, 4, 1};
  precise.point = LonLat{114.12345678901234, -22.410512345678901};
  precise.uncertainty_m = 0.1;
  precise.individual_count = -9'007'199'254'740'993;  // not a double
  precise.locality = "";

  write({{awkward, precise}});

  ReadBack a = read_back(*store_, awkward.record_key);
  EXPECT_EQ(a.occurrence_id, "\\N");
  EXPECT_EQ(a.scientific_name, awkward.scientific_name);
  EXPECT_EQ(a.locality, awkward.locality);
  EXPECT_EQ(a.recorded_by, awkward.recorded_by);
  EXPECT_EQ(a.event_date.get(), std::nullopt);
  EXPECT_EQ(a.year.get(), std::nullopt);
  EXPECT_EQ(a.latitude.get(), std::nullopt);
  EXPECT_EQ(a.longitude.get(), std::nullopt);
  EXPECT_EQ(a.uncertainty.get(), std::nullopt);
  EXPECT_EQ(a.count.get(), 0);
  EXPECT_EQ(a.flags, 0x7fffffff);

  ReadBack p = read_back(*store_, "precise");
  EXPECT_EQ(p.event_date.get(), "1930-04-01");
  EXPECT_EQ(p.year.get(), 1930);
  EXPECT_EQ(p.latitude.get(), -22.410512345678901);
  EXPECT_EQ(p.longitude.get(), 114.12345678901234);
  EXPECT_EQ(p.uncertainty.get(), 0.1);
  EXPECT_EQ(p.count.get(), -9'007'199'254'740'993);
  EXPECT_EQ(p.locality, "");
  EXPECT_EQ(p.occurrence_id, "");
  EXPECT_EQ(count_rows("bio_occurrences"), 2);
}

TEST_P(OccurrenceWriterTest, AFailedSecondBatchLeavesNothingOfTheImport) {
  // The second batch repeats a record key of the first: the dataset's key is unique.
  EXPECT_THROW(write({{occurrence("a"), occurrence("b")}, {occurrence("c"), occurrence("a")}}),
               std::exception);
  EXPECT_EQ(count_rows("bio_occurrences"), 0);
  EXPECT_EQ(count_rows("bio_datasets"), 0);
  // The connection is usable afterwards.
  write({{occurrence("a")}});
  EXPECT_EQ(count_rows("bio_occurrences"), 1);
}

TEST_P(OccurrenceWriterTest, AJoinToNoAreaFailsAndLeavesNothing) {
  EXPECT_THROW(write({{occurrence("a")}}, {987654}), std::exception);
  EXPECT_EQ(count_rows("bio_occurrences"), 0);
  EXPECT_EQ(count_rows("bio_occurrence_areas"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, OccurrenceWriterTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace bsap::store
