#include "store/bio_area_repo.h"

#include <soci/soci.h>

#include <algorithm>
#include <numeric>
#include <tuple>

#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/binary_column.h"
#include "store/bio_summary_repo.h"
#include "store/sqlite_statement.h"

namespace bsap::store {
namespace {

void read_layers(Transaction& tx, std::vector<BioLayer>& out) {
  BioLayer row;
  long long id = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, code, name_zh, name_en, kind, source, imported_at, "
                           "imported_by, repair_report_json FROM bio_layers ORDER BY code",
       soci::into(id), soci::into(row.code), soci::into(row.name_zh), soci::into(row.name_en),
       soci::into(row.kind), soci::into(row.source), soci::into(row.imported_at),
       soci::into(row.imported_by), soci::into(row.repair_report_json));
  st.execute();
  while (st.fetch()) {
    row.id = id;
    out.push_back(row);
  }
}

std::vector<BioArea> read_areas(Transaction& tx, const std::string& where, bool with_geometry,
                                std::optional<long long> layer_id) {
  std::vector<BioArea> out;
  BioArea row;
  long long id = 0, layer = 0;
  std::string wkb;
  std::string geometry = with_geometry ? binary_column_sql(tx.backend(), "wkb") : std::string("''");
  std::string query = "SELECT id, layer_id, code, name_zh, name_en, area_m2, " + geometry +
                      " FROM bio_areas " + where + " ORDER BY id";
  long long bound = layer_id.value_or(0);
  soci::statement st = layer_id
                           ? (tx.sql().prepare << query, soci::use(bound), soci::into(id),
                              soci::into(layer), soci::into(row.code), soci::into(row.name_zh),
                              soci::into(row.name_en), soci::into(row.area_m2), soci::into(wkb))
                           : (tx.sql().prepare << query, soci::into(id), soci::into(layer),
                              soci::into(row.code), soci::into(row.name_zh),
                              soci::into(row.name_en), soci::into(row.area_m2), soci::into(wkb));
  st.execute();
  while (st.fetch()) {
    row.id = id, row.layer_id = layer;
    row.wkb = with_geometry ? binary_from_column(tx.backend(), wkb, "an area's geometry") : "";
    out.push_back(row);
  }
  return out;
}

}  // namespace

std::int64_t replace_layer(Transaction& tx, const BioLayer& layer,
                           const std::vector<BioArea>& areas, std::string_view actor) {
  auto& sql = tx.sql();
  auto before = find_layer(tx, layer.code);
  std::size_t areas_before = 0;
  if (before) {
    areas_before = list_layer_areas(tx, before->id).size();
    remove_layer_area_taxa(tx, before->id);
    sql << "DELETE FROM bio_occurrence_areas WHERE area_id IN "
           "(SELECT id FROM bio_areas WHERE layer_id = :l)",
        soci::use(before->id);
    sql << "DELETE FROM bio_areas WHERE layer_id = :l", soci::use(before->id);
    sql << "UPDATE bio_layers SET name_zh = :zh, name_en = :en, kind = :k, source = :s, "
           "imported_at = :a, imported_by = :b, repair_report_json = :r WHERE id = :id",
        soci::use(layer.name_zh), soci::use(layer.name_en), soci::use(layer.kind),
        soci::use(layer.source), soci::use(layer.imported_at), soci::use(layer.imported_by),
        soci::use(layer.repair_report_json), soci::use(before->id);
  } else {
    sql << "INSERT INTO bio_layers (code, name_zh, name_en, kind, source, imported_at, "
           "imported_by, repair_report_json) VALUES (:c, :zh, :en, :k, :s, :a, :b, :r)",
        soci::use(layer.code), soci::use(layer.name_zh), soci::use(layer.name_en),
        soci::use(layer.kind), soci::use(layer.source), soci::use(layer.imported_at),
        soci::use(layer.imported_by), soci::use(layer.repair_report_json);
  }
  std::int64_t layer_id = find_layer(tx, layer.code)->id;
  std::string insert =
      "INSERT INTO bio_areas (layer_id, code, name_zh, name_en, area_m2, wkb) "
      "VALUES (:l, :c, :zh, :en, :m, " +
      binary_parameter_sql(tx.backend(), "w") + ")";
  for (const BioArea& area : areas) {
    std::string bytes = binary_parameter(tx.backend(), area.wkb);
    sql << insert, soci::use(layer_id), soci::use(area.code), soci::use(area.name_zh),
        soci::use(area.name_en), soci::use(area.area_m2), soci::use(bytes);
  }
  append_audit(tx, {std::string(actor), "bio_layer", layer.code, before ? "replace" : "import",
                    before ? nlohmann::json{{"areas", areas_before}}.dump() : "null",
                    nlohmann::json{{"areas", areas.size()}, {"source", layer.source}}.dump()});
  return layer_id;
}

std::vector<BioLayer> list_layers(Transaction& tx) {
  std::vector<BioLayer> out;
  read_layers(tx, out);
  return out;
}

std::optional<BioLayer> find_layer(Transaction& tx, std::string_view code) {
  for (BioLayer& layer : list_layers(tx))
    if (layer.code == code) return std::move(layer);
  return std::nullopt;
}

std::vector<BioArea> list_all_areas(Transaction& tx) {
  return read_areas(tx, "", true, std::nullopt);
}

std::vector<BioArea> list_layer_areas(Transaction& tx, std::int64_t layer_id) {
  return read_areas(tx, "WHERE layer_id = :l", false, layer_id);
}

std::optional<BioArea> find_area(Transaction& tx, std::string_view layer_code,
                                 std::string_view area_code) {
  auto layer = find_layer(tx, layer_code);
  if (!layer) return std::nullopt;
  for (BioArea& area : list_layer_areas(tx, layer->id))
    if (area.code == area_code) return std::move(area);
  return std::nullopt;
}

namespace {

// One range of the summary, which carries each taxon's names and marks (migration 15): no descent
// into bio_taxa per species, which was most of a large area's time (decision 0013 §8).
constexpr std::string_view kAreaSpecies =
    "SELECT taxon_id, scientific_name, name_zh, name_en, iucn_category, establishment, "
    "sensitivity, records, first_date, last_date FROM bio_area_taxa WHERE area_id = :a";

// SQLite: its own statement, since SOCI's fetch cost 4 µs a row, 8 ms for an area's 2,000
// species (decision 0013).
void read_area_species_sqlite(Transaction& tx, std::int64_t area_id,
                              std::vector<AreaSpecies>& out) {
  SqliteStatement st(tx, kAreaSpecies, "reading an area's species");
  st.bind(1, area_id);
  while (st.next_row()) {
    AreaSpecies& row = out.emplace_back();
    row.taxon_id = st.column_int64(0);
    row.scientific_name = st.column_text(1);
    row.name_zh = st.column_text(2);
    row.name_en = st.column_text(3);
    row.iucn_category = st.column_text(4);
    row.establishment = st.column_text(5);
    row.sensitivity = static_cast<int>(st.column_int64(6));
    row.records = st.column_int64(7);
    row.first_date = st.column_text(8);  // "" when NULL
    row.last_date = st.column_text(9);
  }
}

void read_area_species_soci(Transaction& tx, std::int64_t area_id, std::vector<AreaSpecies>& out) {
  AreaSpecies row;
  long long taxon = 0, records = 0;
  soci::indicator first_i = soci::i_null, last_i = soci::i_null;
  soci::statement st =
      (tx.sql().prepare << kAreaSpecies, soci::use(area_id), soci::into(taxon),
       soci::into(row.scientific_name), soci::into(row.name_zh), soci::into(row.name_en),
       soci::into(row.iucn_category), soci::into(row.establishment), soci::into(row.sensitivity),
       soci::into(records), soci::into(row.first_date, first_i), soci::into(row.last_date, last_i));
  st.execute();
  while (st.fetch()) {
    row.taxon_id = taxon, row.records = records;
    if (first_i != soci::i_ok) row.first_date.clear();
    if (last_i != soci::i_ok) row.last_date.clear();
    out.push_back(row);
  }
}

// How many species the area has: the list's vector is made that size at once. Growing it row by
// row moved every row again at each doubling and touched fresh heap pages, about half a
// millisecond of 2,000 species in a fresh process (decision 0013 §6).
std::size_t count_area_species(Transaction& tx, std::int64_t area_id) {
  long long count = 0;
  tx.sql() << "SELECT COUNT(*) FROM bio_area_taxa WHERE area_id = :a", soci::use(area_id),
      soci::into(count);
  return static_cast<std::size_t>(count);
}

// Byte order of the scientific name (the same on both backends whatever PostgreSQL's collation),
// then the id. Not ORDER BY: SQLite's sorter took 3 ms of 4.5 for an area of 2,000 species. The
// rows are put in order through a permutation of their positions: std::sort of the rows
// themselves moved rows of seven strings about 20,000 times, 0.8 ms against 0.55.
std::vector<AreaSpecies> by_scientific_name(std::vector<AreaSpecies> rows) {
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::sort(order, [&rows](std::size_t a, std::size_t b) {
    return std::tie(rows[a].scientific_name, rows[a].taxon_id) <
           std::tie(rows[b].scientific_name, rows[b].taxon_id);
  });
  std::vector<AreaSpecies> sorted;
  sorted.reserve(rows.size());
  for (std::size_t i : order) sorted.push_back(std::move(rows[i]));
  return sorted;
}

}  // namespace

std::vector<AreaSpecies> area_species(Transaction& tx, std::int64_t area_id) {
  std::vector<AreaSpecies> out;
  out.reserve(count_area_species(tx, area_id));
  if (tx.backend() == Backend::sqlite)
    read_area_species_sqlite(tx, area_id, out);
  else
    read_area_species_soci(tx, area_id, out);
  return by_scientific_name(std::move(out));
}

}  // namespace bsap::store
