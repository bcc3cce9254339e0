#include "web/site_species_view.h"

#include <algorithm>

#include "biodata/taxon_status.h"
#include "store/bio_area_repo.h"
#include "store/bio_feed_repo.h"

namespace bsap::web {
namespace {

// The codes an area of a scheme site layer may carry for the site: its registry code and, where
// different, its code as the appendix prints it ("B4" for B04).
std::vector<std::string> site_area_codes(const std::string& code, const rules::Site* site) {
  std::vector<std::string> codes{code};
  if (site && !site->seed_code.empty() && site->seed_code != code) codes.push_back(site->seed_code);
  return codes;
}

PageData species_row(const RequestContext& ctx, const store::AreaSpecies& species) {
  PageData row;
  row.set("scientific_name", species.scientific_name);
  row.set("name", ctx.data_text(species.name_zh, species.name_en));
  row.set("iucn",
          species.iucn_category.empty()
              ? ""
              : species.iucn_category + " " + ctx.text("bio_iucn_" + species.iucn_category));
  row.set("threatened", biodata::is_threatened(species.iucn_category));
  row.set("invasive", biodata::is_invasive(species.establishment));
  row.set("sensitive", species.sensitivity > 0);
  row.set("records", std::to_string(species.records));
  row.set("last_date", species.last_date);
  return row;
}

PageData area_entry(RequestContext& ctx, store::Transaction& tx,
                    const store::SchemeSiteArea& area) {
  PageData entry;
  entry.set("layer", ctx.data_text(area.layer_name_zh, area.layer_name_en));
  entry.set("area", area.area_code + " " + ctx.data_text(area.area_name_zh, area.area_name_en));
  PageData all{PageData::type::list};
  PageData threatened{PageData::type::list};
  std::size_t species = 0, threatened_count = 0;
  for (const store::AreaSpecies& one : store::area_species(tx, area.area_id)) {
    ++species;
    all.push_back(species_row(ctx, one));
    if (!biodata::is_threatened(one.iucn_category)) continue;
    ++threatened_count;
    threatened.push_back(species_row(ctx, one));
  }
  std::string summary =
      web::fill(ctx.text("site_species_summary"), "species", std::to_string(species));
  entry.set("summary", web::fill(summary, "threatened", std::to_string(threatened_count)));
  entry.set("species", all);
  entry.set("has_species", species > 0);
  entry.set("threatened", threatened);
  entry.set("has_threatened", threatened_count > 0);
  entry.set("id", "site-area-" + std::to_string(area.area_id));
  return entry;
}

}  // namespace

void add_site_species(RequestContext& ctx, PageData& data, const CheckedDraft& checked) {
  PageData sites{PageData::type::list};
  const auto* registry = checked.ruleset ? checked.ruleset->sites.get() : nullptr;
  const std::vector<std::string> none;
  const auto& codes = checked.document ? checked.document->application.site_codes : none;
  auto tx = ctx.web().store.begin();
  for (const std::string& code : codes) {
    const rules::Site* site = registry ? registry->find(code) : nullptr;
    PageData entry;
    entry.set("code", code);
    entry.set("name", site ? ctx.data_text(site->name_zh, site->name_en) : "");
    PageData areas{PageData::type::list};
    for (const auto& area : store::scheme_site_areas(*tx, site_area_codes(code, site)))
      areas.push_back(area_entry(ctx, *tx, area));
    entry.set("matched", !areas.is_empty_list());
    entry.set("areas", areas);
    entry.set("no_area", web::fill(ctx.text("site_species_no_area"), "code", code));
    sites.push_back(entry);
  }
  data.set("has_site_species", !codes.empty());
  data.set("project_sites", sites);
}

}  // namespace bsap::web
