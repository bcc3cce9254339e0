// GET /LANG/plan: the plan's home — its vision and mission, the 10 overall goals and the 4 areas.
#include "web/page.h"
#include "web/pages.h"
#include "web/plan_view.h"

namespace bsap::web {
namespace {

PageData goal_rows(const RequestContext& ctx, const plan::Plan& plan) {
  PageData rows{PageData::type::list};
  for (const plan::Goal& goal : plan.goals) {
    PageData row;
    row.set("label", crosswalk_label(ctx, plan::Framework::goal, goal.number));
    row.set("text", plan_text(ctx, goal.text));
    row.set("href", crosswalk_href(ctx, plan::Framework::goal, goal.number));
    rows.push_back(row);
  }
  return rows;
}

PageData area_rows(const RequestContext& ctx, const plan::Plan& plan) {
  PageData rows{PageData::type::list};
  for (const plan::Area& area : plan.areas) {
    PageData row;
    row.set("number", std::to_string(area.number));
    row.set("name", plan_text(ctx, area.name));
    row.set("description", plan_text(ctx, area.description));
    row.set("href", ctx.link("/plan/areas/" + std::to_string(area.number)));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Response plan_page(RequestContext& ctx) {
  const plan::Plan& plan = ctx.web().domain.plan.plan;
  PageData data;
  data.set("vision", plan_text(ctx, plan.vision));
  data.set("mission", plan_text(ctx, plan.mission));
  data.set("goals_intro", plan_text(ctx, plan.goals_intro));
  data.set("goals", goal_rows(ctx, plan));
  data.set("areas", area_rows(ctx, plan));
  data.set("matrix_href", ctx.link("/plan/matrix"));
  return render_titled_page(ctx, "plan", plan_text(ctx, plan.title), std::move(data));
}

}  // namespace bsap::web
