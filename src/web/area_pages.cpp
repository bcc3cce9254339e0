// GET /LANG/areas, /LANG/areas/LAYER and /LANG/areas/LAYER/AREA (issue 9 §5): the hub's area
// layers (country parks, marine parks, scheme sites, districts…), a layer's areas, and one area's
// species with their record counts, first and last records, and threatened and invasive marks.
// For the public and applicants a sensitive species is listed only in an area at least as large
// as its generalisation cell (§6: biodata::presence_shown_in_area).
#include <algorithm>

#include "biodata/taxon_status.h"
#include "biodata/sensitivity.h"
#include "store/bio_query_repo.h"
#include "web/biodata_access.h"
#include "web/biodata_view.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/progress_view.h"
#include "web/url.h"

namespace bsap::web {
namespace {

PageData layer_rows(const RequestContext& ctx, const std::vector<store::BioLayer>& layers,
                    const std::vector<std::pair<std::int64_t, std::int64_t>>& counts) {
  PageData rows{PageData::type::list};
  for (const store::BioLayer& layer : layers) {
    auto count = std::ranges::find(counts, layer.id, &std::pair<std::int64_t, std::int64_t>::first);
    PageData row;
    row.set("name", layer_name(ctx, layer));
    row.set("kind", ctx.text("bio_layer_kind_" + layer.kind));
    row.set("areas", std::to_string(count == counts.end() ? 0 : count->second));
    row.set("href", ctx.link("/areas/" + percent_encode(layer.code)));
    rows.push_back(row);
  }
  return rows;
}

std::string square_km(double m2) { return format_figure(m2 / 1e6); }

}  // namespace

Response area_layers_page(RequestContext& ctx) {
  std::vector<store::BioLayer> layers;
  std::vector<std::pair<std::int64_t, std::int64_t>> counts;
  {
    auto tx = ctx.web().store.begin();
    layers = store::list_layers(*tx);
    counts = store::layer_area_counts(*tx);
  }
  PageData data;
  data.set("has_layers", !layers.empty());
  data.set("layers", layer_rows(ctx, layers, counts));
  set_hub_links(ctx, data);
  return render_page(ctx, "area_layers", "bio_areas_title", std::move(data));
}

Response area_layer_page(RequestContext& ctx) {
  std::optional<store::BioLayer> layer;
  std::vector<store::BioArea> areas;
  {
    auto tx = ctx.web().store.begin();
    layer = store::find_layer(*tx, ctx.path_parameter("layer"));
    if (layer) areas = store::list_layer_areas(*tx, layer->id);
  }
  if (!layer) return error_page(ctx, ErrorPage::not_found);
  PageData rows{PageData::type::list};
  for (const store::BioArea& area : areas) {
    PageData row;
    row.set("code", area.code);
    row.set("name", area_name(ctx, area));
    row.set("area_km2", square_km(area.area_m2));
    row.set("href", area_href(ctx, layer->code, area.code));
    rows.push_back(row);
  }
  PageData data;
  data.set("kind", ctx.text("bio_layer_kind_" + layer->kind));
  data.set("areas", rows);
  data.set("source", layer->source);
  set_hub_links(ctx, data);
  return render_titled_page(ctx, "area_layer", layer_name(ctx, *layer), std::move(data));
}

Response area_page(RequestContext& ctx) {
  const bool precise = sees_precise_locations(ctx);
  const std::string layer_code = ctx.path_parameter("layer");
  std::optional<store::BioLayer> layer;
  std::optional<store::BioArea> area;
  std::vector<store::AreaSpecies> species;
  {
    auto tx = ctx.web().store.begin();
    layer = store::find_layer(*tx, layer_code);
    area = store::find_area(*tx, layer_code, ctx.path_parameter("area"));
    if (area) species = store::area_species(*tx, area->id);
  }
  if (!layer || !area) return error_page(ctx, ErrorPage::not_found);
  std::erase_if(species, [&](const store::AreaSpecies& s) {
    return !presence_shown(s.sensitivity, area->area_m2, precise);
  });
  PageData rows{PageData::type::list};
  std::size_t threatened = 0, invasive = 0;
  for (const store::AreaSpecies& s : species) {
    PageData row = area_species_marks(ctx, s);
    row.set("records", std::to_string(s.records));
    row.set("first", s.first_date.empty() ? ctx.text("bio_undated") : s.first_date);
    row.set("last", s.last_date.empty() ? ctx.text("bio_undated") : s.last_date);
    threatened += biodata::is_threatened(s.iucn_category) ? 1 : 0;
    invasive += s.establishment == "invasive" ? 1 : 0;
    rows.push_back(row);
  }
  PageData data;
  data.set("layer_name", layer_name(ctx, *layer));
  data.set("layer_href", ctx.link("/areas/" + percent_encode(layer->code)));
  data.set("code", area->code);
  data.set("area_km2", square_km(area->area_m2));
  data.set("has_species", !species.empty());
  data.set("species", rows);
  data.set("summary",
           fill(fill(fill(ctx.text("bio_area_summary"), "species", std::to_string(species.size())),
                     "threatened", std::to_string(threatened)),
                "invasive", std::to_string(invasive)));
  data.set("precise", precise);
  const std::string base =
      "/open-data/biodata/areas/" + percent_encode(layer->code) + "/" + percent_encode(area->code);
  data.set("csv_href", base + "/occurrences.csv");
  data.set("dwca_href", base + "/occurrences.zip");
  set_hub_links(ctx, data);
  return render_titled_page(ctx, "area", area_name(ctx, *area), std::move(data));
}

}  // namespace bsap::web
