#include "store/bio_query_repo.h"

#include <soci/soci.h>

#include <algorithm>

#include "store/bio_infraspecific_repo.h"

namespace bsap::store {
namespace {

// LIKE's own characters in what a visitor typed match themselves.
std::string like_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return pattern + "%";
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

// The ids an occurrence counting for the taxon may carry, as a subquery: the taxon, the
// subspecies, varieties and forms of a species (store/bio_infraspecific_repo.h), and the synonyms
// of each. The ids are the store's own integers, written into the text.
std::string counted_taxa(Transaction& tx, std::int64_t taxon_id) {
  std::string ids = std::to_string(taxon_id);
  for (const BioTaxon& taxon : infraspecific_taxa_of(tx, taxon_id))
    (ids += ',') += std::to_string(taxon.id);
  return "(SELECT id FROM bio_taxa WHERE id IN (" + ids + ") OR accepted_id IN (" + ids + "))";
}

std::int64_t count_records(Transaction& tx, std::int64_t taxon_id) {
  long long count = 0;
  tx.sql() << "SELECT COUNT(*) FROM bio_occurrences WHERE taxon_id IN " +
                  counted_taxa(tx, taxon_id),
      soci::into(count);
  return count;
}

std::string occurrence_select(std::string_view where) {
  return "SELECT o.id, d.dataset_key, o.occurrence_id, o.record_key, o.scientific_name, "
         "o.taxon_id, COALESCE(t.scientific_name, ''), COALESCE(t.sensitivity, 0), "
         "o.basis_of_record, o.event_date, o.year, o.latitude, o.longitude, o.uncertainty_m, "
         "o.individual_count, o.locality, o.recorded_by, o.flags, o.grid_cell "
         "FROM bio_occurrences o JOIN bio_datasets d ON d.id = o.dataset_id "
         "LEFT JOIN bio_taxa t ON t.id = o.taxon_id " +
         std::string(where) + " ORDER BY o.id";
}

// One statement's into() targets: SOCI fills them row by row; nullable columns through their
// indicators.
struct OccurrenceColumns {
  StoredOccurrence row;
  long long id = 0, taxon = 0, count = 0;
  int sensitivity = 0, year = 0, flags = 0;
  double latitude = 0, longitude = 0, uncertainty = 0;
  soci::indicator taxon_i{}, date_i{}, year_i{}, latitude_i{}, longitude_i{}, uncertainty_i{},
      count_i{}, cell_i{};

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(row.dataset_key));
    st.exchange(soci::into(row.occurrence_id));
    st.exchange(soci::into(row.record_key));
    st.exchange(soci::into(row.scientific_name));
    st.exchange(soci::into(taxon, taxon_i));
    st.exchange(soci::into(row.accepted_name));
    st.exchange(soci::into(sensitivity));
    st.exchange(soci::into(row.basis_of_record));
    st.exchange(soci::into(row.event_date, date_i));
    st.exchange(soci::into(year, year_i));
    st.exchange(soci::into(latitude, latitude_i));
    st.exchange(soci::into(longitude, longitude_i));
    st.exchange(soci::into(uncertainty, uncertainty_i));
    st.exchange(soci::into(count, count_i));
    st.exchange(soci::into(row.locality));
    st.exchange(soci::into(row.recorded_by));
    st.exchange(soci::into(flags));
    st.exchange(soci::into(row.grid_cell, cell_i));
  }

  StoredOccurrence take() const {
    StoredOccurrence out = row;
    out.id = id;
    out.taxon_id = taxon_i == soci::i_ok ? std::optional<std::int64_t>(taxon) : std::nullopt;
    out.sensitivity = sensitivity;
    if (date_i != soci::i_ok) out.event_date.clear();
    out.year = year_i == soci::i_ok ? std::optional<int>(year) : std::nullopt;
    out.latitude = latitude_i == soci::i_ok ? std::optional<double>(latitude) : std::nullopt;
    out.longitude = longitude_i == soci::i_ok ? std::optional<double>(longitude) : std::nullopt;
    out.uncertainty_m =
        uncertainty_i == soci::i_ok ? std::optional<double>(uncertainty) : std::nullopt;
    out.individual_count =
        count_i == soci::i_ok ? std::optional<std::int64_t>(count) : std::nullopt;
    out.flags = static_cast<std::uint32_t>(flags);
    if (cell_i != soci::i_ok) out.grid_cell.clear();
    return out;
  }
};

// where binds the id, when given, once.
std::vector<StoredOccurrence> read_occurrences(Transaction& tx, std::string_view where,
                                               std::optional<std::int64_t> id) {
  std::vector<StoredOccurrence> out;
  long long bound = id.value_or(0);
  OccurrenceColumns columns;
  soci::statement st(tx.sql());
  st.alloc();
  st.prepare(occurrence_select(where));
  if (id) st.exchange(soci::use(bound));
  columns.bind(st);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.push_back(columns.take());
  return out;
}

}  // namespace

std::vector<TaxonHit> search_species(Transaction& tx, std::string_view text,
                                     std::span<const std::int64_t> also_found, int limit) {
  std::vector<TaxonHit> hits;
  std::string wanted = trimmed(text);
  if (wanted.empty()) return hits;
  std::string pattern = like_pattern(wanted);
  std::vector<std::int64_t> ids(also_found.begin(), also_found.end());
  long long id = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT DISTINCT COALESCE(accepted_id, id) FROM bio_taxa WHERE "
                           "LOWER(scientific_name) LIKE :p ESCAPE '\\' OR LOWER(name_en) LIKE "
                           ":p2 ESCAPE '\\' OR name_zh LIKE :p3 ESCAPE '\\'",
       soci::use(pattern), soci::use(pattern), soci::use(pattern), soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  std::ranges::sort(ids);
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (std::int64_t taxon_id : ids)
    if (auto taxon = find_taxon(tx, taxon_id)) hits.push_back({std::move(*taxon), 0});
  std::ranges::sort(hits, {}, [](const TaxonHit& hit) { return hit.taxon.scientific_name; });
  if (hits.size() > static_cast<std::size_t>(limit)) hits.resize(limit);
  // Counted for the hits shown only: a short text may match most of the checklist.
  for (TaxonHit& hit : hits) hit.records = count_records(tx, hit.taxon.id);
  return hits;
}

std::vector<TaxonChineseName> taxon_chinese_names(Transaction& tx) {
  std::vector<TaxonChineseName> out;
  TaxonChineseName row;
  long long accepted = 0;
  soci::statement st = (tx.sql().prepare << "SELECT COALESCE(accepted_id, id), name_zh "
                                            "FROM bio_taxa WHERE name_zh <> '' ORDER BY id",
                        soci::into(accepted), soci::into(row.name_zh));
  st.execute();
  while (st.fetch()) {
    row.accepted_id = accepted;
    out.push_back(row);
  }
  return out;
}

std::vector<StoredOccurrence> taxon_occurrences(Transaction& tx, std::int64_t taxon_id) {
  return read_occurrences(tx, "WHERE o.taxon_id IN " + counted_taxa(tx, taxon_id), std::nullopt);
}

std::vector<StoredOccurrence> area_occurrences(Transaction& tx, std::int64_t area_id) {
  return read_occurrences(
      tx, "WHERE o.id IN (SELECT occurrence_id FROM bio_occurrence_areas WHERE area_id = :a)",
      area_id);
}

std::vector<YearCount> taxon_records_by_year(Transaction& tx, std::int64_t taxon_id) {
  const std::string taxa = counted_taxa(tx, taxon_id);
  std::vector<YearCount> out;
  int year = 0;
  long long records = 0;
  soci::indicator year_i = soci::i_null;
  soci::statement st =
      (tx.sql().prepare << "SELECT year, COUNT(*) FROM bio_occurrences WHERE taxon_id IN " + taxa +
                               " GROUP BY year ORDER BY year IS NULL, year",
       soci::into(year, year_i), soci::into(records));
  st.execute();
  while (st.fetch()) {
    YearCount row;
    if (year_i == soci::i_ok) row.year = year;
    row.records = records;
    out.push_back(row);
  }
  return out;
}

std::vector<SquareRichness> grid_richness(Transaction& tx, int max_sensitivity) {
  std::vector<SquareRichness> out;
  SquareRichness row;
  long long species = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT c.grid_cell, COUNT(*) FROM bio_cell_taxa c "
                           "JOIN bio_taxa t ON t.id = c.taxon_id WHERE t.sensitivity <= :s "
                           "GROUP BY c.grid_cell ORDER BY c.grid_cell",
       soci::use(max_sensitivity), soci::into(row.grid_cell), soci::into(species));
  st.execute();
  while (st.fetch()) {
    row.species = species;
    out.push_back(row);
  }
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> layer_area_counts(Transaction& tx) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  long long layer = 0, areas = 0;
  soci::statement st = (tx.sql().prepare << "SELECT layer_id, COUNT(*) FROM bio_areas GROUP BY "
                                            "layer_id ORDER BY layer_id",
                        soci::into(layer), soci::into(areas));
  st.execute();
  while (st.fetch()) out.emplace_back(layer, areas);
  return out;
}

}  // namespace bsap::store
