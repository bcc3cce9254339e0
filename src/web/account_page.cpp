// GET  /LANG/account: the signed-in user's name, username, e-mail and roles, the form to correct
//      the name and e-mail, and the download of everything bsap holds about them.
// POST the same: corrects the name and e-mail (guidelines §5.10.3: the right to correct one's
//      personal data under the Personal Data (Privacy) Ordinance), audited.
// GET  /LANG/account/personal-data.json: the copy of one's personal data that the same clause
//      gives (manage/personal_data_export.h), as an attachment.
#include "manage/personal_data_export.h"
#include "store/user_repo.h"
#include "store/utc_clock.h"
#include "web/account_rules.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/role_display.h"

namespace bsap::web {
namespace {

struct Particulars {
  std::string display_name, email;
};

Response account_form(RequestContext& ctx, const Particulars& shown,
                      const std::vector<FieldError>& errors, int status = 200) {
  const store::User& user = *ctx.user();  // the routes admit only the signed in
  PageData data;
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("action", ctx.link("/account"));
  data.set("username", user.username);
  data.set("display_name", user.display_name);
  data.set("email", user.email);
  data.set("entered_display_name", shown.display_name);
  data.set("entered_email", shown.email);
  data.set("roles", role_names(ctx, user.roles));
  data.set("download_href", ctx.link("/account/personal-data.json"));
  if (ctx.query().get("done") == "corrected")
    data.set("done_message", ctx.text("account_done_corrected"));
  add_errors(data, errors);
  Response response = render_page(ctx, "account", "account_title", std::move(data));
  response.status = status;
  return response;
}

std::vector<FieldError> particulars_errors(RequestContext& ctx, const Particulars& entered) {
  std::vector<FieldError> errors;
  if (entered.display_name.empty() || entered.display_name.size() > kMaxNameLength)
    errors.push_back({"display_name", ctx.text("admin_users_error_display_name")});
  if (!is_plausible_email(entered.email))
    errors.push_back({"email", ctx.text("register_error_email")});
  return errors;
}

}  // namespace

Response account_page(RequestContext& ctx) {
  const store::User& user = *ctx.user();
  return account_form(ctx, {user.display_name, user.email}, {});
}

Response account_correct(RequestContext& ctx) {
  const Particulars entered{ctx.form().get("display_name"), ctx.form().get("email")};
  if (auto errors = particulars_errors(ctx, entered); !errors.empty())
    return account_form(ctx, entered, errors, 422);
  const store::User& user = *ctx.user();
  store::in_transaction(ctx.web().store, [&](store::Transaction& tx) {
    store::set_user_particulars(tx, user.id, entered.display_name, entered.email, user.username);
  });
  return redirect_see_other(ctx.link("/account") + "?done=corrected");
}

Response account_personal_data(RequestContext& ctx) {
  const store::User& user = *ctx.user();
  std::vector<store::PersonalDataRows> tables;
  {
    auto tx = ctx.web().store.begin();
    tables = store::personal_data_of(*tx, user.id);
  }
  Response response;
  response.content_type = "application/json; charset=utf-8";
  response.body = manage::personal_data_json(tables, user.username, store::utc_timestamp());
  response.add_header("Content-Disposition",
                      "attachment; filename=\"bsap-personal-data-" + user.username + ".json\"");
  response.add_header("Cache-Control", "private, no-store");
  return response;
}

}  // namespace bsap::web
