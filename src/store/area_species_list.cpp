#include "store/area_species_list.h"

#include <soci/soci.h>

#include <optional>

#include "store/sqlite_statement.h"

namespace bsap::store {
namespace {

// An area's rows of the summary, which carry each taxon's names and marks (migration 15).
constexpr std::string_view kAreaTaxa =
    "SELECT taxon_id, scientific_name, name_zh, name_en, iucn_category, establishment, "
    "sensitivity, records, first_date, last_date FROM bio_area_taxa WHERE area_id = :a";

void read_area_taxa_soci(Transaction& tx, std::int64_t area_id, std::vector<AreaSpecies>& out) {
  AreaSpecies row;
  long long taxon = 0, records = 0;
  soci::indicator first_i = soci::i_null, last_i = soci::i_null;
  soci::statement st =
      (tx.sql().prepare << kAreaTaxa, soci::use(area_id), soci::into(taxon),
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

// Sorted here, whatever the database's collation.
std::vector<AreaSpecies> area_taxa_by_name(Transaction& tx, std::int64_t area_id) {
  std::vector<AreaSpecies> rows;
  read_area_taxa_soci(tx, area_id, rows);
  sort_by_scientific_name(rows);
  return rows;
}

// The areas with species: all, or those where the taxon is recorded.
std::vector<std::int64_t> areas_with_species(Transaction& tx, std::optional<std::int64_t> taxon) {
  std::vector<std::int64_t> out;
  long long id = 0, taxon_id = taxon.value_or(0);
  int every = taxon ? 0 : 1;
  soci::statement st =
      (tx.sql().prepare << "SELECT DISTINCT area_id FROM bio_area_taxa WHERE :every = 1 OR "
                           "taxon_id = :t ORDER BY area_id",
       soci::use(every), soci::use(taxon_id), soci::into(id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

}  // namespace

// SQLite: unpacked from SQLite's own copy of the text, not a second one (about 200 kB for an
// area of 2,000 species).
std::vector<AreaSpecies> area_species(Transaction& tx, std::int64_t area_id) {
  constexpr std::string_view kList =
      "SELECT species FROM bio_area_species_lists WHERE area_id = :a";
  if (tx.backend() == Backend::sqlite) {
    SqliteStatement st(tx, kList, "reading an area's species");
    st.bind(1, area_id);
    if (!st.next_row()) return {};
    return unpack_area_species(st.column_text(0));  // one row: area_id is the key
  }
  std::string packed;
  tx.sql() << kList, soci::use(area_id), soci::into(packed);
  if (!tx.sql().got_data()) return {};
  return unpack_area_species(packed);
}

void rebuild_area_species_lists(Transaction& tx, std::span<const std::int64_t> area_ids) {
  long long area = 0;
  std::string packed;
  soci::statement remove = (tx.sql().prepare << "DELETE FROM bio_area_species_lists WHERE "
                                                "area_id = :a",
                            soci::use(area));
  soci::statement insert = (tx.sql().prepare << "INSERT INTO bio_area_species_lists (area_id, "
                                                "species) VALUES (:a, :s)",
                            soci::use(area), soci::use(packed));
  for (std::int64_t id : area_ids) {
    area = id;
    remove.execute(true);
    std::vector<AreaSpecies> species = area_taxa_by_name(tx, id);
    if (species.empty()) continue;
    packed = pack_area_species(species);
    insert.execute(true);
  }
}

void rebuild_all_area_species_lists(Transaction& tx) {
  tx.sql() << "DELETE FROM bio_area_species_lists";
  rebuild_area_species_lists(tx, areas_with_species(tx, std::nullopt));
}

void rebuild_area_species_lists_of_taxon(Transaction& tx, std::int64_t taxon_id) {
  rebuild_area_species_lists(tx, areas_with_species(tx, taxon_id));
}

void remove_layer_area_species_lists(Transaction& tx, std::int64_t layer_id) {
  tx.sql() << "DELETE FROM bio_area_species_lists WHERE area_id IN "
              "(SELECT id FROM bio_areas WHERE layer_id = :l)",
      soci::use(layer_id);
}

}  // namespace bsap::store
