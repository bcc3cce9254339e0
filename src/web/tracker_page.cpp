// GET /LANG/tracker?year=: the items the visitor reports for a plan year (000_e0ccae9882b7fb64.txt
//     5.1: each department reports the progress of the priority items it leads): a focal point
//     sees the items their departments lead, and read-only those they support; the working
//     group's secretariat sees all 81. Each row: the item, its lead department, the report's
//     status and state, and a link to the item page. Links to the secretariat's and the
//     administrators' pages for those who hold their roles.
#include <map>
#include <set>

#include "web/error_pages.h"
#include "web/pages.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

struct TrackerFacts {
  std::map<std::string, std::int64_t> lead_of;  // item id → lead department
  std::set<std::string> led;                    // items the visitor's departments lead
  std::set<std::string> supported;              // items they support and do not lead
  std::map<std::int64_t, store::Department> departments;
  std::map<std::string, store::ProgressReport> reports;  // by item id
};

TrackerFacts load_facts(RequestContext& ctx, int year) {
  TrackerFacts facts;
  auto tx = ctx.web().store.begin();
  for (store::Department& department : store::list_departments(*tx))
    facts.departments.emplace(department.id, std::move(department));
  const auto own =
      ctx.user() ? store::departments_of_user(*tx, ctx.user()->id) : std::vector<std::int64_t>{};
  const std::set<std::int64_t> mine(own.begin(), own.end());
  for (const store::ItemAssignment& assignment : store::list_assignments(*tx)) {
    if (assignment.lead) facts.lead_of[assignment.item_id] = assignment.department_id;
    if (!mine.contains(assignment.department_id)) continue;
    (assignment.lead ? facts.led : facts.supported).insert(assignment.item_id);
  }
  for (const std::string& item : facts.led) facts.supported.erase(item);
  for (store::ProgressReport& report : store::list_progress(*tx, year))
    facts.reports.emplace(report.item_id, std::move(report));
  return facts;
}

PageData item_row(RequestContext& ctx, const TrackerFacts& facts, const plan::Action& action,
                  const plan::ActionItem& item, int year, bool read_only) {
  const std::string id = plan::item_id(action, item);
  PageData row;
  row.set("item_id", id);
  row.set("item_text", ctx.data_text(item.text.zh, item.text.en));
  row.set("href", tracker_item_link(ctx, id, year));
  const auto lead = facts.lead_of.find(id);
  const auto department =
      lead == facts.lead_of.end() ? facts.departments.end() : facts.departments.find(lead->second);
  row.set("lead_department", department == facts.departments.end()
                                 ? ctx.text("tracker_no_lead_department")
                                 : department_name(ctx, department->second));
  const auto report = facts.reports.find(id);
  row.set("has_report", report != facts.reports.end());
  if (report != facts.reports.end()) {
    row.set("report_status", status_name(ctx, report->second.status));
    row.set("report_state", state_name(ctx, report->second.state));
  }
  row.set("read_only", read_only);
  return row;
}

}  // namespace

Response tracker_page(RequestContext& ctx) {
  const std::string asked = ctx.query().get("year");
  const auto year =
      asked.empty() ? std::optional<int>(current_plan_year()) : tracker_plan_year(asked);
  if (!year) return error_page(ctx, ErrorPage::not_found);
  const bool secretariat = visitor_holds(ctx, Role::plan_secretariat);
  const TrackerFacts facts = load_facts(ctx, *year);
  PageData items{PageData::type::list};
  for (const plan::Action& action : ctx.web().domain.plan.plan.actions)
    for (const plan::ActionItem& item : action.items) {
      const std::string id = plan::item_id(action, item);
      if (secretariat || facts.led.contains(id))
        items.push_back(item_row(ctx, facts, action, item, *year, false));
      else if (facts.supported.contains(id))
        items.push_back(item_row(ctx, facts, action, item, *year, true));
    }
  PageData data;
  data.set("has_items", !items.list_value().empty());
  data.set("tracker_items", items);
  data.set("year", std::to_string(*year));
  data.set("year_options", plan_year_options(*year));
  data.set("tracker_form_action", ctx.link("/tracker"));
  data.set("plan_secretariat", secretariat);
  data.set("plan_admin", secretariat || visitor_holds(ctx, Role::administrator));
  data.set("review_href", ctx.link("/tracker/review?year=" + std::to_string(*year)));
  data.set("departments_href", ctx.link("/tracker/departments"));
  data.set("indicators_href", ctx.link("/tracker/indicators"));
  data.set("cbi_href", ctx.link("/tracker/cbi/" + std::to_string(*year)));
  data.set("tagging_href", ctx.link("/tracker/projects"));
  return render_page(ctx, "tracker", "tracker_title", std::move(data));
}

}  // namespace bsap::web
