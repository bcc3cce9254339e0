// GET /LANG/: what bsap is — the BSAP 2035 plan, the CCFS funding scheme, the biodiversity hub.
#include "web/page.h"
#include "web/pages.h"

namespace bsap::web {

Response home_page(RequestContext& ctx) { return render_page(ctx, "home", "home_title", {}); }

}  // namespace bsap::web
