// The funding scheme's projects and the plan's items they serve (000_e0ccae9882b7fb64.txt
// 優先行動 1.5, 2.1 and 3.2 name the Countryside Conservation Funding Scheme; a project may serve
// any item), kept by the working group's secretariat and the scheme's secretariat:
// GET  /LANG/tracker/projects: each funded project with the items it is tagged to.
// POST /LANG/tracker/projects: tags a project to an item, or untags it; an id that names none of
//      the plan's 81 items is refused.
#include <algorithm>
#include <map>

#include "store/project_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

constexpr std::string_view kDoneKeys[] = {"tagged", "untagged"};
// The items whose text names the scheme, suggested first.
constexpr std::string_view kSchemeActions[] = {"1.5", "2.1", "3.2"};

Response projects_view(RequestContext& ctx, const std::vector<FieldError>& errors, int status) {
  PageData data;
  add_errors(data, errors);
  add_done_banner(ctx, data, kDoneKeys);
  auto tx = ctx.web().store.begin();
  std::map<std::int64_t, std::string> tags;
  for (const store::ProjectItemTag& tag : store::list_project_tags(*tx)) {
    std::string& items = tags[tag.application_id];
    if (!items.empty()) items += ctx.text("list_separator");
    items += tag.item_id;
  }
  const std::string chosen = ctx.form().get("application_id");
  PageData rows{PageData::type::list};
  PageData options{PageData::type::list};
  options.push_back(option("", ctx.text("tracker_choose_project"), chosen.empty()));
  const auto projects = store::list_projects(*tx);
  for (const store::ProjectRow& project : projects) {
    const std::string id = std::to_string(project.application_id);
    PageData row;
    row.set("reference", project.reference);
    row.set("project_name", project.title);
    row.set("project_href", ctx.link("/projects/" + id));
    row.set("tagged_items", tags[project.application_id]);
    rows.push_back(row);
    options.push_back(option(id, project.reference + " " + project.title, chosen == id));
  }
  data.set("project_rows", rows);
  data.set("has_projects", !projects.empty());
  data.set("project_options", options);
  data.set("value_tag_item", ctx.form().get("tag_item"));
  std::string suggested;
  for (std::string_view action : kSchemeActions) {
    if (!suggested.empty()) suggested += ctx.text("list_separator");
    suggested += action;
  }
  data.set("scheme_actions", suggested);
  data.set("tag_action", ctx.link("/tracker/projects"));
  data.set("tracker_href", ctx.link("/tracker"));
  return render_page(ctx, "tracker_projects", "tracker_projects_title", std::move(data), status);
}

}  // namespace

Response tracker_projects_page(RequestContext& ctx) { return projects_view(ctx, {}, 200); }

Response tracker_project_tag_save(RequestContext& ctx) {
  std::vector<FieldError> errors;
  const auto id = parse_number(ctx.form().get("application_id"));
  bool known = false;
  if (id && *id > 0) {
    auto tx = ctx.web().store.begin();
    known = store::find_project(*tx, static_cast<std::int64_t>(*id)).has_value();
  }
  if (!known) errors.push_back({"application_id", ctx.text("tracker_error_project")});
  const std::string item_id = trim_text(ctx.form().get("tag_item"));
  if (!plan::find_item(ctx.web().domain.plan.plan, item_id))
    errors.push_back({"tag_item", fill(ctx.text("tracker_error_item_unknown"), "item", item_id)});
  if (!errors.empty()) return projects_view(ctx, errors, 422);
  const bool untag = ctx.form().get("tag_change") == "remove";
  const auto application_id = static_cast<std::int64_t>(*id);
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        if (untag)
          store::untag_project_item(tx, application_id, item_id, ctx.user()->username);
        else
          store::tag_project_item(tx, application_id, item_id, ctx.user()->username);
      }))
    return projects_view(ctx, {{"tag_item", *refusal}}, 422);
  return redirect_see_other(ctx.link("/tracker/projects") +
                            "?done=" + (untag ? "untagged" : "tagged"));
}

}  // namespace bsap::web
