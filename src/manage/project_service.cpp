#include "manage/project_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "assess/assessment_mail.h"
#include "ccfs/application_json.h"
#include "ccfs/budget_kinds.h"
#include "project/project_calendar.h"
#include "project/project_notices.h"
#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/organisation_repo.h"

namespace bsap::manage {
namespace {

using project::ProjectEvent;
using project::ProjectState;

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

ProjectState state_of(const store::ProjectRow& row) {
  auto state = project::state_from_code(row.state);
  if (!state) throw store::StoreError("unknown project state '" + row.state + "'");
  return *state;
}

// Spending, income and purchases belong to a project that has begun and is not yet closed.
void require_running(const store::ProjectRow& row) {
  const ProjectState state = state_of(row);
  if (state == ProjectState::agreement_pending)
    throw StepRefused("§5.1.1", "協議尚未簽訂：項目仍未開始，不能記錄帳目。",
                      "The agreement is not signed yet: the project has not begun, so nothing can "
                      "be recorded against it.");
  if (state == ProjectState::closed)
    throw StepRefused("§5.9.1", "項目已結束，帳目不能再更改。",
                      "The project is closed: its accounts can no longer change.");
}

project::ProjectNoticeFacts facts_of(const store::ProjectRow& row) {
  project::ProjectNoticeFacts facts;
  facts.reference = row.reference;
  facts.title = row.title;
  return facts;
}

void tell_grantee(store::Transaction& tx, const store::ProjectRow& row,
                  project::ProjectNoticeKind kind, const project::ProjectNoticeFacts& facts) {
  assess::notify_organisation(tx, row.organisation_id, project::project_notice(kind, facts));
}

project::ProjectTerms terms_of(const store::ProjectRow& row) {
  return {row.start_on, row.duration_months, row.approved, row.finance_office_certifies};
}

ccfs::Application read_application(store::Transaction& tx, std::int64_t application_id) {
  auto stored = store::find_application(tx, application_id);
  if (!stored) throw StepRefused("§5.1.1", "找不到申請。", "No such application.");
  auto parsed = ccfs::parse_application_json(stored->document_json);
  if (auto* document = std::get_if<ccfs::ApplicationDocument>(&parsed))
    return std::move(document->application);
  throw store::StoreError("the submitted document of application " +
                          std::to_string(application_id) + " no longer parses");
}

std::vector<project::PlannedInstalment> schedule_for(const rules::Ruleset& ruleset,
                                                     const OpenProject& open, Money approved,
                                                     int duration_months) {
  if (open.custom_schedule) {
    if (auto refusal =
            project::check_custom_schedule(*open.custom_schedule, approved, open.schedule_reason))
      throw StepRefused(refusal->clause, refusal->message_zh, refusal->message_en);
    return *open.custom_schedule;
  }
  auto generated = project::generate_schedule(
      ruleset, {approved, duration_months, open.first_share_bp, open.remainder});
  if (auto* refusal = std::get_if<project::ScheduleRefusal>(&generated))
    throw StepRefused(refusal->clause, refusal->message_zh, refusal->message_en);
  return std::get<std::vector<project::PlannedInstalment>>(generated);
}

std::vector<std::pair<std::string, Money>> approved_items(const ccfs::Application& application) {
  std::vector<std::pair<std::string, Money>> items;
  for (const ccfs::BudgetLine& line : application.budget) {
    std::string name = line.description;
    if (blank(name))
      if (const ccfs::BudgetKind* kind = ccfs::find_budget_kind(line.kind))
        name = std::string(kind->name_en);
    // The same line recurs year by year (§3.2): the year tells them apart.
    if (line.year > 0) name += fmt::format(" (第{}年 year {})", line.year, line.year);
    items.emplace_back(name, line.amount());
  }
  return items;
}

std::vector<store::NewReport> due_reports(const rules::Ruleset& ruleset,
                                          const project::ProjectTerms& terms) {
  std::vector<store::NewReport> reports;
  for (const project::DueItem& item : project::project_calendar(ruleset, terms))
    reports.push_back({std::string(project::due_kind_code(item.kind)), item.number,
                       item.period_start, item.period_end, item.due, item.clause});
  return reports;
}

project::Settlement settlement_of(store::Transaction& tx, const store::ProjectRow& row) {
  project::SettlementInput input;
  input.approved = row.approved;
  for (const store::ItemRow& item : store::list_items(tx, row.application_id))
    input.items.push_back({item.item_no, item.name, item.approved, item.increase, item.spent});
  for (const store::IncomeRow& income : store::list_income(tx, row.application_id)) {
    input.income += income.amount;
    if (income.reinvestment_approved) input.reinvested += income.amount;
  }
  for (const store::ReductionRow& reduction : store::list_reductions(tx, row.application_id))
    input.reductions += reduction.amount;
  for (const store::InstalmentRow& instalment : store::list_instalments(tx, row.application_id))
    if (instalment.released) input.paid += *instalment.released;
  for (const store::RefundRow& refund : store::list_refunds(tx, row.application_id))
    input.refunded += refund.amount;
  return project::settle(input);
}

std::string report_text(const store::ReportRow& report, Lang lang) {
  auto kind = project::due_kind_from_code(report.kind);
  return kind ? project::due_kind_text(*kind, report.number, lang) : report.kind;
}

// The report an instalment waits for, and whether it is accepted.
bool condition_met(const std::vector<store::ReportRow>& reports, const store::ProjectRow& row,
                   const store::InstalmentRow& instalment) {
  auto accepted = [&](std::string_view kind, int number) {
    return std::any_of(reports.begin(), reports.end(), [&](const store::ReportRow& report) {
      return report.kind == kind && report.number == number && report.status == "accepted";
    });
  };
  switch (project::condition_from_code(instalment.condition).value()) {
    case project::ReleaseCondition::agreement_signed:
      return row.agreement_signed_on.has_value();
    case project::ReleaseCondition::inception_report_accepted:
      return accepted("inception_report", 0);
    case project::ReleaseCondition::progress_report_accepted:
      return accepted("progress_report", instalment.report_number);
    case project::ReleaseCondition::completion_report_accepted:
      return accepted("completion_report", 0);
  }
  return false;
}

// What an instalment pays: as planned, except that the one on the completion report pays only
// what the settlement still owes (§5.5.2, §5.5.7), never more than planned.
Money payable(store::Transaction& tx, const store::ProjectRow& row,
              const store::InstalmentRow& instalment) {
  if (instalment.condition != "completion_report_accepted") return instalment.amount;
  return std::min(instalment.amount, settlement_of(tx, row).balance);
}

std::string instalment_text(const store::InstalmentRow& instalment, Lang lang) {
  const std::string condition = project::condition_text(
      project::condition_from_code(instalment.condition).value(), instalment.report_number, lang);
  return lang == Lang::en ? fmt::format("instalment {} ({})", instalment.number, condition)
                          : fmt::format("第{}期款項({})", instalment.number, condition);
}

}  // namespace

void open_project(store::Transaction& tx, const rules::Ruleset& ruleset, const OpenProject& open,
                  std::int64_t secretariat_user_id) {
  auto decision = store::find_decision(tx, open.application_id);
  if (!decision || !decision->approved_amount || !decision->duration_months)
    throw StepRefused("§4.1.2, §5.1.1", "只有經委員會批准的申請才可成為資助項目。",
                      "Only an application the committee approved can become a funded project.");
  if (store::find_project(tx, open.application_id))
    throw StepRefused("§5.1.1", "此申請已有資助項目。", "This application is already a project.");
  const ccfs::Application application = read_application(tx, open.application_id);
  store::NewProject project;
  project.application_id = open.application_id;
  project.approved = *decision->approved_amount;
  project.duration_months = *decision->duration_months;
  project.first_share_bp = open.first_share_bp;
  project.start_on = open.start_on;
  project.schedule_reason = open.custom_schedule ? open.schedule_reason : std::string();
  project.finance_office_certifies = application.applicant.kind == "post_secondary_institution";
  project.private_buildings = open.private_buildings;
  for (const project::PlannedInstalment& instalment :
       schedule_for(ruleset, open, project.approved, project.duration_months))
    project.instalments.push_back(
        {instalment.number, std::string(project::condition_code(instalment.condition)),
         instalment.report_number, instalment.month_offset, instalment.amount});
  project.reports = due_reports(ruleset, {project.start_on, project.duration_months,
                                          project.approved, project.finance_office_certifies});
  project.items = approved_items(application);
  project.user_id = secretariat_user_id;
  store::create_project(tx, project);
  tell_grantee(tx, require_project(tx, open.application_id), project::ProjectNoticeKind::opened,
               facts_of(require_project(tx, open.application_id)));
}

void sign_agreement(store::Transaction& tx, std::int64_t application_id, CivilDate signed_on,
                    std::optional<std::int64_t> bank_statement_document_id,
                    std::optional<std::int64_t> owners_agreement_document_id,
                    std::int64_t secretariat_user_id) {
  const store::ProjectRow row = require_project(tx, application_id);
  if (auto refused = project::next_project_state(state_of(row), ProjectEvent::sign_agreement);
      auto* refusal = std::get_if<project::ProjectRefusal>(&refused))
    throw StepRefused(refusal->clause, refusal->message_zh, refusal->message_en);
  if (!bank_statement_document_id && !row.finance_office_certifies)
    throw StepRefused("§5.1.1, §5.6.1",
                      "請附上銀行結單副本：帳戶名稱須為項目機構的名稱，並顯示帳戶號碼。",
                      "Attach a copy of a bank statement: the account must be in the grantee's "
                      "name and show the account number.");
  if (!owners_agreement_document_id && row.private_buildings)
    throw StepRefused(
        "§5.1.1, §2.7.12",
        "項目涉及私人建築物：請附上與建築物擁有人簽訂、承諾在工程完成後向公眾開放的協議副"
        "本。",
        "The project works in private buildings: attach a copy of the owners' "
        "agreement to open the buildings to the public after the works.");
  store::record_agreement(tx, application_id, signed_on, bank_statement_document_id,
                          owners_agreement_document_id, secretariat_user_id);
  tell_grantee(tx, row, project::ProjectNoticeKind::agreement_signed, facts_of(row));
}

void submit_report(store::Transaction& tx, const ProjectActor& actor,
                   const store::ReportSubmission& submission) {
  auto report = store::find_report(tx, submission.report_id);
  if (!report) throw StepRefused("§5.8", "找不到報告。", "No such report.");
  const store::ProjectRow row = require_project(tx, report->application_id);
  require_actor(tx, row, actor);
  if (!project::owes_reports(state_of(row)))
    throw StepRefused("§5.8.2", "項目已結束或終止，不須再提交報告。",
                      "The project is closed or terminated: no report is owed any more.");
  if (report->status != "due" && report->status != "returned")
    throw StepRefused("§5.8.2", "此報告已提交。", "This report has already been submitted.");
  if (blank(submission.summary))
    throw StepRefused("§5.8.1", "請填寫報告內容摘要。", "Write the report's summary.");
  if (report->kind == "progress_report" && report->period_start)
    for (const store::CapitalItemRow& item : store::list_capital_items(tx, row.application_id))
      if (item.disposal.empty() &&
          (!item.photographed_on || *item.photographed_on < *report->period_start))
        throw StepRefused(
            "§5.13.6", "資本物品「" + item.name + "」須在提交進度報告前重新拍攝相片並說明狀況。",
            "Capital item \"" + item.name +
                "\" needs a new photograph and condition note before the progress report is "
                "submitted.");
  store::submit_report(tx, submission);
}

void review_report(store::Transaction& tx, const rules::Ruleset& ruleset, std::int64_t report_id,
                   bool accepted, const std::string& note, CivilDate today,
                   std::int64_t secretariat_user_id) {
  auto report = store::find_report(tx, report_id);
  if (!report) throw StepRefused("§5.8", "找不到報告。", "No such report.");
  if (report->status != "submitted")
    throw StepRefused("§5.8.2", "只可審閱已提交的報告。",
                      "Only a submitted report can be reviewed.");
  if (!accepted && blank(note))
    throw StepRefused("§5.7.1", "退回報告時請說明須修訂之處。",
                      "Say what must be revised when returning a report.");
  const store::ProjectRow row = require_project(tx, report->application_id);
  store::review_report(tx, report_id, accepted, note, today, secretariat_user_id);
  project::ProjectNoticeFacts facts = facts_of(row);
  facts.what_zh = report_text(*report, Lang::zh_hant);
  facts.what_en = report_text(*report, Lang::en);
  facts.note = note;
  tell_grantee(tx, row,
               accepted ? project::ProjectNoticeKind::report_accepted
                        : project::ProjectNoticeKind::report_returned,
               facts);
  if (!accepted || report->kind != "completion_report") return;
  store::NewProjectEvent event{row.application_id,
                               std::string(project::event_code(ProjectEvent::complete)),
                               row.state,
                               std::string(project::state_code(ProjectState::completed)),
                               "§5.8.2",
                               today,
                               today,
                               secretariat_user_id};
  store::record_project_event(tx, event, project::records_kept_until(ruleset, terms_of(row)));
}

void release_instalment(store::Transaction& tx, std::int64_t application_id, int number,
                        CivilDate today, std::int64_t secretariat_user_id) {
  const store::ProjectRow row = require_project(tx, application_id);
  const ProjectState state = state_of(row);
  if (state == ProjectState::suspended || state == ProjectState::terminated ||
      state == ProjectState::closed || state == ProjectState::agreement_pending)
    throw StepRefused("§5.16.3, §5.5.1", "項目現時的狀態不容許發放款項。",
                      "No instalment can be released while the project is " + row.state + ".");
  const auto instalments = store::list_instalments(tx, application_id);
  const auto reports = store::list_reports(tx, application_id);
  for (const store::InstalmentRow& instalment : instalments) {
    if (instalment.number == number) {
      if (instalment.released_on)
        throw StepRefused("§5.5.1", "此期款項已發放。", "This instalment has been released.");
      if (!condition_met(reports, row, instalment))
        throw StepRefused(
            "§5.5.1, §5.8.1",
            "此期款項須待" + instalment_text(instalment, Lang::zh_hant) + "的條件達成後才可發放。",
            "The " + instalment_text(instalment, Lang::en) +
                " waits for its condition: the report it depends on must be "
                "accepted first.");
      const Money paid = payable(tx, row, instalment);
      if (paid <= Money{})
        throw StepRefused(
            "§5.5.2, §5.5.7",
            "結算顯示已發放的款項已足額或超額，不須再發放：如有超額，請記錄退款後結束項目。",
            "The settlement owes the grantee nothing more: record any refund due "
            "and close the project instead.");
      store::release_instalment(tx, application_id, number, paid, today, secretariat_user_id);
      project::ProjectNoticeFacts facts = facts_of(row);
      facts.what_zh = instalment_text(instalment, Lang::zh_hant);
      facts.what_en = instalment_text(instalment, Lang::en);
      facts.amount = paid;
      facts.day = today;
      tell_grantee(tx, row, project::ProjectNoticeKind::instalment_released, facts);
      return;
    }
    if (!instalment.released_on)
      throw StepRefused("§5.5.1", "請先發放較早的款項。",
                        "Release the earlier instalments first, in order.");
  }
  throw StepRefused("§5.5.1", "找不到此期款項。", "No such instalment.");
}

std::int64_t record_expenditure(store::Transaction& tx, const ProjectActor& actor,
                                const store::NewExpenditure& expenditure) {
  const store::ProjectRow row = require_project(tx, expenditure.application_id);
  require_actor(tx, row, actor);
  require_running(row);
  const CivilDate completion = project::completion_date(terms_of(row));
  if (expenditure.spent_on < row.start_on || completion < expenditure.spent_on)
    throw StepRefused("§3.1",
                      "開支須在項目開始之日(" + format_iso(row.start_on) + ")至完成之日(" +
                          format_iso(completion) + ")期間招致。",
                      "Expenditure must be incurred between the project's start (" +
                          format_iso(row.start_on) + ") and its completion (" +
                          format_iso(completion) + ").");
  std::vector<project::LedgerItem> items;
  for (const store::ItemRow& item : store::list_items(tx, row.application_id))
    items.push_back({item.item_no, item.name, item.approved, item.increase, item.spent});
  if (auto refusal = project::check_expenditure(items, expenditure.item_no, expenditure.amount))
    throw StepRefused(refusal->clause, refusal->message_zh, refusal->message_en);
  if (blank(expenditure.description))
    throw StepRefused("§3.1", "請說明開支內容。", "Describe the expenditure.");
  return store::record_expenditure(tx, expenditure);
}

void approve_increase(store::Transaction& tx, const rules::Ruleset& ruleset,
                      std::int64_t application_id, int item_no, Money amount,
                      const std::string& reason, CivilDate today,
                      std::int64_t secretariat_user_id) {
  const store::ProjectRow row = require_project(tx, application_id);
  require_running(row);
  std::vector<project::LedgerItem> items;
  for (const store::ItemRow& item : store::list_items(tx, application_id))
    items.push_back({item.item_no, item.name, item.approved, item.increase, item.spent});
  if (auto refusal = project::check_item_increase(ruleset, items, item_no, amount, reason))
    throw StepRefused(refusal->clause, refusal->message_zh, refusal->message_en);
  store::record_increase(tx, application_id, item_no, amount, reason, today, secretariat_user_id);
}

std::int64_t record_income(store::Transaction& tx, const ProjectActor& actor,
                           std::int64_t application_id, project::IncomeKind kind, Money amount,
                           CivilDate received_on, const std::string& description,
                           bool reinvestment_approved) {
  const store::ProjectRow row = require_project(tx, application_id);
  require_actor(tx, row, actor);
  require_running(row);
  if (amount <= Money{})
    throw StepRefused("§5.5.2", "收入金額須大於零。", "The income must be more than zero.");
  if (reinvestment_approved && !actor.secretariat)
    throw StepRefused("§5.5.8", "再投入項目的收入須經審批小組同意，由秘書處記錄。",
                      "Re-investing income needs the Approval Panel's consent, which the "
                      "secretariat records.");
  return store::record_income(tx, application_id, project::income_kind_code(kind), amount,
                              received_on, description, reinvestment_approved, actor.user_id);
}

std::int64_t record_purchase(store::Transaction& tx, const rules::Ruleset& ruleset,
                             const ProjectActor& actor, const store::NewPurchase& purchase) {
  const store::ProjectRow row = require_project(tx, purchase.application_id);
  require_actor(tx, row, actor);
  require_running(row);
  store::NewPurchase recorded = purchase;
  store::PurchaseRow& p = recorded.purchase;
  if (!actor.secretariat) {
    p.agreed_otherwise = false;
    p.non_lowest_agreed = false;
    p.single_source_approved = false;
  }
  project::Purchase judged;
  judged.description = p.description;
  judged.value = p.value;
  for (const store::QuotationRow& quotation : p.quotations)
    judged.quotations.push_back({quotation.supplier, quotation.amount});
  if (p.chosen) judged.chosen = static_cast<std::size_t>(*p.chosen);
  judged.open_tender = p.open_tender;
  judged.brand_specified = p.brand_specified;
  judged.single_source_approved = p.single_source_approved;
  judged.secretariat_agreed_otherwise = p.agreed_otherwise;
  judged.non_lowest_justification = p.non_lowest_justification;
  judged.non_lowest_agreed = p.non_lowest_agreed;
  std::string zh, en, clause;
  for (const ccfs::Finding& finding : project::check_purchase(ruleset, judged)) {
    clause += (clause.empty() ? "" : ", ") + finding.clause;
    zh += finding.message_zh;
    en += (en.empty() ? "" : " ") + finding.message_en;
  }
  if (!clause.empty()) throw StepRefused(clause, zh, en);
  const std::int64_t id = store::record_purchase(tx, recorded);
  if (p.capital_item) {
    store::CapitalItemRow item;
    item.purchase_id = id;
    item.name = p.description;
    item.cost = p.chosen ? p.quotations.at(static_cast<std::size_t>(*p.chosen)).amount : p.value;
    item.acquired_on = p.recorded_on;
    store::record_capital_item(tx, row.application_id, item, actor.user_id);
  }
  return id;
}

void record_item_photo(store::Transaction& tx, const ProjectActor& actor,
                       std::int64_t capital_item_id, std::int64_t document_id, CivilDate on,
                       const std::string& condition) {
  auto project_id = store::capital_item_project(tx, capital_item_id);
  if (!project_id) throw StepRefused("§5.13.6", "找不到資本物品。", "No such capital item.");
  const store::ProjectRow row = require_project(tx, *project_id);
  require_actor(tx, row, actor);
  require_running(row);
  if (blank(condition))
    throw StepRefused("§5.13.6", "請說明物品的狀況。", "Describe the item's condition.");
  store::record_item_photo(tx, capital_item_id, document_id, on, condition, actor.user_id);
}

void dispose_capital_item(store::Transaction& tx, std::int64_t capital_item_id,
                          const std::string& disposal, std::optional<Money> proceeds, CivilDate on,
                          std::int64_t secretariat_user_id) {
  auto project_id = store::capital_item_project(tx, capital_item_id);
  if (!project_id) throw StepRefused("§5.14.2", "找不到資本物品。", "No such capital item.");
  const store::ProjectRow row = require_project(tx, *project_id);
  require_running(row);
  if (blank(disposal))
    throw StepRefused("§5.14.2", "請說明處置安排。", "Say how the item is disposed of.");
  if (proceeds && *proceeds < Money{})
    throw StepRefused("§5.14.2", "出售所得不可為負數。", "Proceeds cannot be negative.");
  store::record_disposal(tx, capital_item_id, disposal, proceeds, on, secretariat_user_id);
  if (proceeds && *proceeds > Money{})
    store::record_income(tx, *project_id,
                         project::income_kind_code(project::IncomeKind::asset_proceeds), *proceeds,
                         on, "§5.14.2 " + disposal, false, secretariat_user_id);
}

void confirm_reduction(store::Transaction& tx, std::int64_t application_id,
                       const store::ReductionRow& reduction, std::int64_t secretariat_user_id) {
  const store::ProjectRow row = require_project(tx, application_id);
  require_running(row);
  if (reduction.amount <= Money{} || reduction.amount > row.approved)
    throw StepRefused("§5.5.4", "扣減額須大於零且不超過核准資助額。",
                      "A reduction must be more than zero and no more than the approved grant.");
  if (blank(reduction.note))
    throw StepRefused("§5.5.4", "請記錄扣減的理由。", "Record the reason for the reduction.");
  store::record_reduction(tx, application_id, reduction, secretariat_user_id);
}

void record_refund(store::Transaction& tx, std::int64_t application_id, Money amount,
                   CivilDate received_on, const std::string& note,
                   std::int64_t secretariat_user_id) {
  const store::ProjectRow row = require_project(tx, application_id);
  require_running(row);
  if (amount <= Money{})
    throw StepRefused("§5.5.7", "退款金額須大於零。", "A refund must be more than zero.");
  store::record_refund(tx, application_id, amount, received_on, note, secretariat_user_id);
}

void change_project_state(store::Transaction& tx, std::int64_t application_id, ProjectEvent event,
                          const std::string& grounds, bool immediate, CivilDate today,
                          std::int64_t secretariat_user_id) {
  const store::ProjectRow row = require_project(tx, application_id);
  if (event != ProjectEvent::suspend && event != ProjectEvent::resume &&
      event != ProjectEvent::terminate)
    throw StepRefused("§5.16", "此步驟不能在此進行。", "This step is not taken here.");
  auto next = project::next_project_state(state_of(row), event);
  if (auto* refusal = std::get_if<project::ProjectRefusal>(&next))
    throw StepRefused(refusal->clause, refusal->message_zh, refusal->message_en);
  if (blank(grounds)) throw StepRefused("§5.16.1", "請記錄理據。", "Record the grounds.");
  if (immediate && event != ProjectEvent::terminate)
    throw StepRefused("§5.16.2", "只有終止資助可即時生效。",
                      "Only a termination can be immediate.");
  // A resumption (§5.16.3) follows the grantee's showing that the problem is solved: at once.
  const CivilDate effective =
      event == ProjectEvent::resume ? today : project::takes_effect_on(today, immediate);
  for (const store::ProjectEventRow& pending : store::list_project_events(tx, application_id))
    if (!pending.applied)
      throw StepRefused("§5.16.3", "已有一項通知尚待生效。",
                        "A notice is already waiting to take effect.");
  store::record_project_event(
      tx, {application_id, std::string(project::event_code(event)), row.state,
           std::string(project::state_code(std::get<ProjectState>(next))), grounds, today,
           effective, secretariat_user_id});
  project::ProjectNoticeFacts facts = facts_of(row);
  facts.what_zh = project::event_text(event, Lang::zh_hant);
  facts.what_en = project::event_text(event, Lang::en);
  facts.note = grounds;
  facts.day = effective;
  tell_grantee(tx, row, project::ProjectNoticeKind::state_notice, facts);
}

void close_project(store::Transaction& tx, std::int64_t application_id, CivilDate today,
                   std::int64_t secretariat_user_id) {
  const store::ProjectRow row = require_project(tx, application_id);
  auto next = project::next_project_state(state_of(row), ProjectEvent::close);
  if (auto* refusal = std::get_if<project::ProjectRefusal>(&next))
    throw StepRefused(refusal->clause, refusal->message_zh, refusal->message_en);
  const project::Settlement settlement = settlement_of(tx, row);
  if (settlement.balance < Money{})
    throw StepRefused(
        "§5.5.7, §5.16.3",
        "項目機構仍須交還" + format_hkd(-settlement.balance) + "：請先記錄退款。",
        "The grantee still owes " + format_hkd(-settlement.balance) + ": record the refund first.");
  if (settlement.balance > Money{})
    throw StepRefused(
        "§5.5.1",
        "結算顯示仍欠項目機構" + format_hkd(settlement.balance) + "：請先發放最後一期款項。",
        "The settlement still owes the grantee " + format_hkd(settlement.balance) +
            ": release the final instalment first.");
  const CivilDate records_until =
      row.records_until ? *row.records_until
                        : today.plus_months(12 * 7);  // terminated: seven years from now (§5.9.1)
  store::record_project_event(
      tx,
      {application_id, std::string(project::event_code(ProjectEvent::close)), row.state,
       std::string(project::state_code(ProjectState::closed)), "§5.5.7, §5.9.1", today, today,
       secretariat_user_id},
      records_until);
  project::ProjectNoticeFacts facts = facts_of(row);
  facts.day = records_until;
  tell_grantee(tx, row, project::ProjectNoticeKind::closed, facts);
}

project::Settlement current_settlement(store::Transaction& tx, std::int64_t application_id) {
  return settlement_of(tx, require_project(tx, application_id));
}

int run_project_jobs(store::Transaction& tx, CivilDate today) {
  int done = 0;
  for (const store::PendingEvent& pending : store::list_due_project_events(tx, today)) {
    store::apply_project_event(tx, pending.event_id);
    ++done;
  }
  for (const store::ReportRow& report :
       store::list_open_reports(tx, today.plus_days(project::kReminderDaysBefore))) {
    if (report.status == "submitted") continue;
    const bool overdue = report.due_on < today;
    const std::string kind = overdue ? "overdue" : "before";
    if (store::reminder_sent(tx, report.id, kind)) continue;
    const store::ProjectRow row = require_project(tx, report.application_id);
    if (!project::owes_reports(state_of(row))) continue;
    project::ProjectNoticeFacts facts = facts_of(row);
    facts.what_zh = report_text(report, Lang::zh_hant);
    facts.what_en = report_text(report, Lang::en);
    facts.day = report.due_on;
    tell_grantee(tx, row,
                 overdue ? project::ProjectNoticeKind::report_overdue
                         : project::ProjectNoticeKind::report_due_soon,
                 facts);
    store::mark_reminder_sent(tx, report.id, kind);
    if (overdue)
      store::record_escalation(tx, report.id,
                               project::escalation_code(project::Escalation::reminder),
                               "sent by the scheduled job", today, std::nullopt);
    ++done;
  }
  return done;
}

}  // namespace bsap::manage
