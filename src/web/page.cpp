#include "web/page.h"

#include <algorithm>

#include "core/role.h"
#include "web/lang_path.h"

namespace bsap::web {
namespace {

bool holds(const store::User& user, Role role) {
  return std::ranges::find(user.roles, role) != user.roles.end();
}

// Simplified Chinese is offered on public pages (ARCHITECTURE.md principle 7), and kept
// offered wherever the visitor already reads it.
bool offers_simplified(const RequestContext& ctx) {
  bool public_page = !ctx.route() || ctx.route()->access.kind() == Access::Kind::public_;
  return public_page || ctx.lang() == Lang::zh_hans;
}

PageData language_switch(const RequestContext& ctx) {
  PageData languages{PageData::type::list};
  for (Lang lang : {Lang::zh_hant, Lang::en, Lang::zh_hans}) {
    if (lang == Lang::zh_hans && !offers_simplified(ctx)) continue;
    std::string href = with_language(lang, ctx.rest_path());
    if (!ctx.request().query.empty()) href += "?" + ctx.request().query;
    PageData item;
    item.set("name", ctx.web().messages.get("language_self_name", lang));
    item.set("tag", std::string(lang_tag(lang)));
    item.set("href", href);
    item.set("current", lang == ctx.lang());
    languages.push_back(item);
  }
  return languages;
}

void add_visitor(RequestContext& ctx, PageData& data) {
  const auto& user = ctx.user();
  data.set("signed_in", user.has_value());
  if (!user) return;
  data.set("user_display_name", user->display_name.empty() ? user->username : user->display_name);
  data.set("is_administrator", holds(*user, Role::administrator));
  data.set("uses_portal", holds(*user, Role::applicant));
  data.set("assesses", holds(*user, Role::secretariat));
  data.set("follows_projects", holds(*user, Role::applicant) || holds(*user, Role::secretariat));
  data.set("reviews", holds(*user, Role::assessment_panel) || holds(*user, Role::approval_panel) ||
                          holds(*user, Role::committee));
  // The plan tracker (000 5.1): the departments' focal points and the working group's secretariat.
  data.set("tracks_plan", holds(*user, Role::focal_point) || holds(*user, Role::plan_secretariat));
  data.set("csrf_token", ctx.session().csrf_token());
}

void add_links(const RequestContext& ctx, PageData& data) {
  data.set("home_href", ctx.link("/"));
  data.set("login_href", ctx.link("/login"));
  data.set("logout_href", ctx.link("/logout"));
  data.set("account_href", ctx.link("/account"));
  data.set("admin_href", ctx.link("/admin"));
  data.set("portal_href", ctx.link("/portal"));
  data.set("assessment_href", ctx.link("/assessment"));
  data.set("projects_href", ctx.link("/projects"));
  data.set("reviews_href", ctx.link("/reviews"));
  data.set("admin_users_href", ctx.link("/admin/users"));
  data.set("plan_href", ctx.link("/plan"));
  data.set("plan_dashboard_href", ctx.link("/dashboard"));
  data.set("tracker_href", ctx.link("/tracker"));
  data.set("ccfs_rules_href", ctx.link("/ccfs/rules"));
  data.set("ccfs_sites_href", ctx.link("/ccfs/sites"));
  data.set("hub_href", ctx.link("/species"));
}

// What every page's content and layout may show: the texts, the language, the links, the title.
void add_page_values(RequestContext& ctx, PageData& data, std::string title) {
  data.set("t", ctx.web().texts[static_cast<std::size_t>(ctx.lang())]);
  data.set("lang", std::string(lang_segment(ctx.lang())));
  data.set("lang_tag", std::string(lang_tag(ctx.lang())));
  data.set("title", std::move(title));
  data.set("is_en", ctx.lang() == Lang::en);
  add_links(ctx, data);
  data.set("languages", language_switch(ctx));
}

Response layout_response(RequestContext& ctx, const PageData& data, int status) {
  Response response;
  response.status = status;
  response.body = ctx.web().templates.render("layout", data);
  // Pages carry the visitor's name and CSRF token: never cache them.
  response.add_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void set_if_text(PageData& data, const std::string& key, const std::string& text) {
  if (!text.empty()) data.set(key, text);
}

Response render_page(RequestContext& ctx, std::string_view template_name,
                     std::string_view title_key, PageData data, int status) {
  return render_titled_page(ctx, template_name, ctx.text(title_key), std::move(data), status);
}

Response render_titled_page(RequestContext& ctx, std::string_view template_name, std::string title,
                            PageData data, int status) {
  add_page_values(ctx, data, std::move(title));
  add_visitor(ctx, data);
  data.set("content", ctx.web().templates.render(template_name, data));
  return layout_response(ctx, data, status);
}

std::string render_content(RequestContext& ctx, std::string_view template_name,
                           const std::string& title, PageData data) {
  add_page_values(ctx, data, title);
  return ctx.web().templates.render(template_name, data);
}

Response render_titled_content(RequestContext& ctx, std::string title, std::string content,
                               int status) {
  PageData data;
  add_page_values(ctx, data, std::move(title));
  add_visitor(ctx, data);
  data.set("content", std::move(content));
  return layout_response(ctx, data, status);
}

std::string fill(std::string text, std::string_view name, std::string_view value) {
  // Appended piece by piece: GCC 12 at -O2 warns falsely (-Wrestrict) of "{" + std::string.
  std::string placeholder(1, '{');
  placeholder.append(name);
  placeholder += '}';
  if (auto at = text.find(placeholder); at != std::string::npos)
    text.replace(at, placeholder.size(), value);
  return text;
}

void add_errors(PageData& data, const std::vector<FieldError>& errors) {
  PageData list{PageData::type::list};
  for (const auto& error : errors) {
    PageData item;
    item.set("field", error.field);
    item.set("message", error.message);
    list.push_back(item);
    data.set(error.field + "_error", error.message);
  }
  data.set("has_errors", !errors.empty());
  data.set("errors", list);
}

}  // namespace bsap::web
