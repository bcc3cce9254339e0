// check_disbursement (§3.10.7, §5.5.1): the schedule pays out the grant; at most 25 % before the
// start; a first instalment generally of 25–50 %; the last 10 % generally after completion.
#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

// Research: grant HK$323,000. Schedule: 80,750 before the start (25 %), 40,000 on the inception
// report, 84,975 twice, 32,300 after completion (10 %).
Application research() { return complete_non_ma("research_activity"); }

bool no_disbursement_finding(const CheckResult& result) {
  for (const Finding& finding : result.findings)
    if (finding.rule.starts_with("disbursement.")) return false;
  return true;
}

TEST(DisbursementCheck, CleanSchedulesPass_5_5_1) {
  EXPECT_TRUE(no_disbursement_finding(check(research()))) << describe(check(research()));
  EXPECT_TRUE(no_disbursement_finding(check(complete_ma()))) << describe(check(complete_ma()));
}

TEST(DisbursementCheck, ScheduleMustAddUpToTheGrant_3_10_7_5_5_1) {
  Application a = research();
  a.disbursement_schedule[3].amount += cent();
  CheckResult result = check(a);
  expect_only(result, "disbursement.total", Severity::blocking);
  const Finding finding = findings_of(result, "disbursement.total")[0];
  EXPECT_NE(finding.message_en.find("HK$323,000.01"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_en.find("HK$323,000.00"), std::string::npos) << finding.message_en;
  a.disbursement_schedule[3].amount -= cent() + cent();
  expect_only(check(a), "disbursement.total", Severity::blocking);
}

TEST(DisbursementCheck, EmptyScheduleIsLeftToCompleteness_3_10_7) {
  Application a = research();
  a.disbursement_schedule.clear();
  EXPECT_TRUE(no_disbursement_finding(check(a)));
}

TEST(DisbursementCheck, NegativeInstalmentIsBlocking_5_5_1) {
  Application a = research();
  a.disbursement_schedule[2].amount = hkd(84'975 + 1'000);
  a.disbursement_schedule[3].amount = hkd(84'975 + 1'000);
  a.disbursement_schedule.push_back({"Refund", -hkd(2'000), false, false});
  const CheckResult result = check(a);
  expect_only(result, "disbursement.amount", Severity::blocking);
  EXPECT_EQ(findings_of(result, "disbursement.amount")[0].field, "disbursement_schedule[5].amount");
}

TEST(DisbursementCheck, FirstPartBeforeStartAtMost25Percent_5_5_1) {
  Application a = research();
  a.disbursement_schedule[0].amount = hkd(80'750) + cent();  // a cent over 25 %
  a.disbursement_schedule[1].amount = hkd(40'000) - cent();
  CheckResult result = check(a);
  expect_only(result, "disbursement.first_part", Severity::needs_justification);
  EXPECT_TRUE(clean_of(result, "disbursement.first_instalment"));
  a.disbursement_schedule[0].amount = hkd(80'750) - cent();
  a.disbursement_schedule[1].amount = hkd(40'000) + cent();
  EXPECT_TRUE(clean_of(check(a), "disbursement.first_part"));
}

// The first instalment is the part before the start plus the next (inception) instalment.
TEST(DisbursementCheck, FirstInstalmentAtMost50Percent_5_5_1) {
  Application a = research();
  a.disbursement_schedule[1].amount = hkd(80'750);  // 161,500: exactly 50 %
  a.disbursement_schedule[2].amount = hkd(64'600);
  a.disbursement_schedule[3].amount = hkd(64'600);
  EXPECT_TRUE(clean_of(check(a), "disbursement.first_instalment")) << describe(check(a));
  a.disbursement_schedule[1].amount += cent();
  a.disbursement_schedule[2].amount -= cent();
  const CheckResult result = check(a);
  expect_only(result, "disbursement.first_instalment", Severity::needs_justification);
  EXPECT_EQ(findings_of(result, "disbursement.first_instalment")[0].field,
            "disbursement_schedule[1].amount");
}

TEST(DisbursementCheck, FirstInstalmentAtLeast25Percent_5_5_1) {
  Application a = research();
  a.disbursement_schedule[0].amount = hkd(40'000);
  a.disbursement_schedule[1].amount = hkd(40'750);  // 80,750: exactly 25 %
  a.disbursement_schedule[2].amount = hkd(84'975 + 40'000);
  EXPECT_TRUE(clean_of(check(a), "disbursement.first_instalment")) << describe(check(a));
  a.disbursement_schedule[1].amount -= cent();
  a.disbursement_schedule[2].amount += cent();
  expect_only(check(a), "disbursement.first_instalment", Severity::needs_justification);
  a.justifications["disbursement.first_instalment"] = "Little is spent before the surveys.";
  expect_only(check(a), "disbursement.first_instalment", Severity::info);
}

TEST(DisbursementCheck, WithoutBeforeStartPartTheFirstInstalmentStandsAlone_5_5_1) {
  Application a = research();
  a.disbursement_schedule.erase(a.disbursement_schedule.begin());
  a.disbursement_schedule[0].amount = hkd(120'750);  // 37.4 %, all on the inception report
  EXPECT_TRUE(clean_of(check(a), "disbursement.first_instalment")) << describe(check(a));
  EXPECT_TRUE(clean_of(check(a), "disbursement.first_part"));
}

TEST(DisbursementCheck, RetentionOf10PercentAfterCompletion_5_5_1) {
  Application a = research();
  a.disbursement_schedule[4].amount = hkd(32'300) - cent();
  a.disbursement_schedule[3].amount += cent();
  CheckResult result = check(a);
  expect_only(result, "disbursement.retention", Severity::needs_justification);
  EXPECT_NE(findings_of(result, "disbursement.retention")[0].message_en.find("HK$32,299.99"),
            std::string::npos);
  a.disbursement_schedule[4].amount = hkd(32'300) + cent();
  a.disbursement_schedule[3].amount -= cent() + cent();
  EXPECT_TRUE(clean_of(check(a), "disbursement.retention"));
}

TEST(DisbursementCheck, LastInstalmentNotAfterCompletionNeedsJustification_5_5_1) {
  Application a = research();
  a.disbursement_schedule[4].after_completion = false;
  expect_only(check(a), "disbursement.retention", Severity::needs_justification);
}

}  // namespace
}  // namespace bsap::ccfs::testing
