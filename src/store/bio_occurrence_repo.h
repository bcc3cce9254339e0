// The hub's datasets and their occurrences (issue 9 §1–2). An import replaces a dataset whole:
// the dataset is found by its key, its previous records and their area joins are removed and the
// archive's records written, all in the caller's transaction, so a failed import leaves the
// previous version in place and a repeated one leaves the same records. One audit record per
// import, not per occurrence.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "biodata/occurrence_interpretation.h"
#include "store/bio_summary_repo.h"
#include "store/store.h"

namespace bsap::store {

struct BioDataset {
  std::int64_t id = 0;
  std::string dataset_key;  // the archive's identifier, else its file name
  std::string title;
  std::string source;  // the path it was imported from
  std::string imported_at;
  std::string imported_by;
  std::int64_t records_read = 0;
  std::int64_t records_loaded = 0;
  std::string report_json;
};

// An occurrence to write: its interpretation, its 1 km square, the areas that contain it.
struct OccurrenceRow {
  const biodata::Occurrence* occurrence = nullptr;
  std::optional<std::string> grid_cell;  // none when the record has no place on the map
  std::vector<std::int64_t> area_ids;
};

// Creates the dataset, or empties the one with the same key for its new version (the species
// summaries of its previous records' areas and squares recomputed without them); returns its id.
std::int64_t begin_dataset_import(Transaction& tx, const BioDataset& dataset);

// Writes one dataset's occurrences and their area joins batch after batch, in the caller's
// transaction, and at finish() adds them to the species summaries (bio_summary_repo.h) from the
// tally of the same rows (tally_rows), which the caller keeps, perhaps on another thread. On
// SQLite the rows go through SQLite's own statements prepared once for the whole import, one row
// a statement, each occurrence's id taken from its insert (decision 0013 §2, §7); on PostgreSQL
// with COPY, the ids taken beforehand from the table's sequence (postgres_occurrence_sink.h,
// decision 0013 §9). Destroyed without finish(), the summaries miss the records: the caller's
// transaction must then roll back, as it does when an exception leaves the import.
class OccurrenceWriter {
 public:
  OccurrenceWriter(Transaction& tx, std::int64_t dataset_id);
  ~OccurrenceWriter();
  OccurrenceWriter(const OccurrenceWriter&) = delete;
  OccurrenceWriter& operator=(const OccurrenceWriter&) = delete;

  void write(std::span<const OccurrenceRow> rows);
  void finish(const SpeciesTally& tally);

  class Sink;  // one per backend

 private:
  std::unique_ptr<Sink> sink_;
};
// Adds rows to a tally of what they add to the species summaries.
void tally_rows(SpeciesTally& tally, std::span<const OccurrenceRow> rows);
// Records the counts and the report, and the audit record of the import.
void finish_dataset_import(Transaction& tx, const BioDataset& dataset, std::string_view actor);

// An occurrence with a place on the map (a point and no geospatial flag), for joining to areas.
struct MappablePoint {
  std::int64_t occurrence_id = 0;
  double lon = 0, lat = 0;
};
std::vector<MappablePoint> mappable_occurrences(Transaction& tx);
// Writes (area, occurrence) pairs, area_ids[i] with occurrence_ids[i].
void insert_area_joins(Transaction& tx, const std::vector<long long>& area_ids,
                       const std::vector<long long>& occurrence_ids);

std::vector<BioDataset> list_datasets(Transaction& tx);  // by key
std::optional<BioDataset> find_dataset(Transaction& tx, std::string_view dataset_key);
std::int64_t count_occurrences(Transaction& tx, std::int64_t dataset_id);

}  // namespace bsap::store
