// GET and POST /LANG/login: the sign-in form and its submission.
#include <ctime>

#include "web/authentication.h"
#include "web/page.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

// Hong Kong has kept UTC+8 without daylight saving since 1979, so a fixed offset is exact.
constexpr std::int64_t kHongKongOffsetSeconds = 8 * 3600;

std::string hong_kong_time(std::int64_t unix_seconds) {
  std::time_t local = static_cast<std::time_t>(unix_seconds + kHongKongOffsetSeconds);
  std::tm parts{};
  gmtime_r(&local, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &parts);
  return text;
}

// Where to go after signing in: the page that asked for it, if it is one of ours.
std::string destination(RequestContext& ctx, const std::string& next) {
  return is_safe_local_path(next) ? next : ctx.link("/account");
}

Response login_form(RequestContext& ctx, const std::string& username, const std::string& next,
                    const std::vector<FieldError>& errors) {
  PageData data;
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("username", username);
  data.set("next", is_safe_local_path(next) ? next : "");
  data.set("register_href", ctx.link("/register"));
  add_errors(data, errors);
  return render_page(ctx, "login", "login_title", std::move(data));
}

std::vector<FieldError> missing_fields(RequestContext& ctx, const std::string& username,
                                       const std::string& password) {
  std::vector<FieldError> errors;
  if (username.empty()) errors.push_back({"username", ctx.text("login_error_username_missing")});
  if (password.empty()) errors.push_back({"password", ctx.text("login_error_password_missing")});
  return errors;
}

}  // namespace

Response login_page(RequestContext& ctx) {
  if (ctx.user()) return redirect_see_other(ctx.link("/account"));
  return login_form(ctx, "", ctx.query().get("next"), {});
}

Response login_submit(RequestContext& ctx) {
  const FormData& form = ctx.form();
  std::string username = form.get("username");
  std::string password = form.get("password");
  std::string next = form.get("next");
  if (auto errors = missing_fields(ctx, username, password); !errors.empty())
    return login_form(ctx, username, next, errors);

  LoginResult result = attempt_sign_in(ctx.web(), ctx.session(), username, password);
  switch (result.outcome) {
    case LoginOutcome::signed_in:
      return redirect_see_other(destination(ctx, next));
    case LoginOutcome::locked: {
      std::string message =
          fill(ctx.text("login_error_locked"), "until", hong_kong_time(result.locked_until));
      return login_form(ctx, username, next, {{"username", message}});
    }
    case LoginOutcome::refused:
      break;
  }
  return login_form(ctx, username, next, {{"username", ctx.text("login_error_refused")}});
}

}  // namespace bsap::web
