// GET /LANG/tracker/review?year=: the working group's secretariat's queue (000_e0ccae9882b7fb64.txt
//     5.1): the year's reports submitted by the departments and those reviewed but not yet
//     published, each with its item, department and last change, linking to the item page.
#include <map>

#include "web/error_pages.h"
#include "web/pages.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

PageData queue_rows(RequestContext& ctx, store::Transaction& tx, int year, plan::ReportState state,
                    const std::map<std::int64_t, store::Department>& departments) {
  PageData rows{PageData::type::list};
  for (const store::ProgressReport& report : store::list_progress(tx, year, state)) {
    PageData row;
    row.set("item_id", report.item_id);
    row.set("href", tracker_item_link(ctx, report.item_id, year));
    if (auto item = plan::find_item(ctx.web().domain.plan.plan, report.item_id))
      row.set("item_text", item_text(ctx, *item));
    const auto department = departments.find(report.department_id);
    row.set("department",
            department == departments.end() ? "" : department_name(ctx, department->second));
    row.set("report_status", status_name(ctx, report.status));
    row.set("updated_at", report.updated_at);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Response tracker_review_page(RequestContext& ctx) {
  const std::string asked = ctx.query().get("year");
  const auto year =
      asked.empty() ? std::optional<int>(current_plan_year()) : tracker_plan_year(asked);
  if (!year) return error_page(ctx, ErrorPage::not_found);
  PageData data;
  data.set("year", std::to_string(*year));
  data.set("year_options", plan_year_options(*year));
  data.set("review_href", ctx.link("/tracker/review"));
  data.set("tracker_href", ctx.link("/tracker?year=" + std::to_string(*year)));
  {
    auto tx = ctx.web().store.begin();
    std::map<std::int64_t, store::Department> departments;
    for (store::Department& department : store::list_departments(*tx))
      departments.emplace(department.id, std::move(department));
    PageData submitted = queue_rows(ctx, *tx, *year, plan::ReportState::submitted, departments);
    PageData reviewed = queue_rows(ctx, *tx, *year, plan::ReportState::reviewed, departments);
    data.set("has_submitted", !submitted.list_value().empty());
    data.set("has_reviewed", !reviewed.list_value().empty());
    data.set("submitted_reports", submitted);
    data.set("reviewed_reports", reviewed);
  }
  return render_page(ctx, "tracker_review", "tracker_review_title", std::move(data));
}

}  // namespace bsap::web
