#include "store/project_repo.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/assessment_repo.h"
#include "store/project_support.h"
#include "store/repo_support.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

constexpr std::string_view kAgreementPending = "agreement_pending";

// ---- projects

// The columns of a ProjectRow as SOCI reads them, and the row they make.
struct ProjectColumns {
  ProjectRow row;
  std::int64_t approved_cents = 0, bank_statement = 0, owners_agreement = 0;
  int finance_office_certifies = 0, private_buildings = 0;
  std::string start_on, signed_on, completed_on, closed_on, records_until;
  soci::indicator signed_present = soci::i_null, bank_present = soci::i_null,
                  owners_present = soci::i_null, completed_present = soci::i_null,
                  closed_present = soci::i_null, records_present = soci::i_null;

  static constexpr std::string_view kQuery =
      "SELECT pr.application_id, p.organisation_id, o.name_zh, o.name_en, p.reference, p.title, "
      "pr.state, pr.approved_cents, pr.duration_months, pr.first_share_bp, pr.start_on, "
      "pr.schedule_reason, pr.finance_office_certifies, pr.private_buildings, "
      "pr.agreement_signed_on, pr.bank_statement_document_id, pr.owners_agreement_document_id, "
      "pr.completed_on, pr.closed_on, pr.records_until "
      "FROM projects pr JOIN applications p ON p.id = pr.application_id "
      "JOIN organisations o ON o.id = p.organisation_id ";

  soci::details::prepare_temp_type bind(soci::details::prepare_temp_type prepare) {
    return prepare, soci::into(row.application_id), soci::into(row.organisation_id),
           soci::into(row.organisation_name_zh), soci::into(row.organisation_name_en),
           soci::into(row.reference), soci::into(row.title), soci::into(row.state),
           soci::into(approved_cents), soci::into(row.duration_months),
           soci::into(row.first_share_bp), soci::into(start_on), soci::into(row.schedule_reason),
           soci::into(finance_office_certifies), soci::into(private_buildings),
           soci::into(signed_on, signed_present), soci::into(bank_statement, bank_present),
           soci::into(owners_agreement, owners_present),
           soci::into(completed_on, completed_present), soci::into(closed_on, closed_present),
           soci::into(records_until, records_present);
  }

  ProjectRow read() const {
    ProjectRow read = row;
    read.approved = Money::from_cents(approved_cents);
    read.start_on = stored_date(start_on, "projects.start_on");
    read.finance_office_certifies = finance_office_certifies != 0;
    read.private_buildings = private_buildings != 0;
    read.agreement_signed_on =
        stored_date(signed_on, signed_present, "projects.agreement_signed_on");
    read.bank_statement_document_id = present(bank_statement, bank_present);
    read.owners_agreement_document_id = present(owners_agreement, owners_present);
    read.completed_on = stored_date(completed_on, completed_present, "projects.completed_on");
    read.closed_on = stored_date(closed_on, closed_present, "projects.closed_on");
    read.records_until = stored_date(records_until, records_present, "projects.records_until");
    return read;
  }
};

template <typename... Uses>
std::vector<ProjectRow> select_projects(Transaction& tx, const std::string& condition,
                                        Uses... uses) {
  ProjectColumns columns;
  const std::string query =
      std::string(ProjectColumns::kQuery) + condition + " ORDER BY p.reference";
  soci::statement select = columns.bind(((tx.sql().prepare << query), ..., uses));
  select.execute();
  std::vector<ProjectRow> projects;
  while (select.fetch()) projects.push_back(columns.read());
  return projects;
}

// §4.1.2: only an approval becomes a project.
void require_approval(Transaction& tx, std::int64_t application_id) {
  const auto decision = find_decision(tx, application_id);
  if (!decision || (decision->outcome != "approved" && decision->outcome != "approved_in_part"))
    throw StoreError(fmt::format(
        "application {} {}, so it cannot become a project: only an approval does (guidelines "
        "§4.1.2)",
        application_id,
        decision ? "was decided \"" + decision->outcome + "\"" : "has no recorded decision"));
}

void insert_instalments(Transaction& tx, std::int64_t application_id,
                        const std::vector<NewInstalment>& instalments) {
  for (const NewInstalment& instalment : instalments) {
    const std::int64_t amount_cents = instalment.amount.cents();
    tx.sql() << "INSERT INTO project_instalments (application_id, number, condition, "
                "report_number, month_offset, amount_cents) VALUES (:application_id, :number, "
                ":condition, :report_number, :month_offset, :amount_cents)",
        soci::use(application_id), soci::use(instalment.number), soci::use(instalment.condition),
        soci::use(instalment.report_number), soci::use(instalment.month_offset),
        soci::use(amount_cents);
  }
}

void insert_reports(Transaction& tx, std::int64_t application_id,
                    const std::vector<NewReport>& reports) {
  for (const NewReport& report : reports) {
    auto period_start = nullable_day(report.period_start);
    auto period_end = nullable_day(report.period_end);
    const std::string due_on = format_iso(report.due_on);
    tx.sql() << "INSERT INTO project_reports (application_id, kind, number, period_start, "
                "period_end, due_on, clause) VALUES (:application_id, :kind, :number, "
                ":period_start, :period_end, :due_on, :clause)",
        soci::use(application_id), soci::use(report.kind), soci::use(report.number),
        soci::use(period_start.value, period_start.indicator),
        soci::use(period_end.value, period_end.indicator), soci::use(due_on),
        soci::use(report.clause);
  }
}

void insert_items(Transaction& tx, std::int64_t application_id,
                  const std::vector<std::pair<std::string, Money>>& items) {
  int item_no = 0;
  for (const auto& [name, approved] : items) {
    ++item_no;
    const std::int64_t approved_cents = approved.cents();
    tx.sql() << "INSERT INTO project_items (application_id, item_no, name, approved_cents) "
                "VALUES (:application_id, :item_no, :name, :approved_cents)",
        soci::use(application_id), soci::use(item_no), soci::use(name), soci::use(approved_cents);
  }
}

json created(const NewProject& project) {
  json instalments = json::array(), reports = json::array(), items = json::array();
  for (const NewInstalment& instalment : project.instalments)
    instalments.push_back({{"number", instalment.number},
                           {"condition", instalment.condition},
                           {"report_number", instalment.report_number},
                           {"month_offset", instalment.month_offset},
                           {"amount_cents", instalment.amount.cents()}});
  for (const NewReport& report : project.reports)
    reports.push_back(
        {{"kind", report.kind}, {"number", report.number}, {"due_on", format_iso(report.due_on)}});
  for (const auto& [name, approved] : project.items)
    items.push_back({{"name", name}, {"approved_cents", approved.cents()}});
  return {{"state", kAgreementPending},
          {"approved_cents", project.approved.cents()},
          {"duration_months", project.duration_months},
          {"first_share_bp", project.first_share_bp},
          {"start_on", format_iso(project.start_on)},
          {"schedule_reason", project.schedule_reason},
          {"finance_office_certifies", project.finance_office_certifies},
          {"private_buildings", project.private_buildings},
          {"instalments", instalments},
          {"reports", reports},
          {"items", items}};
}

// ---- state changes

// Moves the project from `from` to `to` if it is still in `from`, setting the days a completion
// or closure records; with to == from it changes nothing but still takes the row lock, so a
// notice and a state change on PostgreSQL are ordered. The conditional UPDATE is the check.
void move_project(Transaction& tx, std::int64_t application_id, const std::string& from,
                  const std::string& to, const std::string& event, CivilDate effective_on,
                  const std::optional<CivilDate>& records_until) {
  const bool moves = from != to;
  auto completed_on = nullable_day(
      moves && event == "complete" ? std::optional<CivilDate>(effective_on) : std::nullopt);
  auto closed_on = nullable_day(moves && event == "close" ? std::optional<CivilDate>(effective_on)
                                                          : std::nullopt);
  auto kept_until = nullable_day(moves ? records_until : std::nullopt);
  soci::statement update =
      (tx.sql().prepare << "UPDATE projects SET state = :to_state, completed_on = "
                           "COALESCE(:completed_on, completed_on), closed_on = "
                           "COALESCE(:closed_on, closed_on), records_until = "
                           "COALESCE(:records_until, records_until) "
                           "WHERE application_id = :id AND state = :from_state",
       soci::use(to), soci::use(completed_on.value, completed_on.indicator),
       soci::use(closed_on.value, closed_on.indicator),
       soci::use(kept_until.value, kept_until.indicator), soci::use(application_id),
       soci::use(from));
  update.execute(true);
  if (update.get_affected_rows() == 1) return;
  const ProjectRow current = require_project(tx, application_id);
  throw StaleState(fmt::format(
      "project {} is now \"{}\", not \"{}\": someone moved it meanwhile, and \"{}\" was not "
      "recorded. Open it again to see its state",
      current.reference, current.state, from, event));
}

template <typename... Uses>
std::vector<PendingEvent> select_events(Transaction& tx, const std::string& condition,
                                        const std::string& order, Uses... uses) {
  PendingEvent row;
  int applied = 0;
  std::string notice_on, effective_on;
  const std::string query =
      "SELECT e.id, e.application_id, e.event, e.from_state, e.to_state, e.grounds, e.notice_on, "
      "e.effective_on, e.applied, " +
      shown_user_sql("u", "system") +
      ", e.at FROM project_events e LEFT JOIN users u ON u.id = e.user_id " + condition +
      " ORDER BY " + order;
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.event_id),
       soci::into(row.application_id), soci::into(row.event.event),
       soci::into(row.event.from_state), soci::into(row.event.to_state),
       soci::into(row.event.grounds), soci::into(notice_on), soci::into(effective_on),
       soci::into(applied), soci::into(row.event.actor_name), soci::into(row.event.at));
  select.execute();
  std::vector<PendingEvent> events;
  while (select.fetch()) {
    row.event.id = row.event_id;
    row.event.notice_on = stored_date(notice_on, "project_events.notice_on");
    row.event.effective_on = stored_date(effective_on, "project_events.effective_on");
    row.event.applied = applied != 0;
    events.push_back(row);
  }
  return events;
}

json event_after(const NewProjectEvent& event, const std::optional<CivilDate>& records_until) {
  return {{"event", event.event},
          {"state", event.to_state},
          {"grounds", event.grounds},
          {"notice_on", format_iso(event.notice_on)},
          {"effective_on", format_iso(event.effective_on)},
          {"records_until", day_or_null(records_until)}};
}

// ---- instalments

InstalmentRow require_instalment(Transaction& tx, std::int64_t application_id, int number) {
  for (InstalmentRow& instalment : list_instalments(tx, application_id))
    if (instalment.number == number) return instalment;
  throw StoreError(fmt::format("project {} has no instalment {}", application_id, number));
}

// ---- reports

// The columns of a ReportRow as SOCI reads them (the KPIs apart), and the row they make.
struct ReportColumns {
  ReportRow row;
  std::int64_t spent_cents = 0, forecast_cents = 0, document_id = 0;
  std::string period_start, period_end, due_on, submitted_on, reviewed_on;
  soci::indicator start_present = soci::i_null, end_present = soci::i_null,
                  document_present = soci::i_null, submitted_present = soci::i_null,
                  reviewed_present = soci::i_null;

  static std::string query() {
    return "SELECT r.id, r.application_id, r.kind, r.number, r.period_start, r.period_end, "
           "r.due_on, r.clause, r.status, r.summary, r.spent_to_date_cents, r.forecast_cents, "
           "r.document_id, r.submitted_on, " +
           shown_user_sql("s", "") + ", r.reviewed_on, " + shown_user_sql("v", "") +
           ", r.review_note, COALESCE((SELECT e.rung FROM report_escalations e WHERE "
           "e.report_id = r.id ORDER BY e.id DESC LIMIT 1), '') "
           "FROM project_reports r LEFT JOIN users s ON s.id = r.submitted_by "
           "LEFT JOIN users v ON v.id = r.reviewed_by ";
  }

  soci::details::prepare_temp_type bind(soci::details::prepare_temp_type prepare) {
    return prepare, soci::into(row.id), soci::into(row.application_id), soci::into(row.kind),
           soci::into(row.number), soci::into(period_start, start_present),
           soci::into(period_end, end_present), soci::into(due_on), soci::into(row.clause),
           soci::into(row.status), soci::into(row.summary), soci::into(spent_cents),
           soci::into(forecast_cents), soci::into(document_id, document_present),
           soci::into(submitted_on, submitted_present), soci::into(row.submitted_by),
           soci::into(reviewed_on, reviewed_present), soci::into(row.reviewed_by),
           soci::into(row.review_note), soci::into(row.escalation);
  }

  ReportRow read() const {
    ReportRow read = row;
    read.period_start = stored_date(period_start, start_present, "project_reports.period_start");
    read.period_end = stored_date(period_end, end_present, "project_reports.period_end");
    read.due_on = stored_date(due_on, "project_reports.due_on");
    read.spent_to_date = Money::from_cents(spent_cents);
    read.forecast = Money::from_cents(forecast_cents);
    read.document_id = present(document_id, document_present);
    read.submitted_on =
        stored_date(submitted_on, submitted_present, "project_reports.submitted_on");
    read.reviewed_on = stored_date(reviewed_on, reviewed_present, "project_reports.reviewed_on");
    return read;
  }
};

std::vector<KpiResult> select_kpis(Transaction& tx, std::int64_t report_id) {
  KpiResult row;
  soci::statement select =
      (tx.sql().prepare << "SELECT kpi_index, indicator, target, actual FROM report_kpis "
                           "WHERE report_id = :id ORDER BY kpi_index",
       soci::use(report_id), soci::into(row.kpi_index), soci::into(row.indicator),
       soci::into(row.target), soci::into(row.actual));
  select.execute();
  std::vector<KpiResult> kpis;
  while (select.fetch()) kpis.push_back(row);
  return kpis;
}

// The reports the condition selects, with their KPIs (read once the reports are all fetched).
template <typename... Uses>
std::vector<ReportRow> select_reports(Transaction& tx, const std::string& condition, Uses... uses) {
  ReportColumns columns;
  const std::string query = ReportColumns::query() + condition + " ORDER BY r.due_on, r.id";
  soci::statement select = columns.bind(((tx.sql().prepare << query), ..., uses));
  select.execute();
  std::vector<ReportRow> reports;
  while (select.fetch()) reports.push_back(columns.read());
  for (ReportRow& report : reports) report.kpis = select_kpis(tx, report.id);
  return reports;
}

ReportRow require_report(Transaction& tx, std::int64_t report_id) {
  auto report = find_report(tx, report_id);
  if (!report) throw StoreError(fmt::format("no report with id {}", report_id));
  return *report;
}

std::string describe(const ReportRow& report) {
  return report.number == 0 ? fmt::format("{} of project {}", report.kind, report.application_id)
                            : fmt::format("{} {} of project {}", report.kind, report.number,
                                          report.application_id);
}

// Runs the UPDATE whose status condition is the check that the report is still where the caller
// saw it; StaleState naming its status now if it has moved.
void change_report(Transaction& tx, soci::statement& update, std::int64_t report_id,
                   std::string_view doing) {
  update.execute(true);
  if (update.get_affected_rows() == 1) return;
  const ReportRow current = require_report(tx, report_id);
  throw StaleState(fmt::format("the {} is \"{}\", so it cannot be {}. Open it again to see it",
                               describe(current), current.status, doing));
}

void replace_kpis(Transaction& tx, std::int64_t report_id, const std::vector<KpiResult>& kpis) {
  tx.sql() << "DELETE FROM report_kpis WHERE report_id = :id", soci::use(report_id);
  for (const KpiResult& kpi : kpis)
    tx.sql() << "INSERT INTO report_kpis (report_id, kpi_index, indicator, target, actual) "
                "VALUES (:report_id, :kpi_index, :indicator, :target, :actual)",
        soci::use(report_id), soci::use(kpi.kpi_index), soci::use(kpi.indicator),
        soci::use(kpi.target), soci::use(kpi.actual);
}

json report_key(const ReportRow& report) {
  return {{"report_id", report.id}, {"kind", report.kind}, {"number", report.number}};
}

}  // namespace

void create_project(Transaction& tx, const NewProject& project) {
  const std::string actor = username_of(tx, project.user_id);
  require_approval(tx, project.application_id);

  const std::int64_t approved_cents = project.approved.cents();
  const int finance_office_certifies = project.finance_office_certifies ? 1 : 0;
  const int private_buildings = project.private_buildings ? 1 : 0;
  const std::string start_on = format_iso(project.start_on), now = utc_timestamp();
  std::int64_t inserted = 0;
  // ON CONFLICT rather than a lookup first: of two creations at once, one is refused.
  tx.sql() << "INSERT INTO projects (application_id, state, approved_cents, duration_months, "
              "first_share_bp, start_on, schedule_reason, finance_office_certifies, "
              "private_buildings, created_at) VALUES (:application_id, 'agreement_pending', "
              ":approved_cents, :duration_months, :first_share_bp, :start_on, :schedule_reason, "
              ":finance_office_certifies, :private_buildings, :created_at) "
              "ON CONFLICT (application_id) DO NOTHING RETURNING application_id",
      soci::use(project.application_id), soci::use(approved_cents),
      soci::use(project.duration_months), soci::use(project.first_share_bp), soci::use(start_on),
      soci::use(project.schedule_reason), soci::use(finance_office_certifies),
      soci::use(private_buildings), soci::use(now), soci::into(inserted);
  if (!tx.sql().got_data()) {
    const ProjectRow existing = require_project(tx, project.application_id);
    throw StoreError(fmt::format(
        "application {} already has its project (now \"{}\"); an approval becomes one project",
        existing.reference, existing.state));
  }
  insert_instalments(tx, project.application_id, project.instalments);
  insert_reports(tx, project.application_id, project.reports);
  insert_items(tx, project.application_id, project.items);
  audit_project(tx, actor, project.application_id, "create", nullptr, created(project));
}

std::optional<ProjectRow> find_project(Transaction& tx, std::int64_t application_id) {
  auto found = select_projects(tx, "WHERE pr.application_id = :id", soci::use(application_id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<ProjectRow> list_projects(Transaction& tx,
                                      std::optional<std::int64_t> organisation_id) {
  if (organisation_id)
    return select_projects(tx, "WHERE p.organisation_id = :organisation_id",
                           soci::use(*organisation_id));
  return select_projects(tx, "");
}

void record_agreement(Transaction& tx, std::int64_t application_id, CivilDate signed_on,
                      std::optional<std::int64_t> bank_statement_document_id,
                      std::optional<std::int64_t> owners_agreement_document_id,
                      std::int64_t user_id) {
  const ProjectRow project = require_project(tx, application_id);
  const std::string actor = username_of(tx, user_id);
  if (bank_statement_document_id)
    require_document_of(tx, project.organisation_id, *bank_statement_document_id,
                        "the bank statement");
  if (owners_agreement_document_id)
    require_document_of(tx, project.organisation_id, *owners_agreement_document_id,
                        "the owners' agreement");

  const std::string day = format_iso(signed_on);
  auto bank = nullable(bank_statement_document_id);
  auto owners = nullable(owners_agreement_document_id);
  soci::statement update =
      (tx.sql().prepare << "UPDATE projects SET state = 'active', agreement_signed_on = :day, "
                           "bank_statement_document_id = :bank, owners_agreement_document_id = "
                           ":owners WHERE application_id = :id AND state = 'agreement_pending'",
       soci::use(day), soci::use(bank.value, bank.indicator),
       soci::use(owners.value, owners.indicator), soci::use(application_id));
  update.execute(true);
  if (update.get_affected_rows() != 1) {
    const ProjectRow current = require_project(tx, application_id);
    throw StaleState(fmt::format(
        "project {} is \"{}\", not awaiting its agreement: the agreement was recorded on {}",
        current.reference, current.state,
        current.agreement_signed_on ? format_iso(*current.agreement_signed_on) : "?"));
  }
  const json after = {
      {"state", "active"},
      {"agreement_signed_on", day},
      {"bank_statement_document_id", value_or_null(bank_statement_document_id)},
      {"owners_agreement_document_id", value_or_null(owners_agreement_document_id)}};
  audit_project(tx, actor, application_id, "sign_agreement", {{"state", project.state}}, after);
}

std::int64_t record_project_event(Transaction& tx, const NewProjectEvent& event,
                                  std::optional<CivilDate> records_until) {
  check_code("event", event.event);
  const std::string actor = actor_of(tx, event.user_id);
  const bool takes_effect_now = event.effective_on <= event.notice_on;
  // A notice leaves the state as it is, but is given only in the state it was meant for.
  move_project(tx, event.application_id, event.from_state,
               takes_effect_now ? event.to_state : event.from_state, event.event,
               event.effective_on, records_until);

  const std::string notice_on = format_iso(event.notice_on),
                    effective_on = format_iso(event.effective_on), now = utc_timestamp();
  auto kept_until = nullable_day(records_until);
  auto user = nullable(event.user_id);
  const int applied = takes_effect_now ? 1 : 0;
  soci::indicator applied_at_present = takes_effect_now ? soci::i_ok : soci::i_null;
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO project_events (application_id, event, from_state, to_state, grounds, "
              "notice_on, effective_on, records_until, applied, applied_at, user_id, at) VALUES "
              "(:application_id, :event, :from_state, :to_state, :grounds, :notice_on, "
              ":effective_on, :records_until, :applied, :applied_at, :user_id, :at) RETURNING id",
      soci::use(event.application_id), soci::use(event.event), soci::use(event.from_state),
      soci::use(event.to_state), soci::use(event.grounds), soci::use(notice_on),
      soci::use(effective_on), soci::use(kept_until.value, kept_until.indicator),
      soci::use(applied), soci::use(now, applied_at_present), soci::use(user.value, user.indicator),
      soci::use(now), soci::into(id);

  json after = event_after(event, records_until);
  after["event_id"] = id;
  if (takes_effect_now) {
    audit_project(tx, actor, event.application_id, event.event, {{"state", event.from_state}},
                  after);
  } else {
    after["state"] = event.from_state;  // unchanged until the effective day
    after["to_state"] = event.to_state;
    audit_project(tx, actor, event.application_id, "give_notice", {{"state", event.from_state}},
                  after);
  }
  return id;
}

void apply_project_event(Transaction& tx, std::int64_t event_id) {
  std::int64_t application_id = 0;
  std::string event, from_state, to_state, effective_on, records_until;
  soci::indicator records_present = soci::i_null;
  tx.sql() << "SELECT application_id, event, from_state, to_state, effective_on, records_until "
              "FROM project_events WHERE id = :id",
      soci::use(event_id), soci::into(application_id), soci::into(event), soci::into(from_state),
      soci::into(to_state), soci::into(effective_on), soci::into(records_until, records_present);
  if (!tx.sql().got_data()) throw StoreError(fmt::format("no project event with id {}", event_id));
  const CivilDate effective = stored_date(effective_on, "project_events.effective_on");
  const auto kept_until =
      stored_date(records_until, records_present, "project_events.records_until");

  // Marked applied first: of two jobs applying one notice at once, the second finds it done.
  const std::string now = utc_timestamp();
  soci::statement mark = (tx.sql().prepare << "UPDATE project_events SET applied = 1, applied_at "
                                              "= :now WHERE id = :id AND applied = 0",
                          soci::use(now), soci::use(event_id));
  mark.execute(true);
  if (mark.get_affected_rows() != 1)
    throw StaleState(fmt::format("the \"{}\" of project {} (event {}) has been applied already",
                                 event, application_id, event_id));
  move_project(tx, application_id, from_state, to_state, event, effective, kept_until);

  const json after = {{"event_id", event_id},
                      {"event", event},
                      {"state", to_state},
                      {"effective_on", effective_on},
                      {"records_until", day_or_null(kept_until)}};
  audit_project(tx, "system", application_id, event, {{"state", from_state}}, after);
}

std::vector<ProjectEventRow> list_project_events(Transaction& tx, std::int64_t application_id) {
  std::vector<ProjectEventRow> events;
  for (PendingEvent& row :
       select_events(tx, "WHERE e.application_id = :id", "e.id", soci::use(application_id)))
    events.push_back(std::move(row.event));
  return events;
}

std::vector<PendingEvent> list_due_project_events(Transaction& tx, CivilDate today) {
  const std::string day = format_iso(today);
  return select_events(tx, "WHERE e.applied = 0 AND e.effective_on <= :today",
                       "e.effective_on, e.id", soci::use(day));
}

std::vector<InstalmentRow> list_instalments(Transaction& tx, std::int64_t application_id) {
  InstalmentRow row;
  std::int64_t amount_cents = 0;
  std::string released_on;
  soci::indicator released_present = soci::i_null;
  std::int64_t released_cents = 0;
  soci::indicator released_cents_present = soci::i_null;
  soci::statement select =
      (tx.sql().prepare << "SELECT i.number, i.condition, i.report_number, i.month_offset, "
                           "i.amount_cents, i.released_on, i.released_cents, " +
                               shown_user_sql("u", "") +
                               " FROM project_instalments i LEFT JOIN users u ON u.id = "
                               "i.released_by WHERE i.application_id = :id ORDER BY i.number",
       soci::use(application_id), soci::into(row.number), soci::into(row.condition),
       soci::into(row.report_number), soci::into(row.month_offset), soci::into(amount_cents),
       soci::into(released_on, released_present),
       soci::into(released_cents, released_cents_present), soci::into(row.released_by));
  select.execute();
  std::vector<InstalmentRow> instalments;
  while (select.fetch()) {
    row.amount = Money::from_cents(amount_cents);
    row.released = released_cents_present == soci::i_ok
                       ? std::optional<Money>(Money::from_cents(released_cents))
                       : std::nullopt;
    row.released_on = stored_date(released_on, released_present, "project_instalments.released_on");
    instalments.push_back(row);
  }
  return instalments;
}

void release_instalment(Transaction& tx, std::int64_t application_id, int number, Money paid,
                        CivilDate on, std::int64_t user_id) {
  const InstalmentRow instalment = require_instalment(tx, application_id, number);
  if (paid <= Money{} || paid > instalment.amount)
    throw StoreError(
        fmt::format("instalment {} of project {} pays more than nothing and at most "
                    "its planned {} cents, not {}",
                    number, application_id, instalment.amount.cents(), paid.cents()));
  const std::int64_t paid_cents = paid.cents();
  const std::string actor = username_of(tx, user_id);
  const std::string day = format_iso(on);
  // The released_on condition releases an instalment once, even for two officers at once.
  soci::statement update =
      (tx.sql().prepare << "UPDATE project_instalments SET released_on = :day, released_by = "
                           ":user_id, released_cents = :paid WHERE application_id = :id AND "
                           "number = :number AND released_on IS NULL",
       soci::use(day), soci::use(user_id), soci::use(paid_cents), soci::use(application_id),
       soci::use(number));
  update.execute(true);
  if (update.get_affected_rows() != 1) {
    const InstalmentRow released = require_instalment(tx, application_id, number);
    throw StoreError(fmt::format(
        "instalment {} of project {} was released on {} by {}; an instalment is released once",
        number, application_id, released.released_on ? format_iso(*released.released_on) : "?",
        released.released_by));
  }
  const json after = {{"number", number},
                      {"condition", instalment.condition},
                      {"amount_cents", instalment.amount.cents()},
                      {"released_cents", paid_cents},
                      {"released_on", day}};
  audit_project(tx, actor, application_id, "release_instalment",
                {{"number", number}, {"released_on", nullptr}}, after);
}

std::vector<ReportRow> list_reports(Transaction& tx, std::int64_t application_id) {
  return select_reports(tx, "WHERE r.application_id = :id", soci::use(application_id));
}

std::optional<ReportRow> find_report(Transaction& tx, std::int64_t report_id) {
  auto found = select_reports(tx, "WHERE r.id = :id", soci::use(report_id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<ReportRow> list_open_reports(Transaction& tx, CivilDate until) {
  const std::string day = format_iso(until);
  return select_reports(tx, "WHERE r.status <> 'accepted' AND r.due_on <= :until", soci::use(day));
}

void submit_report(Transaction& tx, const ReportSubmission& submission) {
  const ReportRow report = require_report(tx, submission.report_id);
  const std::string actor = username_of(tx, submission.user_id);
  if (submission.document_id) {
    const ProjectRow project = require_project(tx, report.application_id);
    require_document_of(tx, project.organisation_id, *submission.document_id, "the report");
  }

  const std::int64_t spent_cents = submission.spent_to_date.cents(),
                     forecast_cents = submission.forecast.cents();
  auto document = nullable(submission.document_id);
  const std::string day = format_iso(submission.on);
  soci::statement update =
      (tx.sql().prepare << "UPDATE project_reports SET status = 'submitted', summary = :summary, "
                           "spent_to_date_cents = :spent, forecast_cents = :forecast, document_id "
                           "= :document_id, submitted_on = :day, submitted_by = :user_id "
                           "WHERE id = :id AND status IN ('due', 'returned')",
       soci::use(submission.summary), soci::use(spent_cents), soci::use(forecast_cents),
       soci::use(document.value, document.indicator), soci::use(day), soci::use(submission.user_id),
       soci::use(submission.report_id));
  change_report(tx, update, submission.report_id, "submitted");
  replace_kpis(tx, submission.report_id, submission.kpis);

  json kpis = json::array();
  for (const KpiResult& kpi : submission.kpis)
    kpis.push_back({{"kpi_index", kpi.kpi_index},
                    {"indicator", kpi.indicator},
                    {"target", kpi.target},
                    {"actual", kpi.actual}});
  json after = report_key(report);
  after["status"] = "submitted";
  after["summary"] = submission.summary;
  after["spent_to_date_cents"] = spent_cents;
  after["forecast_cents"] = forecast_cents;
  after["document_id"] = value_or_null(submission.document_id);
  after["kpis"] = kpis;
  after["submitted_on"] = day;
  json before = report_key(report);
  before["status"] = report.status;
  audit_project(tx, actor, report.application_id, "submit_report", before, after);
}

void review_report(Transaction& tx, std::int64_t report_id, bool accepted, std::string_view note,
                   CivilDate on, std::int64_t user_id) {
  const ReportRow report = require_report(tx, report_id);
  if (!accepted && note.empty())
    throw StoreError(
        fmt::format("the {} is returned with a note saying what to put right", describe(report)));
  const std::string actor = username_of(tx, user_id);

  const std::string status = accepted ? "accepted" : "returned", note_text(note),
                    day = format_iso(on);
  soci::statement update =
      (tx.sql().prepare << "UPDATE project_reports SET status = :status, reviewed_on = :day, "
                           "reviewed_by = :user_id, review_note = :note "
                           "WHERE id = :id AND status = 'submitted'",
       soci::use(status), soci::use(day), soci::use(user_id), soci::use(note_text),
       soci::use(report_id));
  change_report(tx, update, report_id, accepted ? "accepted" : "returned");

  json before = report_key(report), after = report_key(report);
  before["status"] = report.status;
  after["status"] = status;
  after["review_note"] = note_text;
  after["reviewed_on"] = day;
  audit_project(tx, actor, report.application_id, "review_report", before, after);
}

void record_escalation(Transaction& tx, std::int64_t report_id, std::string_view rung,
                       std::string_view note, CivilDate on, std::optional<std::int64_t> user_id) {
  check_code("follow-up rung", rung);
  const ReportRow report = require_report(tx, report_id);
  const std::string actor = actor_of(tx, user_id);

  const std::string rung_code(rung), note_text(note), day = format_iso(on), now = utc_timestamp();
  auto user = nullable(user_id);
  tx.sql() << "INSERT INTO report_escalations (report_id, rung, note, on_day, user_id, at) "
              "VALUES (:report_id, :rung, :note, :on_day, :user_id, :at)",
      soci::use(report_id), soci::use(rung_code), soci::use(note_text), soci::use(day),
      soci::use(user.value, user.indicator), soci::use(now);

  json before = report_key(report), after = report_key(report);
  before["escalation"] = report.escalation;
  after["escalation"] = rung_code;
  after["note"] = note_text;
  after["on"] = day;
  audit_project(tx, actor, report.application_id, "escalate", before, after);
}

bool reminder_sent(Transaction& tx, std::int64_t report_id, std::string_view kind) {
  const std::string kind_code(kind);
  std::int64_t count = 0;
  tx.sql() << "SELECT COUNT(*) FROM report_reminders WHERE report_id = :id AND kind = :kind",
      soci::use(report_id), soci::use(kind_code), soci::into(count);
  return count > 0;
}

void mark_reminder_sent(Transaction& tx, std::int64_t report_id, std::string_view kind) {
  if (kind != "before" && kind != "overdue")
    throw StoreError(fmt::format("\"{}\" is not a reminder: before or overdue", kind));
  const ReportRow report = require_report(tx, report_id);

  const std::string kind_code(kind), now = utc_timestamp();
  std::int64_t inserted = 0;
  // Marking twice (two jobs at once) records it once.
  tx.sql() << "INSERT INTO report_reminders (report_id, kind, sent_at) VALUES (:report_id, "
              ":kind, :sent_at) ON CONFLICT (report_id, kind) DO NOTHING RETURNING report_id",
      soci::use(report_id), soci::use(kind_code), soci::use(now), soci::into(inserted);
  if (!tx.sql().got_data()) return;
  json after = report_key(report);
  after["reminder"] = kind_code;
  audit_project(tx, "system", report.application_id, "remind", nullptr, after);
}

}  // namespace bsap::store
