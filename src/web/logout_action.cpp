// POST /LANG/logout: ends the session, with an audit record, and returns to the home page.
#include "store/audit_repo.h"
#include "web/pages.h"

namespace bsap::web {

Response logout_submit(RequestContext& ctx) {
  const store::User user = *ctx.user();  // the route admits only the signed in
  auto tx = ctx.web().store.begin();
  store::append_audit(*tx, {.actor = user.username,
                            .entity = "session",
                            .entity_id = std::to_string(user.id),
                            .action = "logout",
                            .before_json = "{}",
                            .after_json = "{}"});
  ctx.session().sign_out(*tx);
  tx->commit();
  return redirect_see_other(ctx.link("/"));
}

}  // namespace bsap::web
