// GET /LANG/account: the signed-in user's name, username, email and roles.
#include "web/page.h"
#include "web/pages.h"
#include "web/role_display.h"

namespace bsap::web {

Response account_page(RequestContext& ctx) {
  const store::User& user = *ctx.user();  // the route admits only the signed in
  PageData data;
  data.set("username", user.username);
  data.set("display_name", user.display_name);
  data.set("email", user.email);
  data.set("roles", role_names(ctx, user.roles));
  return render_page(ctx, "account", "account_title", std::move(data));
}

}  // namespace bsap::web
