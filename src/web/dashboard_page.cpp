// GET /LANG/dashboard?year=: the plan at a glance for a year (000 5.2: the indicators published as
// infographics on the plan's website) — the 81 items' published statuses, by goal, strategic
// area, KMGBF target, NBSAP action and SDG, the indicators, the City Biodiversity Index and the
// funding scheme's figures, with links to the annual report and the open data. Published
// progress only: a draft, submitted or reviewed report never shows here.
#include "plan/crosswalk.h"
#include "store/audit_repo.h"
#include "store/tracker_repo.h"
#include "track/annual_report.h"
#include "track/progress_service.h"
#include "web/annual_report_view.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/plan_view.h"

namespace bsap::web {
namespace {

const plan::StatusCounts& counts_of(const std::map<int, plan::StatusCounts>& counts, int number) {
  static const plan::StatusCounts kNone;
  auto found = counts.find(number);
  return found == counts.end() ? kNone : found->second;
}

PageData framework_table(const RequestContext& ctx, plan::Framework framework,
                         const std::map<int, plan::StatusCounts>& counts, std::string caption,
                         std::string heading) {
  PageData rows{PageData::type::list};
  for (int number : plan::framework_numbers(ctx.web().domain.plan, framework))
    rows.push_back(status_row(
        crosswalk_label(ctx, framework, number) + " " + crosswalk_name(ctx, framework, number),
        crosswalk_href(ctx, framework, number), counts_of(counts, number)));
  PageData table;
  table.set("caption", std::move(caption));
  table.set("heading", std::move(heading));
  table.set("rows", rows);
  return table;
}

PageData area_table(const RequestContext& ctx, const plan::PlanRollup& rollup) {
  PageData rows{PageData::type::list};
  for (const plan::Area& area : ctx.web().domain.plan.plan.areas)
    rows.push_back(status_row(fill(ctx.text("plan_area_title"), "n", std::to_string(area.number)) +
                                  plan_text(ctx, area.name),
                              ctx.link("/plan/areas/" + std::to_string(area.number)),
                              counts_of(rollup.areas, area.number)));
  PageData table;
  table.set("caption", ctx.text("dash_by_area"));
  table.set("heading", ctx.text("plan_areas"));
  table.set("rows", rows);
  return table;
}

PageData action_table(const RequestContext& ctx, const plan::PlanRollup& rollup) {
  PageData rows{PageData::type::list};
  for (const plan::Action& action : ctx.web().domain.plan.plan.actions) {
    auto counts = rollup.action_counts.find(action.number);
    rows.push_back(status_row(
        fill(ctx.text("plan_action_title"), "number", action.number) + plan_text(ctx, action.title),
        action_href(ctx, action),
        counts == rollup.action_counts.end() ? plan::StatusCounts{} : counts->second));
  }
  PageData table;
  table.set("caption", ctx.text("dash_by_action"));
  table.set("heading", ctx.text("plan_area_actions"));
  table.set("rows", rows);
  return table;
}

// The year asked for when it is a plan year; else the latest year with published progress; else
// the plan's first year.
int dashboard_year(RequestContext& ctx, const std::vector<int>& published) {
  if (auto asked = parse_plan_year(ctx.query().get("year"))) return *asked;
  return published.empty() ? track::kFirstPlanYear : published.back();
}

PageData year_links(RequestContext& ctx, const std::vector<int>& published, int year) {
  PageData links{PageData::type::list};
  for (int one : published) {
    PageData link;
    link.set("year", std::to_string(one));
    link.set("href", ctx.link("/dashboard?year=" + std::to_string(one)));
    link.set("current", one == year);
    links.push_back(link);
  }
  return links;
}

// The page's content for the year: the same for every visitor, so kept between requests.
std::string dashboard_content(RequestContext& ctx, const std::vector<int>& published, int year,
                              const std::string& title) {
  const DomainData& domain = ctx.web().domain;
  track::AnnualReport report;
  {
    auto tx = ctx.web().store.begin();
    report = track::build_annual_report(*tx, domain.plan, domain.indicators, domain.cbi, year);
  }
  const ViewLanguage view = view_language(ctx);
  // The report's summary, indicators, CBI and scheme figures, the same as the annual report's.
  PageData data = annual_report_data(view, domain.plan, report);
  data.set("has_years", !published.empty());
  data.set("years", year_links(ctx, published, year));
  data.set("report_href", ctx.link("/reports/annual/" + std::to_string(year)));
  data.set("indicators_href", ctx.link("/indicators"));
  data.set("cbi_href", ctx.link("/cbi"));
  data.set("goals_table", framework_table(ctx, plan::Framework::goal, report.rollup.goals,
                                          ctx.text("dash_by_goal"), ctx.text("plan_goals")));
  data.set("areas_table", area_table(ctx, report.rollup));
  data.set("kmgbf_table",
           framework_table(ctx, plan::Framework::kmgbf, report.rollup.kmgbf,
                           ctx.text("dash_by_kmgbf"), ctx.text("dash_kmgbf_target")));
  data.set("nbsap_table",
           framework_table(ctx, plan::Framework::nbsap, report.rollup.nbsap,
                           ctx.text("dash_by_nbsap"), ctx.text("dash_nbsap_action")));
  data.set("sdg_table", framework_table(ctx, plan::Framework::sdg, report.rollup.sdg,
                                        ctx.text("dash_by_sdg"), ctx.text("dash_sdg")));
  data.set("actions_table", action_table(ctx, report.rollup));
  return render_content(ctx, "dashboard", title, std::move(data));
}

}  // namespace

// Built once per language, year and change of the data (the audit log's head), not per request:
// the public's busiest page (bench/http_dashboard.sh).
Response dashboard_page(RequestContext& ctx) {
  std::vector<int> published;
  std::int64_t version = 0;
  {
    auto tx = ctx.web().store.begin();
    version = store::audit_head_seq(*tx);
    published = store::published_years(*tx);
  }
  const int year = dashboard_year(ctx, published);
  std::string title = fill(ctx.text("dash_title"), "year", std::to_string(year));
  const std::string key = std::string(lang_segment(ctx.lang())) + "/" + std::to_string(year);
  ContentCache& cache = *ctx.web().dashboard_content;
  std::optional<std::string> content = cache.find(key, version);
  if (!content) {
    content = dashboard_content(ctx, published, year, title);
    cache.put(key, version, *content);
  }
  return render_titled_content(ctx, std::move(title), std::move(*content));
}

}  // namespace bsap::web
