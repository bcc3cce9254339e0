// Rules of ruleset 1.8 checked against the clauses they cite, at their boundaries.
#include <gtest/gtest.h>

#include "core/holiday_file.h"
#include "rules_test_data.h"

namespace bsap::rules {
namespace {

using testing::day;
using testing::hkd;
using testing::ruleset_1_8;

Money cent() { return Money::from_cents(1); }

const ProjectType& type(const std::string& key) {
  const ProjectType* found = ruleset_1_8().project_type(key);
  if (!found) throw std::runtime_error("no project type " + key);
  return *found;
}

const ProcurementBand& band_for(Money total) {
  const ProcurementBand* band = ruleset_1_8().procurement_band_for(total);
  if (!band) throw std::runtime_error("no procurement band for " + format_hkd(total));
  return *band;
}

// ---- §2.5

TEST(Ruleset, ManagementAgreementCeilingIs15Million_2_5_1) {
  const MoneyCap& ceiling = type("management_agreement").funding_ceiling;
  EXPECT_EQ(ceiling.source.clause, "§2.5.1");
  EXPECT_TRUE(ceiling.admits(hkd(15'000'000)));
  EXPECT_FALSE(ceiling.admits(hkd(15'000'000) + cent()));
}

TEST(Ruleset, OtherTypesCeilingIs3Million_2_5_1) {
  for (const char* key : {"heritage_building", "cultural_revitalisation", "research_activity"}) {
    EXPECT_TRUE(type(key).funding_ceiling.admits(hkd(3'000'000))) << key;
    EXPECT_FALSE(type(key).funding_ceiling.admits(hkd(3'000'000) + cent())) << key;
  }
}

TEST(Ruleset, ProjectsRunOneToThreeYears_2_5_1) {
  const DurationRange& ma = type("management_agreement").duration;
  EXPECT_EQ(ma.min, (Duration{1, DurationUnit::years}));
  EXPECT_EQ(ma.max, (Duration{3, DurationUnit::years}));
  EXPECT_FALSE(type("heritage_building").duration.min.has_value());
  EXPECT_EQ(type("research_activity").duration.max, (Duration{3, DurationUnit::years}));
}

TEST(Ruleset, ManagementAgreementSplitFitsNote10OrNote11_2_5_1_Notes10_11) {
  const ComponentCeilings& split = *type("management_agreement").component_ceilings;
  EXPECT_TRUE(split.admits(hkd(13'000'000), hkd(2'000'000)));  // 註10
  EXPECT_TRUE(split.admits(hkd(12'000'000), hkd(3'000'000)));  // 註11
  EXPECT_FALSE(split.admits(hkd(13'000'000), hkd(2'000'000) + cent()));
  EXPECT_FALSE(split.admits(hkd(12'000'000) + cent(), hkd(3'000'000)));
  EXPECT_FALSE(type("heritage_building").component_ceilings.has_value());
}

TEST(Ruleset, CumulativeLimitsIn3Years_2_5_2) {
  const CumulativeLimits& limits = ruleset_1_8().cumulative;
  EXPECT_EQ(limits.window, (Duration{3, DurationUnit::years}));
  EXPECT_EQ(limits.management_agreement.max, hkd(15'000'000));
  EXPECT_EQ(limits.non_management_agreement.max, hkd(8'000'000));
  EXPECT_EQ(limits.combined.max, hkd(20'000'000));
  EXPECT_EQ(limits.combined.source.clause, "§2.5.2(iii)");
}

// ---- §3.11.4, §3.5.8, §3.10.2, 附錄2

TEST(Ruleset, ContributionOf5PercentExactlyPasses_3_11_4) {
  const PercentFloor& ratio = ruleset_1_8().contribution_ratio;
  EXPECT_EQ(ratio.source.clause, "§3.11.4");
  EXPECT_TRUE(ratio.met_by(hkd(50'000), hkd(1'000'000)));
  EXPECT_FALSE(ratio.met_by(hkd(50'000) - cent(), hkd(1'000'000)));
  // 5 % of HK$1,000,000.01 is 50,000.0005: 50,000.00 falls short, 50,000.01 reaches it.
  EXPECT_FALSE(ratio.met_by(hkd(50'000), hkd(1'000'000) + cent()));
  EXPECT_TRUE(ratio.met_by(hkd(50'000) + cent(), hkd(1'000'000) + cent()));
}

TEST(Budget, ManagementAgreementAdminShareMustStayBelow50Percent_3_5_8) {
  const PercentCap& share = ruleset_1_8().budget.ma_admin_and_general_share;
  EXPECT_EQ(share.source.clause, "§3.5.8");
  EXPECT_TRUE(share.admits(hkd(500'000) - cent(), hkd(1'000'000)));
  EXPECT_FALSE(share.admits(hkd(500'000), hkd(1'000'000)));  // 「低於」, README Ambiguities 8
}

TEST(Budget, OverheadsOnlyForNonSubventedApplicantsUpTo10Percent_3_10_2) {
  const Overheads& overheads = ruleset_1_8().budget.overheads;
  EXPECT_EQ(overheads.source.clause, "§3.10.2");
  EXPECT_FALSE(overheads.subvented_funded);
  EXPECT_TRUE(overheads.non_subvented.admits(hkd(100'000), hkd(1'000'000)));
  EXPECT_FALSE(overheads.non_subvented.admits(hkd(100'000) + cent(), hkd(1'000'000)));
}

TEST(Budget, PublicityAtMost20PercentOfApprovedBudget_Appendix2Item1) {
  const BudgetItem& publicity = *ruleset_1_8().budget.item(1);
  EXPECT_EQ(publicity.source.clause, "附錄2 第1項");
  EXPECT_TRUE(publicity.share_cap->admits(hkd(200'000), hkd(1'000'000)));
  EXPECT_FALSE(publicity.share_cap->admits(hkd(200'000) + cent(), hkd(1'000'000)));
  EXPECT_EQ(publicity.share_of, std::vector<std::string>{"approved_budget_total"});
}

TEST(Budget, RatesOfAppendix2_Appendix2Items4_7_13) {
  const Budget& budget = ruleset_1_8().budget;
  ASSERT_EQ(budget.appendix2.size(), 18u);
  EXPECT_EQ(budget.item(4)->amount("max_cents_per_booth"), hkd(850));
  EXPECT_EQ(budget.item(7)->amount("long_activity.max_cents_per_speaker"), hkd(650));
  EXPECT_EQ(budget.item(7)->amount("professional.max_cents_per_speaker_hour"), hkd(320));
  EXPECT_EQ(budget.item(13)->amount("direct_labour_rate.max_cents_per_worker_hour"), hkd(80));
  EXPECT_EQ(budget.item(4)->amount("no_such_rate"), std::nullopt);
}

TEST(Budget, QuotationsRequiredForItems3_8_9_Appendix2) {
  std::vector<int> quoted;
  for (const BudgetItem& item : ruleset_1_8().budget.appendix2)
    if (item.quotation_required) quoted.push_back(item.number);
  EXPECT_EQ(quoted, (std::vector<int>{3, 8, 9}));
}

// ---- time limits

TEST(TimeLimits, NoReplyWithin14CalendarDaysIsWithdrawal_2_6_4) {
  const TimeLimit& limit = ruleset_1_8().time_limits.information_request_response;
  EXPECT_EQ(limit.source.clause, "§2.6.4");
  EXPECT_EQ(limit.duration, (Duration{14, DurationUnit::days}));
  EXPECT_EQ(limit.anchor, "request_date");
  EXPECT_TRUE(limit.met(day("2024-10-02"), day("2024-10-16")));
  EXPECT_FALSE(limit.met(day("2024-10-02"), day("2024-10-17")));
}

TEST(TimeLimits, RecordsRequestAnsweredWithin10WorkingDays_5_9_2) {
  const TimeLimit& limit = ruleset_1_8().time_limits.records_request_response;
  EXPECT_EQ(limit.source.clause, "§5.9.2");
  EXPECT_EQ(limit.duration, (Duration{10, DurationUnit::working_days}));
  auto calendar = load_holiday_calendar(std::string(BSAP_HOME_DIR) + "/data/holidays", 2024, 2025);
  ASSERT_TRUE(std::holds_alternative<HolidayCalendar>(calendar));
  const HolidayCalendar& holidays = std::get<HolidayCalendar>(calendar);
  // Asked on Friday 20 Dec 2024: 25, 26 Dec and 1 Jan are general holidays, so the tenth
  // working day is Wednesday 8 Jan 2025.
  EXPECT_EQ(limit.last_day(day("2024-12-20"), &holidays), day("2025-01-08"));
  EXPECT_TRUE(limit.met(day("2024-12-20"), day("2025-01-08"), &holidays));
  EXPECT_FALSE(limit.met(day("2024-12-20"), day("2025-01-09"), &holidays));
  EXPECT_THROW(limit.last_day(day("2024-12-20")), std::invalid_argument);
}

TEST(TimeLimits, OtherDeadlinesCarryTheirClauses_5) {
  const TimeLimits& limits = ruleset_1_8().time_limits;
  EXPECT_EQ(limits.inception_report.duration, (Duration{1, DurationUnit::months}));
  EXPECT_EQ(limits.inception_report.source.clause, "§5.1.2");
  EXPECT_EQ(limits.exit_plan.duration, (Duration{6, DurationUnit::months}));
  EXPECT_EQ(limits.exit_plan.anchor, "project_completion_date");
  EXPECT_EQ(limits.records_retention.duration, (Duration{7, DurationUnit::years}));
  EXPECT_EQ(limits.report_submission.anchor, "reporting_period_end, project_completion");
  EXPECT_EQ(limits.project_start.source.clause, "§5.16.1(a)");
}

// ---- §5.5.1, §5.8, §5.13.2

TEST(Disbursement, FirstInstalmentIs25To50PercentOfGrant_5_5_1) {
  const Disbursement& rules = ruleset_1_8().disbursement;
  const Money grant = hkd(1'000'000);
  EXPECT_TRUE(rules.first_instalment_in_band(hkd(250'000), grant));
  EXPECT_FALSE(rules.first_instalment_in_band(hkd(250'000) - cent(), grant));
  EXPECT_TRUE(rules.first_instalment_in_band(hkd(500'000), grant));
  EXPECT_FALSE(rules.first_instalment_in_band(hkd(500'000) + cent(), grant));
  EXPECT_TRUE(rules.first_part_cap.admits(hkd(250'000), grant));
  EXPECT_FALSE(rules.first_part_cap.admits(hkd(250'000) + cent(), grant));
  EXPECT_EQ(rules.retention(grant), hkd(100'000));
  EXPECT_EQ(rules.retention(Money::from_cents(999)), Money::from_cents(99));  // floored
}

TEST(BudgetVariation, ItemIncreaseAtMost20PercentOfItsApprovedAmount_5_5_3) {
  const PercentCap& cap = ruleset_1_8().item_increase_cap;
  EXPECT_EQ(cap.source.clause, "§5.5.3");
  EXPECT_EQ(cap.source.key_path, "limits.yaml#budget_variation.item_increase");
  EXPECT_EQ(cap.max_pct, 20);
  EXPECT_TRUE(cap.admits(hkd(20'000), hkd(100'000)));
  EXPECT_FALSE(cap.admits(hkd(20'000) + cent(), hkd(100'000)));
}

TEST(Audit, CpaAuditOnlyAboveHkd300000_5_8_1_5_8_2_5_8_4) {
  const AuditThresholds& audit = ruleset_1_8().audit;
  EXPECT_EQ(audit.annual_accounts_source.clause, "§5.8.1");
  EXPECT_FALSE(audit.final_accounts_need_cpa_audit(hkd(300'000)));
  EXPECT_TRUE(audit.final_accounts_need_cpa_audit(hkd(300'000) + cent()));
  EXPECT_TRUE(audit.accounts_need_no_audit(hkd(300'000) - cent()));
  EXPECT_TRUE(audit.accounts_need_no_audit(hkd(300'000)));
  EXPECT_FALSE(audit.accounts_need_no_audit(hkd(300'000) + cent()));
}

TEST(Audit, AnnualAuditedAccountsAbove300000AndLongerThan18Months_5_8_1) {
  const AuditThresholds& audit = ruleset_1_8().audit;
  EXPECT_FALSE(audit.annual_audited_accounts_required(hkd(300'000), 36));
  EXPECT_TRUE(audit.annual_audited_accounts_required(hkd(300'000) + cent(), 19));
  EXPECT_FALSE(audit.annual_audited_accounts_required(hkd(300'000) + cent(), 18));
  EXPECT_FALSE(audit.annual_audited_accounts_required(hkd(300'000) - cent(), 36));
}

TEST(Audit, OverheadReceiptsBelow300000AndShorterThan18Months_3_10_2) {
  const AuditThresholds& audit = ruleset_1_8().audit;
  EXPECT_TRUE(audit.overheads_need_receipts(hkd(300'000) - cent(), 17));
  EXPECT_FALSE(audit.overheads_need_receipts(hkd(300'000), 17));
  EXPECT_FALSE(audit.overheads_need_receipts(hkd(300'000) - cent(), 18));
}

TEST(Procurement, BandEdges_5_13_2) {
  EXPECT_EQ(band_for(Money{}).source.clause, "§5.13.2(a)");
  EXPECT_EQ(band_for(hkd(5'000)).source.clause, "§5.13.2(a)");
  EXPECT_EQ(band_for(hkd(5'000)).min_quotations, 0);
  EXPECT_EQ(band_for(hkd(5'000) + cent()).source.clause, "§5.13.2(b)");
  EXPECT_EQ(band_for(hkd(5'000) + cent()).min_quotations, 2);
  EXPECT_EQ(band_for(hkd(50'000) - cent()).min_quotations, 2);
  EXPECT_EQ(band_for(hkd(50'000)).source.clause, "§5.13.2(c)");
  EXPECT_EQ(band_for(hkd(50'000)).min_quotations, 3);
  EXPECT_EQ(band_for(hkd(500'000) - cent()).min_quotations, 3);
  EXPECT_EQ(band_for(hkd(500'000)).min_quotations, 5);
  EXPECT_EQ(band_for(hkd(1'400'000) - cent()).min_quotations, 5);
  EXPECT_FALSE(band_for(hkd(1'400'000) - cent()).open_tender);
  EXPECT_TRUE(band_for(hkd(1'400'000)).open_tender);
  EXPECT_EQ(band_for(hkd(1'400'000)).source.clause, "§5.13.2(e)");
}

// ---- §4, §5.16

TEST(Assessment, ManagementAgreementUsesA1ForPrioritySitesA2ForEnclaves_4_2_1) {
  const CriteriaSet* ma = ruleset_1_8().criteria_set(type("management_agreement").criteria_set);
  ASSERT_NE(ma, nullptr);
  EXPECT_EQ(ma->key, "ma_criteria");
  EXPECT_EQ(ma->source.clause, "§4.2.1");
  EXPECT_EQ(ma->one_of, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(ma->then_all.size(), 6u);  // b … g
  EXPECT_EQ(ma->find("a1")->when_site_categories, std::vector<std::string>{"A"});
  EXPECT_EQ(ma->find("a2")->when_site_categories, (std::vector<std::string>{"B", "C"}));
}

TEST(Assessment, OtherTypesUseTheirOwnA1A2A3_4_3_1) {
  for (const char* key : {"heritage_building", "cultural_revitalisation", "research_activity"})
    EXPECT_EQ(type(key).criteria_set, "non_ma_criteria") << key;
  const CriteriaSet& set = *ruleset_1_8().criteria_set("non_ma_criteria");
  EXPECT_EQ(set.find("a3")->when_project_type, "research_activity");
}

TEST(Suspension, FiveGroundsAThroughEAndThreeForImmediateTermination_5_16_1_5_16_2) {
  const SuspensionGrounds& grounds = ruleset_1_8().suspension;
  ASSERT_EQ(grounds.may_suspend.size(), 5u);
  EXPECT_EQ(grounds.may_suspend.front().clause, "§5.16.1(a)");
  EXPECT_EQ(grounds.may_suspend.back().clause, "§5.16.1(e)");
  EXPECT_EQ(grounds.immediate_termination.size(), 3u);
  EXPECT_EQ(grounds.immediate_source.clause, "§5.16.2");
  EXPECT_EQ(grounds.other.size(), 3u);
}

// ---- the generic list of entries

TEST(RuleEntries, EveryRuleHasItsClauseAndBothLanguages_Principle1) {
  const auto& entries = ruleset_1_8().entries;
  EXPECT_GT(entries.size(), 200u);
  for (const RuleEntry& entry : entries) {
    EXPECT_FALSE(entry.clause.empty()) << entry.key_path;
    EXPECT_FALSE(entry.description.zh.empty()) << entry.key_path;
    EXPECT_FALSE(entry.description.en.empty()) << entry.key_path;
    EXPECT_GT(entry.line, 0) << entry.key_path;
  }
}

TEST(RuleEntries, ContentIsTheRuleAsJson_3_11_4) {
  const RuleEntry* ratio = ruleset_1_8().entry("limits.yaml#contribution_ratio");
  ASSERT_NE(ratio, nullptr);
  EXPECT_EQ(ratio->clause, "§3.11.4");
  EXPECT_EQ(ratio->content_json.rfind(R"({"value":{"min_pct":5,"of":"approved_budget_total"})", 0),
            0u);
  EXPECT_EQ(ratio->leaves.front().path, "value.min_pct");
  EXPECT_EQ(ratio->leaves.front().json, "5");
}

TEST(RuleEntries, NestedRulesAreEntriesOfTheirOwn_5_13_2) {
  const RuleEntry* procurement = ruleset_1_8().entry("limits.yaml#procurement");
  ASSERT_NE(procurement, nullptr);
  EXPECT_EQ(procurement->content_json.find("bands"), std::string::npos);
  EXPECT_NE(ruleset_1_8().entry("limits.yaml#procurement.bands[4]"), nullptr);
}

TEST(RuleEntries, EveryTypedRuleNamesAnEntry_Principle1) {
  const Ruleset& ruleset = ruleset_1_8();
  const std::vector<const RuleSource*> sources{
      &ruleset.contribution_ratio.source,
      &ruleset.time_limits.information_request_response.source,
      &ruleset.disbursement.retention_source,
      &ruleset.audit.overhead_receipts_source,
      &ruleset.budget.overheads.source,
      &ruleset.project_types.front().funding_ceiling.source,
      &ruleset.procurement_bands.back().source,
  };
  for (const RuleSource* source : sources) {
    const RuleEntry* entry = ruleset.entry(source->key_path);
    ASSERT_NE(entry, nullptr) << source->key_path;
    EXPECT_EQ(entry->clause, source->clause);
  }
}

}  // namespace
}  // namespace bsap::rules
