#include "store/bio_summary_repo.h"

#include <soci/soci.h>

#include "store/area_species_list.h"
#include "store/bio_area_repo.h"
#include "store/sqlite_species_summaries.h"

namespace bsap::store {
namespace {

// The taxon's names and marks an area's summary row carries (migration 15), and where they come
// from in a statement that joins bio_taxa as t.
constexpr std::string_view kMarkColumns =
    "scientific_name, name_zh, name_en, iucn_category, establishment, sensitivity";
constexpr std::string_view kMarkValues =
    "t.scientific_name, t.name_zh, t.name_en, t.iucn_category, t.establishment, t.sensitivity";
// INSERT … SELECT of an area's rows, grouped from its records; the caller adds the FROM clause.
std::string insert_area_taxa_grouped() {
  return "INSERT INTO bio_area_taxa (area_id, taxon_id, records, first_date, last_date, " +
         std::string(kMarkColumns) +
         ") SELECT g.area_id, g.taxon_id, g.records, g.first_date, g.last_date, " +
         std::string(kMarkValues) + " FROM (";
}
// The records of areas grouped by area and taxon, for insert_area_taxa_grouped(); the caller
// adds the WHERE and GROUP BY.
constexpr std::string_view kAreaRecordsGrouped =
    "SELECT j.area_id, o.taxon_id, COUNT(*) AS records, MIN(o.event_date) AS first_date, "
    "MAX(o.event_date) AS last_date FROM bio_occurrence_areas j "
    "JOIN bio_occurrences o ON o.id = j.occurrence_id ";
// Closes insert_area_taxa_grouped() around kAreaRecordsGrouped and its WHERE and GROUP BY.
constexpr std::string_view kJoinMarks = ") g JOIN bio_taxa t ON t.id = g.taxon_id";

// A row's counts are added and its dates widened. A NULL date (records without one) never wins
// over a known date; the CASE keeps that on both backends, where MIN() and LEAST() differ on NULL.
constexpr std::string_view kMergeAreaTaxon =
    " ON CONFLICT (area_id, taxon_id) DO UPDATE SET "
    "records = bio_area_taxa.records + excluded.records, "
    "first_date = CASE WHEN bio_area_taxa.first_date IS NULL "
    "OR excluded.first_date < bio_area_taxa.first_date "
    "THEN excluded.first_date ELSE bio_area_taxa.first_date END, "
    "last_date = CASE WHEN bio_area_taxa.last_date IS NULL "
    "OR excluded.last_date > bio_area_taxa.last_date "
    "THEN excluded.last_date ELSE bio_area_taxa.last_date END";
constexpr std::string_view kMergeCellTaxon =
    " ON CONFLICT (grid_cell, taxon_id) DO UPDATE SET "
    "records = bio_cell_taxa.records + excluded.records";

// PostgreSQL: the dataset's records grouped by the server, one statement each (a statement per
// row would cost a round trip per row).
void add_dataset_to_postgres(Transaction& tx, std::int64_t dataset_id) {
  // WHERE true: the upsert's ON must not be read as the join's.
  tx.sql() << insert_area_taxa_grouped() + std::string(kAreaRecordsGrouped) +
                  "WHERE o.dataset_id = :d AND o.taxon_id IS NOT NULL "
                  "GROUP BY j.area_id, o.taxon_id" +
                  std::string(kJoinMarks) + " WHERE true" + std::string(kMergeAreaTaxon),
      soci::use(dataset_id);
  tx.sql() << "INSERT INTO bio_cell_taxa (grid_cell, taxon_id, records) "
              "SELECT grid_cell, taxon_id, COUNT(*) FROM bio_occurrences WHERE dataset_id = :d "
              "AND grid_cell IS NOT NULL AND taxon_id IS NOT NULL GROUP BY grid_cell, taxon_id" +
                  std::string(kMergeCellTaxon),
      soci::use(dataset_id);
}

// Every summary row's copy of its taxon's names and marks made equal to bio_taxa again; the
// caller may narrow it to one taxon. A full pass reads the table once (about 200,000 rows at a
// million records), which only a checklist import needs.
constexpr std::string_view kCopyMarks =
    "UPDATE bio_area_taxa SET scientific_name = t.scientific_name, name_zh = t.name_zh, "
    "name_en = t.name_en, iucn_category = t.iucn_category, establishment = t.establishment, "
    "sensitivity = t.sensitivity FROM bio_taxa t WHERE t.id = bio_area_taxa.taxon_id";

}  // namespace

void add_to_summaries(Transaction& tx, std::int64_t dataset_id, const SpeciesTally& tally) {
  if (tx.backend() == Backend::sqlite) return add_tally_to_lists(tx, tally);
  add_dataset_to_postgres(tx, dataset_id);
  rebuild_area_species_lists(tx, dataset_area_ids(tx, dataset_id));
}

std::vector<std::int64_t> dataset_area_ids(Transaction& tx, std::int64_t dataset_id) {
  std::vector<std::int64_t> out;
  long long area = 0;
  soci::statement st = (tx.sql().prepare << "SELECT DISTINCT j.area_id FROM bio_occurrence_areas j "
                                            "JOIN bio_occurrences o ON o.id = j.occurrence_id "
                                            "WHERE o.dataset_id = :d ORDER BY j.area_id",
                        soci::use(dataset_id), soci::into(area));
  st.execute();
  while (st.fetch()) out.push_back(area);
  return out;
}

std::vector<std::string> dataset_grid_cells(Transaction& tx, std::int64_t dataset_id) {
  std::vector<std::string> out;
  std::string cell;
  soci::statement st = (tx.sql().prepare << "SELECT DISTINCT grid_cell FROM bio_occurrences "
                                            "WHERE dataset_id = :d AND grid_cell IS NOT NULL "
                                            "ORDER BY grid_cell",
                        soci::use(dataset_id), soci::into(cell));
  st.execute();
  while (st.fetch()) out.push_back(cell);
  return out;
}

void recompute_area_taxa(Transaction& tx, std::span<const std::int64_t> area_ids) {
  if (tx.backend() == Backend::sqlite) return recompute_area_lists(tx, area_ids);
  long long area = 0;
  soci::statement remove =
      (tx.sql().prepare << "DELETE FROM bio_area_taxa WHERE area_id = :a", soci::use(area));
  soci::statement compute =
      (tx.sql().prepare << insert_area_taxa_grouped() + std::string(kAreaRecordsGrouped) +
                               "WHERE j.area_id = :a AND o.taxon_id IS NOT NULL "
                               "GROUP BY j.area_id, o.taxon_id" +
                               std::string(kJoinMarks),
       soci::use(area));
  for (std::int64_t id : area_ids) {
    area = id;
    remove.execute(true);
    compute.execute(true);
  }
  rebuild_area_species_lists(tx, area_ids);
}

void recompute_cell_taxa(Transaction& tx, std::span<const std::string> grid_cells) {
  if (tx.backend() == Backend::sqlite) return recompute_cell_lists(tx, grid_cells);
  std::string cell;
  soci::statement remove =
      (tx.sql().prepare << "DELETE FROM bio_cell_taxa WHERE grid_cell = :c", soci::use(cell));
  soci::statement compute =
      (tx.sql().prepare << "INSERT INTO bio_cell_taxa (grid_cell, taxon_id, records) "
                           "SELECT grid_cell, taxon_id, COUNT(*) FROM bio_occurrences "
                           "WHERE grid_cell = :c AND taxon_id IS NOT NULL "
                           "GROUP BY grid_cell, taxon_id",
       soci::use(cell));
  for (const std::string& each : grid_cells) {
    cell = each;
    remove.execute(true);
    compute.execute(true);
  }
}

void remove_layer_area_taxa(Transaction& tx, std::int64_t layer_id) {
  remove_layer_area_species_lists(tx, layer_id);
  if (tx.backend() == Backend::sqlite) return;  // the lists are SQLite's summaries
  tx.sql() << "DELETE FROM bio_area_taxa WHERE area_id IN "
              "(SELECT id FROM bio_areas WHERE layer_id = :l)",
      soci::use(layer_id);
}

void compute_layer_area_taxa(Transaction& tx, std::int64_t layer_id) {
  std::vector<std::int64_t> areas;
  for (const BioArea& area : list_layer_areas(tx, layer_id)) areas.push_back(area.id);
  if (tx.backend() == Backend::sqlite) return recompute_area_lists(tx, areas);
  tx.sql()
      << insert_area_taxa_grouped() + std::string(kAreaRecordsGrouped) +
             "JOIN bio_areas a ON a.id = j.area_id "
             "WHERE a.layer_id = :l AND o.taxon_id IS NOT NULL GROUP BY j.area_id, o.taxon_id" +
             std::string(kJoinMarks),
      soci::use(layer_id);
  rebuild_area_species_lists(tx, areas);
}

void copy_taxon_marks(Transaction& tx, std::int64_t taxon_id) {
  if (tx.backend() == Backend::sqlite) return copy_marks_into_area_lists(tx, taxon_id);
  tx.sql() << std::string(kCopyMarks) + " AND t.id = :t", soci::use(taxon_id);
  rebuild_area_species_lists_of_taxon(tx, taxon_id);
}

void copy_all_taxon_marks(Transaction& tx) {
  if (tx.backend() == Backend::sqlite) return copy_marks_into_area_lists(tx, std::nullopt);
  tx.sql() << std::string(kCopyMarks);
  rebuild_all_area_species_lists(tx);
}

}  // namespace bsap::store
