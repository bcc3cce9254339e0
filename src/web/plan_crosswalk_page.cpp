// GET /LANG/plan/{goals,nbsap,kmgbf,sdg}/N: a cross-walk — the actions (and with them their items)
// serving an overall goal, an NBSAP action, a KMGBF target or an SDG.
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/plan_view.h"

namespace bsap::web {
namespace {

// The framework is the segment after /plan/ in the route's own pattern.
std::optional<plan::Framework> framework_of(const RequestContext& ctx) {
  for (plan::Framework framework : {plan::Framework::goal, plan::Framework::nbsap,
                                    plan::Framework::kmgbf, plan::Framework::sdg}) {
    std::string segment = "/plan/" + std::string(crosswalk_segment(framework)) + "/";
    if (ctx.route()->pattern.find(segment) != std::string_view::npos) return framework;
  }
  return std::nullopt;
}

}  // namespace

Response plan_crosswalk_page(RequestContext& ctx) {
  const plan::PlanData& data = ctx.web().domain.plan;
  auto framework = framework_of(ctx);
  auto number = parse_page_number(ctx.path_parameter("n"));
  if (!framework || !number || !plan::framework_entry(data, *framework, *number))
    return error_page(ctx, ErrorPage::not_found);
  PageData page;
  page.set("name", crosswalk_name(ctx, *framework, *number));
  auto actions = plan::actions_serving(data.plan, *framework, *number);
  page.set("has_actions", !actions.empty());
  page.set("actions", action_summaries(ctx, actions));
  page.set("plan_href", ctx.link("/plan"));
  page.set("matrix_href", ctx.link("/plan/matrix"));
  return render_titled_page(ctx, "plan_crosswalk", crosswalk_label(ctx, *framework, *number),
                            std::move(page));
}

}  // namespace bsap::web
