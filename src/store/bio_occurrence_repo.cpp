#include "store/bio_occurrence_repo.h"

#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/bio_summary_repo.h"
#include "store/occurrence_sink.h"
#include "store/postgres_occurrence_sink.h"
#include "store/repo_support.h"
#include "store/sqlite_occurrence_blocks.h"

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
    if (tx.backend() == Backend::sqlite) {
      remove_dataset_blocks(tx, existing->id);
    } else {
      sql << "DELETE FROM bio_occurrence_areas WHERE occurrence_id IN "
             "(SELECT id FROM bio_occurrences WHERE dataset_id = :d)",
          soci::use(existing->id);
      sql << "DELETE FROM bio_occurrences WHERE dataset_id = :d", soci::use(existing->id);
    }
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

OccurrenceWriter::OccurrenceWriter(Transaction& tx, std::int64_t dataset_id) {
  if (tx.backend() == Backend::sqlite)
    sink_ = make_sqlite_occurrence_sink(tx, dataset_id);
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
  if (tx.backend() == Backend::sqlite) return add_block_areas(tx, area_ids, occurrence_ids);
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
