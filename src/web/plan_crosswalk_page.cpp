// GET /LANG/plan/{goals,nbsap,kmgbf,sdg}/N: a cross-walk — the actions (and with them their items)
// serving an overall goal, an NBSAP action, a KMGBF target or an SDG; for a KMGBF target also the
// published progress of those actions in the latest year with published progress (000 5.2).
#include "plan/progress.h"
#include "store/tracker_repo.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/plan_view.h"
#include "web/progress_view.h"

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

// {progress_year, progress_rows: [{label, href, status, status_code, reported, items}],
// progress_target: the target's counts row} when some year has published progress.
void add_published_progress(RequestContext& ctx, PageData& page,
                            const std::vector<const plan::Action*>& actions, int target) {
  int year = 0;
  plan::PlanRollup rollup;
  {
    auto tx = ctx.web().store.begin();
    std::vector<int> years = store::published_years(*tx);
    if (years.empty()) return;
    year = years.back();
    rollup = plan::roll_up(ctx.web().domain.plan.plan, store::published_statuses(*tx, year));
  }
  const ViewLanguage view = view_language(ctx);
  PageData rows{PageData::type::list};
  for (const plan::Action* action : actions) {
    PageData row;
    row.set("label", fill(ctx.text("plan_action_title"), "number", action->number) +
                         plan_text(ctx, action->title));
    row.set("href", action_href(ctx, *action));
    auto status = rollup.actions.find(action->number);
    const bool reported = status != rollup.actions.end() && status->second.has_value();
    row.set("has_status", reported);
    if (reported) {
      row.set("status", status_label(view, *status->second));
      row.set("status_code", std::string(plan::status_code(*status->second)));
    }
    auto counts = rollup.action_counts.find(action->number);
    const plan::StatusCounts none;
    const plan::StatusCounts& action_counts =
        counts == rollup.action_counts.end() ? none : counts->second;
    row.set("reported", std::to_string(action_counts.reported));
    row.set("items", std::to_string(action_counts.items));
    rows.push_back(row);
  }
  auto target_counts = rollup.kmgbf.find(target);
  page.set("has_progress", true);
  page.set("progress_year", std::to_string(year));
  page.set("progress_rows", rows);
  page.set("status_columns", status_columns(view));
  page.set("progress_target",
           status_row(
               crosswalk_label(ctx, plan::Framework::kmgbf, target), "",
               target_counts == rollup.kmgbf.end() ? plan::StatusCounts{} : target_counts->second));
  page.set("progress_dashboard_href", ctx.link("/dashboard?year=" + std::to_string(year)));
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
  if (*framework == plan::Framework::kmgbf) add_published_progress(ctx, page, actions, *number);
  return render_titled_page(ctx, "plan_crosswalk", crosswalk_label(ctx, *framework, *number),
                            std::move(page));
}

}  // namespace bsap::web
