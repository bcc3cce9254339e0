// GET /LANG/projects/{id}: one funded project (guidelines §5) as the secretariat and the grantee
//     see it: its summary and dates (§5.8, §5.9.1), the agreement (§5.1.1, §5.6.1), the
//     disbursement schedule (§5.5.1), the reports and their follow-up (§5.1.2, §5.8, §5.8.11),
//     the money sections (project_money_sections.cpp), the state changes of §5.16 and their
//     history. Each section carries the forms of whoever may act on it; the forms post to the
//     handlers in project_*_forms.cpp, which show this page again with what refused them.
//     An applicant sees only its own organisation's project (403 otherwise).
#include "ccfs/application_json.h"
#include "manage/project_service.h"
#include "project/disbursement_plan.h"
#include "project/project_calendar.h"
#include "project/project_state.h"
#include "store/application_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/project_sections.h"
#include "web/rules_view.h"

namespace bsap::web {

std::string error_for(const ProjectFormState& state, const std::string& field) {
  for (const FieldError& error : state.errors)
    if (error.field == field) return error.message;
  return "";
}

std::string document_href(const RequestContext& ctx, std::int64_t document_id) {
  return ctx.link("/portal/documents/" + std::to_string(document_id));
}

std::vector<ccfs::Kpi> application_kpis(store::Transaction& tx, std::int64_t application_id) {
  const auto stored = store::find_application(tx, application_id);
  if (!stored) return {};
  auto parsed = ccfs::parse_application_json(stored->document_json);
  if (auto* document = std::get_if<ccfs::ApplicationDocument>(&parsed))
    return document->application.kpis;
  return {};
}

std::span<const project::Escalation> escalation_rungs() {
  static constexpr project::Escalation kRungs[] = {
      project::Escalation::reminder, project::Escalation::meeting_with_pic,
      project::Escalation::warning_letter, project::Escalation::report_to_committee,
      project::Escalation::consider_suspension_or_termination};
  return kRungs;
}

std::optional<project::Escalation> escalation_from_code(std::string_view code) {
  for (const project::Escalation rung : escalation_rungs())
    if (project::escalation_code(rung) == code) return rung;
  return std::nullopt;
}

PageData select_option(std::string value, std::string name, bool selected) {
  PageData item;
  item.set("value", std::move(value));
  item.set("name", std::move(name));
  item.set("selected", selected);
  return item;
}

namespace {

using project::ProjectEvent;
using project::ProjectState;

// A report may be submitted once it is near: within the calendar's window of its due date, or
// returned for revision.
constexpr int kSubmitWindowDays = 60;

std::optional<ProjectFacts> load_facts(RequestContext& ctx, std::int64_t id) {
  auto tx = ctx.web().store.begin();
  auto row = store::find_project(*tx, id);
  if (!row) return std::nullopt;
  ProjectFacts facts;
  facts.instalments = store::list_instalments(*tx, id);
  facts.reports = store::list_reports(*tx, id);
  facts.events = store::list_project_events(*tx, id);
  facts.items = store::list_items(*tx, id);
  facts.increases = store::list_increases(*tx, id);
  facts.expenditures = store::list_expenditures(*tx, id);
  facts.income = store::list_income(*tx, id);
  facts.refunds = store::list_refunds(*tx, id);
  facts.purchases = store::list_purchases(*tx, id);
  facts.capital_items = store::list_capital_items(*tx, id);
  facts.reductions = store::list_reductions(*tx, id);
  facts.settlement = manage::current_settlement(*tx, id);
  facts.documents = store::list_documents(*tx, row->organisation_id);
  facts.kpis = application_kpis(*tx, id);
  load_change_facts(*tx, id, facts);
  facts.row = std::move(*row);
  return facts;
}

std::string state_name(const RequestContext& ctx, const std::string& code) {
  const auto state = project::state_from_code(code);
  if (!state) return code;
  return in_reader_language(ctx, [&](Lang lang) { return project::state_text(*state, lang); });
}

project::ProjectTerms terms_of(const store::ProjectRow& row) {
  return {row.start_on, row.duration_months, row.approved, row.finance_office_certifies};
}

void add_summary(RequestContext& ctx, const rules::Ruleset& ruleset, const ProjectFacts& facts,
                 PageData& data) {
  const store::ProjectRow& row = facts.row;
  const project::ProjectTerms terms = terms_of(row);
  data.set("reference", row.reference);
  data.set("project_title", row.title);
  data.set(
      "organisation",
      ctx.data_text(
          row.organisation_name_zh.empty() ? row.organisation_name_en : row.organisation_name_zh,
          row.organisation_name_en.empty() ? row.organisation_name_zh : row.organisation_name_en));
  data.set("state", state_name(ctx, row.state));
  data.set("approved", format_money(row.approved, ctx.lang()));
  data.set("duration", std::to_string(row.duration_months));
  data.set("start_on", format_iso(row.start_on));
  data.set("completion_on", format_iso(project::completion_date(terms)));
  data.set("records_until",
           format_iso(row.records_until.value_or(project::records_kept_until(ruleset, terms))));
  if (row.agreement_signed_on) data.set("signed_on", format_iso(*row.agreement_signed_on));
  data.set("final_accounts", ctx.text("project_final_accounts_" +
                                      std::string(project::final_accounts_code(
                                          project::final_accounts_required(ruleset, terms)))));
  set_if_text(data, "schedule_reason", row.schedule_reason);
  data.set("application_href",
           ctx.link("/portal/applications/" + std::to_string(row.application_id) + "/review"));
}

PageData document_options(const RequestContext& ctx, const std::vector<store::DocumentInfo>& docs,
                          const std::string& selected) {
  PageData options{PageData::type::list};
  options.push_back(select_option("", ctx.text("project_no_document"), selected.empty()));
  for (const store::DocumentInfo& document : docs) {
    const std::string kind_key = "doc_kind_" + document.kind;
    const std::string kind = ctx.web().messages.has(kind_key) ? ctx.text(kind_key) : document.kind;
    options.push_back(
        select_option(std::to_string(document.id),
                      document.filename + " (" + kind + ", " + document.uploaded_at + ")",
                      std::to_string(document.id) == selected));
  }
  return options;
}

void add_agreement(RequestContext& ctx, const ProjectFacts& facts, const ProjectViewer& viewer,
                   const ProjectFormState& state, PageData& data) {
  const store::ProjectRow& row = facts.row;
  const bool pending = row.state == project::state_code(ProjectState::agreement_pending);
  data.set("agreement_pending", pending);
  data.set("private_buildings", row.private_buildings);
  data.set("finance_office_certifies", row.finance_office_certifies);
  if (row.bank_statement_document_id)
    data.set("bank_statement_href", document_href(ctx, *row.bank_statement_document_id));
  if (row.owners_agreement_document_id)
    data.set("owners_agreement_href", document_href(ctx, *row.owners_agreement_document_id));
  if (!pending || !viewer.secretariat) return;
  const FormData& form = ctx.form();
  data.set("can_sign", true);
  data.set("agreement_action", project_link(ctx, row.application_id, "/agreement"));
  data.set("value_signed_on",
           state.keep_values ? form.get("signed_on") : format_iso(project_today()));
  data.set(
      "bank_statement_options",
      document_options(ctx, facts.documents, state.keep_values ? form.get("bank_statement") : ""));
  data.set("owners_agreement_options",
           document_options(ctx, facts.documents,
                            state.keep_values ? form.get("owners_agreement") : ""));
}

std::string condition_name(const RequestContext& ctx, const store::InstalmentRow& instalment) {
  const auto condition = project::condition_from_code(instalment.condition);
  if (!condition) return instalment.condition;
  return in_reader_language(ctx, [&](Lang lang) {
    return project::condition_text(*condition, instalment.report_number, lang);
  });
}

void add_schedule(RequestContext& ctx, const ProjectFacts& facts, const ProjectViewer& viewer,
                  PageData& data) {
  PageData rows{PageData::type::list};
  Money total;
  Money paid;
  bool next_found = false;
  const bool may_release = facts.row.state == project::state_code(ProjectState::active) ||
                           facts.row.state == project::state_code(ProjectState::completed);
  for (const store::InstalmentRow& instalment : facts.instalments) {
    PageData row;
    const std::string row_number = std::to_string(instalment.number);
    row.set("number", row_number);
    row.set("condition", condition_name(ctx, instalment));
    row.set("amount", format_money(instalment.amount, ctx.lang()));
    total += instalment.amount;
    if (instalment.released_on) {
      const Money released = instalment.released.value_or(instalment.amount);
      paid += released;
      row.set("released", format_money(released, ctx.lang()));
      row.set("released_on", format_iso(*instalment.released_on));
      row.set("released_by", instalment.released_by);
    }
    const bool next = !instalment.released_on && !next_found;
    if (next) next_found = true;
    row.set("can_release", next && may_release && viewer.secretariat);
    row.set("release_label", fill(ctx.text("project_release_button"), "n", row_number));
    row.set("release_action",
            project_link(ctx, facts.row.application_id,
                         "/instalments/" + std::to_string(instalment.number) + "/release"));
    rows.push_back(row);
  }
  data.set("instalments", rows);
  data.set("schedule_total", format_money(total, ctx.lang()));
  data.set("paid_so_far", format_money(paid, ctx.lang()));
}

std::string report_name(const RequestContext& ctx, const store::ReportRow& report) {
  const auto kind = project::due_kind_from_code(report.kind);
  if (!kind) return report.kind;
  return in_reader_language(
      ctx, [&](Lang lang) { return project::due_kind_text(*kind, report.number, lang); });
}

std::string rung_name(const RequestContext& ctx, project::Escalation rung) {
  return in_reader_language(ctx, [&](Lang lang) { return project::escalation_text(rung, lang); });
}

PageData rung_options(const RequestContext& ctx, project::Escalation suggested) {
  PageData options{PageData::type::list};
  for (const project::Escalation rung : escalation_rungs())
    options.push_back(select_option(std::string(project::escalation_code(rung)),
                                    rung_name(ctx, rung), rung == suggested));
  return options;
}

PageData kpi_results(const store::ReportRow& report) {
  PageData rows{PageData::type::list};
  for (const store::KpiResult& kpi : report.kpis) {
    PageData row;
    row.set("indicator", kpi.indicator);
    row.set("target", kpi.target);
    row.set("actual", kpi.actual);
    rows.push_back(row);
  }
  return rows;
}

PageData kpi_inputs(RequestContext& ctx, const std::vector<ccfs::Kpi>& kpis, std::int64_t report_id,
                    bool keep) {
  PageData inputs{PageData::type::list};
  for (std::size_t index = 0; index < kpis.size(); ++index) {
    PageData input;
    const std::string name = "kpi_" + std::to_string(index);
    input.set("id", "kpi-" + std::to_string(report_id) + "-" + std::to_string(index));
    input.set("name", name);
    input.set("indicator", kpis[index].indicator);
    input.set("target", kpis[index].target);
    input.set("value", keep ? ctx.form().get(name) : std::string());
    inputs.push_back(input);
  }
  return inputs;
}

// The grantee's submission form of a report that is near or returned (§5.8.1, §5.8.2).
void add_submit_form(RequestContext& ctx, const ProjectFacts& facts, const store::ReportRow& report,
                     const ProjectFormState& state, PageData& row) {
  const std::string rid = std::to_string(report.id);
  const bool posted = state.keep_values && state.report_id == report.id;
  const FormData& form = ctx.form();
  row.set("submit_action", project_link(ctx, facts.row.application_id, "/reports/" + rid));
  row.set("kpi_inputs", kpi_inputs(ctx, facts.kpis, report.id, posted));
  row.set("has_kpi_inputs", !facts.kpis.empty());
  row.set("value_summary", posted ? form.get("summary") : std::string());
  row.set("value_spent", posted ? form.get("spent_to_date") : std::string());
  row.set("value_forecast", posted ? form.get("forecast") : std::string());
  for (const char* field : {"summary", "spent", "forecast", "report_file", "report"})
    set_if_text(row, std::string(field) + "_error",
                error_for(state, std::string(field) + "-" + rid));
}

// The secretariat's review of a submitted report and follow-up of an overdue one (§5.8.11).
void add_secretariat_forms(RequestContext& ctx, const ProjectFacts& facts,
                           const store::ReportRow& report, const ProjectFormState& state,
                           project::Escalation suggested, PageData& row) {
  const std::string rid = std::to_string(report.id);
  const bool posted = state.keep_values && state.report_id == report.id;
  row.set("review_action",
          project_link(ctx, facts.row.application_id, "/reports/" + rid + "/review"));
  row.set("value_review_note", posted ? ctx.form().get("note") : std::string());
  set_if_text(row, "review_error", error_for(state, "review-" + rid));
  row.set("escalate_action",
          project_link(ctx, facts.row.application_id, "/reports/" + rid + "/escalation"));
  row.set("rung_options",
          rung_options(ctx, suggested == project::Escalation::none ? project::Escalation::reminder
                                                                   : suggested));
  row.set("value_escalation_note", posted ? ctx.form().get("escalation_note") : std::string());
  set_if_text(row, "escalation_error", error_for(state, "rung-" + rid));
}

void add_reports(RequestContext& ctx, const ProjectFacts& facts, const ProjectViewer& viewer,
                 const ProjectFormState& state, PageData& data) {
  const CivilDate today = project_today();
  const auto project_state = project::state_from_code(facts.row.state);
  const bool reporting = project_state && project::owes_reports(*project_state);
  PageData rows{PageData::type::list};
  for (const store::ReportRow& report : facts.reports) {
    PageData row;
    row.set("id", std::to_string(report.id));
    row.set("kind", report_name(ctx, report));
    row.set("clause", report.clause);
    if (report.period_start && report.period_end)
      row.set("period", format_iso(*report.period_start) + " – " + format_iso(*report.period_end));
    row.set("due_on", format_iso(report.due_on));
    row.set("status", ctx.text("project_report_status_" + report.status));
    const bool outstanding = reporting && (report.status == "due" || report.status == "returned");
    const std::int64_t late = days_between(report.due_on, today);
    const bool overdue = outstanding && late > 0;
    const project::Escalation suggested =
        overdue ? project::escalation_for(report.due_on, today) : project::Escalation::none;
    row.set("overdue", overdue);
    if (overdue) row.set("days_overdue", std::to_string(late));
    if (suggested != project::Escalation::none) row.set("suggested", rung_name(ctx, suggested));
    if (const auto recorded = escalation_from_code(report.escalation))
      row.set("recorded", rung_name(ctx, *recorded));
    row.set("submitted", report.submitted_on.has_value());
    if (report.submitted_on) {
      row.set("submitted_on", format_iso(*report.submitted_on));
      row.set("submitted_by", report.submitted_by);
      row.set("summary", report.summary);
      row.set("spent_to_date", format_money(report.spent_to_date, ctx.lang()));
      row.set("forecast", format_money(report.forecast, ctx.lang()));
    }
    if (report.document_id) row.set("document_href", document_href(ctx, *report.document_id));
    set_if_text(row, "review_note", report.review_note);
    if (report.reviewed_on) row.set("reviewed_on", format_iso(*report.reviewed_on));
    row.set("kpi_results", kpi_results(report));
    row.set("has_kpi_results", !report.kpis.empty());
    const bool near =
        report.status == "returned" ||
        (report.status == "due" && report.due_on <= today.plus_days(kSubmitWindowDays));
    row.set("can_submit", viewer.grantee && reporting && near);
    row.set("can_review", viewer.secretariat && report.status == "submitted");
    row.set("can_escalate", viewer.secretariat && overdue);
    if (viewer.grantee && reporting && near) add_submit_form(ctx, facts, report, state, row);
    if (viewer.secretariat) add_secretariat_forms(ctx, facts, report, state, suggested, row);
    rows.push_back(row);
  }
  data.set("reports", rows);
}

// The §5.16.1, §5.16.2 and other grounds the ruleset lists, by clause.
PageData ground_options(const RequestContext& ctx, const rules::Ruleset& ruleset,
                        const std::string& selected) {
  PageData options{PageData::type::list};
  options.push_back(select_option("", ctx.text("project_ground_none"), selected.empty()));
  for (const auto* grounds : {&ruleset.suspension.may_suspend,
                              &ruleset.suspension.immediate_termination, &ruleset.suspension.other})
    for (const rules::Ground& ground : *grounds)
      options.push_back(select_option(
          ground.clause, ground.clause + " " + ctx.data_text(ground.text.zh, ground.text.en),
          ground.clause == selected));
  return options;
}

void add_state_changes(RequestContext& ctx, const rules::Ruleset& ruleset,
                       const ProjectFacts& facts, const ProjectViewer& viewer,
                       const ProjectFormState& state, PageData& data) {
  const auto current = project::state_from_code(facts.row.state);
  if (!current || !viewer.secretariat) return;
  const FormData& form = ctx.form();
  const std::string chosen = state.keep_values ? form.get("state_event") : std::string();
  PageData events{PageData::type::list};
  bool may_close = false;
  for (const ProjectEvent event : project::project_events_from(*current)) {
    if (event == ProjectEvent::close) may_close = true;
    if (event != ProjectEvent::suspend && event != ProjectEvent::resume &&
        event != ProjectEvent::terminate)
      continue;
    PageData item;
    const std::string code(project::event_code(event));
    item.set("value", code);
    item.set("id", "state_event-" + code);
    item.set("label",
             in_reader_language(ctx, [&](Lang lang) { return project::event_text(event, lang); }));
    item.set("checked", code == chosen);
    events.push_back(item);
  }
  data.set("state_events", events);
  data.set("can_change_state", !events.is_empty_list());
  data.set("state_action", project_link(ctx, facts.row.application_id, "/state"));
  data.set("ground_options",
           ground_options(ctx, ruleset, state.keep_values ? form.get("state_ground") : ""));
  data.set("value_state_note", state.keep_values ? form.get("state_note") : std::string());
  data.set("value_state_immediate", state.keep_values && form.get("state_immediate") == "yes");
  data.set("can_close", may_close);
  data.set("close_action", project_link(ctx, facts.row.application_id, "/close"));
}

std::string event_name(const RequestContext& ctx, const std::string& code) {
  const auto event = project::event_from_code(code);
  if (!event) return code;
  return in_reader_language(ctx, [&](Lang lang) { return project::event_text(*event, lang); });
}

void add_history(RequestContext& ctx, const ProjectFacts& facts, PageData& data) {
  PageData rows{PageData::type::list};
  for (const store::ProjectEventRow& event : facts.events) {
    PageData row;
    row.set("notice_on", format_iso(event.notice_on));
    row.set("event", event_name(ctx, event.event));
    row.set("from_state", state_name(ctx, event.from_state));
    row.set("to_state", state_name(ctx, event.to_state));
    row.set("effective_on", format_iso(event.effective_on));
    row.set("waiting", !event.applied);
    row.set("grounds", event.grounds);
    row.set("actor", event.actor_name);
    rows.push_back(row);
    if (!event.applied)
      data.set("pending_notice",
               fill(fill(ctx.text("project_pending_notice"), "event", event_name(ctx, event.event)),
                    "day", format_iso(event.effective_on)));
  }
  data.set("events", rows);
  data.set("has_events", !facts.events.empty());
}

// The banners a redirect after a step asks for (?done=…).
constexpr std::string_view kDoneKeys[] = {
    "opened",    "signed",           "released",      "submitted", "reviewed",
    "escalated", "expenditure",      "increase",      "income",    "purchase",
    "photo",     "disposal",         "reduction",     "refund",    "state",
    "closed",    "change_requested", "change_decided"};

void add_done(RequestContext& ctx, PageData& data) {
  const std::string done = ctx.query().get("done");
  for (std::string_view key : kDoneKeys)
    if (done == key) data.set("done_message", ctx.text("project_done_" + done));
}

}  // namespace

Response project_view(RequestContext& ctx, const OpenedProject& project,
                      const ProjectFormState& state, int status) {
  const auto facts = load_facts(ctx, project.row.application_id);
  if (!facts) return error_page(ctx, ErrorPage::not_found);
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset) return error_page(ctx, ErrorPage::server_error);
  ProjectViewer viewer;
  viewer.secretariat = project.secretariat;
  viewer.grantee = project.grantee;
  viewer.running = facts->row.state != project::state_code(ProjectState::agreement_pending) &&
                   facts->row.state != project::state_code(ProjectState::closed);
  PageData data;
  data.set("secretariat", viewer.secretariat);
  data.set("grantee", viewer.grantee);
  data.set("running", viewer.running);
  add_summary(ctx, *ruleset, *facts, data);
  add_agreement(ctx, *facts, viewer, state, data);
  add_schedule(ctx, *facts, viewer, data);
  add_reports(ctx, *facts, viewer, state, data);
  add_money_sections(ctx, *ruleset, *facts, viewer, state, data);
  add_change_requests(ctx, *facts, viewer, state, data);
  add_state_changes(ctx, *ruleset, *facts, viewer, state, data);
  add_history(ctx, *facts, data);
  data.set("portal_href", ctx.link("/portal"));
  data.set("csrf_token", ctx.session().csrf_token());
  add_done(ctx, data);
  add_errors(data, state.errors);
  return render_titled_page(ctx, "project", facts->row.reference + " " + facts->row.title,
                            std::move(data), status);
}

Response project_page(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  return project_view(ctx, std::get<OpenedProject>(opened), {}, 200);
}

}  // namespace bsap::web
