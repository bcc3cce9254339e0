// GET /LANG/admin: the administrator's start page.
#include "web/page.h"
#include "web/pages.h"

namespace bsap::web {

Response admin_page(RequestContext& ctx) { return render_page(ctx, "admin", "admin_title", {}); }

}  // namespace bsap::web
