// GET /open-data/ccfs-grants.json and /open-data/ccfs-grants.csv: the approved projects (§4.1.3)
// as 360Giving open data (ccfs/grants_360giving.h), the same bytes as `bsap grants export`. No
// language prefix: the files are for programs and spreadsheets, and carry both languages.
#include <string>
#include <vector>

#include "ccfs/grants_360giving.h"
#include "web/approved_grants.h"
#include "web/open_data_response.h"
#include "web/pages.h"

namespace bsap::web {

Response open_data_grants_json(RequestContext& ctx) {
  return open_data_response("application/json; charset=utf-8",
                            ccfs::grants_package_json(approved_grants(ctx)),
                            "inline; filename=\"ccfs-grants.json\"");
}

Response open_data_grants_csv(RequestContext& ctx) {
  // RFC 4180's media type; header=present (RFC 4180 §3) says the first row is the titles.
  return open_data_response("text/csv; charset=utf-8; header=present",
                            ccfs::grants_csv(approved_grants(ctx)),
                            "attachment; filename=\"ccfs-grants.csv\"");
}

}  // namespace bsap::web
