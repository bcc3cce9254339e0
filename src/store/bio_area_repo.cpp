#include "store/bio_area_repo.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/binary_column.h"
#include "store/bio_summary_repo.h"
#include "store/sqlite_occurrence_blocks.h"

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
    if (tx.backend() == Backend::sqlite)
      remove_layer_block_areas(tx, before->id);
    else
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
  BioArea row;
  std::string bytes;
  soci::statement insert_area =
      (sql.prepare << insert, soci::use(layer_id), soci::use(row.code), soci::use(row.name_zh),
       soci::use(row.name_en), soci::use(row.area_m2), soci::use(bytes));
  for (const BioArea& area : areas) {  // prepared once, run per area
    row = area;
    bytes = binary_parameter(tx.backend(), area.wkb);
    insert_area.execute(true);
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

}  // namespace bsap::store
