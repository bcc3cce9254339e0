// GET /api/v1/cbd/national-report/YEAR: the year's published progress per KMGBF target for the
// national report to the Convention on Biological Diversity (000 5.2: reported through the
// Convention's online platform), as track/cbd_export.h shapes it (docs/api.md).
#include "ccfs/application_json.h"
#include "track/annual_report.h"
#include "track/cbd_export.h"
#include "web/pages.h"
#include "web/progress_view.h"

namespace bsap::web {

Response cbd_export_api(RequestContext& ctx) {
  Response response;
  response.content_type = "application/json; charset=utf-8";
  response.add_header("Cache-Control", "public, max-age=300");
  response.add_header("Access-Control-Allow-Origin", "*");
  auto year = parse_plan_year(ctx.path_parameter("year"));
  if (!year) {
    response.status = 404;
    // The API's error shape (docs/api.md), as the other routes under /api/ answer.
    response.body =
        ccfs::error_json({"year", "The year must be a plan year, 2026 to 2035 (000 5.1).",
                          "年份須為《計劃》年度，即2026至2035年（000 5.1）。"});
    return response;
  }
  const DomainData& domain = ctx.web().domain;
  auto tx = ctx.web().store.begin();
  const track::AnnualReport report =
      track::build_annual_report(*tx, domain.plan, domain.indicators, domain.cbi, *year);
  response.body = track::cbd_export_json(domain.plan, report);
  return response;
}

}  // namespace bsap::web
