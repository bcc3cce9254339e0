// The dates a funded project owes something by (guidelines §5.1.2, §5.5.7, §5.8.1–§5.8.4,
// §5.9.1, §5.12.3, §5.14.3), worked out from its start, duration and grant. Pure: no clock; the
// caller says what today is.
//
// Counting: months are calendar months clamped to the month's end (core/civil_date.h), always
// counted from the start rather than chained, so a project starting on 31 January has its
// inception report due on 28 (or 29) February and its first progress period ending on 30 July.
// - the project runs from `start` to completion = start + duration months − 1 day;
// - inception report: due start + 1 month (§5.1.2);
// - progress report n covers [start + 6(n−1) months, start + 6n months − 1 day] and is due two
//   months after that end (§5.8.1, §5.8.2), for each full six months ending before completion;
// - audited annual accounts k cover the k-th twelve months, due two months after, when the grant
//   is above HK$300,000 and the duration above 18 months (§5.8.1), unless a post-secondary
//   institution's finance office certifies its accounts (§5.8.3);
// - completion report with final accounts: due completion + 2 months (§5.8.2), audited by a CPA
//   when the grant is above HK$300,000 (§5.8.2), with original receipts at or below (§5.8.4);
// - exit plan: due completion − 6 months (§5.14.3);
// - unspent funds and publicity materials: completion + 1 month (§5.5.7, §5.12.3);
// - records kept until completion + 7 years (§5.9.1).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/lang.h"
#include "core/money.h"
#include "rules/ruleset.h"

namespace bsap::project {

enum class DueKind {
  inception_report,
  progress_report,
  annual_audited_accounts,
  exit_plan,
  completion_report,
  unspent_funds_return,
  publicity_materials,
};
std::string_view due_kind_code(DueKind kind);  // "inception_report", …
std::optional<DueKind> due_kind_from_code(std::string_view code);
std::string due_kind_text(DueKind kind, int number, Lang lang);  // "第2份進度報告書" / "Progress report 2"

// What the completion report's accounts must be (§5.8.2, §5.8.3, §5.8.4).
enum class FinalAccounts {
  cpa_audited,          // grant above HK$300,000
  finance_office,       // a post-secondary institution whose finance office certifies
  receipts_statement,   // grant at or below HK$300,000: full statement with original receipts
};
std::string_view final_accounts_code(FinalAccounts accounts);

struct DueItem {
  DueKind kind = DueKind::inception_report;
  int number = 0;  // progress report and annual accounts: 1-based; else 0
  std::optional<CivilDate> period_start;  // reports and accounts: the period covered
  std::optional<CivilDate> period_end;
  CivilDate due = CivilDate::from_days_since_epoch(0);
  std::string clause;
};

struct ProjectTerms {
  CivilDate start = CivilDate::from_days_since_epoch(0);
  int duration_months = 0;
  Money approved;
  // §5.8.3: a post-secondary institution whose finance office certifies its last 12 months'
  // accounts is exempt from the audit requirements.
  bool finance_office_certifies = false;
};

CivilDate completion_date(const ProjectTerms& terms);
CivilDate records_kept_until(const rules::Ruleset& ruleset, const ProjectTerms& terms);
bool annual_audit_required(const rules::Ruleset& ruleset, const ProjectTerms& terms);
FinalAccounts final_accounts_required(const rules::Ruleset& ruleset, const ProjectTerms& terms);

// Every due item, in due-date order (ties: the order of DueKind).
std::vector<DueItem> project_calendar(const rules::Ruleset& ruleset, const ProjectTerms& terms);

// §5.8.11: the follow-up ladder for an item not in by its due date, in order. The guidelines
// leave the timing to the case; bsap suggests the rung by days overdue (docs/decisions/0009):
// reminder from day 1, meeting with the person-in-charge from day 15, warning letter from day 30,
// report to the committee from day 60, consideration of suspension or termination from day 90.
// The last rung (the record kept for future applications) is written whenever an item is late.
enum class Escalation {
  none,
  reminder,
  meeting_with_pic,
  warning_letter,
  report_to_committee,
  consider_suspension_or_termination,
};
std::string_view escalation_code(Escalation rung);  // the implementation.yaml keys
std::string escalation_text(Escalation rung, Lang lang);
Escalation escalation_for(CivilDate due, CivilDate today);
// Days a reminder is sent before each due date.
inline constexpr int kReminderDaysBefore = 14;

}  // namespace bsap::project
