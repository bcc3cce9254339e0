// GET /LANG/reports/annual/YEAR: the year's progress report to the Advisory Council on the
// Environment (000 5.1), printable (static/css/bsap.css, "annual report, print"), from published
// progress only; POST …/midterm: the plan secretariat freezes it as the mid-term review (000 5.1
// 《計劃》設中期檢討), once per year.
#include <algorithm>

#include "assess/assessment_service.h"
#include "core/role.h"
#include "track/annual_report.h"
#include "web/annual_report_view.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

bool is_plan_secretariat(RequestContext& ctx) {
  const auto& user = ctx.user();
  return user && std::ranges::find(user->roles, Role::plan_secretariat) != user->roles.end();
}

track::AnnualReport report_of(RequestContext& ctx, int year) {
  const DomainData& domain = ctx.web().domain;
  auto tx = ctx.web().store.begin();
  return track::build_annual_report(*tx, domain.plan, domain.indicators, domain.cbi, year);
}

Response render(RequestContext& ctx, const track::AnnualReport& report, std::string refusal,
                int status) {
  const ViewLanguage view = view_language(ctx);
  PageData data = annual_report_data(view, ctx.web().domain.plan, report);
  data.set("frozen", ctx.query().get("frozen") == "1");
  if (is_plan_secretariat(ctx)) {
    data.set("can_freeze", true);
    data.set("freeze_action",
             ctx.link("/reports/annual/" + std::to_string(report.year) + "/midterm"));
  }
  if (!refusal.empty()) add_errors(data, {{"freeze", std::move(refusal)}});
  return render_titled_page(ctx, "annual_report", annual_report_title(view, report.year),
                            std::move(data), status);
}

}  // namespace

Response annual_report_page(RequestContext& ctx) {
  auto year = parse_plan_year(ctx.path_parameter("year"));
  if (!year) return error_page(ctx, ErrorPage::not_found);
  return render(ctx, report_of(ctx, *year), "", 200);
}

Response annual_report_freeze(RequestContext& ctx) {
  auto year = parse_plan_year(ctx.path_parameter("year"));
  if (!year) return error_page(ctx, ErrorPage::not_found);
  const DomainData& domain = ctx.web().domain;
  try {
    auto tx = ctx.web().store.begin();
    track::AnnualReport report =
        track::build_annual_report(*tx, domain.plan, domain.indicators, domain.cbi, *year);
    track::freeze_midterm_review(*tx, report, ctx.user()->id);
    tx->commit();
  } catch (const assess::StepRefused& refused) {
    return render(
        ctx, report_of(ctx, *year),
        refused.clause() + ": " + ctx.data_text(refused.message_zh(), refused.message_en()), 409);
  }
  return redirect_see_other(ctx.link("/reports/annual/" + std::to_string(*year)) + "?frozen=1");
}

}  // namespace bsap::web
