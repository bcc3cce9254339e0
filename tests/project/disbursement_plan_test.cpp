// The disbursement schedule of guidelines §5.5.1 under ruleset 1.8: the first part (at most 25 %)
// one month before the start, the rest of the first instalment on the inception report (§5.1.2),
// the balance evenly over the half-yearly progress reports (§5.8.1) floored to the cent, and the
// 10 % retention on the completion report (§5.8.2). Month offsets: inception 1, progress report
// n 6n + 2, completion duration + 2.
#include "project/disbursement_plan.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "project_test_data.h"

namespace bsap::project::testing {
namespace {

using enum ReleaseCondition;

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }
Money cents(std::int64_t amount) { return Money::from_cents(amount); }

struct Expected {
  ReleaseCondition condition;
  int report_number;
  int month_offset;
  std::int64_t cents;
};

std::vector<PlannedInstalment> schedule_of(const ScheduleRequest& request) {
  auto generated = generate_schedule(ruleset_1_8(), request);
  if (const auto* refusal = std::get_if<ScheduleRefusal>(&generated)) {
    ADD_FAILURE() << "refused: " << refusal->clause << " " << refusal->message_en;
    return {};
  }
  return std::get<std::vector<PlannedInstalment>>(std::move(generated));
}

ScheduleRefusal refusal_of(const ScheduleRequest& request) {
  auto generated = generate_schedule(ruleset_1_8(), request);
  if (const auto* refusal = std::get_if<ScheduleRefusal>(&generated)) return *refusal;
  ADD_FAILURE() << "expected a refusal";
  return {};
}

// Every instalment's number, condition, report number, month offset and amount.
void expect_schedule(const std::vector<PlannedInstalment>& actual,
                     const std::vector<Expected>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("instalment " + std::to_string(i + 1));
    EXPECT_EQ(actual[i].number, static_cast<int>(i) + 1);
    EXPECT_EQ(actual[i].condition, expected[i].condition);
    EXPECT_EQ(actual[i].report_number, expected[i].report_number);
    EXPECT_EQ(actual[i].month_offset, expected[i].month_offset);
    EXPECT_EQ(actual[i].amount, cents(expected[i].cents));
  }
}

Money sum_of(const std::vector<PlannedInstalment>& schedule) {
  Money total;
  for (const PlannedInstalment& instalment : schedule) total += instalment.amount;
  return total;
}

// ---- progress_report_count (§5.8.1): one per full six months ending before the completion

TEST(ProgressReportCount, OnePerFullSixMonthsBeforeCompletion_Section5_8_1) {
  const rules::Ruleset& rules = ruleset_1_8();
  EXPECT_EQ(progress_report_count(rules, 0), 0);
  EXPECT_EQ(progress_report_count(rules, 1), 0);
  EXPECT_EQ(progress_report_count(rules, 6), 0);  // the six months end with the project
  EXPECT_EQ(progress_report_count(rules, 7), 1);
  EXPECT_EQ(progress_report_count(rules, 12), 1);
  EXPECT_EQ(progress_report_count(rules, 13), 2);
  EXPECT_EQ(progress_report_count(rules, 18), 2);
  EXPECT_EQ(progress_report_count(rules, 19), 3);
  EXPECT_EQ(progress_report_count(rules, 36), 5);
}

// ---- hand-worked schedules (§5.5.1)

// HK$300,000 over 12 months, first share 25 %:
//   first instalment 25 % = 75,000.00, all of it the first part (cap 25 % = 75,000.00), so no
//   inception instalment; retention 10 % = 30,000.00; balance 300,000 − 75,000 − 30,000 =
//   195,000.00 over (12 − 1) / 6 = 1 progress report.
//   1. agreement, month −1: 75,000.00   2. progress report 1, month 8: 195,000.00
//   3. completion, month 12 + 2 = 14: 30,000.00                 sum 300,000.00
TEST(DisbursementPlan, Grant300kOver12MonthsAt25Percent_Section5_5_1) {
  expect_schedule(schedule_of({hkd(300'000), 12, 2500}),
                  {{agreement_signed, 0, -1, 7'500'000},
                   {progress_report_accepted, 1, 8, 19'500'000},
                   {completion_report_accepted, 0, 14, 3'000'000}});
}

// HK$300,000 over 12 months, first share 50 %:
//   first instalment 150,000.00 = first part 75,000.00 (the 25 % cap) + 75,000.00 on the
//   inception report (month 1, §5.1.2); retention 30,000.00; balance 300,000 − 150,000 −
//   30,000 = 120,000.00 on the one progress report.
TEST(DisbursementPlan, Grant300kOver12MonthsAt50Percent_Section5_5_1) {
  expect_schedule(schedule_of({hkd(300'000), 12, 5000}),
                  {{agreement_signed, 0, -1, 7'500'000},
                   {inception_report_accepted, 0, 1, 7'500'000},
                   {progress_report_accepted, 1, 8, 12'000'000},
                   {completion_report_accepted, 0, 14, 3'000'000}});
}

// HK$2,999,999.99 = 299,999,999 cents over 36 months, first share 25 %:
//   first instalment floor(299,999,999 × 25 %) = floor(74,999,999.75) = 74,999,999 cents, all
//   the first part; retention floor(299,999,999 × 10 %) = floor(29,999,999.9) = 29,999,999;
//   balance 299,999,999 − 74,999,999 − 29,999,999 = 195,000,001 over (36 − 1) / 6 = 5 reports:
//   39,000,000 each and 1 cent left over, which goes to the last by default.
//   Offsets: progress n at 6n + 2 = 8, 14, 20, 26, 32; completion 36 + 2 = 38.
//   Sum: 74,999,999 + 4 × 39,000,000 + 39,000,001 + 29,999,999 = 299,999,999.
TEST(DisbursementPlan, Grant2999999_99Over36MonthsAt25Percent_Section5_5_1) {
  const std::vector<PlannedInstalment> schedule = schedule_of({cents(299'999'999), 36, 2500});
  expect_schedule(schedule, {{agreement_signed, 0, -1, 74'999'999},
                             {progress_report_accepted, 1, 8, 39'000'000},
                             {progress_report_accepted, 2, 14, 39'000'000},
                             {progress_report_accepted, 3, 20, 39'000'000},
                             {progress_report_accepted, 4, 26, 39'000'000},
                             {progress_report_accepted, 5, 32, 39'000'001},
                             {completion_report_accepted, 0, 38, 29'999'999}});
  EXPECT_EQ(sum_of(schedule), cents(299'999'999));
}

// The same grant with the leftover cent placed on the first balance instalment.
TEST(DisbursementPlan, RemainderCentOnFirstBalanceInstalment_Section5_5_1) {
  expect_schedule(schedule_of({cents(299'999'999), 36, 2500, RemainderPlacement::first_balance}),
                  {{agreement_signed, 0, -1, 74'999'999},
                   {progress_report_accepted, 1, 8, 39'000'001},
                   {progress_report_accepted, 2, 14, 39'000'000},
                   {progress_report_accepted, 3, 20, 39'000'000},
                   {progress_report_accepted, 4, 26, 39'000'000},
                   {progress_report_accepted, 5, 32, 39'000'000},
                   {completion_report_accepted, 0, 38, 29'999'999}});
}

// HK$15,000,000 over 36 months, first share 50 %:
//   first instalment 7,500,000.00 = first part 3,750,000.00 + 3,750,000.00 on the inception
//   report; retention 1,500,000.00; balance 15,000,000 − 7,500,000 − 1,500,000 = 6,000,000.00
//   over 5 reports = 1,200,000.00 each, no cent left over.
TEST(DisbursementPlan, Grant15MillionOver36MonthsAt50Percent_Section5_5_1) {
  const std::vector<PlannedInstalment> schedule = schedule_of({hkd(15'000'000), 36, 5000});
  expect_schedule(schedule, {{agreement_signed, 0, -1, 375'000'000},
                             {inception_report_accepted, 0, 1, 375'000'000},
                             {progress_report_accepted, 1, 8, 120'000'000},
                             {progress_report_accepted, 2, 14, 120'000'000},
                             {progress_report_accepted, 3, 20, 120'000'000},
                             {progress_report_accepted, 4, 26, 120'000'000},
                             {progress_report_accepted, 5, 32, 120'000'000},
                             {completion_report_accepted, 0, 38, 150'000'000}});
  EXPECT_EQ(sum_of(schedule), hkd(15'000'000));
}

// HK$100,000.07 = 10,000,007 cents over 24 months, first share 25 %:
//   first floor(2,500,001.75) = 2,500,001; retention floor(1,000,000.7) = 1,000,000;
//   balance 10,000,007 − 2,500,001 − 1,000,000 = 6,500,006 over (24 − 1) / 6 = 3 reports:
//   2,166,668 each (6,500,004) and 2 cents left over, on the last or on the first.
TEST(DisbursementPlan, TwoLeftoverCentsFirstOrLast_Section5_5_1) {
  expect_schedule(schedule_of({cents(10'000'007), 24, 2500, RemainderPlacement::last_balance}),
                  {{agreement_signed, 0, -1, 2'500'001},
                   {progress_report_accepted, 1, 8, 2'166'668},
                   {progress_report_accepted, 2, 14, 2'166'668},
                   {progress_report_accepted, 3, 20, 2'166'670},
                   {completion_report_accepted, 0, 26, 1'000'000}});
  expect_schedule(schedule_of({cents(10'000'007), 24, 2500, RemainderPlacement::first_balance}),
                  {{agreement_signed, 0, -1, 2'500'001},
                   {progress_report_accepted, 1, 8, 2'166'670},
                   {progress_report_accepted, 2, 14, 2'166'668},
                   {progress_report_accepted, 3, 20, 2'166'668},
                   {completion_report_accepted, 0, 26, 1'000'000}});
}

// HK$100,000 over 6 months, first share 25 %: no progress report is owed (the six months end
// with the project), so the balance 100,000 − 25,000 − 10,000 = 65,000.00 is paid with the
// retention 10,000.00 on the completion report, month 6 + 2 = 8.
TEST(DisbursementPlan, SixMonthProjectPaysBalanceWithRetention_Section5_5_1) {
  expect_schedule(
      schedule_of({hkd(100'000), 6, 2500}),
      {{agreement_signed, 0, -1, 2'500'000}, {completion_report_accepted, 0, 8, 7'500'000}});
}

// HK$100,000 over 6 months at 40 %: first part 25,000.00, 15,000.00 on the inception report,
// then 100,000 − 40,000 = 60,000.00 (balance 50,000 + retention 10,000) on completion.
TEST(DisbursementPlan, SixMonthProjectWithInceptionInstalment_Section5_5_1) {
  expect_schedule(schedule_of({hkd(100'000), 6, 4000}),
                  {{agreement_signed, 0, -1, 2'500'000},
                   {inception_report_accepted, 0, 1, 1'500'000},
                   {completion_report_accepted, 0, 8, 6'000'000}});
}

// ---- refusals (§5.5.1)

TEST(DisbursementPlan, FirstShareBelow25PercentRefused_Section5_5_1) {
  const ScheduleRefusal refusal = refusal_of({hkd(300'000), 12, 2499});
  EXPECT_EQ(refusal.clause, "§5.5.1");
  EXPECT_NE(refusal.message_en.find("24.99%"), std::string::npos) << refusal.message_en;
  EXPECT_NE(refusal.message_en.find("25–50%"), std::string::npos) << refusal.message_en;
  EXPECT_NE(refusal.message_zh.find("24.99%"), std::string::npos) << refusal.message_zh;
}

TEST(DisbursementPlan, FirstShareAbove50PercentRefused_Section5_5_1) {
  const ScheduleRefusal refusal = refusal_of({hkd(300'000), 12, 5001});
  EXPECT_EQ(refusal.clause, "§5.5.1");
  EXPECT_NE(refusal.message_en.find("50.01%"), std::string::npos) << refusal.message_en;
  EXPECT_NE(refusal.message_zh.find("50.01%"), std::string::npos) << refusal.message_zh;
}

TEST(DisbursementPlan, FirstShareAtBothEndsOfBandAccepted_Section5_5_1) {
  EXPECT_TRUE(std::holds_alternative<std::vector<PlannedInstalment>>(
      generate_schedule(ruleset_1_8(), {hkd(300'000), 12, 2500})));
  EXPECT_TRUE(std::holds_alternative<std::vector<PlannedInstalment>>(
      generate_schedule(ruleset_1_8(), {hkd(300'000), 12, 5000})));
}

TEST(DisbursementPlan, NoGrantOrNoDurationRefused_Section5_5_1) {
  for (const ScheduleRequest& request :
       {ScheduleRequest{Money{}, 12, 2500}, ScheduleRequest{cents(-1), 12, 2500},
        ScheduleRequest{hkd(300'000), 0, 2500}, ScheduleRequest{hkd(300'000), -6, 2500}}) {
    const ScheduleRefusal refusal = refusal_of(request);
    EXPECT_EQ(refusal.clause, "§5.5.1");
    EXPECT_FALSE(refusal.message_zh.empty());
    EXPECT_FALSE(refusal.message_en.empty());
  }
}

// ---- property: the instalments always add up to the grant exactly (§5.5.1)

TEST(DisbursementPlan, InstalmentsAlwaysSumToGrantAndNoneNegative_Section5_5_1) {
  std::mt19937_64 random(20240901);
  std::uniform_int_distribution<std::int64_t> grant_cents(1, 2'000'000'000);
  std::uniform_int_distribution<int> months(1, 60);
  std::uniform_int_distribution<int> share_bp(2500, 5000);
  for (int i = 0; i < 5000; ++i) {
    // Tiny grants too, where a share floors to nothing.
    const Money grant = cents(i < 50 ? i + 1 : grant_cents(random));
    const ScheduleRequest request{
        grant, months(random), share_bp(random),
        i % 2 ? RemainderPlacement::first_balance : RemainderPlacement::last_balance};
    SCOPED_TRACE(std::to_string(grant.cents()) + " cents, " +
                 std::to_string(request.duration_months) + " months, " +
                 std::to_string(request.first_share_bp) + " bp");
    const std::vector<PlannedInstalment> schedule = schedule_of(request);
    ASSERT_FALSE(schedule.empty());
    EXPECT_EQ(sum_of(schedule), grant);
    const int reports = progress_report_count(ruleset_1_8(), request.duration_months);
    int report_seen = 0;
    for (std::size_t k = 0; k < schedule.size(); ++k) {
      EXPECT_GE(schedule[k].amount, Money{});
      EXPECT_EQ(schedule[k].number, static_cast<int>(k) + 1);
      if (schedule[k].condition == progress_report_accepted) {
        EXPECT_EQ(schedule[k].report_number, ++report_seen);
      }
    }
    EXPECT_EQ(report_seen, reports);
    EXPECT_EQ(schedule.front().condition, agreement_signed);
    EXPECT_LE(schedule.front().amount, share_of(grant, 2500));  // first part cap
    EXPECT_EQ(schedule.back().condition, completion_report_accepted);
    if (reports > 0) {
      EXPECT_EQ(schedule.back().amount, share_of(grant, 1000));  // the retention
    }
  }
}

// ---- codes and texts

TEST(DisbursementPlan, ConditionCodesRoundTrip) {
  for (const ReleaseCondition condition : {agreement_signed, inception_report_accepted,
                                           progress_report_accepted, completion_report_accepted})
    EXPECT_EQ(condition_from_code(condition_code(condition)), condition);
  EXPECT_EQ(condition_code(progress_report_accepted), "progress_report_accepted");
  EXPECT_EQ(condition_from_code("paid"), std::nullopt);
}

TEST(DisbursementPlan, ConditionTextsInBothLanguages_Section5_5_1) {
  EXPECT_EQ(condition_text(agreement_signed, 0, Lang::zh_hant), "簽訂協議後(項目開始前一個月)");
  EXPECT_EQ(condition_text(agreement_signed, 0, Lang::en),
            "On the signed agreement, one month before the start");
  EXPECT_EQ(condition_text(inception_report_accepted, 0, Lang::zh_hant), "初始報告獲接納後");
  EXPECT_EQ(condition_text(progress_report_accepted, 2, Lang::zh_hant), "第2份進度報告書獲接納後");
  EXPECT_EQ(condition_text(progress_report_accepted, 2, Lang::en),
            "Once progress report 2 is accepted");
  EXPECT_EQ(condition_text(progress_report_accepted, 2, Lang::zh_hans), "第2份进度报告书获接纳后");
  EXPECT_EQ(condition_text(completion_report_accepted, 0, Lang::en),
            "Once the completion report with final accounts is accepted");
}

// ---- a schedule the secretariat sets (§5.5.1 「只會在特殊情況下」)

TEST(CustomSchedule, AcceptedWhenPositiveSummingToGrantWithReason_Section5_5_1) {
  const std::vector<PlannedInstalment> schedule = {
      {1, agreement_signed, 0, -1, hkd(60'000)},
      {2, completion_report_accepted, 0, 14, hkd(40'000)}};
  EXPECT_EQ(check_custom_schedule(schedule, hkd(100'000), "Land lease paid up front"),
            std::nullopt);
}

TEST(CustomSchedule, RefusesZeroInstalmentWrongSumOrNoReason_Section5_5_1) {
  const std::vector<PlannedInstalment> zero = {{1, agreement_signed, 0, -1, hkd(100'000)},
                                               {2, completion_report_accepted, 0, 14, Money{}}};
  const auto zero_refusal = check_custom_schedule(zero, hkd(100'000), "Lease");
  ASSERT_TRUE(zero_refusal.has_value());
  EXPECT_EQ(zero_refusal->clause, "§5.5.1");
  EXPECT_NE(zero_refusal->message_en.find("Instalment 2"), std::string::npos);

  const std::vector<PlannedInstalment> short_by_a_cent = {
      {1, agreement_signed, 0, -1, hkd(60'000)},
      {2, completion_report_accepted, 0, 14, hkd(40'000) - cents(1)}};
  const auto sum_refusal = check_custom_schedule(short_by_a_cent, hkd(100'000), "Lease");
  ASSERT_TRUE(sum_refusal.has_value());
  EXPECT_NE(sum_refusal->message_en.find("HK$99,999.99"), std::string::npos)
      << sum_refusal->message_en;

  const std::vector<PlannedInstalment> fine = {{1, agreement_signed, 0, -1, hkd(100'000)}};
  EXPECT_TRUE(check_custom_schedule(fine, hkd(100'000), "  ").has_value());
  EXPECT_TRUE(check_custom_schedule({}, hkd(100'000), "Lease").has_value());
}

// The lead time of the first part and the annual accounts interval are read from the rule
// entries of limits.yaml (the typed ruleset does not carry them): make sure the entries are
// there, so the schedule and the calendar do not fall back on their defaults unnoticed.
TEST(DisbursementPlan, FiguresReadFromRuleEntriesArePresent_Sections5_5_1_5_8_1) {
  const auto leaf = [](const char* key_path, const char* path) -> std::string {
    const rules::RuleEntry* entry = ruleset_1_8().entry(key_path);
    if (entry == nullptr) return "no entry";
    for (const rules::RuleLeaf& found : entry->leaves)
      if (found.path == path) return found.json;
    return "no leaf";
  };
  EXPECT_EQ(leaf("limits.yaml#disbursement.first_part_cap", "value.paid.amount"), "1");
  EXPECT_EQ(leaf("limits.yaml#disbursement.first_part_cap", "value.paid.unit"), "\"months\"");
  EXPECT_EQ(leaf("limits.yaml#reporting.annual_audited_accounts", "value.interval.amount"), "12");
  EXPECT_EQ(leaf("limits.yaml#reporting.annual_audited_accounts", "value.interval.unit"),
            "\"months\"");
}

}  // namespace
}  // namespace bsap::project::testing
