// GET /open-data/plan-progress.{json,csv} and /open-data/plan-indicators.{json,csv}: the plan's
// published progress and its indicators as open data (000 5.2: progress communicated to the
// public). Every published item report of every year, with its narratives in both languages and
// its outputs; the indicator registry with every value, its source and whether it is
// demonstration data. Nothing unpublished. CSV as RFC 4180 without a byte-order mark, the same
// choice as the scheme's open data (grants_open_data.cpp).
#include <charconv>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/csv.h"
#include "plan/progress.h"
#include "store/tracker_repo.h"
#include "web/open_data_response.h"
#include "web/pages.h"
#include "web/progress_view.h"

namespace bsap::web {
namespace {

using Json = nlohmann::json;

std::vector<store::ProgressReport> published_reports(const RequestContext& ctx) {
  auto tx = ctx.web().store.begin();
  std::vector<store::ProgressReport> reports;
  for (int year : store::published_years(*tx))
    for (store::ProgressReport& report :
         store::list_progress(*tx, year, plan::ReportState::published))
      reports.push_back(std::move(report));
  return reports;
}

std::string action_of(const RequestContext& ctx, const std::string& item_id) {
  auto ref = plan::find_item(ctx.web().domain.plan.plan, item_id);
  return ref ? ref->action->number : std::string();
}

// A value as a program reads it: the shortest text that reads back as the same double.
std::string plain_number(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc{} ? std::string(buffer, end) : std::string();
}

std::string outputs_text(const store::ProgressReport& report) {
  std::string text;
  for (const store::ProgressOutput& output : report.outputs) {
    if (!text.empty()) text += "; ";
    text += output.label_en + " / " + output.label_zh + ": " + plain_number(output.value) + " " +
            output.unit;
  }
  return text;
}

std::string_view direction_code(plan::GoodDirection direction) {
  switch (direction) {
    case plan::GoodDirection::increase:
      return "increase";
    case plan::GoodDirection::decrease:
      return "decrease";
    case plan::GoodDirection::maintain:
      break;
  }
  return "maintain";
}

struct IndicatorValues {
  const plan::Indicator* indicator;
  std::vector<plan::IndicatorValue> values;
};

std::vector<IndicatorValues> indicator_values(const RequestContext& ctx) {
  auto tx = ctx.web().store.begin();
  std::vector<IndicatorValues> all;
  for (const plan::Indicator& indicator : ctx.web().domain.indicators)
    all.push_back({&indicator, reported_indicator(*tx, indicator).series});
  return all;
}

Json optional_number(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

Response open_data_progress_json(RequestContext& ctx) {
  Json reports = Json::array();
  for (const store::ProgressReport& report : published_reports(ctx)) {
    Json outputs = Json::array();
    for (const store::ProgressOutput& output : report.outputs)
      outputs.push_back({{"label_zh", output.label_zh},
                         {"label_en", output.label_en},
                         {"value", output.value},
                         {"unit", output.unit}});
    reports.push_back({{"year", report.year},
                       {"item", report.item_id},
                       {"action", action_of(ctx, report.item_id)},
                       {"status", plan::status_code(report.status)},
                       {"narrative_zh", report.narrative_zh},
                       {"narrative_en", report.narrative_en},
                       {"outputs", outputs},
                       {"published_at", report.published_at},
                       {"demonstration", report.demonstration}});
  }
  Json document = {{"title", "Hong Kong BSAP 2035: published progress of the priority items"},
                   {"clause", "000 5.2"},
                   {"reports", reports}};
  return open_data_response("application/json; charset=utf-8",
                            document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n",
                            "inline; filename=\"plan-progress.json\"");
}

Response open_data_progress_csv(RequestContext& ctx) {
  std::string csv = csv_record({"year", "item", "action", "status", "narrative_zh", "narrative_en",
                                "outputs", "published_at", "demonstration"});
  for (const store::ProgressReport& report : published_reports(ctx))
    csv += csv_record({std::to_string(report.year), report.item_id, action_of(ctx, report.item_id),
                       std::string(plan::status_code(report.status)), report.narrative_zh,
                       report.narrative_en, outputs_text(report), report.published_at,
                       report.demonstration ? "true" : "false"});
  return open_data_response("text/csv; charset=utf-8; header=present", std::move(csv),
                            "attachment; filename=\"plan-progress.csv\"");
}

Response open_data_indicators_json(RequestContext& ctx) {
  Json indicators = Json::array();
  for (const IndicatorValues& entry : indicator_values(ctx)) {
    const plan::Indicator& indicator = *entry.indicator;
    Json values = Json::array();
    for (const plan::IndicatorValue& value : entry.values)
      values.push_back({{"year", value.year},
                        {"value", value.value},
                        {"source", value.source},
                        {"demonstration", value.demonstration}});
    indicators.push_back({{"code", indicator.code},
                          {"name_zh", indicator.name.zh},
                          {"name_en", indicator.name.en},
                          {"definition_zh", indicator.definition.zh},
                          {"definition_en", indicator.definition.en},
                          {"unit", indicator.unit},
                          {"method_zh", indicator.method.zh},
                          {"method_en", indicator.method.en},
                          {"source", indicator.source},
                          {"baseline_year", indicator.baseline_year},
                          {"baseline_value", optional_number(indicator.baseline_value)},
                          {"target_value", optional_number(indicator.target_value)},
                          {"target_year", indicator.target_year},
                          {"direction", direction_code(indicator.direction)},
                          {"goals", indicator.goals},
                          {"actions", indicator.actions},
                          {"kmgbf_targets", indicator.kmgbf_targets},
                          {"kmgbf_headline", indicator.kmgbf_headline},
                          {"computed_from", indicator.computed_from},
                          {"values", values}});
  }
  Json document = {{"title", "Hong Kong BSAP 2035: indicators and their values"},
                   {"clause", "000 5.2"},
                   {"indicators", indicators}};
  return open_data_response("application/json; charset=utf-8",
                            document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n",
                            "inline; filename=\"plan-indicators.json\"");
}

// One row per value; an indicator without values has one row with the year and value empty,
// so the file lists the whole registry.
Response open_data_indicators_csv(RequestContext& ctx) {
  std::string csv = csv_record({"code", "name_zh", "name_en", "unit", "direction", "year", "value",
                                "source", "demonstration"});
  for (const IndicatorValues& entry : indicator_values(ctx)) {
    const plan::Indicator& indicator = *entry.indicator;
    std::vector<std::string> head = {indicator.code, indicator.name.zh, indicator.name.en,
                                     indicator.unit,
                                     std::string(direction_code(indicator.direction))};
    if (entry.values.empty()) {
      std::vector<std::string> row = head;
      row.insert(row.end(), {"", "", indicator.source, "false"});
      csv += csv_record(row);
    }
    for (const plan::IndicatorValue& value : entry.values) {
      std::vector<std::string> row = head;
      row.insert(row.end(), {std::to_string(value.year), plain_number(value.value), value.source,
                             value.demonstration ? "true" : "false"});
      csv += csv_record(row);
    }
  }
  return open_data_response("text/csv; charset=utf-8; header=present", std::move(csv),
                            "attachment; filename=\"plan-indicators.csv\"");
}

}  // namespace bsap::web
