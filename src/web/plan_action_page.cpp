// GET /LANG/plan/actions/NUMBER: a priority action with its lead, body and items, and the
// goals, NBSAP actions, KMGBF targets and SDGs it serves, each linking to its cross-walk.
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/plan_view.h"

namespace bsap::web {
namespace {

constexpr plan::Framework kMappingColumns[] = {plan::Framework::goal, plan::Framework::nbsap,
                                               plan::Framework::kmgbf, plan::Framework::sdg};

PageData mapping_links(const RequestContext& ctx, const plan::Action& action,
                       plan::Framework framework) {
  PageData links{PageData::type::list};
  for (int number : plan::mapping_of(action, framework)) {
    PageData link;
    link.set("label", crosswalk_label(ctx, framework, number));
    link.set("name", crosswalk_name(ctx, framework, number));
    link.set("href", crosswalk_href(ctx, framework, number));
    links.push_back(link);
  }
  return links;
}

PageData mapping_rows(const RequestContext& ctx, const plan::Action& action) {
  PageData rows{PageData::type::list};
  for (plan::Framework framework : kMappingColumns) {
    PageData row;
    row.set("heading", ctx.text("plan_mapping_" + std::string(plan::framework_code(framework))));
    row.set("links", mapping_links(ctx, action, framework));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Response plan_action_page(RequestContext& ctx) {
  const plan::Plan& plan = ctx.web().domain.plan.plan;
  const plan::Action* action = plan::find_action(plan, ctx.path_parameter("number"));
  if (!action) return error_page(ctx, ErrorPage::not_found);
  PageData data = action_summary(ctx, *action);
  data.set("lead", plan_text(ctx, action->lead));
  // The body and the box have no English translation: shown on the Chinese pages only.
  if (ctx.lang() != Lang::en) {
    data.set("body", ctx.data_text(action->body_zh, ""));
    if (!action->box_zh.empty()) data.set("box", ctx.data_text(action->box_zh, ""));
  }
  data.set("mappings", mapping_rows(ctx, *action));
  data.set("area_href", ctx.link("/plan/areas/" + std::to_string(action->area)));
  std::string title =
      fill(ctx.text("plan_action_title"), "number", action->number) + plan_text(ctx, action->title);
  return render_titled_page(ctx, "plan_action", std::move(title), std::move(data));
}

}  // namespace bsap::web
