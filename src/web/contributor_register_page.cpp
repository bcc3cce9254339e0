// GET /LANG/observations/join: a member of the public makes an account to take part in citizen
// science (000 優先行動 2.2 item 1): a name, an e-mail address, a username and a password, under
// the same account rules as every account (account_rules.h). The account holds the contributor
// role only. POST the same creates it and sends the visitor to sign in.
#include "core/password.h"
#include "store/user_repo.h"
#include "web/account_rules.h"
#include "web/page.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

struct Joining {
  std::string display_name, email, username, password;
};

Joining read_form(RequestContext& ctx) {
  const FormData& form = ctx.form();
  return {form.get("display_name"), form.get("email"), form.get("username"), form.get("password")};
}

std::vector<FieldError> check(RequestContext& ctx, const Joining& form) {
  std::vector<FieldError> errors;
  if (form.display_name.empty() || form.display_name.size() > kMaxNameLength)
    errors.push_back({"display_name", ctx.text("admin_users_error_display_name")});
  if (!is_plausible_email(form.email))
    errors.push_back({"email", ctx.text("register_error_email")});
  if (!is_valid_username(form.username))
    errors.push_back({"username", ctx.text("admin_users_error_username")});
  if (form.password.size() < kMinPasswordLength)
    errors.push_back({"password", ctx.text("admin_users_error_password")});
  return errors;
}

Response form_page(RequestContext& ctx, const Joining& entered,
                   const std::vector<FieldError>& errors) {
  PageData data;
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("display_name", entered.display_name);
  data.set("email", entered.email);
  data.set("username", entered.username);
  data.set("action", ctx.link("/observations/join"));
  add_errors(data, errors);
  return render_page(ctx, "contributor_register", "contributor_register_title", std::move(data),
                     errors.empty() ? 200 : 422);
}

bool create(RequestContext& ctx, const Joining& form) {
  store::NewUser user{form.username,
                      form.display_name,
                      form.email,
                      hash_password(form.password),
                      {Role::contributor}};
  auto tx = ctx.web().store.begin();
  if (store::find_user_by_username(*tx, form.username)) return false;
  const std::int64_t user_id = store::add_user(*tx, user, form.username);
  store::set_user_language(*tx, user_id, account_language_code(ctx.lang()), form.username);
  tx->commit();
  return true;
}

}  // namespace

Response contributor_register_page(RequestContext& ctx) {
  if (ctx.user()) return redirect_see_other(ctx.link("/observations"));
  return form_page(ctx, {}, {});
}

Response contributor_register_submit(RequestContext& ctx) {
  const Joining form = read_form(ctx);
  if (auto errors = check(ctx, form); !errors.empty()) return form_page(ctx, form, errors);
  if (!create(ctx, form))
    return form_page(ctx, form, {{"username", ctx.text("admin_users_error_taken")}});
  return redirect_see_other(ctx.link("/login") +
                            "?next=" + percent_encode(ctx.link("/observations/new")));
}

}  // namespace bsap::web
