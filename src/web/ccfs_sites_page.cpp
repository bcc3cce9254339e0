// GET /LANG/ccfs/sites?q=&category=&district=: the site lists A–D of 附錄1a/1b as the ruleset in
// force lists them, searchable by name or code and filtered by category and district, with the
// markers, the Lantau exclusion and the project types each site is eligible for (§2.1).
#include "rules/site_eligibility.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

// Only values the registry knows filter; anything else is ignored rather than matching nothing.
rules::SiteFilter read_filter(const RequestContext& ctx, const rules::SiteRegistry& registry) {
  FormData query = ctx.query();
  rules::SiteFilter filter;
  filter.text = query.get("q");
  if (auto letter = query.get("category"); registry.category(letter)) filter.category = letter;
  if (auto key = query.get("district"); registry.district(key)) filter.district = key;
  return filter;
}

PageData category_options(const RequestContext& ctx, const rules::SiteRegistry& registry,
                          const rules::SiteFilter& filter) {
  PageData options{PageData::type::list};
  for (const rules::SiteCategory& category : registry.categories()) {
    PageData option;
    option.set("value", category.letter);
    option.set("name", category.letter + " " + rules_text(ctx, category.name));
    option.set("selected", filter.category == category.letter);
    options.push_back(option);
  }
  return options;
}

PageData district_options(const RequestContext& ctx, const rules::SiteRegistry& registry,
                          const rules::SiteFilter& filter) {
  PageData options{PageData::type::list};
  for (const rules::District& district : registry.districts()) {
    PageData option;
    option.set("value", district.key);
    option.set("name", rules_text(ctx, district.name));
    option.set("selected", filter.district == district.key);
    options.push_back(option);
  }
  return options;
}

std::string eligible_type_names(const RequestContext& ctx, const rules::Ruleset& ruleset,
                                const rules::Site& site) {
  std::string names;
  for (const std::string& key : rules::eligible_types(ruleset, site)) {
    if (!names.empty()) names += ctx.text("list_separator");
    names += rules_text(ctx, ruleset.project_type(key)->short_name);
  }
  return names.empty() ? ctx.text("sites_no_eligible_type") : names;
}

std::string markers(const RequestContext& ctx, const rules::Site& site) {
  std::string text;
  auto add = [&](bool has, std::string_view key) {
    if (!has) return;
    if (!text.empty()) text += ctx.text("list_separator");
    text += ctx.text(key);
  };
  add(site.also_priority_site, "sites_marker_priority");
  add(site.incorporated_into_country_park, "sites_marker_incorporated");
  add(site.on_lantau, "sites_marker_lantau");
  return text;
}

PageData site_row(const RequestContext& ctx, const rules::Ruleset& ruleset,
                  const rules::Site& site) {
  const rules::SiteRegistry& registry = *ruleset.sites;
  PageData row;
  row.set("code", site.code);
  row.set("name_zh", ctx.data_text(site.name_zh, site.name_zh));
  row.set("name_en", site.name_en);
  row.set("category", site.category);
  const rules::District* district = site.district ? registry.district(*site.district) : nullptr;
  row.set("district", district ? rules_text(ctx, district->name) : std::string("–"));
  row.set("area", site.area_ha ? std::to_string(*site.area_ha) : std::string("–"));
  row.set("markers", markers(ctx, site));
  row.set("eligible", eligible_type_names(ctx, ruleset, site));
  return row;
}

}  // namespace

Response ccfs_sites_page(RequestContext& ctx) {
  auto ruleset = requested_ruleset(ctx);
  if (!ruleset || !ruleset->sites) return error_page(ctx, ErrorPage::not_found);
  const rules::SiteRegistry& registry = *ruleset->sites;
  rules::SiteFilter filter = read_filter(ctx, registry);
  PageData rows{PageData::type::list};
  auto selected = registry.select(filter);
  for (const rules::Site* site : selected) rows.push_back(site_row(ctx, *ruleset, *site));
  PageData data;
  data.set("q", filter.text);
  data.set("categories", category_options(ctx, registry, filter));
  data.set("districts", district_options(ctx, registry, filter));
  data.set("sites", rows);
  Lang chinese = ctx.lang() == Lang::zh_hans ? Lang::zh_hans : Lang::zh_hant;
  data.set("name_zh_lang", std::string(lang_tag(chinese)));
  data.set("found", fill(ctx.text("sites_found"), "count", std::to_string(selected.size())));
  data.set("sites_href", ctx.link("/ccfs/sites"));
  data.set("rules_href", ctx.link("/ccfs/rules"));
  return render_page(ctx, "ccfs_sites", "sites_title", std::move(data));
}

}  // namespace bsap::web
