#include "store/bio_feed_repo.h"

#include <soci/soci.h>

#include <algorithm>

#include "biodata/occurrence_flag.h"

namespace bsap::store {

std::vector<SchemeSiteArea> scheme_site_areas(Transaction& tx,
                                              const std::vector<std::string>& codes) {
  std::vector<SchemeSiteArea> out;
  for (const std::string& code : codes) {
    SchemeSiteArea row;
    long long id = 0;
    soci::statement st =
        (tx.sql().prepare << "SELECT a.id, l.code, l.name_zh, l.name_en, a.code, a.name_zh, "
                             "a.name_en FROM bio_areas a JOIN bio_layers l ON l.id = a.layer_id "
                             "WHERE l.kind = 'scheme_site' AND a.code = :c ORDER BY l.code, a.id",
         soci::use(code), soci::into(id), soci::into(row.layer_code), soci::into(row.layer_name_zh),
         soci::into(row.layer_name_en), soci::into(row.area_code), soci::into(row.area_name_zh),
         soci::into(row.area_name_en));
    st.execute();
    while (st.fetch()) {
      row.area_id = id;
      const bool seen = std::ranges::any_of(
          out, [&](const SchemeSiteArea& area) { return area.area_id == row.area_id; });
      if (!seen) out.push_back(row);
    }
  }
  return out;
}

std::vector<plan::RecordedSpecies> recorded_species(Transaction& tx) {
  std::vector<plan::RecordedSpecies> out;
  plan::RecordedSpecies row;
  long long id = 0;
  int year = 0;
  soci::indicator year_i = soci::i_null;
  const int geospatial = static_cast<int>(biodata::geospatial_flag_mask());
  // One row per species and year of its records (NULL: undated), the years ascending.
  soci::statement st =
      (tx.sql().prepare
           << "SELECT a.id, a.kingdom, a.phylum, a.class_name, a.order_name, a.family, "
              "a.establishment, o.year FROM bio_occurrences o "
              "JOIN bio_taxa t ON t.id = o.taxon_id "
              "JOIN bio_taxa a ON a.id = COALESCE(t.accepted_id, t.id) "
              "WHERE (o.flags & :g) = 0 AND lower(a.taxon_rank) = 'species' "
              "GROUP BY a.id, a.kingdom, a.phylum, a.class_name, a.order_name, a.family, "
              "a.establishment, o.year ORDER BY a.id, o.year",
       soci::use(geospatial), soci::into(id), soci::into(row.kingdom), soci::into(row.phylum),
       soci::into(row.class_name), soci::into(row.order_name), soci::into(row.family),
       soci::into(row.establishment), soci::into(year, year_i));
  st.execute();
  while (st.fetch()) {
    if (out.empty() || out.back().taxon_id != id) {
      row.taxon_id = id;
      out.push_back(row);
    }
    if (year_i == soci::i_ok) out.back().years.push_back(year);
  }
  return out;
}

}  // namespace bsap::store
