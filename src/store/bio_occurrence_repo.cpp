#include "store/bio_occurrence_repo.h"

#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/bio_summary_repo.h"
#include "store/occurrence_sink.h"
#include "store/postgres_occurrence_sink.h"
#include "store/repo_support.h"
#include "store/sqlite_statement.h"

namespace bsap::store {
namespace {

nlohmann::json counts_json(const BioDataset& dataset) {
  return {{"title", dataset.title},
          {"source", dataset.source},
          {"records_read", dataset.records_read},
          {"records_loaded", dataset.records_loaded}};
}

}  // namespace

std::int64_t begin_dataset_import(Transaction& tx, const BioDataset& dataset) {
  auto& sql = tx.sql();
  if (auto existing = find_dataset(tx, dataset.dataset_key)) {
    // Counts could be subtracted but first and last dates cannot: the summaries of the areas and
    // squares the previous records were in are recomputed from what remains without them.
    std::vector<std::int64_t> areas = dataset_area_ids(tx, existing->id);
    std::vector<std::string> cells = dataset_grid_cells(tx, existing->id);
    sql << "DELETE FROM bio_occurrence_areas WHERE occurrence_id IN "
           "(SELECT id FROM bio_occurrences WHERE dataset_id = :d)",
        soci::use(existing->id);
    sql << "DELETE FROM bio_occurrences WHERE dataset_id = :d", soci::use(existing->id);
    recompute_area_taxa(tx, areas);
    recompute_cell_taxa(tx, cells);
    return existing->id;
  }
  long long zero = 0;
  sql << "INSERT INTO bio_datasets (dataset_key, title, source, imported_at, imported_by, "
         "records_read, records_loaded, report_json) VALUES (:k, :t, :s, :a, :b, :r, :l, '{}')",
      soci::use(dataset.dataset_key), soci::use(dataset.title), soci::use(dataset.source),
      soci::use(dataset.imported_at), soci::use(dataset.imported_by), soci::use(zero),
      soci::use(zero);
  long long id = 0;
  sql << "SELECT id FROM bio_datasets WHERE dataset_key = :k", soci::use(dataset.dataset_key),
      soci::into(id);
  return id;
}

namespace {

// SQLite: SOCI's bulk binding copies every value into its own buffers and looks up each join's
// occurrence by its key; here statements prepared once per import bind the rows' own values, and
// the joins take the id the insert just gave. One row a statement: a statement of many rows
// would need a statement journal (the foreign keys may abort it), which costs more than it saves
// (decision 0013 §7). This path is most of an import's time.
class SqliteSink final : public OccurrenceWriter::Sink {
 public:
  SqliteSink(Transaction& tx, std::int64_t dataset_id)
      : cache_(tx),
        tx_(tx),
        dataset_id_(dataset_id),
        occurrence_(tx,
                    "INSERT INTO bio_occurrences (dataset_id, record_key, occurrence_id, "
                    "scientific_name, taxon_id, basis_of_record, event_date, year, latitude, "
                    "longitude, uncertainty_m, individual_count, locality, recorded_by, flags, "
                    "grid_cell) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "writing occurrences"),
        join_(tx, "INSERT INTO bio_occurrence_areas (area_id, occurrence_id) VALUES (?, ?)",
              "writing the areas of occurrences") {}

  void write(std::span<const OccurrenceRow> rows) override {
    for (const OccurrenceRow& row : rows) {
      std::int64_t id = insert(*row.occurrence, row.grid_cell);
      for (std::int64_t area_id : row.area_ids) joins_.push_back({area_id, id});
    }
    write_joins();
  }

  void finish(const SpeciesTally& tally) override { add_to_summaries(tx_, dataset_id_, tally); }

 private:
  using Join = std::pair<std::int64_t, std::int64_t>;  // area, occurrence

  std::int64_t insert(const biodata::Occurrence& o, const std::optional<std::string>& grid_cell) {
    SqliteStatement& st = occurrence_;
    st.bind(1, dataset_id_);
    st.bind(2, std::string_view(o.record_key));
    st.bind(3, std::string_view(o.occurrence_id));
    st.bind(4, std::string_view(o.scientific_name));
    if (o.taxon)
      st.bind(5, o.taxon);
    else
      st.bind_null(5);
    st.bind(6, std::string_view(o.basis_of_record));
    std::string date = o.date ? o.date->iso() : std::string();
    if (o.date) {
      st.bind(7, std::string_view(date));
      st.bind(8, std::int64_t{o.date->year});
    } else {
      st.bind_null(7);
      st.bind_null(8);
    }
    if (o.point) {
      st.bind(9, o.point->lat);
      st.bind(10, o.point->lon);
    } else {
      st.bind_null(9);
      st.bind_null(10);
    }
    if (o.uncertainty_m)
      st.bind(11, *o.uncertainty_m);
    else
      st.bind_null(11);
    if (o.individual_count)
      st.bind(12, *o.individual_count);
    else
      st.bind_null(12);
    st.bind(13, std::string_view(o.locality));
    st.bind(14, std::string_view(o.recorded_by));
    st.bind(15, static_cast<std::int64_t>(static_cast<int>(o.flags.bits())));
    if (grid_cell)
      st.bind(16, std::string_view(*grid_cell));
    else
      st.bind_null(16);
    st.run();
    return st.last_insert_rowid();
  }

  // A batch's joins in key order (area, then occurrence): each area's new pairs go to the end of
  // its range of the table one after another, not one B-tree descent at a time all over it.
  void write_joins() {
    std::ranges::sort(joins_);
    for (const auto& [area_id, occurrence_id] : joins_) {
      join_.bind(1, area_id);
      join_.bind(2, occurrence_id);
      join_.run();
    }
    joins_.clear();
  }

  // The import's page cache, for as long as it writes. With SQLite's default 2 MiB, the pages
  // of the indexes a million rows go into are evicted between two visits: each eviction spills a
  // dirty page into the write-ahead log again and each visit reads it back, and the log grows to
  // gigabytes. With the indexes' pages in memory the import writes each page about once.
  class ImportCache {
   public:
    explicit ImportCache(Transaction& tx) : sql_(tx.sql()) {
      sql_ << "PRAGMA cache_size", soci::into(previous_);
      sql_ << "PRAGMA cache_size = " + std::to_string(-kImportCacheKiB);
    }
    ~ImportCache() {
      try {
        sql_ << "PRAGMA cache_size = " + std::to_string(previous_);
      } catch (...) {  // the connection is failing; its transaction reports that
      }
    }

   private:
    static constexpr long long kImportCacheKiB = 128 * 1024;
    soci::session& sql_;
    long long previous_ = 0;
  };

  ImportCache cache_;
  Transaction& tx_;
  std::int64_t dataset_id_;
  SqliteStatement occurrence_, join_;
  std::vector<Join> joins_;  // the batch's, written after its occurrences
};

}  // namespace

OccurrenceWriter::OccurrenceWriter(Transaction& tx, std::int64_t dataset_id) {
  if (tx.backend() == Backend::sqlite)
    sink_ = std::make_unique<SqliteSink>(tx, dataset_id);
  else
    sink_ = make_postgres_occurrence_sink(tx, dataset_id);
}

OccurrenceWriter::~OccurrenceWriter() = default;

void OccurrenceWriter::write(std::span<const OccurrenceRow> rows) { sink_->write(rows); }

void OccurrenceWriter::finish(const SpeciesTally& tally) { sink_->finish(tally); }

void tally_rows(SpeciesTally& tally, std::span<const OccurrenceRow> rows) {
  for (const OccurrenceRow& row : rows)
    tally.add(row.occurrence->taxon, row.occurrence->date, row.grid_cell, row.area_ids);
}

void finish_dataset_import(Transaction& tx, const BioDataset& dataset, std::string_view actor) {
  auto before = find_dataset(tx, dataset.dataset_key);
  long long read = dataset.records_read, loaded = dataset.records_loaded;
  tx.sql() << "UPDATE bio_datasets SET title = :t, source = :s, imported_at = :a, imported_by = "
              ":b, records_read = :r, records_loaded = :l, report_json = :j WHERE dataset_key = :k",
      soci::use(dataset.title), soci::use(dataset.source), soci::use(dataset.imported_at),
      soci::use(dataset.imported_by), soci::use(read), soci::use(loaded),
      soci::use(dataset.report_json), soci::use(dataset.dataset_key);
  // The previous version's counts, read before this update, say what the import replaced.
  bool replaced = before && before->records_read + before->records_loaded > 0;
  append_audit(
      tx, {std::string(actor), "bio_dataset", dataset.dataset_key, replaced ? "reimport" : "import",
           replaced ? counts_json(*before).dump() : "null", counts_json(dataset).dump()});
}

std::vector<MappablePoint> mappable_occurrences(Transaction& tx) {
  std::vector<MappablePoint> out;
  long long id = 0;
  double lon = 0, lat = 0;
  int mask = static_cast<int>(biodata::geospatial_flag_mask());
  soci::statement st =
      (tx.sql().prepare << "SELECT id, longitude, latitude FROM bio_occurrences WHERE longitude "
                           "IS NOT NULL AND (flags & :m) = 0 ORDER BY id",
       soci::use(mask), soci::into(id), soci::into(lon), soci::into(lat));
  st.execute();
  while (st.fetch()) out.push_back({id, lon, lat});
  return out;
}

void insert_area_joins(Transaction& tx, const std::vector<long long>& area_ids,
                       const std::vector<long long>& occurrence_ids) {
  if (area_ids.empty()) return;
  std::vector<long long> areas = area_ids, occurrences = occurrence_ids;  // SOCI binds non-const
  tx.sql() << "INSERT INTO bio_occurrence_areas (area_id, occurrence_id) VALUES (:a, :o)",
      soci::use(areas), soci::use(occurrences);
}

std::vector<BioDataset> list_datasets(Transaction& tx) {
  std::vector<BioDataset> out;
  BioDataset row;
  long long id = 0, read = 0, loaded = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, dataset_key, title, source, imported_at, imported_by, "
                           "records_read, records_loaded, report_json FROM bio_datasets "
                           "ORDER BY dataset_key",
       soci::into(id), soci::into(row.dataset_key), soci::into(row.title), soci::into(row.source),
       soci::into(row.imported_at), soci::into(row.imported_by), soci::into(read),
       soci::into(loaded), soci::into(row.report_json));
  st.execute();
  while (st.fetch()) {
    row.id = id, row.records_read = read, row.records_loaded = loaded;
    out.push_back(row);
  }
  return out;
}

std::optional<BioDataset> find_dataset(Transaction& tx, std::string_view dataset_key) {
  for (BioDataset& dataset : list_datasets(tx))
    if (dataset.dataset_key == dataset_key) return std::move(dataset);
  return std::nullopt;
}

std::int64_t count_occurrences(Transaction& tx, std::int64_t dataset_id) {
  long long count = 0;
  tx.sql() << "SELECT COUNT(*) FROM bio_occurrences WHERE dataset_id = :d", soci::use(dataset_id),
      soci::into(count);
  return count;
}

}  // namespace bsap::store
