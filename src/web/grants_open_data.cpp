// GET /open-data/ccfs-grants.json and /open-data/ccfs-grants.csv: the approved projects (§4.1.3)
// as 360Giving open data (ccfs/grants_360giving.h), the same bytes as `bsap grants export`. No
// language prefix: the files are for programs and spreadsheets, and carry both languages.
#include <string>
#include <vector>

#include "ccfs/grants_360giving.h"
#include "web/approved_grants.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

// The same for every visitor and free of any session, so caches and other sites' scripts may
// read it: a committee decision shows within five minutes.
Response open_data(std::string content_type, std::string body) {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.add_header("Cache-Control", "public, max-age=300");
  response.add_header("Access-Control-Allow-Origin", "*");
  return response;
}

}  // namespace

Response open_data_grants_json(RequestContext& ctx) {
  Response response =
      open_data("application/json; charset=utf-8", ccfs::grants_package_json(approved_grants(ctx)));
  response.add_header("Content-Disposition", "inline; filename=\"ccfs-grants.json\"");
  return response;
}

Response open_data_grants_csv(RequestContext& ctx) {
  // RFC 4180's media type; header=present (RFC 4180 §3) says the first row is the titles.
  Response response =
      open_data("text/csv; charset=utf-8; header=present", ccfs::grants_csv(approved_grants(ctx)));
  response.add_header("Content-Disposition", "attachment; filename=\"ccfs-grants.csv\"");
  return response;
}

}  // namespace bsap::web
