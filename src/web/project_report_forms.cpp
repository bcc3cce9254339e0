// The reports of a funded project (guidelines §5.1.2, §5.7.1, §5.8):
// POST /LANG/projects/{id}/reports/{rid}: the grantee submits a due or returned report: its
//      summary, the statement of accounts (spent to date) and forecast (§5.8.1), the signed
//      report as a file, and the actual level of each KPI of the application (§5.7.1).
// POST /LANG/projects/{id}/reports/{rid}/review: the secretariat accepts or returns it.
// POST /LANG/projects/{id}/reports/{rid}/escalation: the secretariat records a follow-up of
//      §5.8.11 taken on an overdue report (a reminder, a meeting, a warning letter, …).
// Each answers 303 back to the report's row, or the project page with what refused it.
#include "manage/project_service.h"
#include "project/project_calendar.h"
#include "store/document_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/project_sections.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

// The project and one of its reports, or the refusal (404 for a report of another project).
struct OpenedReport {
  OpenedProject project;
  store::ReportRow report;
};

std::variant<OpenedReport, Response> open_report(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  OpenedProject& project = std::get<OpenedProject>(opened);
  const auto report_id = parse_positive_id(ctx.path_parameter("rid"));
  auto tx = ctx.web().store.begin();
  auto report = report_id ? store::find_report(*tx, *report_id) : std::nullopt;
  if (!report || report->application_id != project.row.application_id)
    return error_page(ctx, ErrorPage::not_found);
  return OpenedReport{std::move(project), std::move(*report)};
}

Response back_to_report(RequestContext& ctx, const OpenedReport& opened, std::string_view what) {
  return redirect_see_other(project_link(ctx, opened.project.row.application_id) + "?done=" +
                            std::string(what) + "#report-" + std::to_string(opened.report.id));
}

// The actual level of each KPI of the application, as the form gave it.
std::vector<store::KpiResult> kpi_results(RequestContext& ctx, std::int64_t application_id) {
  std::vector<ccfs::Kpi> kpis;
  {
    auto tx = ctx.web().store.begin();
    kpis = application_kpis(*tx, application_id);
  }
  std::vector<store::KpiResult> results;
  for (std::size_t index = 0; index < kpis.size(); ++index)
    results.push_back({static_cast<int>(index), kpis[index].indicator, kpis[index].target,
                       trimmed(ctx.form().get("kpi_" + std::to_string(index)))});
  return results;
}

}  // namespace

Response project_report_submit(RequestContext& ctx) {
  auto opened = open_report(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedReport& report = std::get<OpenedReport>(opened);
  const OpenedProject& project = report.project;
  // §5.8.8: the grantee's report; the secretariat reviews it.
  if (!project.grantee) return error_page(ctx, ErrorPage::forbidden);
  const std::string rid = std::to_string(report.report.id);
  std::vector<FieldError> errors;
  store::ReportSubmission submission;
  submission.report_id = report.report.id;
  submission.summary = ctx.form().get("summary");
  if (trimmed(submission.summary).empty())
    errors.push_back({"summary-" + rid, ctx.text("project_error_summary")});
  if (const auto spent =
          money_field(ctx, "spent_to_date", "project_spent_to_date", errors, "spent-" + rid))
    submission.spent_to_date = *spent;
  if (const auto forecast =
          money_field(ctx, "forecast", "project_forecast", errors, "forecast-" + rid))
    submission.forecast = *forecast;
  const UploadedFile* file = ctx.upload("report_file");
  if (file)
    if (const std::string problem = upload_problem(*file); !problem.empty())
      errors.push_back({"report_file-" + rid, ctx.text(problem)});
  if (!errors.empty()) return project_errors(ctx, project, errors, report.report.id);
  submission.kpis = kpi_results(ctx, project.row.application_id);
  submission.on = project_today();
  submission.user_id = ctx.user()->id;
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        if (file)
          submission.document_id =
              store::store_document(tx, project.row.organisation_id, "project_report",
                                    file->filename, file->bytes, ctx.user()->id);
        manage::submit_report(tx, {ctx.user()->id, false}, submission);
      }))
    return project_error(ctx, project, {"report-" + rid, *refused}, report.report.id);
  return back_to_report(ctx, report, "submitted");
}

Response project_report_review_submit(RequestContext& ctx) {
  auto opened = open_report(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedReport& report = std::get<OpenedReport>(opened);
  const std::string rid = std::to_string(report.report.id);
  const std::string decision = ctx.form().get("decision");
  if (decision != "accept" && decision != "return")
    return project_error(ctx, report.project,
                         {"review-" + rid, ctx.text("project_error_review_decision")},
                         report.report.id);
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset) return error_page(ctx, ErrorPage::server_error);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::review_report(tx, *ruleset, report.report.id, decision == "accept",
                              ctx.form().get("note"), project_today(), ctx.user()->id);
      }))
    return project_error(ctx, report.project, {"review-" + rid, *refused}, report.report.id);
  return back_to_report(ctx, report, "reviewed");
}

// The service has no step for §5.8.11's follow-up: it only records what the officer did, as
// assessment_round_assign records a round, so the page writes it through the store (audited
// there) in one transaction.
Response project_report_escalation_submit(RequestContext& ctx) {
  auto opened = open_report(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedReport& report = std::get<OpenedReport>(opened);
  const std::string rid = std::to_string(report.report.id);
  const auto rung = escalation_from_code(ctx.form().get("rung"));
  if (!rung)
    return project_error(ctx, report.project, {"rung-" + rid, ctx.text("project_error_rung")},
                         report.report.id);
  const CivilDate today = project_today();
  const bool outstanding = report.report.status == "due" || report.report.status == "returned";
  if (!outstanding || !(report.report.due_on < today))
    return project_error(ctx, report.project,
                         {"rung-" + rid, ctx.text("project_error_not_overdue")}, report.report.id);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        store::record_escalation(tx, report.report.id, project::escalation_code(*rung),
                                 trimmed(ctx.form().get("escalation_note")), today, ctx.user()->id);
      }))
    return project_error(ctx, report.project, {"rung-" + rid, *refused}, report.report.id);
  return back_to_report(ctx, report, "escalated");
}

}  // namespace bsap::web
