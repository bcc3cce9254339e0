// GET /LANG/richness: the hub's species richness on the 1 km grid (issue 9 §5) — a Leaflet map
// (served from this server: static/vendor) of the squares coloured by how many species were
// recorded in each, and, for readers without the map, the same figures as a table of the richest
// squares with the whole grid as GeoJSON. For the public and applicants a sensitive species
// counts only in a square at least as large as its generalisation cell (§6), which the 1 km
// square is only for the 0.001° category.
#include <algorithm>

#include "store/audit_repo.h"
#include "store/bio_query_repo.h"
#include "web/biodata_access.h"
#include "web/biodata_view.h"
#include "web/page.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

constexpr std::size_t kRichestShown = 50;

std::string richness_content(RequestContext& ctx, bool precise, const std::string& title) {
  std::vector<store::SquareRichness> squares;
  {
    auto tx = ctx.web().store.begin();
    squares = store::grid_richness(*tx, grid_square_sensitivity_limit(precise));
  }
  std::ranges::stable_sort(squares, std::ranges::greater{}, &store::SquareRichness::species);
  PageData rows{PageData::type::list};
  for (std::size_t i = 0; i < squares.size() && i < kRichestShown; ++i) {
    PageData row;
    row.set("cell", squares[i].grid_cell);
    row.set("species", std::to_string(squares[i].species));
    rows.push_back(row);
  }
  PageData data;
  data.set("has_squares", !squares.empty());
  data.set("squares", rows);
  data.set("squares_summary",
           fill(fill(ctx.text("bio_richness_summary"), "count", std::to_string(squares.size())),
                "shown", std::to_string(std::min(squares.size(), kRichestShown))));
  data.set("max_species", squares.empty() ? "0" : std::to_string(squares.front().species));
  data.set("precise", precise);
  data.set("map_data_href", "/api/v1/biodata/richness");
  set_hub_links(ctx, data);
  return render_content(ctx, "richness", title, std::move(data));
}

}  // namespace

Response richness_page(RequestContext& ctx) {
  const bool precise = sees_precise_locations(ctx);
  std::int64_t version = 0;
  {
    auto tx = ctx.web().store.begin();
    version = store::audit_head_seq(*tx);
  }
  std::string title = ctx.text("bio_richness_title");
  const std::string key = std::string("richness-page/") + std::string(lang_segment(ctx.lang())) +
                          (precise ? "/staff" : "/public");
  ContentCache& cache = *ctx.web().hub_content;
  std::optional<std::string> content = cache.find(key, version);
  if (!content) {
    content = richness_content(ctx, precise, title);
    cache.put(key, version, *content);
  }
  return render_titled_content(ctx, std::move(title), std::move(*content));
}

}  // namespace bsap::web
