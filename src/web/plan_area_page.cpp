// GET /LANG/plan/areas/N: a strategic area with its description and its actions.
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/plan_view.h"

namespace bsap::web {
namespace {

const plan::Area* find_area(const plan::Plan& plan, std::string_view number_text) {
  auto number = parse_page_number(number_text);
  for (const plan::Area& area : plan.areas)
    if (number == area.number) return &area;
  return nullptr;
}

}  // namespace

Response plan_area_page(RequestContext& ctx) {
  const plan::Plan& plan = ctx.web().domain.plan.plan;
  const plan::Area* area = find_area(plan, ctx.path_parameter("n"));
  if (!area) return error_page(ctx, ErrorPage::not_found);
  PageData data;
  data.set("description", plan_text(ctx, area->description));
  // The seed's introduction has no English translation: it is shown on the Chinese pages only.
  if (ctx.lang() != Lang::en) data.set("introduction", ctx.data_text(area->introduction_zh, ""));
  data.set("actions", action_summaries(ctx, plan::actions_in_area(plan, area->number)));
  data.set("plan_href", ctx.link("/plan"));
  std::string title = fill(ctx.text("plan_area_title"), "n", std::to_string(area->number)) +
                      plan_text(ctx, area->name);
  return render_titled_page(ctx, "plan_area", std::move(title), std::move(data));
}

}  // namespace bsap::web
