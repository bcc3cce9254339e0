// GET /LANG/tracker/items/{item}/{year}: one priority item's progress in one plan year
//     (000_e0ccae9882b7fb64.txt 5.1): the item, its lead and supporting departments, and the
//     report: status, narrative in both languages, outputs, milestones and evidence. A focal point
//     of the lead department (or the working group's secretariat) edits a draft and submits it;
//     anyone else, or a report past draft, reads it with the reason it cannot be edited. The
//     secretariat reviews, returns with a note, or publishes (tracker_review_forms.cpp).
#include "store/user_repo.h"
#include "track/computed_indicators.h"
#include "track/volunteer_engagement.h"
#include "web/error_pages.h"
#include "web/item_volunteering_view.h"
#include "web/pages.h"
#include "web/progress_view.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

// Empty rows the form offers beside the filled ones.
constexpr std::size_t kBlankRows = 3;

constexpr std::string_view kDoneKeys[] = {"saved",    "uploaded", "submitted",
                                          "reviewed", "returned", "published"};

ItemFormValues values_of(const store::ProgressReport& report) {
  ItemFormValues values;
  values.status = std::string(plan::status_code(report.status));
  values.narrative_zh = report.narrative_zh;
  values.narrative_en = report.narrative_en;
  for (const store::ProgressOutput& output : report.outputs)
    values.outputs.push_back(
        {output.label_zh, output.label_en, format_number(output.value), output.unit});
  for (const store::Milestone& milestone : report.milestones)
    values.milestones.push_back(
        {milestone.title_zh, milestone.title_en, milestone.due_on, milestone.done_on});
  for (const store::Evidence& evidence : report.evidence)
    if (!evidence.file_id) values.links.push_back({evidence.label, evidence.url});
  return values;
}

// The first error among a row's fields, to show beside the row.
std::string row_error(const std::vector<FieldError>& errors, const std::string& prefix) {
  for (const FieldError& error : errors)
    if (error.field.starts_with(prefix)) return error.message;
  return "";
}

template <std::size_t N>
PageData form_rows(const std::vector<std::array<std::string, N>>& rows,
                   const std::array<std::string_view, N>& names, std::string_view prefix,
                   const std::vector<FieldError>& errors) {
  PageData list{PageData::type::list};
  for (std::size_t i = 0; i < rows.size() + kBlankRows; ++i) {
    PageData row;
    const std::string id = std::string(prefix) + "_" + std::to_string(i);
    row.set("row_id", id);
    row.set("row_number", std::to_string(i + 1));
    for (std::size_t field = 0; field < N; ++field) {
      row.set("cell_" + std::string(names[field]), i < rows.size() ? rows[i][field] : "");
      row.set("name_" + std::string(names[field]), id + "_" + std::string(names[field]));
    }
    // Set only when there is one: the template's section shows for any string, even empty.
    if (std::string error = row_error(errors, id + "_"); !error.empty())
      row.set("row_error", error);
    list.push_back(row);
  }
  return list;
}

void add_form(const RequestContext& ctx, const ItemFormValues& values,
              const std::vector<FieldError>& errors, PageData& data) {
  PageData statuses{PageData::type::list};
  for (plan::ItemStatus status : plan::all_statuses()) {
    const std::string code(plan::status_code(status));
    statuses.push_back(option(code, status_name(ctx, status), code == values.status));
  }
  data.set("status_options", statuses);
  data.set("value_narrative_zh", values.narrative_zh);
  data.set("value_narrative_en", values.narrative_en);
  data.set("output_rows", form_rows<4>(values.outputs, {"label_zh", "label_en", "value", "unit"},
                                       "output", errors));
  data.set("output_count", std::to_string(values.outputs.size() + kBlankRows));
  data.set("milestone_rows",
           form_rows<4>(values.milestones, {"title_zh", "title_en", "due_on", "done_on"},
                        "milestone", errors));
  data.set("milestone_count", std::to_string(values.milestones.size() + kBlankRows));
  data.set("link_rows", form_rows<2>(values.links, {"label", "url"}, "link", errors));
  data.set("link_count", std::to_string(values.links.size() + kBlankRows));
}

// The report as read: outputs, milestones and evidence.
void add_report_reading(const RequestContext& ctx, const store::ProgressReport& report,
                        PageData& data) {
  PageData outputs{PageData::type::list};
  for (const store::ProgressOutput& output : report.outputs) {
    PageData row;
    row.set("label", ctx.data_text(output.label_zh.empty() ? output.label_en : output.label_zh,
                                   output.label_en.empty() ? output.label_zh : output.label_en));
    row.set("amount", format_number(output.value) + " " + output.unit);
    outputs.push_back(row);
  }
  data.set("read_outputs", outputs);
  data.set("has_read_outputs", !report.outputs.empty());
  PageData milestones{PageData::type::list};
  for (const store::Milestone& milestone : report.milestones) {
    PageData row;
    row.set("title_text",
            ctx.data_text(milestone.title_zh.empty() ? milestone.title_en : milestone.title_zh,
                          milestone.title_en.empty() ? milestone.title_zh : milestone.title_en));
    row.set("due_on", milestone.due_on);
    row.set("done_on", milestone.done_on);
    milestones.push_back(row);
  }
  data.set("read_milestones", milestones);
  data.set("has_read_milestones", !report.milestones.empty());
  PageData evidence{PageData::type::list};
  for (const store::Evidence& item : report.evidence) {
    PageData row;
    row.set("label", item.label);
    row.set("url", item.url);
    row.set("is_file", item.file_id.has_value());
    evidence.push_back(row);
  }
  data.set("read_evidence", evidence);
  data.set("has_read_evidence", !report.evidence.empty());
}

struct ItemFacts {
  std::optional<store::ProgressReport> report;
  std::optional<store::Department> lead;
  std::vector<store::Department> supporting;
  bool may_report = false;
  std::string updated_by;
  track::ItemProjects projects;          // the funding scheme projects tagged to the item
  track::ItemVolunteering volunteering;  // the programmes serving the item, in the year
};

ItemFacts load_item_facts(RequestContext& ctx, const std::string& item_id, int year) {
  ItemFacts facts;
  auto tx = ctx.web().store.begin();
  facts.report = store::find_progress_of(*tx, item_id, year);
  for (const store::ItemAssignment& assignment : store::assignments_of_item(*tx, item_id)) {
    auto department = store::find_department(*tx, assignment.department_id);
    if (!department) continue;
    if (assignment.lead)
      facts.lead = std::move(department);
    else
      facts.supporting.push_back(std::move(*department));
  }
  facts.may_report = track::may_report_item(*tx, tracker_actor(ctx), item_id);
  facts.projects = track::projects_of_item(*tx, item_id);
  facts.volunteering = track::volunteering_of_item(*tx, item_id, year);
  if (facts.report && facts.report->updated_by != 0)
    if (auto user = store::find_user(*tx, facts.report->updated_by))
      facts.updated_by = user->display_name.empty() ? user->username : user->display_name;
  return facts;
}

// The projects serving the item and their KPI results (000 1.5, 2.1, 3.2 name the scheme), for the
// focal point to draw on in the narrative and outputs.
void add_projects(const track::ItemProjects& projects, PageData& data) {
  data.set("has_projects", projects.projects > 0);
  data.set("project_titles", text_list(projects.project_titles));
  data.set("projects_grant", format_cents(projects.grant_cents));
  data.set("kpi_lines", text_list(projects.kpi_lines));
  data.set("has_kpi_lines", !projects.kpi_lines.empty());
}

// The volunteer programmes serving the item and what they did in the year (000 優先行動 2.2 item
// 1), from the attendance their organisers recorded, for the narrative and outputs likewise.
void add_volunteering(const track::ItemVolunteering& volunteering, PageData& data) {
  data.set("has_volunteering",
           !volunteering.programme_titles.empty() || !volunteering.engagement.empty());
  data.set("volunteering", item_volunteering_data(volunteering));
}

// Why the visitor reads rather than edits, or "" when they may edit.
std::string read_only_reason(const RequestContext& ctx, const ItemFacts& facts) {
  if (facts.report && facts.report->state != plan::ReportState::draft)
    return fill(ctx.text("tracker_read_only_state"), "state", state_name(ctx, facts.report->state));
  if (!facts.lead) return ctx.text("tracker_read_only_no_lead");
  if (!facts.may_report)
    return fill(ctx.text("tracker_read_only_not_lead"), "department",
                department_name(ctx, *facts.lead));
  return "";
}

void add_departments(const RequestContext& ctx, const ItemFacts& facts, PageData& data) {
  data.set("lead_department",
           facts.lead ? department_name(ctx, *facts.lead) : ctx.text("tracker_no_lead_department"));
  std::string supporting;
  for (const store::Department& department : facts.supporting) {
    if (!supporting.empty()) supporting += ctx.text("list_separator");
    supporting += department_name(ctx, department);
  }
  data.set("supporting_departments", supporting);
}

void add_report_summary(const RequestContext& ctx, const ItemFacts& facts, PageData& data) {
  data.set("has_report", facts.report.has_value());
  if (!facts.report) return;
  const store::ProgressReport& report = *facts.report;
  data.set("report_state", state_name(ctx, report.state));
  data.set("report_status", status_name(ctx, report.status));
  data.set("report_narrative", ctx.data_text(report.narrative_zh, report.narrative_en));
  data.set("updated_at", report.updated_at);
  data.set("updated_by", facts.updated_by);
  set_if_text(data, "published_at", report.published_at);
  set_if_text(data, "review_note", report.review_note);
  data.set("demonstration", report.demonstration);
  PageData file_rows{PageData::type::list};
  for (const store::Evidence& evidence : report.evidence)
    if (evidence.file_id) {
      PageData row;
      row.set("label", evidence.label);
      file_rows.push_back(row);
    }
  data.set("has_evidence_files", !file_rows.list_value().empty());
  data.set("evidence_files", file_rows);
  add_report_reading(ctx, report, data);
}

void add_secretariat_steps(RequestContext& ctx, const ItemFacts& facts, const std::string& item_id,
                           int year, const ItemPageState& state, PageData& data) {
  if (!visitor_holds(ctx, Role::plan_secretariat) || !facts.report) return;
  const plan::ReportState report_state = facts.report->state;
  const bool may_review = plan::next_state(report_state, plan::ReportEvent::review).has_value();
  const bool may_return =
      plan::next_state(report_state, plan::ReportEvent::return_to_draft).has_value();
  const bool may_publish = plan::next_state(report_state, plan::ReportEvent::publish).has_value();
  data.set("can_review", may_review);
  data.set("can_return", may_return);
  data.set("can_publish", may_publish);
  data.set("secretariat_steps", may_review || may_return || may_publish);
  data.set("review_action", tracker_item_link(ctx, item_id, year, "/review"));
  data.set("return_action", tracker_item_link(ctx, item_id, year, "/return"));
  data.set("publish_action", tracker_item_link(ctx, item_id, year, "/publish"));
  data.set("value_return_note", state.return_note);
}

}  // namespace

Response tracker_item_view(RequestContext& ctx, const std::string& item_id, int year,
                           const ItemPageState& state, int status) {
  const plan::Plan& plan = ctx.web().domain.plan.plan;
  const auto item = plan::find_item(plan, item_id);
  if (!item) return error_page(ctx, ErrorPage::not_found);
  const ItemFacts facts = load_item_facts(ctx, item_id, year);

  PageData data;
  add_errors(data, state.errors);
  add_done_banner(ctx, data, kDoneKeys);
  data.set("tracker_href", ctx.link("/tracker?year=" + std::to_string(year)));
  data.set("item_id", item_id);
  data.set("item_text", item_text(ctx, *item));
  data.set("action_title", item->action->number + " " +
                               ctx.data_text(item->action->title.zh, item->action->title.en));
  data.set("year", std::to_string(year));
  add_departments(ctx, facts, data);
  add_report_summary(ctx, facts, data);
  add_projects(facts.projects, data);
  add_volunteering(facts.volunteering, data);

  const std::string reason = read_only_reason(ctx, facts);
  data.set("read_only_reason", reason);
  data.set("editable", reason.empty());
  if (reason.empty()) {
    ItemFormValues values;
    values.status = std::string(plan::status_code(plan::ItemStatus::not_started));
    if (state.posted)
      values = *state.posted;
    else if (facts.report)
      values = values_of(*facts.report);
    add_form(ctx, values, state.errors, data);
    data.set("save_action", tracker_item_link(ctx, item_id, year));
    data.set("upload_action", tracker_item_link(ctx, item_id, year, "/evidence"));
    data.set("submit_action", tracker_item_link(ctx, item_id, year, "/submit"));
    data.set("can_submit", facts.report.has_value());
  }
  add_secretariat_steps(ctx, facts, item_id, year, state, data);
  return render_titled_page(
      ctx, "tracker_item",
      item_id + " · " + std::to_string(year) + " · " + ctx.text("tracker_item_title"),
      std::move(data), status);
}

Response tracker_item_page(RequestContext& ctx) {
  const auto year = tracker_plan_year(ctx.path_parameter("year"));
  if (!year) return error_page(ctx, ErrorPage::not_found);
  return tracker_item_view(ctx, ctx.path_parameter("item"), *year, {}, 200);
}

}  // namespace bsap::web
