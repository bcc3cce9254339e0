// GET /LANG/indicators/CODE: one of the plan's indicators (000 5.2) as its registry entry
// (data/bsap2035/indicators.yaml) defines it — definition, unit, method, source, baseline,
// target, the direction that is good, the goals, actions and KMGBF targets it measures — and its
// values by year as a chart with the same figures in a table, each value with its source.
#include <algorithm>

#include "plan/crosswalk.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/plan_view.h"
#include "web/progress_view.h"

namespace bsap::web {
namespace {

const plan::Indicator* find_indicator(const RequestContext& ctx, std::string_view code) {
  const auto& indicators = ctx.web().domain.indicators;
  auto found = std::ranges::find(indicators, code, &plan::Indicator::code);
  return found == indicators.end() ? nullptr : &*found;
}

std::string direction_text(const RequestContext& ctx, plan::GoodDirection direction) {
  switch (direction) {
    case plan::GoodDirection::increase:
      return ctx.text("ind_direction_increase");
    case plan::GoodDirection::decrease:
      return ctx.text("ind_direction_decrease");
    case plan::GoodDirection::maintain:
      break;
  }
  return ctx.text("ind_direction_maintain");
}

PageData framework_links(const RequestContext& ctx, plan::Framework framework,
                         const std::vector<int>& numbers) {
  PageData links{PageData::type::list};
  for (int number : numbers) {
    PageData link;
    link.set("label", crosswalk_label(ctx, framework, number));
    link.set("href", crosswalk_href(ctx, framework, number));
    links.push_back(link);
  }
  return links;
}

PageData action_links(const RequestContext& ctx, const std::vector<std::string>& numbers) {
  PageData links{PageData::type::list};
  for (const std::string& number : numbers) {
    const plan::Action* action = plan::find_action(ctx.web().domain.plan.plan, number);
    if (!action) continue;
    PageData link;
    link.set("label",
             fill(ctx.text("plan_action_title"), "number", number) + plan_text(ctx, action->title));
    link.set("href", action_href(ctx, *action));
    links.push_back(link);
  }
  return links;
}

PageData values_data(const track::ReportedIndicator& reported) {
  PageData values{PageData::type::list};
  for (const plan::IndicatorValue& value : reported.series) {
    PageData row;
    row.set("year", std::to_string(value.year));
    row.set("value", format_figure(value.value));
    row.set("source", value.source);
    row.set("demonstration", value.demonstration);
    values.push_back(row);
  }
  return values;
}

}  // namespace

Response indicator_page(RequestContext& ctx) {
  const plan::Indicator* indicator = find_indicator(ctx, ctx.path_parameter("code"));
  if (!indicator) return error_page(ctx, ErrorPage::not_found);
  track::ReportedIndicator reported;
  {
    auto tx = ctx.web().store.begin();
    reported = reported_indicator(*tx, *indicator);
  }
  const ViewLanguage view = view_language(ctx);
  PageData data = indicator_card(view, reported);
  data.set("definition", plan_text(ctx, indicator->definition));
  data.set("method", plan_text(ctx, indicator->method));
  data.set("source", indicator->source);
  data.set("direction", direction_text(ctx, indicator->direction));
  data.set("baseline_year",
           indicator->baseline_year ? std::to_string(indicator->baseline_year) : "");
  data.set("has_baseline", indicator->baseline_value.has_value());
  if (indicator->baseline_value)
    data.set("baseline_value", format_figure(*indicator->baseline_value));
  data.set("has_target", indicator->target_value.has_value());
  if (indicator->target_value) data.set("target_value", format_figure(*indicator->target_value));
  data.set("target_year", indicator->target_year ? std::to_string(indicator->target_year) : "");
  if (auto share = plan::progress_to_target(*indicator, reported.series)) {
    data.set("has_progress", true);
    data.set("progress", format_figure(*share * 100.0) + "%");
  }
  data.set("kmgbf_headline", indicator->kmgbf_headline);
  data.set("has_headline", !indicator->kmgbf_headline.empty());
  data.set("seed_clause", indicator->seed_clause);
  data.set("computed", !indicator->computed_from.empty());
  data.set("goals", framework_links(ctx, plan::Framework::goal, indicator->goals));
  data.set("has_goals", !indicator->goals.empty());
  data.set("kmgbf", framework_links(ctx, plan::Framework::kmgbf, indicator->kmgbf_targets));
  data.set("has_kmgbf", !indicator->kmgbf_targets.empty());
  data.set("actions", action_links(ctx, indicator->actions));
  data.set("has_actions", !indicator->actions.empty());
  data.set("has_series", !reported.series.empty());
  data.set("chart", chart_data(indicator_chart(view, reported)));
  data.set("values", values_data(reported));
  data.set("indicators_href", ctx.link("/indicators"));
  return render_titled_page(ctx, "indicator", plan_text(ctx, indicator->name), std::move(data));
}

}  // namespace bsap::web
