// GET  /LANG/projects: the funded projects (guidelines §5). The secretariat sees every project
//      with its state and the next item it owes, the approved applications not yet opened as
//      projects, each with the form that opens one (start, first share of §5.5.1, works in
//      private buildings of §5.1.1, or a schedule of the secretariat's own), and the calendar of
//      every report not yet accepted that is overdue or due within 60 days, with the follow-up
//      of §5.8.11 the days overdue suggest. An applicant sees its organisation's projects and
//      their calendar only.
// POST /LANG/projects: the secretariat opens a project from an approved application
//      (manage::open_project).
#include <map>
#include <set>

#include "manage/project_service.h"
#include "project/disbursement_plan.h"
#include "project/project_calendar.h"
#include "project/project_state.h"
#include "store/assessment_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/project_view.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

// The calendar looks this far ahead of today.
constexpr int kCalendarDays = 60;

std::string state_name(const RequestContext& ctx, const std::string& code) {
  const auto state = project::state_from_code(code);
  if (!state) return code;
  return in_reader_language(ctx, [&](Lang lang) { return project::state_text(*state, lang); });
}

std::string report_name(const RequestContext& ctx, const store::ReportRow& report) {
  const auto kind = project::due_kind_from_code(report.kind);
  if (!kind) return report.kind;
  return in_reader_language(
      ctx, [&](Lang lang) { return project::due_kind_text(*kind, report.number, lang); });
}

std::string organisation_of(const RequestContext& ctx, const std::string& zh,
                            const std::string& en) {
  return ctx.data_text(zh.empty() ? en : zh, en.empty() ? zh : en);
}

bool owes_reports(const store::ProjectRow& project) {
  const auto state = project::state_from_code(project.state);
  return state && project::owes_reports(*state);
}

// Every report not accepted, by project, earliest first: the next item each project owes.
std::map<std::int64_t, std::vector<store::ReportRow>> open_reports_by_project(
    store::Transaction& tx) {
  std::map<std::int64_t, std::vector<store::ReportRow>> by_project;
  const CivilDate far_ahead = project_today().plus_months(12 * 100);
  for (store::ReportRow& report : store::list_open_reports(tx, far_ahead))
    by_project[report.application_id].push_back(std::move(report));
  return by_project;
}

PageData project_rows(RequestContext& ctx, const std::vector<store::ProjectRow>& projects,
                      const std::map<std::int64_t, std::vector<store::ReportRow>>& open) {
  PageData rows{PageData::type::list};
  for (const store::ProjectRow& project : projects) {
    PageData row;
    row.set("href", project_link(ctx, project.application_id));
    row.set("reference", project.reference);
    row.set("organisation",
            organisation_of(ctx, project.organisation_name_zh, project.organisation_name_en));
    row.set("title", project.title);
    row.set("state", state_name(ctx, project.state));
    row.set("approved", format_money(project.approved, ctx.lang()));
    row.set("start_on", format_iso(project.start_on));
    if (const auto found = open.find(project.application_id);
        owes_reports(project) && found != open.end() && !found->second.empty()) {
      const store::ReportRow& next = found->second.front();
      row.set("next_due", report_name(ctx, next) + " — " + format_iso(next.due_on));
    }
    rows.push_back(row);
  }
  return rows;
}

// §5.8.11: the reports overdue or due within kCalendarDays, with the rung the delay suggests.
PageData calendar_rows(RequestContext& ctx, store::Transaction& tx,
                       const std::map<std::int64_t, const store::ProjectRow*>& projects) {
  PageData rows{PageData::type::list};
  const CivilDate today = project_today();
  for (const store::ReportRow& report :
       store::list_open_reports(tx, today.plus_days(kCalendarDays))) {
    const auto project = projects.find(report.application_id);
    if (project == projects.end() || !owes_reports(*project->second)) continue;
    PageData row;
    row.set("href", project_link(ctx, report.application_id, "#reports"));
    row.set("reference", project->second->reference);
    row.set("report", report_name(ctx, report));
    row.set("due_on", format_iso(report.due_on));
    row.set("status", ctx.text("project_report_status_" + report.status));
    const std::int64_t late = days_between(report.due_on, today);
    const bool overdue = late > 0 && report.status != "submitted";
    row.set("overdue", overdue);
    if (overdue) {
      row.set("days_overdue", std::to_string(late));
      const project::Escalation rung = project::escalation_for(report.due_on, today);
      row.set("rung", in_reader_language(
                          ctx, [&](Lang lang) { return project::escalation_text(rung, lang); }));
    }
    rows.push_back(row);
  }
  return rows;
}

// The values the open form posted, shown again in its row.
void keep_open_values(RequestContext& ctx, PageData& row) {
  const FormData& form = ctx.form();
  for (const char* field : {"start_on", "first_share", "schedule_reason", "schedule"})
    row.set(std::string("value_") + field, form.get(field));
  row.set("value_private_buildings", form.get("private_buildings") == "yes");
}

std::string error_of(const std::vector<FieldError>& errors, const std::string& field) {
  for (const FieldError& error : errors)
    if (error.field == field) return error.message;
  return "";
}

PageData approved_rows(RequestContext& ctx, store::Transaction& tx,
                       const std::set<std::int64_t>& opened, std::int64_t posted_application,
                       const std::vector<FieldError>& errors) {
  PageData rows{PageData::type::list};
  for (const store::ApprovedGrantRow& grant : store::list_approved_grants(tx)) {
    if (opened.contains(grant.application_id)) continue;
    PageData row;
    const std::string id = std::to_string(grant.application_id);
    row.set("id", id);
    row.set("reference", grant.reference);
    row.set("organisation",
            organisation_of(ctx, grant.organisation_name_zh, grant.organisation_name_en));
    row.set("title", grant.title);
    if (grant.decision.approved_amount)
      row.set("approved_amount", format_money(*grant.decision.approved_amount, ctx.lang()));
    if (grant.decision.duration_months)
      row.set("duration", std::to_string(*grant.decision.duration_months));
    row.set("application_href", ctx.link("/assessment/applications/" + id));
    row.set("value_first_share", "25");
    if (grant.application_id == posted_application) {
      keep_open_values(ctx, row);
      for (const char* field : {"start_on", "first_share", "schedule", "open"})
        if (const std::string message = error_of(errors, std::string(field) + "-" + id);
            !message.empty())
          row.set(std::string(field) + "_error", message);
    }
    rows.push_back(row);
  }
  return rows;
}

PageData condition_codes() {
  PageData codes{PageData::type::list};
  for (const project::ReleaseCondition condition :
       {project::ReleaseCondition::agreement_signed,
        project::ReleaseCondition::inception_report_accepted,
        project::ReleaseCondition::progress_report_accepted,
        project::ReleaseCondition::completion_report_accepted}) {
    PageData code;
    code.set("code", std::string(project::condition_code(condition)));
    codes.push_back(code);
  }
  return codes;
}

// The projects the visitor may see (all, or its organisation's), their calendar and, for the
// secretariat, the approved applications waiting to be opened.
void add_projects(RequestContext& ctx, store::Transaction& tx, PageData& data,
                  std::optional<std::int64_t> organisation, std::int64_t posted_application,
                  const std::vector<FieldError>& errors) {
  const std::vector<store::ProjectRow> projects = store::list_projects(tx, organisation);
  std::map<std::int64_t, const store::ProjectRow*> by_id;
  std::set<std::int64_t> opened;
  for (const store::ProjectRow& project : projects) {
    by_id.emplace(project.application_id, &project);
    opened.insert(project.application_id);
  }
  data.set("projects", project_rows(ctx, projects, open_reports_by_project(tx)));
  data.set("has_projects", !projects.empty());
  PageData calendar = calendar_rows(ctx, tx, by_id);
  data.set("has_calendar", !calendar.is_empty_list());
  data.set("calendar", calendar);
  if (organisation) return;
  // The secretariat's list holds every project, so `opened` is every opened application.
  PageData approved = approved_rows(ctx, tx, opened, posted_application, errors);
  data.set("has_approved", !approved.is_empty_list());
  data.set("approved", approved);
}

Response projects_view(RequestContext& ctx, const std::vector<FieldError>& errors,
                       std::int64_t posted_application, int status) {
  const bool secretariat = is_secretariat(ctx);
  PageData data;
  {
    auto tx = ctx.web().store.begin();
    std::optional<PortalMember> member;
    if (!secretariat) member = portal_member(ctx, *tx);
    data.set("no_organisation", !secretariat && !member);
    if (secretariat)
      add_projects(ctx, *tx, data, std::nullopt, posted_application, errors);
    else if (member)
      add_projects(ctx, *tx, data, member->organisation.id, 0, errors);
  }
  data.set("secretariat", secretariat);
  data.set("calendar_days", std::to_string(kCalendarDays));
  data.set("condition_codes", condition_codes());
  data.set("open_action", ctx.link("/projects"));
  data.set("csrf_token", ctx.session().csrf_token());
  add_errors(data, errors);
  return render_page(ctx, "projects", "projects_title", std::move(data), status);
}

// One line of a custom schedule: "amount;condition;report_number;month_offset".
std::optional<project::PlannedInstalment> instalment_line(const std::string& line, int number) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at = line.find(';'); at != std::string::npos; at = line.find(';', start)) {
    parts.push_back(trimmed(line.substr(start, at - start)));
    start = at + 1;
  }
  parts.push_back(trimmed(line.substr(start)));
  if (parts.size() != 4) return std::nullopt;
  auto amount = parse_money(parts[0]);
  const auto condition = project::condition_from_code(parts[1]);
  const auto report_number = count_of(parts[2]);
  const bool negative_offset = parts[3].starts_with('-');
  const auto month_offset = count_of(negative_offset ? parts[3].substr(1) : parts[3]);
  if (!std::holds_alternative<Money>(amount) || !condition || !report_number || !month_offset)
    return std::nullopt;
  project::PlannedInstalment instalment;
  instalment.number = number;
  instalment.amount = std::get<Money>(amount);
  instalment.condition = *condition;
  instalment.report_number = static_cast<int>(*report_number);
  instalment.month_offset = static_cast<int>(negative_offset ? -*month_offset : *month_offset);
  return instalment;
}

// The secretariat's own schedule, one instalment a line; nullopt with an error naming the line.
std::optional<std::vector<project::PlannedInstalment>> custom_schedule(
    RequestContext& ctx, const std::string& text, const std::string& field,
    std::vector<FieldError>& errors) {
  std::vector<project::PlannedInstalment> schedule;
  std::size_t start = 0;
  int line_number = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = trimmed(text.substr(start, end - start));
    start = end + 1;
    ++line_number;
    if (line.empty()) continue;
    auto instalment = instalment_line(line, static_cast<int>(schedule.size()) + 1);
    if (!instalment) {
      errors.push_back({field, fill(ctx.text("project_error_schedule_line"), "line",
                                    std::to_string(line_number))});
      return std::nullopt;
    }
    schedule.push_back(*instalment);
  }
  return schedule;
}

}  // namespace

Response projects_page(RequestContext& ctx) { return projects_view(ctx, {}, 0, 200); }

Response projects_open_submit(RequestContext& ctx) {
  const auto application = parse_positive_id(ctx.form().get("application_id"));
  if (!application) return projects_view(ctx, {}, 0, 422);
  const std::string suffix = std::string(1, '-').append(std::to_string(*application));
  std::vector<FieldError> errors;
  manage::OpenProject open;
  open.application_id = *application;
  if (const auto start =
          date_field(ctx, "start_on", "project_start_on", errors, "start_on" + suffix))
    open.start_on = *start;
  if (const auto share = percent_to_bp(ctx.form().get("first_share")))
    open.first_share_bp = *share;
  else
    errors.push_back({"first_share" + suffix, ctx.text("project_error_first_share")});
  open.private_buildings = ctx.form().get("private_buildings") == "yes";
  open.schedule_reason = trimmed(ctx.form().get("schedule_reason"));
  const std::string schedule_text = trimmed(ctx.form().get("schedule"));
  if (!schedule_text.empty())
    open.custom_schedule = custom_schedule(ctx, schedule_text, "schedule" + suffix, errors);
  if (!errors.empty()) return projects_view(ctx, errors, *application, 422);
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset) return error_page(ctx, ErrorPage::server_error);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::open_project(tx, *ruleset, open, ctx.user()->id);
      }))
    return projects_view(ctx, {{"open" + suffix, *refused}}, *application, 422);
  return redirect_see_other(project_link(ctx, *application) + "?done=opened");
}

}  // namespace bsap::web
