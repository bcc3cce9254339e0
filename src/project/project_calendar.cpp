#include "project/project_calendar.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "project/disbursement_plan.h"

namespace bsap::project {
namespace {

constexpr int kMonthsPerYear = 12;

struct DueKindName {
  DueKind kind;
  std::string_view code;
};

constexpr std::array<DueKindName, 7> kDueKinds = {{
    {DueKind::inception_report, "inception_report"},
    {DueKind::progress_report, "progress_report"},
    {DueKind::annual_audited_accounts, "annual_audited_accounts"},
    {DueKind::exit_plan, "exit_plan"},
    {DueKind::completion_report, "completion_report"},
    {DueKind::unspent_funds_return, "unspent_funds_return"},
    {DueKind::publicity_materials, "publicity_materials"},
}};

// §5.8.11 in the order of implementation.yaml late_reports_follow_up, each rung from the day
// overdue docs/decisions/0009 suggests.
struct Rung {
  Escalation rung;
  std::int64_t from_day_overdue;
  std::string_view code;
  std::string_view zh_hant;
  std::string_view zh_hans;
  std::string_view en;
};

constexpr std::array<Rung, 6> kLadder = {{
    {Escalation::none, 0, "none", "無須跟進", "无须跟进", "No follow-up"},
    {Escalation::reminder, 1, "reminder", "向項目機構發出提醒", "向项目机构发出提醒", "Reminder"},
    {Escalation::meeting_with_pic, 15, "meeting_with_pic", "約見項目機構的負責人",
     "约见项目机构的负责人", "Meeting with the person-in-charge"},
    {Escalation::warning_letter, 30, "warning_letter", "向項目機構發出警告信",
     "向项目机构发出警告信", "Warning letter"},
    {Escalation::report_to_committee, 60, "report_to_committee", "向委員會呈報", "向委员会呈报",
     "Report to the committee"},
    {Escalation::consider_suspension_or_termination, 90, "consider_suspension_or_termination",
     "考慮暫停或終止有關項目的資助", "考虑暂停或终止有关项目的资助",
     "Consider suspension or termination"},
}};

const Rung& rung_of(Escalation rung) {
  for (const Rung& candidate : kLadder)
    if (candidate.rung == rung) return candidate;
  return kLadder.front();
}

std::optional<int> whole_months(const rules::Duration& duration) {
  if (duration.unit == rules::DurationUnit::months) return duration.amount;
  if (duration.unit == rules::DurationUnit::years) return kMonthsPerYear * duration.amount;
  return std::nullopt;
}

// §5.8.1 「每12個月」: limits.yaml keeps the interval as reporting.annual_audited_accounts
// value.interval, which the typed AuditThresholds do not carry, so it is read from the rule entry;
// a year when the entry does not give it.
rules::Duration annual_accounts_interval(const rules::Ruleset& ruleset) {
  const rules::Duration a_year{1, rules::DurationUnit::years};
  const rules::RuleEntry* entry = ruleset.entry("limits.yaml#reporting.annual_audited_accounts");
  if (entry == nullptr) return a_year;
  std::optional<int> amount;
  std::optional<rules::DurationUnit> unit;
  for (const rules::RuleLeaf& leaf : entry->leaves) {
    int read = 0;
    const char* end = leaf.json.data() + leaf.json.size();
    if (leaf.path == "value.interval.amount" &&
        std::from_chars(leaf.json.data(), end, read).ptr == end && read > 0)
      amount = read;
    if (leaf.path == "value.interval.unit" && leaf.json.size() > 2)
      unit =
          rules::parse_duration_unit(std::string_view(leaf.json).substr(1, leaf.json.size() - 2));
  }
  if (!amount || !unit) return a_year;
  return {*amount, *unit};
}

// `times` intervals after `start`, counted from the start rather than chained, so a month-end
// start keeps its day wherever the month has it.
CivilDate intervals_after(CivilDate start, rules::Duration interval, int times) {
  return rules::add_duration(start, {interval.amount * times, interval.unit}, nullptr);
}

// The limit counted back from `date`: "at least six months before" (§5.14.3).
CivilDate limit_before(const rules::TimeLimit& limit, CivilDate date) {
  return rules::add_duration(date, {-limit.duration.amount, limit.duration.unit}, nullptr);
}

std::string joined_clauses(const std::string& first, const std::string& second) {
  return first == second ? first : first + ", " + second;
}

// The k-th period of `interval` from the start, due when the submission limit after it ends.
DueItem period_item(const rules::Ruleset& ruleset, const ProjectTerms& terms, DueKind kind, int k,
                    rules::Duration interval, std::string clause) {
  const CivilDate from = intervals_after(terms.start, interval, k - 1);
  const CivilDate to = intervals_after(terms.start, interval, k).plus_days(-1);
  return {kind, k, from, to, ruleset.time_limits.report_submission.last_day(to), std::move(clause)};
}

DueItem after_completion(DueKind kind, const rules::TimeLimit& limit, CivilDate completion) {
  return {kind, 0, std::nullopt, std::nullopt, limit.last_day(completion), limit.source.clause};
}

void add_progress_reports(const rules::Ruleset& ruleset, const ProjectTerms& terms,
                          std::vector<DueItem>& items) {
  const rules::TimeLimits& limits = ruleset.time_limits;
  const std::string clause = joined_clauses(limits.progress_report_interval.source.clause,
                                            limits.report_submission.source.clause);
  const int reports = progress_report_count(ruleset, terms.duration_months);
  for (int n = 1; n <= reports; ++n)
    items.push_back(period_item(ruleset, terms, DueKind::progress_report, n,
                                limits.progress_report_interval.duration, clause));
}

// §5.8.1: one set for each full interval ending before the completion; the last stretch is in
// the audited final accounts of §5.8.2.
void add_annual_accounts(const rules::Ruleset& ruleset, const ProjectTerms& terms,
                         std::vector<DueItem>& items) {
  if (!annual_audit_required(ruleset, terms)) return;
  const rules::Duration interval = annual_accounts_interval(ruleset);
  const std::optional<int> months = whole_months(interval);
  if (!months || *months <= 0) return;
  const int sets = (terms.duration_months - 1) / *months;
  for (int k = 1; k <= sets; ++k)
    items.push_back(period_item(ruleset, terms, DueKind::annual_audited_accounts, k, interval,
                                ruleset.audit.annual_accounts_source.clause));
}

}  // namespace

std::string_view due_kind_code(DueKind kind) {
  for (const DueKindName& name : kDueKinds)
    if (name.kind == kind) return name.code;
  return "";
}

std::optional<DueKind> due_kind_from_code(std::string_view code) {
  for (const DueKindName& name : kDueKinds)
    if (name.code == code) return name.kind;
  return std::nullopt;
}

std::string due_kind_text(DueKind kind, int number, Lang lang) {
  const std::string n = std::to_string(number);
  const bool hans = lang == Lang::zh_hans;
  switch (kind) {
    case DueKind::inception_report:
      if (lang == Lang::en) return "Inception report";
      return hans ? "初始报告" : "初始報告";
    case DueKind::progress_report:
      if (lang == Lang::en) return "Progress report " + n;
      return hans ? "第" + n + "份半年进度报告书" : "第" + n + "份半年進度報告書";
    case DueKind::annual_audited_accounts:
      if (lang == Lang::en) return "Audited annual accounts " + n;
      return hans ? "第" + n + "份经审计年度账目" : "第" + n + "份經審計年度帳目";
    case DueKind::exit_plan:
      if (lang == Lang::en) return "Exit plan";
      return hans ? "项目退场计划" : "項目退場計劃";
    case DueKind::completion_report:
      if (lang == Lang::en) return "Completion report with final accounts";
      return hans ? "完成报告书连同最终账目" : "完成報告書連同最終帳目";
    case DueKind::unspent_funds_return:
      if (lang == Lang::en) return "Return of unspent funds";
      return hans ? "交还未动用的资助款项" : "交還未動用的資助款項";
    case DueKind::publicity_materials:
      if (lang == Lang::en) return "Publicity materials";
      return hans ? "提交印刷品及宣传品" : "提交印刷品及宣傳品";
  }
  return "";
}

std::string_view final_accounts_code(FinalAccounts accounts) {
  switch (accounts) {
    case FinalAccounts::cpa_audited:
      return "cpa_audited";
    case FinalAccounts::finance_office:
      return "finance_office";
    case FinalAccounts::receipts_statement:
      return "receipts_statement";
  }
  return "";
}

CivilDate completion_date(const ProjectTerms& terms) {
  return terms.start.plus_months(terms.duration_months).plus_days(-1);
}

CivilDate records_kept_until(const rules::Ruleset& ruleset, const ProjectTerms& terms) {
  return ruleset.time_limits.records_retention.last_day(completion_date(terms));
}

bool annual_audit_required(const rules::Ruleset& ruleset, const ProjectTerms& terms) {
  if (terms.finance_office_certifies) return false;  // §5.8.3
  return ruleset.audit.annual_audited_accounts_required(terms.approved, terms.duration_months);
}

FinalAccounts final_accounts_required(const rules::Ruleset& ruleset, const ProjectTerms& terms) {
  // §5.8.4 asks no audit at or below the threshold, so the §5.8.3 exemption only matters above.
  if (!ruleset.audit.final_accounts_need_cpa_audit(terms.approved))
    return FinalAccounts::receipts_statement;
  return terms.finance_office_certifies ? FinalAccounts::finance_office
                                        : FinalAccounts::cpa_audited;
}

std::vector<DueItem> project_calendar(const rules::Ruleset& ruleset, const ProjectTerms& terms) {
  if (terms.duration_months <= 0) return {};
  const rules::TimeLimits& limits = ruleset.time_limits;
  const CivilDate completion = completion_date(terms);
  std::vector<DueItem> items;
  items.push_back({DueKind::inception_report, 0, std::nullopt, std::nullopt,
                   limits.inception_report.last_day(terms.start),
                   limits.inception_report.source.clause});
  add_progress_reports(ruleset, terms, items);
  add_annual_accounts(ruleset, terms, items);
  // Counted back from the completion even when that falls before the start: a project no
  // longer than the notice owes its exit plan with the agreement.
  items.push_back({DueKind::exit_plan, 0, std::nullopt, std::nullopt,
                   limit_before(limits.exit_plan, completion), limits.exit_plan.source.clause});
  items.push_back({DueKind::completion_report, 0, terms.start, completion,
                   limits.report_submission.last_day(completion),
                   limits.report_submission.source.clause});
  items.push_back(
      after_completion(DueKind::unspent_funds_return, limits.unspent_return, completion));
  items.push_back(
      after_completion(DueKind::publicity_materials, limits.publicity_materials, completion));
  std::stable_sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
    if (a.due != b.due) return a.due < b.due;
    return a.kind < b.kind;
  });
  return items;
}

std::string_view escalation_code(Escalation rung) { return rung_of(rung).code; }

std::string escalation_text(Escalation rung, Lang lang) {
  const Rung& found = rung_of(rung);
  if (lang == Lang::en) return std::string(found.en);
  return std::string(lang == Lang::zh_hans ? found.zh_hans : found.zh_hant);
}

Escalation escalation_for(CivilDate due, CivilDate today) {
  const std::int64_t overdue = days_between(due, today);
  Escalation reached = Escalation::none;
  for (const Rung& rung : kLadder)
    if (overdue >= rung.from_day_overdue && rung.from_day_overdue > 0) reached = rung.rung;
  return reached;
}

}  // namespace bsap::project
