// The national report export (000 5.2: reported through the Convention's online platform): the
// year's published progress per KMGBF target, in the sections of the national report.
//
// Shape (every text in both languages as {"zh": …, "en": …}):
// {
//   "report": {"year": 2026, "plan": {zh, en}, "reporting_party": "…", "source": "bsap",
//              "demonstration": false, "clause": "000 5.2"},
//   "section_i": {"items": 81, "reported": 12, "going_well": 10, "share_on_track": 0.12,
//                 "by_status": {"on_track": 8, …}},        // the plan as a whole
//   "section_iii": [                                         // one per KMGBF target, 1–23
//     {"target": 3, "title": {zh, en},
//      "progress": {items, reported, going_well, share_on_track, by_status},
//      "actions": [{"action": "1.1", "title": {zh, en}, "status": "on_track" | null,
//                   "items": [{"item": "1.1.1", "status": "on_track", "narrative": {zh, en},
//                              "published_at": "…"}]}],     // published items only
//      "headline_indicators": [{"code": "…", "name": {zh, en}, "unit": "ha",
//                               "kmgbf_headline": "3.1", "trend": "improving",
//                               "latest": {"year", "value", "source", "demonstration"} | null,
//                               "series": [{"year", "value", "source", "demonstration"}]}]}
//   ],
//   "section_iv": {"city_biodiversity_index": {"year", "total", "max_points", "scored",
//                                              "components": [n1, n2, n3]} | null,
//                  "ccfs": {"grants_approved", "grant_cents", "active_projects"}}
// }
#include "track/cbd_export.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "plan/crosswalk.h"
#include "track/summary_json.h"

namespace bsap::track {
namespace {

using Json = nlohmann::json;

Json bilingual(const plan::BilingualText& text) { return {{"zh", text.zh}, {"en", text.en}}; }

Json value_json(const plan::IndicatorValue& value) {
  return {{"year", value.year},
          {"value", value.value},
          {"source", value.source},
          {"demonstration", value.demonstration}};
}

Json action_json(const ReportedAction& action) {
  Json items = Json::array();
  for (const ReportedItem& item : action.items) {
    if (!item.progress) continue;
    items.push_back(
        {{"item", item.item_id},
         {"status", plan::status_code(item.progress->status)},
         {"narrative", {{"zh", item.progress->narrative_zh}, {"en", item.progress->narrative_en}}},
         {"published_at", item.progress->published_at}});
  }
  return {{"action", action.action->number},
          {"title", bilingual(action.action->title)},
          {"status",
           action.status ? Json(std::string(plan::status_code(*action.status))) : Json(nullptr)},
          {"items", items}};
}

// The headline code "3.1" belongs to target 3.
bool headline_of_target(std::string_view headline, int target) {
  int number = 0;
  auto [end, error] = std::from_chars(headline.data(), headline.data() + headline.size(), number);
  return error == std::errc{} && end != headline.data() && number == target;
}

Json indicators_json(const AnnualReport& report, int target) {
  Json list = Json::array();
  for (const ReportedIndicator& reported : report.indicators) {
    const plan::Indicator& indicator = *reported.indicator;
    if (std::ranges::find(indicator.kmgbf_targets, target) == indicator.kmgbf_targets.end() &&
        !headline_of_target(indicator.kmgbf_headline, target))
      continue;
    Json series = Json::array();
    for (const plan::IndicatorValue& value : reported.series) series.push_back(value_json(value));
    list.push_back(
        {{"code", indicator.code},
         {"name", bilingual(indicator.name)},
         {"unit", indicator.unit},
         {"kmgbf_headline", indicator.kmgbf_headline},
         {"trend", plan::trend_code(reported.trend)},
         {"latest", reported.series.empty() ? Json(nullptr) : value_json(reported.series.back())},
         {"series", series}});
  }
  return list;
}

Json target_json(const plan::PlanData& plan, const AnnualReport& report,
                 const plan::KmgbfTarget& target) {
  Json actions = Json::array();
  for (const plan::Action* serving :
       plan::actions_serving(plan.plan, plan::Framework::kmgbf, target.number))
    for (const ReportedAction& action : report.actions)
      if (action.action == serving) actions.push_back(action_json(action));
  auto counts = report.rollup.kmgbf.find(target.number);
  return {{"target", target.number},
          {"title", bilingual(target.title)},
          {"progress", status_counts_json(counts == report.rollup.kmgbf.end() ? plan::StatusCounts{}
                                                                              : counts->second)},
          {"actions", actions},
          {"headline_indicators", indicators_json(report, target.number)}};
}

}  // namespace

std::string cbd_export_json(const plan::PlanData& plan, const AnnualReport& report) {
  Json section_iii = Json::array();
  for (const plan::KmgbfTarget& target : plan.frameworks.kmgbf_targets)
    section_iii.push_back(target_json(plan, report, target));
  const Json cbi = cbi_summary_json(report.cbi);
  Json document = {{"report",
                    {{"year", report.year},
                     {"plan", bilingual(plan.plan.title)},
                     {"reporting_party", "Hong Kong Special Administrative Region, China"},
                     {"source", "bsap"},
                     {"clause", "000 5.2"},
                     {"demonstration", report.demonstration}}},
                   {"section_i", status_counts_json(report.rollup.overall)},
                   {"section_iii", section_iii},
                   {"section_iv",
                    {{"city_biodiversity_index", cbi},
                     {"ccfs",
                      {{"grants_approved", report.ccfs.grants_approved},
                       {"grant_cents", report.ccfs.grant_cents},
                       {"active_projects", report.ccfs.active_projects}}}}}};
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace bsap::track
