// What a funded project owes and by when under ruleset 1.8 (§5.1.2, §5.5.7, §5.8.1–§5.8.4,
// §5.9.1, §5.12.3, §5.14.3), and the §5.8.11 follow-up ladder for a late item. Months are
// counted from the start and clamped to the month's end.
#include "project/project_calendar.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "project_test_data.h"

namespace bsap::project::testing {
namespace {

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }
Money cents(std::int64_t amount) { return Money::from_cents(amount); }
CivilDate day(const std::string& iso) { return parse_iso_date(iso).value(); }

struct ExpectedItem {
  DueKind kind;
  int number;
  std::string period_start;  // "" when the item covers no period
  std::string period_end;
  std::string due;
  std::string clause;
};

void expect_calendar(const std::vector<DueItem>& actual,
                     const std::vector<ExpectedItem>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("item " + std::to_string(i + 1) + " " +
                 due_kind_text(expected[i].kind, expected[i].number, Lang::en));
    EXPECT_EQ(actual[i].kind, expected[i].kind);
    EXPECT_EQ(actual[i].number, expected[i].number);
    EXPECT_EQ(format_iso(actual[i].due), expected[i].due);
    EXPECT_EQ(actual[i].clause, expected[i].clause);
    if (expected[i].period_start.empty()) {
      EXPECT_FALSE(actual[i].period_start.has_value());
      EXPECT_FALSE(actual[i].period_end.has_value());
    } else {
      ASSERT_TRUE(actual[i].period_start.has_value());
      ASSERT_TRUE(actual[i].period_end.has_value());
      EXPECT_EQ(format_iso(*actual[i].period_start), expected[i].period_start);
      EXPECT_EQ(format_iso(*actual[i].period_end), expected[i].period_end);
    }
  }
}

std::vector<DueItem> items_of(const std::vector<DueItem>& items, DueKind kind) {
  std::vector<DueItem> found;
  for (const DueItem& item : items)
    if (item.kind == kind) found.push_back(item);
  return found;
}

// ---- month ends: counted from the start, never chained (§5.1.2, §5.8.1, §5.8.2)

// HK$300,000 from 31 January 2027 for 12 months: completion 31 Jan 2028 − 1 day = 30 Jan 2028.
//   inception: 31 Jan + 1 month = 28 Feb 2027 (2027 is not a leap year) (§5.1.2)
//   progress 1: 31 Jan – (31 Jan + 6 months = 31 Jul) − 1 day = 30 Jul 2027, due 30 Jul + 2
//     months = 30 Sep 2027 (§5.8.1, §5.8.2)
//   exit plan: 30 Jan 2028 − 6 months = 30 Jul 2027 (§5.14.3)
//   unspent funds and publicity: 30 Jan 2028 + 1 month = 29 Feb 2028, a leap year (§5.5.7,
//     §5.12.3); completion report: 30 Jan + 2 months = 30 Mar 2028 (§5.8.2)
//   no annual accounts: HK$300,000 is not above HK$300,000 (§5.8.1).
TEST(ProjectCalendar, StartOn31January2027_Sections5_1_2_5_8_1) {
  const ProjectTerms terms{day("2027-01-31"), 12, hkd(300'000)};
  EXPECT_EQ(format_iso(completion_date(terms)), "2028-01-30");
  expect_calendar(
      project_calendar(ruleset_1_8(), terms),
      {{DueKind::inception_report, 0, "", "", "2027-02-28", "§5.1.2"},
       {DueKind::exit_plan, 0, "", "", "2027-07-30", "§5.14.3"},
       {DueKind::progress_report, 1, "2027-01-31", "2027-07-30", "2027-09-30", "§5.8.1, §5.8.2"},
       {DueKind::unspent_funds_return, 0, "", "", "2028-02-29", "§5.5.7"},
       {DueKind::publicity_materials, 0, "", "", "2028-02-29", "§5.12.3"},
       {DueKind::completion_report, 0, "2027-01-31", "2028-01-30", "2028-03-30", "§5.8.2"}});
}

// From 31 January 2028, a leap year: inception due 29 Feb 2028; progress period 1 still ends on
// 30 Jul 2028 and is due 30 Sep 2028; completion 30 Jan 2029, unspent funds by 28 Feb 2029.
TEST(ProjectCalendar, StartOn31January2028LeapYear_Sections5_1_2_5_8_1) {
  const ProjectTerms terms{day("2028-01-31"), 12, hkd(300'000)};
  const std::vector<DueItem> items = project_calendar(ruleset_1_8(), terms);
  expect_calendar(
      items,
      {{DueKind::inception_report, 0, "", "", "2028-02-29", "§5.1.2"},
       {DueKind::exit_plan, 0, "", "", "2028-07-30", "§5.14.3"},
       {DueKind::progress_report, 1, "2028-01-31", "2028-07-30", "2028-09-30", "§5.8.1, §5.8.2"},
       {DueKind::unspent_funds_return, 0, "", "", "2029-02-28", "§5.5.7"},
       {DueKind::publicity_materials, 0, "", "", "2029-02-28", "§5.12.3"},
       {DueKind::completion_report, 0, "2028-01-31", "2029-01-30", "2029-03-30", "§5.8.2"}});
}

// The second period from 31 January starts on 31 July (start + 6 months), not on a day carried
// forward from February: 31 Jul 2027 – 30 Jan 2028 (start + 12 months − 1 day), due 30 Mar 2028.
TEST(ProjectCalendar, SecondPeriodCountedFromTheStart_Section5_8_1) {
  const ProjectTerms terms{day("2027-01-31"), 18, hkd(300'000)};
  const std::vector<DueItem> reports =
      items_of(project_calendar(ruleset_1_8(), terms), DueKind::progress_report);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(format_iso(*reports[1].period_start), "2027-07-31");
  EXPECT_EQ(format_iso(*reports[1].period_end), "2028-01-30");
  EXPECT_EQ(format_iso(reports[1].due), "2028-03-30");
}

// ---- a whole calendar with annual accounts (§5.8.1, §5.8.2, §5.14.3)

// HK$500,000 from 1 April 2027 for 24 months: completion 31 Mar 2029.
//   progress reports: (24 − 1) / 6 = 3, periods Apr–Sep, Oct–Mar, Apr–Sep, each due 2 months on
//   annual accounts: above HK$300,000 and above 18 months; (24 − 1) / 12 = 1 set, Apr 2027 – Mar
//     2028, due 31 May 2028, the same day as progress report 2, which comes first (DueKind order)
//   exit plan: 31 Mar 2029 − 6 months = 30 Sep 2028 (September has no 31st)
//   unspent funds, publicity: 30 Apr 2029; completion report: 31 May 2029.
TEST(ProjectCalendar, TwoYearProjectWithAnnualAccounts_Sections5_8_1_5_8_2_5_14_3) {
  const ProjectTerms terms{day("2027-04-01"), 24, hkd(500'000)};
  expect_calendar(
      project_calendar(ruleset_1_8(), terms),
      {{DueKind::inception_report, 0, "", "", "2027-05-01", "§5.1.2"},
       {DueKind::progress_report, 1, "2027-04-01", "2027-09-30", "2027-11-30", "§5.8.1, §5.8.2"},
       {DueKind::progress_report, 2, "2027-10-01", "2028-03-31", "2028-05-31", "§5.8.1, §5.8.2"},
       {DueKind::annual_audited_accounts, 1, "2027-04-01", "2028-03-31", "2028-05-31", "§5.8.1"},
       {DueKind::exit_plan, 0, "", "", "2028-09-30", "§5.14.3"},
       {DueKind::progress_report, 3, "2028-04-01", "2028-09-30", "2028-11-30", "§5.8.1, §5.8.2"},
       {DueKind::unspent_funds_return, 0, "", "", "2029-04-30", "§5.5.7"},
       {DueKind::publicity_materials, 0, "", "", "2029-04-30", "§5.12.3"},
       {DueKind::completion_report, 0, "2027-04-01", "2029-03-31", "2029-05-31", "§5.8.2"}});
  EXPECT_EQ(final_accounts_required(ruleset_1_8(), terms), FinalAccounts::cpa_audited);
}

// ---- audit thresholds (§5.8.1, §5.8.2, §5.8.4)

TEST(ProjectCalendar, Exactly300kNeedsNoAuditOnlyReceiptsStatement_Sections5_8_1_5_8_4) {
  const ProjectTerms terms{day("2027-04-01"), 24, hkd(300'000)};
  EXPECT_FALSE(annual_audit_required(ruleset_1_8(), terms));
  EXPECT_EQ(final_accounts_required(ruleset_1_8(), terms), FinalAccounts::receipts_statement);
  EXPECT_TRUE(
      items_of(project_calendar(ruleset_1_8(), terms), DueKind::annual_audited_accounts).empty());
}

TEST(ProjectCalendar, OneCentAbove300kNeedsAnnualAndCpaAudit_Sections5_8_1_5_8_2) {
  const ProjectTerms terms{day("2027-04-01"), 24, hkd(300'000) + cents(1)};
  EXPECT_TRUE(annual_audit_required(ruleset_1_8(), terms));
  EXPECT_EQ(final_accounts_required(ruleset_1_8(), terms), FinalAccounts::cpa_audited);
  const std::vector<DueItem> annual =
      items_of(project_calendar(ruleset_1_8(), terms), DueKind::annual_audited_accounts);
  ASSERT_EQ(annual.size(), 1u);
  EXPECT_EQ(annual[0].number, 1);
  EXPECT_EQ(format_iso(annual[0].due), "2028-05-31");
}

TEST(ProjectCalendar, Exactly18MonthsNeedsNoAnnualAudit_Section5_8_1) {
  const ProjectTerms terms{day("2027-04-01"), 18, hkd(500'000)};
  EXPECT_FALSE(annual_audit_required(ruleset_1_8(), terms));
  EXPECT_TRUE(
      items_of(project_calendar(ruleset_1_8(), terms), DueKind::annual_audited_accounts).empty());
  // The final accounts are still CPA-audited: that threshold is the grant alone (§5.8.2).
  EXPECT_EQ(final_accounts_required(ruleset_1_8(), terms), FinalAccounts::cpa_audited);
}

// 19 months: one set for the first twelve months (1 Apr 2027 – 31 Mar 2028, due 31 May 2028);
// the last seven months are in the final accounts.
TEST(ProjectCalendar, NineteenMonthsNeedsOneAnnualAudit_Section5_8_1) {
  const ProjectTerms terms{day("2027-04-01"), 19, hkd(500'000)};
  EXPECT_TRUE(annual_audit_required(ruleset_1_8(), terms));
  const std::vector<DueItem> annual =
      items_of(project_calendar(ruleset_1_8(), terms), DueKind::annual_audited_accounts);
  ASSERT_EQ(annual.size(), 1u);
  EXPECT_EQ(format_iso(*annual[0].period_start), "2027-04-01");
  EXPECT_EQ(format_iso(*annual[0].period_end), "2028-03-31");
  EXPECT_EQ(format_iso(annual[0].due), "2028-05-31");
  EXPECT_EQ(annual[0].clause, "§5.8.1");
}

// 36 months: (36 − 1) / 12 = 2 annual sets; the third year is in the final accounts.
TEST(ProjectCalendar, ThreeYearsNeedsTwoAnnualAudits_Section5_8_1) {
  const ProjectTerms terms{day("2027-04-01"), 36, hkd(500'000)};
  const std::vector<DueItem> annual =
      items_of(project_calendar(ruleset_1_8(), terms), DueKind::annual_audited_accounts);
  ASSERT_EQ(annual.size(), 2u);
  EXPECT_EQ(format_iso(*annual[1].period_start), "2028-04-01");
  EXPECT_EQ(format_iso(*annual[1].period_end), "2029-03-31");
  EXPECT_EQ(format_iso(annual[1].due), "2029-05-31");
}

// §5.8.3: a post-secondary institution whose finance office certifies its accounts owes no
// annual audited accounts and hands in finance-office accounts instead of CPA-audited ones.
TEST(ProjectCalendar, FinanceOfficeCertificationExemptsFromAudit_Section5_8_3) {
  ProjectTerms terms{day("2027-04-01"), 36, hkd(500'000)};
  terms.finance_office_certifies = true;
  EXPECT_FALSE(annual_audit_required(ruleset_1_8(), terms));
  EXPECT_EQ(final_accounts_required(ruleset_1_8(), terms), FinalAccounts::finance_office);
  const std::vector<DueItem> items = project_calendar(ruleset_1_8(), terms);
  EXPECT_TRUE(items_of(items, DueKind::annual_audited_accounts).empty());
  EXPECT_EQ(items_of(items, DueKind::progress_report).size(), 5u);  // reports are still owed
  // At or below HK$300,000 there is no audit to be exempt from (§5.8.4).
  terms.approved = hkd(300'000);
  EXPECT_EQ(final_accounts_required(ruleset_1_8(), terms), FinalAccounts::receipts_statement);
}

TEST(ProjectCalendar, FinalAccountsCodes) {
  EXPECT_EQ(final_accounts_code(FinalAccounts::cpa_audited), "cpa_audited");
  EXPECT_EQ(final_accounts_code(FinalAccounts::finance_office), "finance_office");
  EXPECT_EQ(final_accounts_code(FinalAccounts::receipts_statement), "receipts_statement");
}

// ---- after and before the completion (§5.5.7, §5.9.1, §5.12.3, §5.14.3)

// 1 Apr 2027 for 24 months: completion 31 Mar 2029; exit plan 6 months before = 30 Sep 2028.
TEST(ProjectCalendar, ExitPlanSixMonthsBeforeCompletion_Section5_14_3) {
  const ProjectTerms terms{day("2027-04-01"), 24, hkd(500'000)};
  const std::vector<DueItem> exit =
      items_of(project_calendar(ruleset_1_8(), terms), DueKind::exit_plan);
  ASSERT_EQ(exit.size(), 1u);
  EXPECT_EQ(format_iso(exit[0].due), "2028-09-30");
  EXPECT_EQ(exit[0].clause, "§5.14.3");
  // 15 Jan 2027 for 12 months: completion 14 Jan 2028, exit plan 14 Jul 2027.
  const std::vector<DueItem> short_exit = items_of(
      project_calendar(ruleset_1_8(), {day("2027-01-15"), 12, hkd(200'000)}), DueKind::exit_plan);
  EXPECT_EQ(format_iso(short_exit[0].due), "2027-07-14");
}

// Seven years after the completion: 31 Mar 2029 → 31 Mar 2036; from 29 Feb 2028 (a project from
// 1 Mar 2026 for 24 months) → 28 Feb 2035.
TEST(ProjectCalendar, RecordsKeptSevenYearsAfterCompletion_Section5_9_1) {
  EXPECT_EQ(format_iso(records_kept_until(ruleset_1_8(), {day("2027-04-01"), 24, hkd(500'000)})),
            "2036-03-31");
  const ProjectTerms leap{day("2026-03-01"), 24, hkd(500'000)};
  EXPECT_EQ(format_iso(completion_date(leap)), "2028-02-29");
  EXPECT_EQ(format_iso(records_kept_until(ruleset_1_8(), leap)), "2035-02-28");
}

TEST(ProjectCalendar, NoDurationOwesNothing) {
  EXPECT_TRUE(project_calendar(ruleset_1_8(), {day("2027-04-01"), 0, hkd(500'000)}).empty());
}

// ---- texts and codes

TEST(ProjectCalendar, DueKindTextsAndCodes) {
  EXPECT_EQ(due_kind_text(DueKind::inception_report, 0, Lang::zh_hant), "初始報告");
  EXPECT_EQ(due_kind_text(DueKind::inception_report, 0, Lang::en), "Inception report");
  EXPECT_EQ(due_kind_text(DueKind::progress_report, 2, Lang::zh_hant), "第2份半年進度報告書");
  EXPECT_EQ(due_kind_text(DueKind::progress_report, 2, Lang::en), "Progress report 2");
  EXPECT_EQ(due_kind_text(DueKind::annual_audited_accounts, 1, Lang::zh_hant),
            "第1份經審計年度帳目");
  EXPECT_EQ(due_kind_text(DueKind::annual_audited_accounts, 1, Lang::en),
            "Audited annual accounts 1");
  EXPECT_EQ(due_kind_text(DueKind::exit_plan, 0, Lang::zh_hant), "項目退場計劃");
  EXPECT_EQ(due_kind_text(DueKind::completion_report, 0, Lang::zh_hant), "完成報告書連同最終帳目");
  EXPECT_EQ(due_kind_text(DueKind::completion_report, 0, Lang::en),
            "Completion report with final accounts");
  EXPECT_EQ(due_kind_text(DueKind::unspent_funds_return, 0, Lang::zh_hant), "交還未動用的資助款項");
  EXPECT_EQ(due_kind_text(DueKind::unspent_funds_return, 0, Lang::en), "Return of unspent funds");
  EXPECT_EQ(due_kind_text(DueKind::publicity_materials, 0, Lang::zh_hant), "提交印刷品及宣傳品");
  EXPECT_EQ(due_kind_text(DueKind::publicity_materials, 0, Lang::en), "Publicity materials");
  for (const DueKind kind :
       {DueKind::inception_report, DueKind::progress_report, DueKind::annual_audited_accounts,
        DueKind::exit_plan, DueKind::completion_report, DueKind::unspent_funds_return,
        DueKind::publicity_materials}) {
    EXPECT_EQ(due_kind_from_code(due_kind_code(kind)), kind);
    EXPECT_FALSE(due_kind_text(kind, 1, Lang::zh_hans).empty());
  }
  EXPECT_EQ(due_kind_from_code("tax_return"), std::nullopt);
}

// ---- the follow-up ladder (§5.8.11; days from docs/decisions/0009)

TEST(Escalation, RungByDaysOverdue_Section5_8_11) {
  const CivilDate due = day("2027-09-30");
  EXPECT_EQ(escalation_for(due, due.plus_days(-1)), Escalation::none);
  EXPECT_EQ(escalation_for(due, due), Escalation::none);
  EXPECT_EQ(escalation_for(due, due.plus_days(1)), Escalation::reminder);
  EXPECT_EQ(escalation_for(due, due.plus_days(14)), Escalation::reminder);
  EXPECT_EQ(escalation_for(due, due.plus_days(15)), Escalation::meeting_with_pic);
  EXPECT_EQ(escalation_for(due, due.plus_days(29)), Escalation::meeting_with_pic);
  EXPECT_EQ(escalation_for(due, due.plus_days(30)), Escalation::warning_letter);
  EXPECT_EQ(escalation_for(due, due.plus_days(59)), Escalation::warning_letter);
  EXPECT_EQ(escalation_for(due, due.plus_days(60)), Escalation::report_to_committee);
  EXPECT_EQ(escalation_for(due, due.plus_days(89)), Escalation::report_to_committee);
  EXPECT_EQ(escalation_for(due, due.plus_days(90)), Escalation::consider_suspension_or_termination);
  EXPECT_EQ(escalation_for(due, due.plus_days(400)),
            Escalation::consider_suspension_or_termination);
}

// The codes are the keys of implementation.yaml late_reports_follow_up.escalation.
TEST(Escalation, CodesAreTheRulesetKeys_Section5_8_11) {
  EXPECT_EQ(escalation_code(Escalation::none), "none");
  EXPECT_EQ(escalation_code(Escalation::reminder), "reminder");
  EXPECT_EQ(escalation_code(Escalation::meeting_with_pic), "meeting_with_pic");
  EXPECT_EQ(escalation_code(Escalation::warning_letter), "warning_letter");
  EXPECT_EQ(escalation_code(Escalation::report_to_committee), "report_to_committee");
  EXPECT_EQ(escalation_code(Escalation::consider_suspension_or_termination),
            "consider_suspension_or_termination");
  const rules::RuleEntry* entry =
      ruleset_1_8().entry("implementation.yaml#monitoring.late_reports_follow_up");
  ASSERT_NE(entry, nullptr);
  for (const Escalation rung :
       {Escalation::reminder, Escalation::meeting_with_pic, Escalation::warning_letter,
        Escalation::report_to_committee, Escalation::consider_suspension_or_termination})
    EXPECT_NE(entry->content_json.find("\"" + std::string(escalation_code(rung)) + "\""),
              std::string::npos)
        << escalation_code(rung);
}

TEST(Escalation, TextsInBothLanguages_Section5_8_11) {
  EXPECT_EQ(escalation_text(Escalation::meeting_with_pic, Lang::zh_hant), "約見項目機構的負責人");
  EXPECT_EQ(escalation_text(Escalation::meeting_with_pic, Lang::en),
            "Meeting with the person-in-charge");
  EXPECT_EQ(escalation_text(Escalation::warning_letter, Lang::zh_hans), "向项目机构发出警告信");
}

}  // namespace
}  // namespace bsap::project::testing
