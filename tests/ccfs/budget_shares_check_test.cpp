// check_budget_shares: 附錄2 items 1–3 and 14 as shares of the total budget, overheads (§3.10.2)
// as a share of the grant, the MA administrative and general share (§3.5.8). Each boundary at
// exactly the share, a cent under and a cent over, all in exact cents.
#include <gtest/gtest.h>

#include "ccfs/budget_totals.h"
#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

// A line of `kind` in year 1 with its quotation and reasons attached, so that only the share
// rules have anything to say about it.
BudgetLine& add_quoted_line(Application& application, const std::string& kind, Money unit_cost) {
  BudgetLine& line = add_line(application, kind, 1, unit_cost);
  line.quotation = true;
  line.justification = "Detailed reasons";
  return line;
}

Application research() { return complete_non_ma("research_activity"); }

// ---- 附錄2 items 1, 2, 3: hard caps on the total budget

// Research: HK$353,000 besides publicity, so publicity of HK$88,250 is 20.00 % of HK$441,250.
TEST(BudgetSharesCheck, PublicityAtExactly20PercentPasses_Appendix2Item1) {
  Application a = research();
  line_of(a, "publicity").unit_cost = hkd(88'250);
  ASSERT_EQ(budget_totals(a).expenditure, hkd(441'250));
  EXPECT_TRUE(clean_of(check(a), "budget.item_1.share"));
  line_of(a, "publicity").unit_cost = hkd(88'250) - cent();
  EXPECT_TRUE(clean_of(check(a), "budget.item_1.share"));
}

TEST(BudgetSharesCheck, PublicityOneCentAbove20PercentIsBlocking_Appendix2Item1) {
  Application a = research();
  line_of(a, "publicity").unit_cost = hkd(88'250) + cent();  // 88,250.01 of 441,250.01
  const CheckResult result = check(a);
  expect_only(result, "budget.item_1.share", Severity::blocking);
  const Finding finding = findings_of(result, "budget.item_1.share")[0];
  EXPECT_EQ(finding.clause, "附錄2 第1項");
  EXPECT_NE(finding.message_en.find("HK$88,250.01"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_en.find("20%"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_zh.find("HK$441,250.01"), std::string::npos) << finding.message_zh;
}

TEST(BudgetSharesCheck, PublicityLinesAreSummed_Appendix2Item1) {
  Application a = research();
  line_of(a, "publicity").unit_cost = hkd(44'125);
  add_quoted_line(a, "publicity", hkd(44'125));
  EXPECT_TRUE(clean_of(check(a), "budget.item_1.share"));
  a.budget.back().unit_cost = hkd(44'125) + cent();
  expect_only(check(a), "budget.item_1.share", Severity::blocking);
}

// Research: HK$373,000 besides the ceremony, a quarter of which is 20 % of the whole.
TEST(BudgetSharesCheck, CeremonyAbove20PercentIsBlocking_Appendix2Item2) {
  Application a = research();
  add_quoted_line(a, "ceremony", hkd(93'250));
  EXPECT_TRUE(clean_of(check(a), "budget.item_2.share"));
  a.budget.back().unit_cost = hkd(93'250) + cent();
  expect_only(check(a), "budget.item_2.share", Severity::blocking);
}

// Publicity HK$20,100 leaves HK$373,100 besides the venue: 3/7 of it is 30 % of the whole.
TEST(BudgetSharesCheck, VenueAbove30PercentIsBlocking_Appendix2Item3) {
  Application a = research();
  line_of(a, "publicity").unit_cost = hkd(20'100);
  add_quoted_line(a, "venue", hkd(159'900));
  EXPECT_TRUE(clean_of(check(a), "budget.item_3.share"));
  a.budget.back().unit_cost = hkd(159'900) + cent();
  expect_only(check(a), "budget.item_3.share", Severity::blocking);
}

// ---- 附錄2 item 14: project staff of MA projects, 「在一般情況下」 at most 50 %

// MA: HK$494,100 besides project staff; two staff lines of HK$247,050 make exactly half.
TEST(BudgetSharesCheck, MaProjectStaffAbove50PercentNeedsJustification_Appendix2Item14) {
  Application a = complete_ma();
  a.budget[0].unit_cost = hkd(247'050);
  a.budget[1].unit_cost = hkd(247'050);
  EXPECT_TRUE(clean_of(check(a), "budget.item_14.share"));
  a.budget[1].unit_cost = hkd(247'050) + cent();
  expect_only(check(a), "budget.item_14.share", Severity::needs_justification);
  a.justifications["budget.item_14.share"] = "The farming is done by staff, not contractors.";
  expect_only(check(a), "budget.item_14.share", Severity::info);
}

TEST(BudgetSharesCheck, ProjectStaffCapOnlyForMa_Appendix2Item14) {
  Application a = research();
  a.budget[0].unit_cost = hkd(500'000);
  EXPECT_TRUE(clean_of(check(a), "budget.item_14.share"));
}

// ---- §3.10.2: overheads

TEST(BudgetSharesCheck, SubventedApplicantGetsNoOverheads_3_10_2) {
  Application a = complete_ma();
  a.applicant.receives_government_subvention = true;
  const CheckResult result = check(a);
  expect_only(result, "budget.overheads.subvented", Severity::blocking);
  const Finding finding = findings_of(result, "budget.overheads.subvented")[0];
  EXPECT_EQ(finding.clause, "§3.10.2");
  EXPECT_EQ(finding.field, "budget[13].kind");
  EXPECT_TRUE(clean_of(result, "budget.overheads.share"));
}

// Research with income HK$47,000: HK$306,000 of the grant besides overheads, so overheads of
// HK$34,000 are exactly 10 % of a grant of HK$340,000.
TEST(BudgetSharesCheck, OverheadsAtMost10PercentOfTheGrant_3_10_2) {
  Application a = research();
  a.income = {{"Fees", hkd(47'000)}};
  line_of(a, "admin_recurrent").unit_cost = hkd(34'000);
  ASSERT_EQ(budget_totals(a).grant, hkd(340'000));
  EXPECT_TRUE(clean_of(check(a), "budget.overheads.share"));
  line_of(a, "admin_recurrent").unit_cost = hkd(34'000) - cent();
  EXPECT_TRUE(clean_of(check(a), "budget.overheads.share"));
  line_of(a, "admin_recurrent").unit_cost = hkd(34'000) + cent();
  const CheckResult result = check(a);
  expect_only(result, "budget.overheads.share", Severity::blocking);
  const Finding finding = findings_of(result, "budget.overheads.share")[0];
  EXPECT_NE(finding.message_en.find("HK$340,000.01"), std::string::npos) << finding.message_en;
}

TEST(BudgetSharesCheck, UndeclaredSubventionIsHeldToTheCap_3_10_2) {
  Application a = research();
  a.applicant.receives_government_subvention.reset();
  EXPECT_TRUE(clean_of(check(a), "budget.overheads.subvented"));
  line_of(a, "admin_recurrent").unit_cost = hkd(60'000);
  expect_only(check(a), "budget.overheads.share", Severity::blocking);
}

// ---- §3.5.8: MA administrative staff and general expenses, 「一般須低於」 50 %

// MA: audit HK$20,000 and overheads HK$30,000; administrative staff of HK$694,100 bring the share
// to exactly half of HK$1,488,200, which 「低於」 refuses (README Ambiguities 8).
TEST(BudgetSharesCheck, MaAdminShareAtExactly50PercentNeedsJustification_3_5_8) {
  Application a = complete_ma();
  add_quoted_line(a, "admin_staff", hkd(694'100));
  ASSERT_EQ(budget_totals(a).expenditure, hkd(1'488'200));
  CheckResult result = check(a);
  expect_only(result, "budget.ma_admin_share", Severity::needs_justification);
  EXPECT_EQ(findings_of(result, "budget.ma_admin_share")[0].clause, "§3.5.8");
  a.budget.back().unit_cost = hkd(694'100) - cent();
  EXPECT_TRUE(clean_of(check(a), "budget.ma_admin_share"));
  a.budget.back().unit_cost = hkd(694'100) + cent();
  a.justifications["budget.ma_admin_share"] = "The warden patrols are administrative.";
  expect_only(check(a), "budget.ma_admin_share", Severity::info);
}

TEST(BudgetSharesCheck, AdminShareOnlyForMa_3_5_8) {
  Application a = research();
  add_quoted_line(a, "audit_fee", hkd(600'000));
  EXPECT_TRUE(clean_of(check(a), "budget.ma_admin_share"));
}

TEST(BudgetSharesCheck, EmptyBudgetHasNoShareFinding) {
  Application a = research();
  a.budget.clear();
  for (const Finding& finding : check(a).findings)
    EXPECT_FALSE(finding.rule.ends_with(".share")) << finding.rule;
}

}  // namespace
}  // namespace bsap::ccfs::testing
