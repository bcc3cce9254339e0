// GET /healthz: "ok" once the store answers with its migrations applied, for load balancers
// and process supervisors.
#include <spdlog/spdlog.h>

#include "web/pages.h"

namespace bsap::web {

Response health_check(RequestContext& ctx) {
  Response response;
  try {
    response = ctx.web().store.schema_version() > 0 ? plain_text(200, "ok")
                                                    : plain_text(503, "store not migrated");
  } catch (const std::exception& e) {
    spdlog::error("health check: {}", e.what());
    response = plain_text(503, "store unavailable");
  }
  response.add_header("Cache-Control", "no-store");
  return response;
}

}  // namespace bsap::web
