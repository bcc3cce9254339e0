// GET /LANG/admin/users: every user with roles and state, and the form to add one.
// POST /LANG/admin/users: adds the user (audited with the administrator as actor).
#include "core/password.h"
#include "store/user_repo.h"
#include "web/account_rules.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/role_display.h"

namespace bsap::web {
namespace {

struct NewUserForm {
  std::string username, display_name, email, password;
  std::vector<Role> roles;
};

NewUserForm read_form(RequestContext& ctx) {
  const FormData& form = ctx.form();
  return {form.get("username"), form.get("display_name"), form.get("email"), form.get("password"),
          roles_from_form(form)};
}

std::vector<FieldError> check(RequestContext& ctx, const NewUserForm& form) {
  std::vector<FieldError> errors;
  if (!is_valid_username(form.username))
    errors.push_back({"username", ctx.text("admin_users_error_username")});
  if (form.display_name.empty() || form.display_name.size() > kMaxNameLength)
    errors.push_back({"display_name", ctx.text("admin_users_error_display_name")});
  if (!form.email.empty() && form.email.find('@') == std::string::npos)
    errors.push_back({"email", ctx.text("admin_users_error_email")});
  if (form.roles.empty()) errors.push_back({"roles", ctx.text("admin_users_error_roles")});
  if (form.password.size() < kMinPasswordLength)
    errors.push_back({"password", ctx.text("admin_users_error_password")});
  return errors;
}

PageData user_rows(RequestContext& ctx) {
  auto tx = ctx.web().store.begin();
  PageData rows{PageData::type::list};
  for (const auto& user : store::list_users(*tx)) {
    PageData row;
    row.set("username", user.username);
    row.set("display_name", user.display_name);
    row.set("roles", role_names(ctx, user.roles));
    row.set("state", ctx.text(user.disabled ? "user_state_disabled" : "user_state_active"));
    row.set("href", ctx.link("/admin/user") + "?id=" + std::to_string(user.id));
    rows.push_back(row);
  }
  return rows;
}

Response users_page(RequestContext& ctx, const NewUserForm& entered,
                    const std::vector<FieldError>& errors) {
  PageData data;
  data.set("users", user_rows(ctx));
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("username", entered.username);
  data.set("display_name", entered.display_name);
  data.set("email", entered.email);
  data.set("role_choices", role_choices(ctx, entered.roles));
  if (auto added = ctx.query().get("added"); !added.empty())
    data.set("added_message", fill(ctx.text("admin_users_added"), "username", added));
  add_errors(data, errors);
  return render_page(ctx, "admin_users", "admin_users_title", std::move(data));
}

// Adds the user unless the name is taken. The check and the insert share a transaction; a race
// lost to another administrator still ends in the store's refusal (an error page).
bool add(RequestContext& ctx, const NewUserForm& form) {
  // The slow argon2id hash is computed before the transaction, not while holding it.
  store::NewUser user{form.username, form.display_name, form.email, hash_password(form.password),
                      form.roles};
  auto tx = ctx.web().store.begin();
  if (store::find_user_by_username(*tx, form.username)) return false;
  store::add_user(*tx, user, ctx.user()->username);
  tx->commit();
  return true;
}

}  // namespace

Response admin_users_page(RequestContext& ctx) { return users_page(ctx, {}, {}); }

Response admin_user_add(RequestContext& ctx) {
  NewUserForm form = read_form(ctx);
  if (auto errors = check(ctx, form); !errors.empty()) return users_page(ctx, form, errors);
  if (!add(ctx, form))
    return users_page(ctx, form, {{"username", ctx.text("admin_users_error_taken")}});
  return redirect_see_other(ctx.link("/admin/users") + "?added=" + percent_encode(form.username));
}

}  // namespace bsap::web
