// GET  /LANG/register: an applicant organisation registers (§2.3.1): its names and kind, and its
//      first user, who becomes the person-in-charge (§2.6.3).
// POST the same: refuses societies under the Societies Ordinance (Cap. 151, §2.3.1(a) 註7) and
//      any kind the guidelines do not list, with the clause; otherwise creates the account (role
//      applicant) and the organisation in one transaction and sends the visitor to sign in.

#include "core/password.h"
#include "store/organisation_repo.h"
#include "store/user_repo.h"
#include "web/account_rules.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

constexpr std::string_view kSociety = "society_cap151";

struct Registration {
  std::string name_zh, name_en, kind, post, username, display_name, email, password;
};

Registration read_form(RequestContext& ctx) {
  const FormData& form = ctx.form();
  return {form.get("name_zh"),  form.get("name_en"),      form.get("kind"),  form.get("post"),
          form.get("username"), form.get("display_name"), form.get("email"), form.get("password")};
}

PageData kind_choices(RequestContext& ctx, const std::string& chosen) {
  PageData list{PageData::type::list};
  const auto add = [&](std::string key, std::string name, std::string clause) {
    PageData item;
    item.set("key", key);
    item.set("name", name);
    item.set("clause", clause);
    item.set("checked", key == chosen);
    list.push_back(item);
  };
  if (const rules::Ruleset* ruleset = ruleset_in_force_today(ctx).get())
    for (const rules::ApplicantType& type : ruleset->application.applicant_types)
      add(type.key, ctx.data_text(type.name.zh, type.name.en), type.source.clause);
  add(std::string(kSociety), ctx.text("register_kind_society"), "§2.3.1(a) 註7");
  return list;
}

bool known_kind(RequestContext& ctx, const std::string& kind) {
  const rules::Ruleset* ruleset = ruleset_in_force_today(ctx).get();
  return ruleset && ruleset->application.applicant_type(kind);
}

std::vector<FieldError> check(RequestContext& ctx, const Registration& form) {
  std::vector<FieldError> errors;
  if (form.name_zh.empty() && form.name_en.empty())
    errors.push_back({"name_zh", ctx.text("register_error_name")});
  if (form.kind == kSociety)
    errors.push_back({"kind", ctx.text("register_error_society")});
  else if (!known_kind(ctx, form.kind))
    errors.push_back({"kind", ctx.text("register_error_kind")});
  if (form.post.empty()) errors.push_back({"post", ctx.text("register_error_post")});
  if (!is_valid_username(form.username))
    errors.push_back({"username", ctx.text("admin_users_error_username")});
  if (form.display_name.empty() || form.display_name.size() > kMaxNameLength)
    errors.push_back({"display_name", ctx.text("admin_users_error_display_name")});
  if (!is_plausible_email(form.email))
    errors.push_back({"email", ctx.text("register_error_email")});
  if (form.password.size() < kMinPasswordLength)
    errors.push_back({"password", ctx.text("admin_users_error_password")});
  return errors;
}

Response form_page(RequestContext& ctx, const Registration& entered,
                   const std::vector<FieldError>& errors) {
  PageData data;
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("name_zh", entered.name_zh);
  data.set("name_en", entered.name_en);
  data.set("post", entered.post);
  data.set("username", entered.username);
  data.set("display_name", entered.display_name);
  data.set("email", entered.email);
  data.set("kinds", kind_choices(ctx, entered.kind));
  data.set("action", ctx.link("/register"));
  add_errors(data, errors);
  return render_page(ctx, "register", "register_title", std::move(data),
                     errors.empty() ? 200 : 422);
}

// The account and the organisation together, or neither.
bool create(RequestContext& ctx, const Registration& form) {
  store::NewUser user{form.username,
                      form.display_name,
                      form.email,
                      hash_password(form.password),
                      {Role::applicant}};
  auto tx = ctx.web().store.begin();
  if (store::find_user_by_username(*tx, form.username)) return false;
  const std::int64_t user_id = store::add_user(*tx, user, form.username);
  // Notifications and e-mails reach the person in the language they registered in.
  store::set_user_language(*tx, user_id, account_language_code(ctx.lang()), form.username);
  store::create_organisation(*tx, {form.name_zh, form.name_en, form.kind, false}, user_id,
                             form.post);
  tx->commit();
  return true;
}

}  // namespace

Response register_page(RequestContext& ctx) {
  if (ctx.user()) return redirect_see_other(ctx.link("/portal"));
  return form_page(ctx, {}, {});
}

Response register_submit(RequestContext& ctx) {
  const Registration form = read_form(ctx);
  if (auto errors = check(ctx, form); !errors.empty()) return form_page(ctx, form, errors);
  if (!create(ctx, form))
    return form_page(ctx, form, {{"username", ctx.text("admin_users_error_taken")}});
  return redirect_see_other(ctx.link("/login") + "?next=" + percent_encode(ctx.link("/portal")));
}

}  // namespace bsap::web
