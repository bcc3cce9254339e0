// GET /LANG/admin: the administrator's start page: users, and the hub's taxa.
#include "web/page.h"
#include "web/pages.h"

namespace bsap::web {

Response admin_page(RequestContext& ctx) {
  PageData data;
  data.set("admin_taxa_href", ctx.link("/admin/taxa"));
  return render_page(ctx, "admin", "admin_title", std::move(data));
}

}  // namespace bsap::web
