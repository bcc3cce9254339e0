// GET /LANG/species?q=: the hub's front page and its species search (issue 9 §5) — by scientific,
// Chinese or English name, a synonym finding its accepted name — with each species' marks and
// record count, and the ways on to the areas and the richness map. Names are public; where a
// sensitive species was recorded is what the species page guards.
#include "store/bio_query_repo.h"
#include "web/biodata_view.h"
#include "web/page.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

constexpr int kMostHits = 100;

PageData hit_rows(const RequestContext& ctx, const std::vector<store::TaxonHit>& hits) {
  PageData rows{PageData::type::list};
  for (const store::TaxonHit& hit : hits) {
    PageData row = taxon_marks(ctx, hit.taxon);
    row.set("records", std::to_string(hit.records));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Response species_search_page(RequestContext& ctx) {
  const std::string q = ctx.query().get("q");
  std::vector<store::TaxonHit> hits;
  std::int64_t taxa = 0;
  {
    auto tx = ctx.web().store.begin();
    hits = find_species(ctx, *tx, q, kMostHits + 1);
    taxa = store::count_taxa(*tx);
  }
  PageData data;
  data.set("q", q);
  data.set("searched", !q.empty());
  const bool more = hits.size() > static_cast<std::size_t>(kMostHits);
  if (more) hits.resize(kMostHits);
  data.set("has_hits", !hits.empty());
  data.set("hits", hit_rows(ctx, hits));
  data.set("found", fill(fill(ctx.text(more ? "bio_search_found_more" : "bio_search_found"),
                              "count", std::to_string(hits.size())),
                         "q", q));
  data.set("taxa_count", fill(ctx.text("bio_search_taxa_count"), "count", std::to_string(taxa)));
  set_hub_links(ctx, data);
  return render_page(ctx, "species_search", "bio_search_title", std::move(data));
}

}  // namespace bsap::web
