// check_completeness: §2.7.2 (every part answered; 「不適用」 where it does not apply) and the
// parts it names: §2.7.7, §2.7.11 (details per type), §2.7.12 (work plan, timetable, statutory
// approvals), §2.7.8 with §2.4.3 (owners and their consent), §2.4.1 (MA agreement evidence),
// §2.7.14, §3.1, §3.10.7.
#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

struct TextPart {
  std::string Application::*answer;
  std::string rule;
  std::string clause;
};

TEST(CompletenessCheck, EveryTextPartIsAnswered_2_7_2) {
  const std::vector<TextPart> parts = {
      {&Application::title, "complete.title", "§2.7.2"},
      {&Application::summary, "complete.summary", "§2.7.2"},
      {&Application::objectives, "complete.objectives", "§2.7.7"},
      {&Application::benefits, "complete.benefits", "§2.7.7"},
      {&Application::work_plan, "complete.work_plan", "§2.7.12(a)"},
      {&Application::timetable, "complete.timetable", "§2.7.12(b)"},
      {&Application::sustainability_plan, "complete.sustainability_plan", "§2.7.14"}};
  for (const TextPart& part : parts) {
    SCOPED_TRACE(part.rule);
    Application a = complete_ma();
    a.*part.answer = " ";
    const Finding finding = single(check(a), part.rule, Severity::blocking, part.clause);
    EXPECT_EQ("complete." + finding.field, part.rule);
    a.*part.answer = "不適用";  // §2.7.2: an answer where the part does not apply
    EXPECT_TRUE(findings_of(check(a), part.rule).empty());
  }
}

TEST(CompletenessCheck, ApplicantNamedInOneLanguageAtLeast_2_7_2) {
  Application a = complete_ma();
  a.applicant.name_en.clear();
  EXPECT_TRUE(findings_of(check(a), "complete.applicant.name_en").empty());
  a.applicant.name_zh.clear();
  single(check(a), "complete.applicant.name_en", Severity::blocking, "§2.7.2");
}

TEST(CompletenessCheck, UnknownProjectTypeIsBlocking_2_7_1) {
  Application a = complete_ma();
  a.project_type = "garden";
  const Finding finding = single(check(a), "complete.project_type", Severity::blocking, "§2.7.1");
  EXPECT_NE(finding.message_en.find("management_agreement"), std::string::npos);
  a.project_type.clear();
  single(check(a), "complete.project_type", Severity::blocking, "§2.7.1");
}

TEST(CompletenessCheck, PlannedStartAndDurationAreGiven_2_7_2) {
  Application a = complete_non_ma("research_activity");
  a.planned_start.reset();
  single(check(a), "complete.planned_start", Severity::blocking, "§2.7.2");
  for (const std::optional<int> months : {std::optional<int>(), std::optional<int>(0)}) {
    a = complete_non_ma("research_activity");
    a.duration_months = months;
    EXPECT_EQ(single(check(a), "complete.duration_months", Severity::blocking, "§2.5.1").field,
              "duration_months");
  }
}

std::size_t missing_details(const std::string& type) {
  Application a = type == "management_agreement" ? complete_ma() : complete_non_ma(type);
  a.details.clear();
  std::size_t missing = 0;
  for (const Finding& finding : check(a).findings)
    if (finding.rule.starts_with("complete.details.")) {
      EXPECT_EQ(finding.severity, Severity::blocking);
      EXPECT_EQ(finding.clause, "§2.7.11");
      ++missing;
    }
  return missing;
}

TEST(CompletenessCheck, EveryDetailOfTheTypeIsGiven_2_7_11) {
  EXPECT_EQ(missing_details("management_agreement"), 5u);
  EXPECT_EQ(missing_details("heritage_building"), 7u);
  EXPECT_EQ(missing_details("cultural_revitalisation"), 4u);
  EXPECT_EQ(missing_details("research_activity"), 5u);
}

TEST(CompletenessCheck, OneMissingDetailNamesItsKey_2_7_11) {
  Application a = complete_ma();
  a.details.erase("target_taxa");
  const Finding finding =
      single(check(a), "complete.details.target_taxa", Severity::blocking, "§2.7.11");
  EXPECT_EQ(finding.field, "details.target_taxa");
  EXPECT_NE(finding.message_zh.find("受保育的目標分類群"), std::string::npos);
}

TEST(CompletenessCheck, NotApplicableDetailIsNotedForTheSecretariat_2_7_2_2_7_11) {
  Application a = complete_ma();
  a.details["target_heritage"] = "N/A";
  single(check(a), "complete.details.target_heritage", Severity::info, "§2.7.11");
  EXPECT_TRUE(check(a).eligible());
}

TEST(CompletenessCheck, StatutoryApprovalsOrNone_2_7_12_c) {
  Application a = complete_ma();
  a.statutory_approvals.clear();
  single(check(a), "complete.statutory_approvals", Severity::blocking, "§2.7.12(c)");
  a.no_statutory_approvals_needed = true;
  EXPECT_TRUE(findings_of(check(a), "complete.statutory_approvals").empty());
}

TEST(CompletenessCheck, EachApprovalHasItsPlanAndTiming_2_7_12_c) {
  Application a = complete_ma();
  a.statutory_approvals[0].plan_and_timing.clear();
  EXPECT_EQ(single(check(a), "complete.statutory_approvals.plan_and_timing", Severity::blocking,
                   "§2.7.12(c)")
                .field,
            "statutory_approvals[0].plan_and_timing");
}

TEST(CompletenessCheck, OwnersAreListed_2_7_8) {
  Application a = complete_non_ma("heritage_building");
  a.owners.clear();
  single(check(a), "complete.owners", Severity::blocking, "§2.7.8");
  a = complete_non_ma("heritage_building");
  a.owners[0].lot_or_address.clear();
  EXPECT_EQ(single(check(a), "complete.owners.lot_or_address", Severity::blocking, "§2.7.8").field,
            "owners[0].lot_or_address");
}

TEST(CompletenessCheck, OwnersConsentInPrincipleBeforeApplying_2_4_3) {
  Application a = complete_ma();
  a.owners.push_back({"DD 27 Lot 102", "Mr Lee", false});
  EXPECT_EQ(single(check(a), "owners.consent", Severity::blocking, "§2.4.3, §2.7.8").field,
            "owners[1].consent_in_principle");
}

TEST(CompletenessCheck, ManagementAgreementEvidence_2_4_1) {
  Application a = complete_ma();
  a.management_agreement_evidence = false;
  single(check(a), "complete.management_agreement_evidence", Severity::blocking, "§2.4.1");
  const Application heritage = complete_non_ma("heritage_building");  // no MA, no evidence
  EXPECT_TRUE(findings_of(check(heritage), "complete.management_agreement_evidence").empty());
}

TEST(CompletenessCheck, HeritageBuildingGivesItsRestorationLength_2_7_12_a) {
  Application a = complete_non_ma("heritage_building");
  a.restoration_months.reset();
  single(check(a), "complete.restoration_months", Severity::blocking, "§2.7.12(a)");
  EXPECT_TRUE(findings_of(check(complete_ma()), "complete.restoration_months").empty());
}

TEST(CompletenessCheck, BudgetAndDisbursementScheduleAreGiven_3_1_3_10_7) {
  Application a = complete_ma();
  a.budget.clear();
  single(check(a), "complete.budget", Severity::blocking, "§3.1");
  a = complete_ma();
  a.disbursement_schedule.clear();
  single(check(a), "complete.disbursement_schedule", Severity::blocking, "§3.10.7");
}

TEST(CompletenessCheck, PartsOtherStepsJudgeAreNotRepeated_2_7_2) {
  Application a = complete_ma();
  a.site_codes.clear();
  a.kpis.clear();
  a.deliverables.clear();
  for (const Finding& finding : check(a).findings)
    EXPECT_FALSE(finding.rule.starts_with("complete.")) << finding.rule;
}

}  // namespace
}  // namespace bsap::ccfs::testing
