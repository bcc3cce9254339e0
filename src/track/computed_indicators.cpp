// The indicators computed from the funding scheme's own records (000_e0ccae9882b7fb64.txt 5.2; the
// scheme serves 優先行動 1.5, 2.1 and 3.2): the grants approved in a year and their amount, from
// the committee's recorded decisions (guidelines §4.1.2); and, through
// track/volunteer_engagement.h, the people volunteering and citizen science engage (2.2). The
// scheme's hectares and participants cannot be computed from what the store holds, and are not
// invented (see compute_indicator). Reads through the store's repositories only.
#include "track/computed_indicators.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/project_repo.h"
#include "store/tracker_repo.h"
#include "track/progress_service.h"
#include "track/volunteer_engagement.h"

namespace bsap::track {
namespace {

bool approval(const std::string& outcome) {
  return outcome == "approved" || outcome == "approved_in_part";
}

// The approvals (approved, or approved in part) the committee decided in the year: the public
// list of grants (§4.1.3), by the year of the decision's day.
std::vector<store::Decision> approvals_in(store::Transaction& tx, int year) {
  std::vector<store::Decision> found;
  for (const store::ApprovedGrantRow& grant : store::list_approved_grants(tx))
    if (approval(grant.decision.outcome) && grant.decision.decided_on.year() == year)
      found.push_back(grant.decision);
  return found;
}

std::optional<ComputedValue> grants_approved(store::Transaction& tx, int year) {
  const auto approvals = approvals_in(tx, year);
  if (approvals.empty()) return std::nullopt;
  return ComputedValue{static_cast<double>(approvals.size()),
                       fmt::format("bsap: CCFS approved grants, {}", year)};
}

std::optional<ComputedValue> grant_amount(store::Transaction& tx, int year) {
  const auto approvals = approvals_in(tx, year);
  if (approvals.empty()) return std::nullopt;
  std::int64_t cents = 0;
  for (const store::Decision& decision : approvals)
    cents += decision.approved_amount ? decision.approved_amount->cents() : 0;
  return ComputedValue{static_cast<double>(cents) / 100.0,
                       fmt::format("bsap: CCFS approved grant amounts (HK$), {}", year)};
}

// "Guided visits: 12 of 10": a KPI's result against its target, as the report gives them.
std::string kpi_line(const store::KpiResult& kpi) {
  if (kpi.target.empty()) return fmt::format("{}: {}", kpi.indicator, kpi.actual);
  return fmt::format("{}: {} of {}", kpi.indicator, kpi.actual, kpi.target);
}

// The KPI results of the project's latest accepted report (each report gives the results to
// date, so the latest says the most; earlier ones would count the same work twice).
std::vector<std::string> latest_accepted_kpis(store::Transaction& tx, std::int64_t application_id) {
  const store::ReportRow* latest = nullptr;
  const auto reports = store::list_reports(tx, application_id);
  for (const store::ReportRow& report : reports) {
    if (report.status != "accepted" || report.kpis.empty()) continue;
    if (!latest || report.reviewed_on > latest->reviewed_on ||
        (report.reviewed_on == latest->reviewed_on && report.id > latest->id))
      latest = &report;
  }
  std::vector<std::string> lines;
  if (latest)
    for (const store::KpiResult& kpi : latest->kpis) lines.push_back(kpi_line(kpi));
  return lines;
}

}  // namespace

std::optional<ComputedValue> compute_indicator(store::Transaction& tx,
                                               const plan::Indicator& indicator, int year) {
  const std::string& from = indicator.computed_from;
  if (from == "ccfs_grants_approved") return grants_approved(tx, year);
  if (from == "ccfs_grant_amount") return grant_amount(tx, year);
  // The hectares under management agreements and the people the scheme's projects engaged are
  // not computed: the project records hold them only as free text (a KPI's "第12個月前達4.5公頃",
  // "60團，1,800人"), and reading numbers out of prose would invent figures; they are entered
  // with their source.
  return compute_engagement(tx, from, year);
}

std::vector<plan::IndicatorValue> indicator_series_with_computed(store::Transaction& tx,
                                                                 const plan::Indicator& indicator) {
  std::map<int, plan::IndicatorValue> by_year;
  if (!indicator.computed_from.empty())
    for (int year = kFirstPlanYear; year <= kLastPlanYear; ++year)
      if (auto computed = compute_indicator(tx, indicator, year))
        by_year[year] = {indicator.code, year, computed->value, computed->source, false};
  // A recorded value for the same year wins: someone entered it, with its source, on purpose.
  for (const plan::IndicatorValue& recorded : store::indicator_series(tx, indicator.code))
    by_year[recorded.year] = recorded;
  std::vector<plan::IndicatorValue> series;
  for (const auto& [year, value] : by_year) series.push_back(value);
  return series;
}

namespace {

// Adds one tagged project to its item's figures. A project's grant is its approved amount; an
// approval not yet opened as a project counts its decided amount. Each KPI line names its
// project, since an item may be served by several.
void add_tagged_project(store::Transaction& tx, const store::ProjectItemTag& tag,
                        ItemProjects& item) {
  item.item_id = tag.item_id;
  ++item.projects;
  std::string reference, title;
  if (const auto project = store::find_project(tx, tag.application_id)) {
    reference = project->reference;
    title = project->title;
    item.grant_cents += project->approved.cents();
  } else {
    if (const auto application = store::find_application(tx, tag.application_id)) {
      reference = application->reference.value_or("");
      title = application->title;
    }
    if (const auto decision = store::find_decision(tx, tag.application_id);
        decision && approval(decision->outcome) && decision->approved_amount)
      item.grant_cents += decision->approved_amount->cents();
  }
  item.project_titles.push_back(reference.empty() ? title : reference + " " + title);
  const std::string prefix = reference.empty() ? title : reference;
  for (const std::string& line : latest_accepted_kpis(tx, tag.application_id))
    item.kpi_lines.push_back(prefix + ": " + line);
}

}  // namespace

std::vector<ItemProjects> projects_by_item(store::Transaction& tx) {
  std::map<std::string, ItemProjects> by_item;
  for (const store::ProjectItemTag& tag : store::list_project_tags(tx))
    add_tagged_project(tx, tag, by_item[tag.item_id]);
  std::vector<ItemProjects> items;
  for (auto& [id, item] : by_item) items.push_back(std::move(item));
  return items;
}

ItemProjects projects_of_item(store::Transaction& tx, std::string_view item_id) {
  ItemProjects item;
  item.item_id = std::string(item_id);
  for (const store::ProjectItemTag& tag : store::list_project_tags(tx))
    if (tag.item_id == item_id) add_tagged_project(tx, tag, item);
  return item;
}

}  // namespace bsap::track
