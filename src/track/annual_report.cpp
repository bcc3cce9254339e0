// The annual progress report to the Advisory Council on the Environment (000 5.1) and the frozen
// mid-term review (000 5.1 《計劃》設中期檢討): what the public pages and `bsap plan report` show,
// built from published progress only.
#include "track/annual_report.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "assess/assessment_service.h"
#include "core/civil_date.h"
#include "store/project_repo.h"
#include "store/volunteer_repo.h"
#include "track/progress_service.h"
#include "track/summary_json.h"

namespace bsap::track {
namespace {

using Json = nlohmann::json;

std::vector<ReportedAction> reported_actions(const plan::Plan& plan,
                                             const std::vector<store::ProgressReport>& published,
                                             const plan::PlanRollup& rollup) {
  std::map<std::string, const store::ProgressReport*> by_item;
  for (const store::ProgressReport& report : published) by_item[report.item_id] = &report;
  std::vector<ReportedAction> actions;
  for (const plan::Action& action : plan.actions) {
    ReportedAction reported;
    reported.action = &action;
    if (auto status = rollup.actions.find(action.number); status != rollup.actions.end())
      reported.status = status->second;
    for (const plan::ActionItem& item : action.items) {
      ReportedItem row;
      row.item_id = plan::item_id(action, item);
      row.item = &item;
      if (auto found = by_item.find(row.item_id); found != by_item.end())
        row.progress = *found->second;
      reported.items.push_back(std::move(row));
    }
    actions.push_back(std::move(reported));
  }
  return actions;
}

// The year's value comes from the series; values after the report's year are not yet history.
std::vector<ReportedIndicator> reported_indicators(store::Transaction& tx,
                                                   const std::vector<plan::Indicator>& indicators,
                                                   int year, bool& demonstration) {
  std::vector<ReportedIndicator> reported;
  for (const plan::Indicator& indicator : indicators) {
    ReportedIndicator row;
    row.indicator = &indicator;
    for (plan::IndicatorValue& value : indicator_series_with_computed(tx, indicator))
      if (value.year <= year) row.series.push_back(std::move(value));
    std::ranges::sort(row.series, {}, &plan::IndicatorValue::year);
    for (const plan::IndicatorValue& value : row.series) demonstration |= value.demonstration;
    row.trend = plan::trend(indicator, row.series);
    reported.push_back(std::move(row));
  }
  return reported;
}

std::optional<plan::CbiScoring> latest_cbi(store::Transaction& tx,
                                           const plan::CbiHandbook& handbook, int year,
                                           bool& demonstration) {
  std::optional<int> scored_year;
  for (int with_inputs : store::cbi_years(tx))
    if (with_inputs <= year) scored_year = with_inputs;
  if (!scored_year) return std::nullopt;
  std::map<int, std::map<std::string, double>> inputs;
  for (const store::CbiInputValue& input : store::list_cbi_inputs(tx, *scored_year)) {
    inputs[input.indicator][input.key] = input.value;
    demonstration |= input.demonstration;
  }
  return plan::score_cbi(plan::with_overrides(handbook, store::list_cbi_bands(tx)), *scored_year,
                         inputs);
}

// The scheme's figures through the computed indicators (one rule for what "approved in a year"
// means), and the projects whose agreement was signed by the year's end and not closed by then.
CcfsFigures ccfs_figures(store::Transaction& tx, int year) {
  CcfsFigures figures;
  plan::Indicator approved;
  approved.code = approved.computed_from = "ccfs_grants_approved";
  if (auto value = compute_indicator(tx, approved, year))
    figures.grants_approved = static_cast<int>(value->value);
  plan::Indicator amount;
  amount.code = amount.computed_from = "ccfs_grant_amount";
  if (auto value = compute_indicator(tx, amount, year))
    figures.grant_cents = static_cast<std::int64_t>(value->value * 100.0 + 0.5);
  const CivilDate year_end = *CivilDate::from_ymd(year, 12, 31);
  for (const store::ProjectRow& project : store::list_projects(tx)) {
    if (!project.agreement_signed_on || *project.agreement_signed_on > year_end) continue;
    if (project.closed_on && *project.closed_on <= year_end) continue;
    ++figures.active_projects;
  }
  figures.by_item = projects_by_item(tx);
  return figures;
}

// The year's totals by the rule the computed indicators count by (volunteer/engagement.h: a person
// at ten events is one person engaged), the citizen scientists as their indicator counts them,
// and the items served.
VolunteeringFigures volunteering_figures(store::Transaction& tx, int year) {
  VolunteeringFigures figures;
  figures.engagement = volunteer::engagement_in(store::list_attendance(tx), year);
  if (auto value = compute_engagement(tx, "citizen_scientists", year))
    figures.citizen_scientists = static_cast<int>(value->value);
  figures.by_item = volunteering_by_item(tx, year);
  return figures;
}

Json status_json(const std::optional<plan::ItemStatus>& status) {
  return status ? Json(std::string(plan::status_code(*status))) : Json(nullptr);
}

Json report_json(const AnnualReport& report) {
  Json actions = Json::array();
  for (const ReportedAction& action : report.actions) {
    Json items = Json::array();
    for (const ReportedItem& item : action.items) {
      Json row = {{"item", item.item_id}, {"status", nullptr}};
      if (item.progress) {
        row["status"] = plan::status_code(item.progress->status);
        row["narrative_zh"] = item.progress->narrative_zh;
        row["narrative_en"] = item.progress->narrative_en;
        row["published_at"] = item.progress->published_at;
      }
      items.push_back(std::move(row));
    }
    actions.push_back({{"action", action.action->number},
                       {"status", status_json(action.status)},
                       {"items", items}});
  }
  Json indicators = Json::array();
  for (const ReportedIndicator& indicator : report.indicators) {
    Json series = Json::array();
    for (const plan::IndicatorValue& value : indicator.series)
      series.push_back({{"year", value.year},
                        {"value", value.value},
                        {"source", value.source},
                        {"demonstration", value.demonstration}});
    indicators.push_back({{"code", indicator.indicator->code}, {"series", series}});
  }
  const Json cbi = cbi_summary_json(report.cbi);
  return {{"year", report.year},
          {"overall", status_counts_json(report.rollup.overall)},
          {"actions", actions},
          {"indicators", indicators},
          {"cbi", cbi},
          {"ccfs",
           {{"grants_approved", report.ccfs.grants_approved},
            {"grant_cents", report.ccfs.grant_cents},
            {"active_projects", report.ccfs.active_projects}}},
          {"volunteering",
           {{"people", report.volunteering.engagement.people},
            {"minutes", report.volunteering.engagement.minutes},
            {"events", report.volunteering.engagement.events},
            {"programmes", report.volunteering.engagement.programmes},
            {"citizen_scientists", report.volunteering.citizen_scientists}}},
          {"demonstration", report.demonstration}};
}

}  // namespace

AnnualReport build_annual_report(store::Transaction& tx, const plan::PlanData& plan,
                                 const std::vector<plan::Indicator>& indicators,
                                 const plan::CbiHandbook& handbook, int year) {
  AnnualReport report;
  report.year = year;
  const std::vector<store::ProgressReport> published =
      store::list_progress(tx, year, plan::ReportState::published);
  plan::ItemStatuses statuses;
  for (const store::ProgressReport& progress : published) {
    statuses[progress.item_id] = progress.status;
    report.demonstration |= progress.demonstration;
  }
  report.rollup = plan::roll_up(plan.plan, statuses);
  report.actions = reported_actions(plan.plan, published, report.rollup);
  report.indicators = reported_indicators(tx, indicators, year, report.demonstration);
  report.cbi = latest_cbi(tx, handbook, year, report.demonstration);
  report.ccfs = ccfs_figures(tx, year);
  report.volunteering = volunteering_figures(tx, year);
  return report;
}

void freeze_midterm_review(store::Transaction& tx, const AnnualReport& report,
                           std::int64_t actor_user_id) {
  if (store::find_snapshot(tx, "midterm_review", report.year))
    throw StepRefused("000 5.1", "該年度的中期檢討已經凍結，不可再次凍結。",
                      "The mid-term review of " + std::to_string(report.year) +
                          " is already frozen; a frozen review is not replaced.");
  Json body = {{"kind", "midterm_review"}, {"report", report_json(report)}, {"baseline", nullptr}};
  // The comparison with the baseline: the baseline year's frozen report when there is one.
  if (auto baseline = store::find_snapshot(tx, "baseline", kFirstPlanYear))
    body["baseline"] = Json::parse(*baseline, nullptr, false);
  store::save_snapshot(tx, "midterm_review", report.year,
                       body.dump(2, ' ', false, Json::error_handler_t::replace), actor_user_id);
}

}  // namespace bsap::track
