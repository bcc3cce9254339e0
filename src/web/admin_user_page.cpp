// GET /LANG/admin/user?id=N: one user, with forms to change their roles and to disable or
// enable the account. POST .../roles and .../state make those changes, audited with the
// administrator as actor. An administrator cannot disable themselves or drop their own
// administrator role, so the system always keeps someone who can manage it.
#include <algorithm>
#include <charconv>

#include "store/user_repo.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/role_display.h"

namespace bsap::web {
namespace {

std::optional<std::int64_t> parse_id(const std::string& text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

std::optional<store::User> find_user(RequestContext& ctx, const std::string& id_text) {
  auto id = parse_id(id_text);
  if (!id) return std::nullopt;
  auto tx = ctx.web().store.begin();
  return store::find_user(*tx, *id);
}

std::string user_link(const RequestContext& ctx, std::int64_t id, std::string_view saved) {
  return ctx.link("/admin/user") + "?id=" + std::to_string(id) + "&saved=" + std::string(saved);
}

Response user_page(RequestContext& ctx, const store::User& user,
                   const std::vector<FieldError>& errors) {
  PageData data;
  data.set("id", std::to_string(user.id));
  data.set("username", user.username);
  data.set("display_name", user.display_name);
  data.set("email", user.email);
  data.set("roles", role_names(ctx, user.roles));
  data.set("role_choices", role_choices(ctx, user.roles));
  data.set("disabled", user.disabled);
  data.set("state", ctx.text(user.disabled ? "user_state_disabled" : "user_state_active"));
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("users_href", ctx.link("/admin/users"));
  std::string saved = ctx.query().get("saved");
  if (saved == "roles" || saved == "state") data.set("saved_message", ctx.text("admin_user_saved"));
  add_errors(data, errors);
  return render_page(ctx, "admin_user", "admin_user_title", std::move(data));
}

bool is_self(RequestContext& ctx, const store::User& user) { return ctx.user()->id == user.id; }

}  // namespace

Response admin_user_page(RequestContext& ctx) {
  auto user = find_user(ctx, ctx.query().get("id"));
  if (!user) return error_page(ctx, ErrorPage::not_found);
  return user_page(ctx, *user, {});
}

Response admin_user_roles(RequestContext& ctx) {
  auto user = find_user(ctx, ctx.form().get("id"));
  if (!user) return error_page(ctx, ErrorPage::not_found);
  std::vector<Role> roles = roles_from_form(ctx.form());
  bool keeps_admin = std::ranges::find(roles, Role::administrator) != roles.end();
  if (is_self(ctx, *user) && !keeps_admin)
    return user_page(ctx, *user, {{"roles", ctx.text("admin_user_error_own_admin_role")}});
  auto tx = ctx.web().store.begin();
  store::set_user_roles(*tx, user->id, roles, ctx.user()->username);
  tx->commit();
  return redirect_see_other(user_link(ctx, user->id, "roles"));
}

Response admin_user_state(RequestContext& ctx) {
  auto user = find_user(ctx, ctx.form().get("id"));
  if (!user) return error_page(ctx, ErrorPage::not_found);
  bool disable = ctx.form().get("disabled") == "1";
  if (is_self(ctx, *user) && disable)
    return user_page(ctx, *user, {{"state", ctx.text("admin_user_error_disable_self")}});
  auto tx = ctx.web().store.begin();
  store::set_user_disabled(*tx, user->id, disable, ctx.user()->username);
  tx->commit();
  return redirect_see_other(user_link(ctx, user->id, "state"));
}

}  // namespace bsap::web
