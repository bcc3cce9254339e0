// GET  /LANG/admin/taxa?q=TEXT&id=N: administrators find a taxon by any of its names and see its
//      status and the named conservation lists it is on (issue 9 §3, §6).
// POST /LANG/admin/taxa/status: sets its sensitivity category, IUCN category and establishment.
// POST /LANG/admin/taxa/lists: puts it on a named list with the list's category, or changes the
//      category.
// POST /LANG/admin/taxa/lists/remove: takes it off a named list. Each change is one transaction,
// audited with the administrator as actor
//      (store/bio_taxon_status_repo.h); a value outside the hub's lists is refused with the field.
#include <charconv>

#include "biodata/sensitivity.h"
#include "biodata/taxon_status.h"
#include "store/bio_taxon_status_repo.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/url.h"

namespace bsap::web {
namespace {

// A search lists at most this many taxa: the administrator types more of the name.
constexpr int kSearchLimit = 50;

std::optional<std::int64_t> parse_id(const std::string& text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

std::string taxon_href(const RequestContext& ctx, const std::string& q, std::int64_t id) {
  return ctx.link("/admin/taxa") + "?q=" + percent_encode(q) + "&id=" + std::to_string(id);
}

PageData option(const std::string& value, const std::string& label, bool selected) {
  PageData out;
  out.set("value", value);
  out.set("label", label);
  out.set("selected", selected);
  return out;
}

PageData sensitivity_options(const RequestContext& ctx, int stored) {
  PageData options{PageData::type::list};
  for (int number = 0; number <= 4; ++number) {
    const auto sensitivity = *biodata::sensitivity_from_number(number);
    const std::string name = biodata::sensitivity_name(sensitivity);
    options.push_back(option(name, ctx.text("admin_taxa_sensitivity_" + std::to_string(number)),
                             number == stored));
  }
  return options;
}

PageData iucn_options(const RequestContext& ctx, const std::string& stored) {
  PageData options{PageData::type::list};
  options.push_back(option("", ctx.text("bio_iucn_none"), stored.empty()));
  for (std::string_view category : biodata::kIucnCategories) {
    const std::string code(category);
    options.push_back(option(code, code + " " + ctx.text("bio_iucn_" + code), stored == category));
  }
  return options;
}

PageData establishment_options(const RequestContext& ctx, const std::string& stored) {
  PageData options{PageData::type::list};
  for (std::string_view name : biodata::kEstablishments) {
    const std::string value(name);
    options.push_back(option(value, ctx.text("bio_establishment_" + value), stored == name));
  }
  return options;
}

std::string iucn_text(const RequestContext& ctx, const std::string& category) {
  return category.empty() ? ctx.text("bio_iucn_none")
                          : category + " " + ctx.text("bio_iucn_" + category);
}

PageData result_rows(const RequestContext& ctx, const std::string& q,
                     const std::vector<store::BioTaxon>& taxa) {
  PageData rows{PageData::type::list};
  for (const store::BioTaxon& taxon : taxa) {
    PageData row;
    row.set("href", taxon_href(ctx, q, taxon.id));
    row.set("scientific_name", taxon.scientific_name);
    row.set("name_zh", taxon.name_zh);
    row.set("name_en", taxon.name_en);
    row.set("synonym", taxon.accepted_id.has_value());
    rows.push_back(row);
  }
  return rows;
}

PageData list_rows(const std::vector<store::TaxonListEntry>& lists) {
  PageData rows{PageData::type::list};
  for (const store::TaxonListEntry& entry : lists) {
    PageData row;
    row.set("list_name", entry.list_name);
    row.set("category", entry.category);
    row.set("added_by", entry.added_by);
    row.set("added_at", entry.added_at.substr(0, 10));
    rows.push_back(row);
  }
  return rows;
}

void add_taxon(RequestContext& ctx, PageData& data, const store::BioTaxon& taxon,
               const std::vector<store::TaxonListEntry>& lists) {
  PageData selected;
  selected.set("id", std::to_string(taxon.id));
  selected.set("scientific_name", taxon.scientific_name);
  selected.set("name_zh", taxon.name_zh);
  selected.set("name_en", taxon.name_en);
  selected.set("rank", taxon.rank);
  selected.set("synonym", taxon.accepted_id.has_value());
  selected.set("sensitivity",
               ctx.text("admin_taxa_sensitivity_" + std::to_string(taxon.sensitivity)));
  selected.set("iucn", iucn_text(ctx, taxon.iucn_category));
  selected.set("threatened", biodata::is_threatened(taxon.iucn_category));
  selected.set("establishment", ctx.text("bio_establishment_" + taxon.establishment));
  selected.set("sensitivity_options", sensitivity_options(ctx, taxon.sensitivity));
  selected.set("iucn_options", iucn_options(ctx, taxon.iucn_category));
  selected.set("establishment_options", establishment_options(ctx, taxon.establishment));
  selected.set("lists", list_rows(lists));
  selected.set("has_lists", !lists.empty());
  data.set("taxon", selected);
}

// The page as it stands, with the errors and the values of a form that was refused.
Response taxa_view(RequestContext& ctx, const std::string& q, std::optional<std::int64_t> id,
                   const std::vector<FieldError>& errors, const PageData& entered, int status) {
  PageData data = entered;
  data.set("q", q);
  data.set("search_action", ctx.link("/admin/taxa"));
  data.set("admin_href", ctx.link("/admin"));
  data.set("status_action", ctx.link("/admin/taxa/status"));
  data.set("lists_action", ctx.link("/admin/taxa/lists"));
  data.set("remove_action", ctx.link("/admin/taxa/lists/remove"));
  data.set("csrf_token", ctx.session().csrf_token());
  {
    // Read in one transaction, ended before the page is rendered.
    auto tx = ctx.web().store.begin();
    if (!q.empty()) {
      auto taxa = store::search_taxa(*tx, q, kSearchLimit + 1);
      data.set("searched", true);
      if (taxa.size() > static_cast<std::size_t>(kSearchLimit)) {
        data.set("more_text",
                 web::fill(ctx.text("admin_taxa_more"), "count", std::to_string(kSearchLimit)));
        taxa.resize(kSearchLimit);
      }
      data.set("results", result_rows(ctx, q, taxa));
      data.set("has_results", !taxa.empty());
    }
    if (id) {
      if (auto taxon = store::find_taxon(*tx, *id))
        add_taxon(ctx, data, *taxon, store::taxon_lists(*tx, *id));
      else
        data.set("not_found", true);
    }
  }
  const std::string saved = ctx.query().get("saved");
  if (saved == "status" || saved == "list" || saved == "removed")
    data.set("saved_message", ctx.text("admin_taxa_saved"));
  add_errors(data, errors);
  return render_page(ctx, "admin_taxa", "admin_taxa_title", std::move(data), status);
}

Response saved(RequestContext& ctx, std::int64_t id, std::string_view what) {
  return redirect_see_other(taxon_href(ctx, ctx.form().get("q"), id) +
                            "&saved=" + std::string(what));
}

// Runs one change; a refusal the form could not foresee (the taxon went, a race) is shown on the
// field it concerns, in the words `refusal_text` gives, else the store's.
Response change(RequestContext& ctx, std::int64_t id, const std::string& field,
                const PageData& entered, std::string_view what,
                const std::function<void(store::Transaction&)>& write,
                const std::string& refusal_text = {}) {
  try {
    auto tx = ctx.web().store.begin();
    write(*tx);
    tx->commit();
  } catch (const store::TaxonChangeRefused& refused) {
    const std::string message = refusal_text.empty() ? refused.what() : refusal_text;
    return taxa_view(ctx, ctx.form().get("q"), id, {{field, message}}, entered, 422);
  }
  return saved(ctx, id, what);
}

}  // namespace

Response admin_taxa_page(RequestContext& ctx) {
  return taxa_view(ctx, ctx.query().get("q"), parse_id(ctx.query().get("id")), {}, PageData{}, 200);
}

Response admin_taxon_status(RequestContext& ctx) {
  const auto id = parse_id(ctx.form().get("id"));
  if (!id) return error_page(ctx, ErrorPage::not_found);
  const std::string sensitivity_name = ctx.form().get("sensitivity");
  const std::string iucn = ctx.form().get("iucn");
  const std::string establishment = ctx.form().get("establishment");
  const auto sensitivity = biodata::sensitivity_from_name(sensitivity_name);
  std::vector<FieldError> errors;
  if (!sensitivity) errors.push_back({"sensitivity", ctx.text("admin_taxa_error_sensitivity")});
  if (!iucn.empty() && !biodata::is_iucn_category(iucn))
    errors.push_back({"iucn", ctx.text("admin_taxa_error_iucn")});
  if (!biodata::is_establishment(establishment))
    errors.push_back({"establishment", ctx.text("admin_taxa_error_establishment")});
  if (!errors.empty()) return taxa_view(ctx, ctx.form().get("q"), id, errors, PageData{}, 422);
  const store::TaxonStatusChange status{static_cast<int>(*sensitivity), iucn, establishment};
  return change(ctx, *id, "sensitivity", PageData{}, "status", [&](store::Transaction& tx) {
    store::set_taxon_status(tx, *id, status, ctx.user()->username);
  });
}

Response admin_taxon_list_add(RequestContext& ctx) {
  const auto id = parse_id(ctx.form().get("id"));
  if (!id) return error_page(ctx, ErrorPage::not_found);
  const std::string list = ctx.form().get("list");
  const std::string category = ctx.form().get("category");
  PageData entered;
  entered.set("list_value", list);
  entered.set("category_value", category);
  std::vector<FieldError> errors;
  if (list.find_first_not_of(" \t") == std::string::npos)
    errors.push_back({"list", ctx.text("admin_taxa_error_list")});
  if (category.find_first_not_of(" \t") == std::string::npos)
    errors.push_back({"category", ctx.text("admin_taxa_error_category")});
  if (!errors.empty()) return taxa_view(ctx, ctx.form().get("q"), id, errors, entered, 422);
  return change(ctx, *id, "list", entered, "list", [&](store::Transaction& tx) {
    store::put_taxon_on_list(tx, *id, list, category, ctx.user()->username);
  });
}

// The list's name comes from the row's hidden field; a taxon no longer on that list (taken off in
// another window) is answered with the lists it is on now.
Response admin_taxon_list_remove(RequestContext& ctx) {
  const auto id = parse_id(ctx.form().get("id"));
  if (!id) return error_page(ctx, ErrorPage::not_found);
  const std::string list = ctx.form().get("list");
  if (list.find_first_not_of(" \t") == std::string::npos)
    return taxa_view(ctx, ctx.form().get("q"), id, {{"lists", ctx.text("admin_taxa_error_list")}},
                     PageData{}, 422);
  return change(
      ctx, *id, "lists", PageData{}, "removed",
      [&](store::Transaction& tx) {
        store::take_taxon_off_list(tx, *id, list, ctx.user()->username);
      },
      web::fill(ctx.text("admin_taxa_error_not_on_list"), "list", list));
}

}  // namespace bsap::web
