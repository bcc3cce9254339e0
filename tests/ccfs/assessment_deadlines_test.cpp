// The assessment's dates from limits.yaml: 14 calendar days to answer a request for information
// (§2.6.4) and the six-month target after the closing date (§2.6.1).
#include "ccfs/assessment_deadlines.h"

#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

TEST(AssessmentDeadlines, ReplyDueOnTheFourteenthCalendarDay_2_6_4) {
  EXPECT_EQ(information_reply_due(day("2026-03-01"), ruleset_1_8()), day("2026-03-15"));
  // Calendar days run through month and year ends, weekends and holidays alike.
  EXPECT_EQ(information_reply_due(day("2026-12-25"), ruleset_1_8()), day("2027-01-08"));
  EXPECT_EQ(information_reply_due(day("2028-02-20"), ruleset_1_8()), day("2028-03-05"));
}

TEST(AssessmentDeadlines, DeemedWithdrawnFromTheFifteenthDay_2_6_4) {
  const CivilDate requested = day("2026-03-01");
  EXPECT_FALSE(information_request_lapsed(requested, day("2026-03-01"), ruleset_1_8()));
  EXPECT_FALSE(information_request_lapsed(requested, day("2026-03-14"), ruleset_1_8()));
  EXPECT_FALSE(information_request_lapsed(requested, day("2026-03-15"), ruleset_1_8()));
  EXPECT_TRUE(information_request_lapsed(requested, day("2026-03-16"), ruleset_1_8()));
  EXPECT_TRUE(information_request_lapsed(requested, day("2026-06-01"), ruleset_1_8()));
}

TEST(AssessmentDeadlines, TargetIsSixMonthsAfterTheClosingDate_2_6_1) {
  EXPECT_EQ(assessment_target(day("2026-03-31"), ruleset_1_8()), day("2026-09-30"));
  EXPECT_EQ(assessment_target(day("2026-08-31"), ruleset_1_8()), day("2027-02-28"));
  EXPECT_EQ(assessment_target(day("2026-01-15"), ruleset_1_8()), day("2026-07-15"));
}

TEST(AssessmentDeadlines, AgeCountsFromTheClosingDateToTheTarget_2_6_1) {
  const CivilDate closes = day("2026-03-31");  // target 2026-09-30
  const AssessmentAge open_round = assessment_age(closes, day("2026-03-21"), false, ruleset_1_8());
  EXPECT_EQ(open_round.days_since_closing, -10);
  EXPECT_FALSE(open_round.overdue);

  const AssessmentAge on_target = assessment_age(closes, day("2026-09-30"), false, ruleset_1_8());
  EXPECT_EQ(on_target.days_since_closing, 183);
  EXPECT_EQ(on_target.days_to_target, 0);
  EXPECT_FALSE(on_target.overdue);

  const AssessmentAge late = assessment_age(closes, day("2026-10-01"), false, ruleset_1_8());
  EXPECT_EQ(late.days_to_target, -1);
  EXPECT_TRUE(late.overdue);
  // A decided application is not overdue, however long it took.
  EXPECT_FALSE(assessment_age(closes, day("2026-10-01"), true, ruleset_1_8()).overdue);
}

}  // namespace
}  // namespace bsap::ccfs::testing
