// GET /LANG/grants?q=&type=: the approved projects as the scheme publishes them (§4.1.3) —
// organisation, title, type, sites, approved amount and duration, status — searchable by
// organisation, title, site or reference in either language and filtered by project type, with
// links to the same list as 360Giving open data (grants_open_data.cpp).
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "web/approved_grants.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

struct GrantFilter {
  std::string text;
  std::string type;  // a project type key, or empty for every type
};

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

// Every text a visitor may search by: the organisation, title, sites and reference in both
// languages, and the Chinese ones also in Simplified characters, so that a search typed in
// either script finds them.
std::string searchable_text(const RequestContext& ctx, const ccfs::PublicGrant& grant) {
  std::string chinese = grant.organisation_name_zh + "\n" + grant.title + "\n";
  for (const std::string& name : grant.site_names_zh) chinese += name + "\n";
  std::string text = chinese + ctx.web().domain.converter.convert(chinese) + "\n" +
                     grant.organisation_name_en + "\n" + grant.reference + "\n";
  for (const std::string& name : grant.site_names_en) text += name + "\n";
  for (const std::string& code : grant.site_codes) text += code + "\n";
  return ascii_lower(text);
}

bool matches(const RequestContext& ctx, const ccfs::PublicGrant& grant, const GrantFilter& filter) {
  if (!filter.type.empty() && grant.project_type != filter.type) return false;
  if (filter.text.empty()) return true;
  return searchable_text(ctx, grant).find(ascii_lower(filter.text)) != std::string::npos;
}

// The types a visitor may filter by: those of the ruleset in force, then any other a listed
// grant has (a type a later version dropped), each named as its grants name it.
struct TypeOption {
  std::string key;
  std::string zh;
  std::string en;
};

std::vector<TypeOption> type_options(const RequestContext& ctx,
                                     const std::vector<ccfs::PublicGrant>& grants) {
  std::vector<TypeOption> options;
  std::set<std::string> seen;
  if (auto ruleset = ruleset_in_force_today(ctx))
    for (const rules::ProjectType& type : ruleset->project_types)
      if (seen.insert(type.key).second) options.push_back({type.key, type.name.zh, type.name.en});
  for (const ccfs::PublicGrant& grant : grants)
    if (seen.insert(grant.project_type).second)
      options.push_back({grant.project_type, grant.project_type_zh, grant.project_type_en});
  return options;
}

GrantFilter read_filter(const RequestContext& ctx, const std::vector<TypeOption>& types) {
  FormData query = ctx.query();
  GrantFilter filter;
  filter.text = query.get("q");
  // Only a type the list knows filters; anything else is ignored rather than matching nothing.
  const std::string type = query.get("type");
  if (std::ranges::any_of(types, [&](const TypeOption& option) { return option.key == type; }))
    filter.type = type;
  return filter;
}

PageData type_select(const RequestContext& ctx, const std::vector<TypeOption>& types,
                     const GrantFilter& filter) {
  PageData options{PageData::type::list};
  for (const TypeOption& type : types) {
    PageData option;
    option.set("value", type.key);
    option.set("name", ctx.data_text(type.zh, type.en));
    option.set("selected", filter.type == type.key);
    options.push_back(option);
  }
  return options;
}

std::string site_names(const RequestContext& ctx, const ccfs::PublicGrant& grant) {
  std::string names;
  for (std::size_t i = 0; i < grant.site_codes.size(); ++i) {
    if (!names.empty()) names += ctx.text("list_separator");
    const std::string zh = i < grant.site_names_zh.size() ? grant.site_names_zh[i] : "";
    const std::string en = i < grant.site_names_en.size() ? grant.site_names_en[i] : "";
    const std::string name = ctx.data_text(zh, en);
    names += name.empty() ? grant.site_codes[i] : name;
  }
  return names.empty() ? std::string("–") : names;
}

// Whether text has a CJK ideograph or punctuation (U+3000-U+9FFF: UTF-8 lead bytes E3-E9), i.e.
// is Chinese, the other language of the scheme.
bool has_chinese(std::string_view text) {
  return std::ranges::any_of(text, [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0xE3 && byte <= 0xE9;
  });
}

// A text as its author wrote it, in one language: Simplified on the 简体 page like every other
// Chinese text, and its language marked where it is not the page's (WCAG 3.1.2).
struct AuthoredText {
  std::string text;
  std::string lang;  // a BCP 47 tag, or empty when the page's own
};

AuthoredText authored_text(const RequestContext& ctx, const std::string& text) {
  const bool chinese = has_chinese(text);
  const Lang page = ctx.lang();
  const Lang written = !chinese ? Lang::en : page == Lang::zh_hans ? Lang::zh_hans : Lang::zh_hant;
  return {chinese && page == Lang::zh_hans ? ctx.data_text(text, text) : text,
          written == page ? std::string() : std::string(lang_tag(written))};
}

// The organisation in the page's language; the other language when it has no name in this one.
AuthoredText organisation_name(const RequestContext& ctx, const ccfs::PublicGrant& grant) {
  const std::string name = ctx.data_text(grant.organisation_name_zh, grant.organisation_name_en);
  if (!name.empty()) return {name, ""};
  return authored_text(ctx, grant.organisation_name_en.empty() ? grant.organisation_name_zh
                                                               : grant.organisation_name_en);
}

std::string status_text(const RequestContext& ctx, const std::string& status) {
  if (status == "approved_in_part") return ctx.text("grants_status_approved_in_part");
  if (status == "approved") return ctx.text("grants_status_approved");
  return status;
}

PageData grant_row(const RequestContext& ctx, const ccfs::PublicGrant& grant) {
  PageData row;
  row.set("reference", grant.reference);
  const AuthoredText organisation = organisation_name(ctx, grant);
  row.set("organisation", organisation.text);
  // Set only when marked: the template's section would take even an empty text as true.
  if (!organisation.lang.empty()) row.set("organisation_lang", organisation.lang);
  const AuthoredText title = authored_text(ctx, grant.title);
  row.set("project_title", title.text);
  if (!title.lang.empty()) row.set("project_title_lang", title.lang);
  row.set("type", ctx.data_text(grant.project_type_zh, grant.project_type_en));
  row.set("sites", site_names(ctx, grant));
  row.set("amount", format_money(grant.amount, ctx.lang()));
  row.set("duration", grant.duration_months ? fill(ctx.text("grants_duration_months"), "months",
                                                   std::to_string(*grant.duration_months))
                                            : std::string("–"));
  row.set("status", status_text(ctx, grant.status));
  return row;
}

}  // namespace

Response grants_page(RequestContext& ctx) {
  const std::vector<ccfs::PublicGrant> grants = approved_grants(ctx);
  const std::vector<TypeOption> types = type_options(ctx, grants);
  const GrantFilter filter = read_filter(ctx, types);
  PageData rows{PageData::type::list};
  std::size_t found = 0;
  for (const ccfs::PublicGrant& grant : grants) {
    if (!matches(ctx, grant, filter)) continue;
    rows.push_back(grant_row(ctx, grant));
    ++found;
  }
  PageData data;
  data.set("q", filter.text);
  data.set("types", type_select(ctx, types, filter));
  data.set("grants", rows);
  data.set("has_grants", found > 0);
  if (found > 0)
    data.set("found", fill(ctx.text("grants_found"), "count", std::to_string(found)));
  else if (grants.empty())
    data.set("found", ctx.text("grants_none_yet"));
  else
    data.set("found", ctx.text("grants_none_found"));
  data.set("grants_href", ctx.link("/grants"));
  data.set("json_href", std::string("/open-data/ccfs-grants.json"));
  data.set("csv_href", std::string("/open-data/ccfs-grants.csv"));
  return render_page(ctx, "grants", "grants_title", std::move(data));
}

}  // namespace bsap::web
