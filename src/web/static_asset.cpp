// GET /static/...: a file read at start, with an ETag so a browser revalidates for a 304.
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/static_files.h"

namespace bsap::web {
namespace {

constexpr std::string_view kPrefix = "/static/";

}  // namespace

Response static_asset(RequestContext& ctx) {
  std::string_view relative = std::string_view(ctx.request().path).substr(kPrefix.size());
  const StaticFile* file = ctx.web().static_files.find(relative);
  if (!file) return error_page(ctx, ErrorPage::not_found);
  Response response;
  // An hour fresh, then revalidated by ETag: a deployment's new CSS shows within the hour.
  response.add_header("Cache-Control", "public, max-age=3600");
  response.add_header("ETag", file->etag);
  if (etag_matches(ctx.request().header("If-None-Match"), file->etag)) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.content_type = file->content_type;
  response.shared_body = file->body;
  return response;
}

}  // namespace bsap::web
