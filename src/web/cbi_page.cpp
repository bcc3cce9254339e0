// GET /LANG/cbi and /LANG/cbi/YEAR: the City Biodiversity Index (000 5.2 and its note 3; the
// Singapore Index, CBD Technical Series No. 98): the latest scoring and how the years with inputs
// compare, and one year's 28 indicators by component with their inputs, value and points — or
// "bands not set" where the handbook's bands are not yet entered — out of 112.
#include <algorithm>
#include <map>

#include "store/tracker_repo.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/plan_view.h"
#include "web/progress_view.h"

namespace bsap::web {
namespace {

struct YearScoring {
  plan::CbiScoring scoring;
  std::vector<store::CbiInputValue> inputs;
};

YearScoring score_year(store::Transaction& tx, const plan::CbiHandbook& handbook, int year) {
  YearScoring result;
  result.inputs = store::list_cbi_inputs(tx, year);
  std::map<int, std::map<std::string, double>> inputs;
  for (const store::CbiInputValue& input : result.inputs)
    inputs[input.indicator][input.key] = input.value;
  result.scoring = plan::score_cbi(handbook, year, inputs);
  return result;
}

std::string outcome_text(const RequestContext& ctx, const plan::CbiIndicatorScore& score) {
  switch (score.outcome) {
    case plan::ScoreOutcome::scored:
      return std::to_string(*score.points);
    case plan::ScoreOutcome::inputs_missing:
      return ctx.text("cbi_inputs_missing");
    case plan::ScoreOutcome::bands_not_set:
      return ctx.text("cbi_bands_not_set");
    case plan::ScoreOutcome::outside_bands:
      break;
  }
  return ctx.text("cbi_outside_bands");
}

std::string points_text(const std::optional<int>& points) {
  return points ? std::to_string(*points) : std::string("–");
}

PageData components_data(const RequestContext& ctx, const plan::CbiScoring& scoring) {
  PageData components{PageData::type::list};
  for (int component = 1; component <= 3; ++component) {
    PageData row;
    row.set("name", ctx.text("cbi_component_" + std::to_string(component)));
    row.set("points", std::to_string(scoring.components[static_cast<std::size_t>(component - 1)]));
    components.push_back(row);
  }
  return components;
}

PageData indicator_rows(const RequestContext& ctx, const plan::CbiHandbook& handbook,
                        const YearScoring& year, plan::CbiComponent component) {
  PageData rows{PageData::type::list};
  for (const plan::CbiIndicatorScore& score : year.scoring.indicators) {
    if (score.component != component) continue;
    auto indicator =
        std::ranges::find(handbook.indicators, score.number, &plan::CbiIndicator::number);
    if (indicator == handbook.indicators.end()) continue;
    PageData inputs{PageData::type::list};
    for (const plan::CbiInput& input : indicator->inputs) {
      auto given = std::ranges::find_if(year.inputs, [&](const store::CbiInputValue& value) {
        return value.indicator == score.number && value.key == input.key;
      });
      PageData line;
      line.set("label", plan_text(ctx, input.label));
      line.set("value", given == year.inputs.end()
                            ? std::string("–")
                            : format_figure(given->value) + " " + input.unit);
      line.set("source", given == year.inputs.end() ? std::string() : given->source);
      line.set("demonstration", given != year.inputs.end() && given->demonstration);
      inputs.push_back(line);
    }
    PageData row;
    row.set("number", std::to_string(score.number));
    row.set("name", plan_text(ctx, indicator->name));
    row.set("inputs", inputs);
    row.set("value",
            score.value ? format_figure(*score.value) + " " + indicator->unit : std::string("–"));
    row.set("points", outcome_text(ctx, score));
    row.set("scored", score.outcome == plan::ScoreOutcome::scored);
    row.set("bands_source", indicator->bands_source);
    rows.push_back(row);
  }
  return rows;
}

// Rows of indicators, columns of years, and the change from the first year to the last.
PageData comparison_data(const RequestContext& ctx, const plan::CbiHandbook& handbook,
                         const std::vector<YearScoring>& years) {
  plan::CbiComparison comparison =
      plan::compare_scorings(years.front().scoring, years.back().scoring);
  PageData columns{PageData::type::list};
  for (const YearScoring& year : years) columns.push_back(std::to_string(year.scoring.year));
  PageData rows{PageData::type::list};
  for (std::size_t at = 0; at < handbook.indicators.size(); ++at) {
    const plan::CbiIndicator& indicator = handbook.indicators[at];
    PageData cells{PageData::type::list};
    for (const YearScoring& year : years)
      cells.push_back(at < year.scoring.indicators.size()
                          ? points_text(year.scoring.indicators[at].points)
                          : std::string("–"));
    auto change =
        std::ranges::find(comparison.indicators, indicator.number, &plan::CbiChange::number);
    PageData row;
    row.set("label", std::to_string(indicator.number) + " " + plan_text(ctx, indicator.name));
    row.set("cells", cells);
    row.set("delta", change != comparison.indicators.end() && change->delta
                         ? (*change->delta > 0 ? "+" : "") + std::to_string(*change->delta)
                         : std::string("–"));
    rows.push_back(row);
  }
  PageData totals{PageData::type::list};
  for (const YearScoring& year : years) totals.push_back(std::to_string(year.scoring.total));
  PageData data;
  data.set("columns", columns);
  data.set("rows", rows);
  data.set("totals", totals);
  data.set("total_delta",
           (comparison.total_delta > 0 ? "+" : "") + std::to_string(comparison.total_delta));
  data.set("first_year", std::to_string(comparison.earlier_year));
  data.set("last_year", std::to_string(comparison.later_year));
  return data;
}

PageData year_links(const RequestContext& ctx, const std::vector<YearScoring>& years) {
  PageData links{PageData::type::list};
  for (const YearScoring& year : years) {
    PageData link;
    link.set("year", std::to_string(year.scoring.year));
    link.set("href", ctx.link("/cbi/" + std::to_string(year.scoring.year)));
    link.set("total", std::to_string(year.scoring.total));
    link.set("max_points", std::to_string(year.scoring.max_points()));
    links.push_back(link);
  }
  return links;
}

}  // namespace

Response cbi_page(RequestContext& ctx) {
  std::vector<YearScoring> years;
  plan::CbiHandbook handbook;
  {
    auto tx = ctx.web().store.begin();
    handbook = plan::with_overrides(ctx.web().domain.cbi, store::list_cbi_bands(*tx));
    for (int year : store::cbi_years(*tx)) years.push_back(score_year(*tx, handbook, year));
  }
  PageData data;
  data.set("citation", handbook.citation);
  data.set("has_years", !years.empty());
  data.set("years", year_links(ctx, years));
  if (!years.empty()) {
    const plan::CbiScoring& latest = years.back().scoring;
    Chart chart;
    chart.kind = "bar";
    chart.title = ctx.text("cbi_components_heading") + " " + std::to_string(latest.year);
    chart.category_heading = ctx.text("cbi_component");
    ChartSeries points;
    points.name = ctx.text("cbi_points");
    for (int component = 1; component <= 3; ++component) {
      chart.categories.push_back(ctx.text("cbi_component_" + std::to_string(component)));
      points.values.push_back(latest.components[static_cast<std::size_t>(component - 1)]);
    }
    chart.series.push_back(std::move(points));
    data.set("latest_year", std::to_string(latest.year));
    data.set("latest_total", std::to_string(latest.total));
    data.set("max_points", std::to_string(latest.max_points()));
    data.set("latest_href", ctx.link("/cbi/" + std::to_string(latest.year)));
    data.set("chart", chart_data(chart));
    data.set("comparison", comparison_data(ctx, handbook, years));
    data.set("has_comparison", years.size() > 1);
  }
  return render_page(ctx, "cbi", "cbi_title", std::move(data));
}

Response cbi_year_page(RequestContext& ctx) {
  auto year = parse_page_number(ctx.path_parameter("year"));
  if (!year) return error_page(ctx, ErrorPage::not_found);
  YearScoring scoring;
  plan::CbiHandbook handbook;
  bool scored = false;
  {  // closed before any page is rendered: rendering may read the session in a transaction
    auto tx = ctx.web().store.begin();
    const auto years = store::cbi_years(*tx);
    scored = std::ranges::find(years, *year) != years.end();
    if (scored) {
      handbook = plan::with_overrides(ctx.web().domain.cbi, store::list_cbi_bands(*tx));
      scoring = score_year(*tx, handbook, *year);
    }
  }
  if (!scored) return error_page(ctx, ErrorPage::not_found);
  PageData components{PageData::type::list};
  for (plan::CbiComponent component :
       {plan::CbiComponent::native_biodiversity, plan::CbiComponent::ecosystem_services,
        plan::CbiComponent::governance}) {
    const int number = static_cast<int>(component);
    PageData section;
    section.set("name", ctx.text("cbi_component_" + std::to_string(number)));
    section.set("points",
                std::to_string(scoring.scoring.components[static_cast<std::size_t>(number - 1)]));
    section.set("indicators", indicator_rows(ctx, handbook, scoring, component));
    components.push_back(section);
  }
  bool demonstration = std::ranges::any_of(scoring.inputs, &store::CbiInputValue::demonstration);
  PageData data;
  data.set("year", std::to_string(*year));
  data.set("total", std::to_string(scoring.scoring.total));
  data.set("max_points", std::to_string(scoring.scoring.max_points()));
  data.set("scored", std::to_string(scoring.scoring.scored));
  data.set("indicator_count", std::to_string(scoring.scoring.indicators.size()));
  data.set("components", components);
  data.set("component_totals", components_data(ctx, scoring.scoring));
  data.set("demonstration", demonstration);
  data.set("citation", handbook.citation);
  data.set("cbi_href", ctx.link("/cbi"));
  return render_titled_page(ctx, "cbi_year",
                            fill(ctx.text("cbi_year_title"), "year", std::to_string(*year)),
                            std::move(data));
}

}  // namespace bsap::web
