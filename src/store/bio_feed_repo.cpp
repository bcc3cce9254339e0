#include "store/bio_feed_repo.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "biodata/occurrence_flag.h"
#include "biodata/text_case.h"
#include "store/bio_infraspecific_repo.h"

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

namespace {

plan::RecordedSpecies recorded(const BioTaxon& taxon) {
  return {taxon.id,         taxon.kingdom, taxon.phylum,        taxon.class_name,
          taxon.order_name, taxon.family,  taxon.establishment, {}};
}

}  // namespace

std::vector<plan::RecordedSpecies> recorded_species(Transaction& tx) {
  std::map<std::int64_t, plan::RecordedSpecies> species;
  // An infraspecific taxon's species (none: the checklist has none), by the taxon's id.
  std::map<std::int64_t, std::optional<BioTaxon>> species_of;
  BioTaxon row;
  long long id = 0;
  int year = 0;
  soci::indicator year_i = soci::i_null;
  const int geospatial = static_cast<int>(biodata::geospatial_flag_mask());
  // One row per accepted taxon and year of its records (NULL: undated).
  soci::statement st =
      (tx.sql().prepare
           << "SELECT a.id, a.taxon_rank, a.kingdom, a.phylum, a.class_name, a.order_name, "
              "a.family, a.establishment, a.canonical_name, o.year FROM bio_occurrences o "
              "JOIN bio_taxa t ON t.id = o.taxon_id "
              "JOIN bio_taxa a ON a.id = COALESCE(t.accepted_id, t.id) "
              "WHERE (o.flags & :g) = 0 "
              "GROUP BY a.id, a.taxon_rank, a.kingdom, a.phylum, a.class_name, a.order_name, "
              "a.family, a.establishment, a.canonical_name, o.year",
       soci::use(geospatial), soci::into(id), soci::into(row.rank), soci::into(row.kingdom),
       soci::into(row.phylum), soci::into(row.class_name), soci::into(row.order_name),
       soci::into(row.family), soci::into(row.establishment), soci::into(row.canonical_name),
       soci::into(year, year_i));
  std::vector<std::pair<BioTaxon, std::optional<int>>> rows;
  st.execute();
  while (st.fetch()) {
    row.id = id;
    rows.emplace_back(row, year_i == soci::i_ok ? std::optional<int>(year) : std::nullopt);
  }
  for (const auto& [taxon, taxon_year] : rows) {
    const BioTaxon* counted = &taxon;
    if (!biodata::equal_ignoring_case(taxon.rank, "species")) {
      auto known = species_of.find(taxon.id);
      if (known == species_of.end())
        known = species_of.emplace(taxon.id, species_of_infraspecific(tx, taxon)).first;
      if (!known->second) continue;  // a genus, or a subspecies without its species
      counted = &*known->second;
    }
    auto entry = species.try_emplace(counted->id, recorded(*counted)).first;
    if (taxon_year) entry->second.years.push_back(*taxon_year);
  }
  std::vector<plan::RecordedSpecies> out;
  for (auto& [species_id, one] : species) {
    std::ranges::sort(one.years);
    one.years.erase(std::unique(one.years.begin(), one.years.end()), one.years.end());
    out.push_back(std::move(one));
  }
  return out;
}

}  // namespace bsap::store
