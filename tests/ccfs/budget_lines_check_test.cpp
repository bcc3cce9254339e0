// check_budget_lines: each line on its own against 附錄2, §3.2, §3.3, §3.5, §3.9 and §3.10, from
// the clean applications with one thing spoilt, at, just under and just over each boundary.
#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

Application research() { return complete_non_ma("research_activity"); }

// ---- the clean applications

TEST(BudgetLinesCheck, CleanApplicationsHaveNoBudgetLineFinding) {
  for (const Application& application : {complete_ma(), complete_non_ma("heritage_building"),
                                         complete_non_ma("cultural_revitalisation"), research()}) {
    const CheckResult result = check(application);
    for (const Finding& finding : result.findings)
      EXPECT_FALSE(finding.rule.starts_with("budget.") && finding.severity != Severity::info)
          << describe(result);
  }
}

// ---- every line

TEST(BudgetLinesCheck, UnknownKindIsBlocking_3_1) {
  Application a = complete_ma();
  a.budget[5].kind = "fireworks";
  const CheckResult result = check(a);
  expect_only(result, "budget.kind", Severity::blocking);
  const Finding finding = findings_of(result, "budget.kind")[0];
  EXPECT_EQ(finding.field, "budget[5].kind");
  EXPECT_EQ(finding.clause, "§3.1");
  EXPECT_NE(finding.message_zh.find("fireworks"), std::string::npos);
  EXPECT_NE(finding.message_en.find("fireworks"), std::string::npos);
}

TEST(BudgetLinesCheck, QuantityMustBeAtLeastOne_3_1) {
  Application a = complete_ma();
  line_of(a, "booth").quantity = 1;
  EXPECT_TRUE(clean_of(check(a), "budget.quantity"));
  line_of(a, "booth").quantity = 0;
  const CheckResult result = check(a);
  expect_only(result, "budget.quantity", Severity::blocking);
  EXPECT_EQ(findings_of(result, "budget.quantity")[0].field, "budget[6].quantity");
}

TEST(BudgetLinesCheck, NegativeUnitCostIsBlocking_3_1) {
  Application a = complete_ma();
  line_of(a, "insurance").unit_cost = Money{};
  EXPECT_TRUE(clean_of(check(a), "budget.unit_cost"));
  line_of(a, "insurance").unit_cost = -cent();
  expect_only(check(a), "budget.unit_cost", Severity::blocking);
}

// ---- §3.2 yearly breakdown

TEST(BudgetLinesCheck, YearBeyondTheProjectIsBlocking_3_2) {
  Application a = complete_ma();  // 24 months: years 1 and 2
  a.budget[0].year = 2;
  EXPECT_TRUE(clean_of(check(a), "budget.year"));
  a.budget[0].year = 3;
  CheckResult result = check(a);
  expect_only(result, "budget.year", Severity::blocking);
  EXPECT_EQ(findings_of(result, "budget.year")[0].field, "budget[0].year");
  a.duration_months = 25;  // a third year begins
  EXPECT_TRUE(clean_of(check(a), "budget.year"));
  a.budget[0].year = -1;
  expect_only(check(a), "budget.year", Severity::blocking);
}

TEST(BudgetLinesCheck, YearMissingIsBlockingForProjectsOverOneYear_3_2) {
  Application a = complete_ma();
  a.budget[3].year = 0;
  expect_only(check(a), "budget.year", Severity::blocking);
  a.duration_months = 13;
  expect_only(check(a), "budget.year", Severity::blocking);
}

TEST(BudgetLinesCheck, ProjectOfTwelveMonthsNeedsNoYears_3_2) {
  Application a = complete_ma();
  a.duration_months = 12;
  for (BudgetLine& line : a.budget) line.year = line.year == 1 ? 0 : 1;
  EXPECT_TRUE(clean_of(check(a), "budget.year")) << describe(check(a));
  a.budget[0].year = 2;  // a second year the project does not have
  expect_only(check(a), "budget.year", Severity::blocking);
}

TEST(BudgetLinesCheck, NoDurationNoYearCheck_3_2) {
  Application a = complete_ma();
  a.duration_months.reset();
  a.budget[0].year = 9;
  EXPECT_TRUE(clean_of(check(a), "budget.year"));
}

// ---- 附錄2 per-unit caps

TEST(BudgetLinesCheck, BoothAt850PassesAbove850IsBlocking_Appendix2Item4) {
  Application a = complete_ma();
  line_of(a, "booth").unit_cost = hkd(850) - cent();
  EXPECT_TRUE(clean_of(check(a), "budget.item_4.per_unit"));
  line_of(a, "booth").unit_cost = hkd(850);
  EXPECT_TRUE(clean_of(check(a), "budget.item_4.per_unit"));
  line_of(a, "booth").unit_cost = hkd(850) + cent();
  const CheckResult result = check(a);
  expect_only(result, "budget.item_4.per_unit", Severity::blocking);
  const Finding finding = findings_of(result, "budget.item_4.per_unit")[0];
  EXPECT_EQ(finding.clause, "附錄2 第4項");
  EXPECT_EQ(finding.field, "budget[6].unit_cost");
  EXPECT_NE(finding.message_zh.find("HK$850.01"), std::string::npos) << finding.message_zh;
  EXPECT_NE(finding.message_zh.find("HK$850.00"), std::string::npos) << finding.message_zh;
  EXPECT_NE(finding.message_en.find("HK$850.01"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_en.find("HK$850.00"), std::string::npos) << finding.message_en;
}

TEST(BudgetLinesCheck, DisplayBoardAbove2700IsBlocking_Appendix2Item5) {
  Application a = research();
  line_of(a, "display_board").quantity = 1;
  line_of(a, "display_board").unit_cost = hkd(2'700);
  EXPECT_TRUE(clean_of(check(a), "budget.item_5.per_unit"));
  line_of(a, "display_board").unit_cost = hkd(2'700) + cent();
  expect_only(check(a), "budget.item_5.per_unit", Severity::blocking);
}

TEST(BudgetLinesCheck, DisplayBoardsAbove27300PerApplicationAreBlocking_Appendix2Item5) {
  Application a = research();  // ten boards at HK$2,700: HK$27,000
  add_line(a, "display_board", 1, hkd(300) - cent());
  EXPECT_TRUE(clean_of(check(a), "budget.item_5.per_application"));
  a.budget.back().unit_cost = hkd(300);
  EXPECT_TRUE(clean_of(check(a), "budget.item_5.per_application"));
  a.budget.back().unit_cost = hkd(300) + cent();
  const CheckResult result = check(a);
  expect_only(result, "budget.item_5.per_application", Severity::blocking);
  const Finding finding = findings_of(result, "budget.item_5.per_application")[0];
  EXPECT_NE(finding.message_en.find("HK$27,300.01"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_en.find("HK$27,300.00"), std::string::npos) << finding.message_en;
}

TEST(BudgetLinesCheck, PrizesAbove2000PerCategoryAreBlocking_Appendix2Item6) {
  Application a = complete_ma();
  add_line(a, "competition_prize", 2, hkd(2'000));
  EXPECT_TRUE(clean_of(check(a), "budget.item_6.per_category"));
  a.budget.back().unit_cost = hkd(2'000) + cent();
  expect_only(check(a), "budget.item_6.per_category", Severity::blocking);
}

TEST(BudgetLinesCheck, CashPrizeIsBlocking_Appendix2Item6) {
  Application a = complete_ma();
  add_line(a, "competition_prize", 1, hkd(500));
  EXPECT_TRUE(clean_of(check(a), "budget.item_6.cash_prize"));
  a.budget.back().cash_prize = true;
  expect_only(check(a), "budget.item_6.cash_prize", Severity::blocking);
}

TEST(BudgetLinesCheck, SouvenirAbove65IsBlocking_Appendix2Item12) {
  Application a = complete_ma();
  add_line(a, "souvenir", 10, hkd(65));
  EXPECT_TRUE(clean_of(check(a), "budget.item_12.per_unit"));
  a.budget.back().unit_cost = hkd(65) + cent();
  expect_only(check(a), "budget.item_12.per_unit", Severity::blocking);
}

TEST(BudgetLinesCheck, DirectLabourAbove80PerWorkerHourIsBlocking_Appendix2Item13) {
  Application a = complete_ma();
  line_of(a, "direct_labour").unit_cost = hkd(80) - cent();
  EXPECT_TRUE(clean_of(check(a), "budget.item_13.per_worker_hour"));
  line_of(a, "direct_labour").unit_cost = hkd(80) + cent();
  expect_only(check(a), "budget.item_13.per_worker_hour", Severity::blocking);
}

TEST(BudgetLinesCheck, TravelAllowanceAbove20NeedsJustification_Appendix2Item16) {
  Application a = complete_ma();
  line_of(a, "travel_allowance").unit_cost = hkd(20) + cent();
  expect_only(check(a), "budget.item_16.per_trip", Severity::needs_justification);
  a.justifications["budget.item_16.per_trip"] = "Ferry fares to the site are HK$25.";
  expect_only(check(a), "budget.item_16.per_trip", Severity::info);
}

// ---- 附錄2 item 7: speakers

TEST(BudgetLinesCheck, SpeakerShortActivity200PerHour_Appendix2Item7) {
  Application a = complete_ma();  // four speakers at HK$400 for 120 minutes
  EXPECT_TRUE(clean_of(check(a), "budget.item_7.per_speaker"));
  line_of(a, "speaker").unit_cost = hkd(400) + cent();
  expect_only(check(a), "budget.item_7.per_speaker", Severity::needs_justification);
  line_of(a, "speaker").minutes = 121;  // 121/60 × HK$200 = HK$403.33…
  line_of(a, "speaker").unit_cost = cents(40'333);
  EXPECT_TRUE(clean_of(check(a), "budget.item_7.per_speaker"));
  line_of(a, "speaker").unit_cost = cents(40'334);
  expect_only(check(a), "budget.item_7.per_speaker", Severity::needs_justification);
}

// Exactly 3 hours is in both bands (data/ccfs/README Ambiguities 12): HK$650 beats 3 × HK$200.
TEST(BudgetLinesCheck, SpeakerAtExactlyThreeHoursGetsTheHigherCap_Appendix2Item7) {
  Application a = complete_ma();
  BudgetLine& speaker = line_of(a, "speaker");
  speaker.minutes = 180;
  speaker.unit_cost = hkd(650);
  EXPECT_TRUE(clean_of(check(a), "budget.item_7.per_speaker"));
  speaker.unit_cost = hkd(650) + cent();
  expect_only(check(a), "budget.item_7.per_speaker", Severity::needs_justification);
  speaker.minutes = 179;  // short band only: HK$596.66…
  speaker.unit_cost = cents(59'666);
  EXPECT_TRUE(clean_of(check(a), "budget.item_7.per_speaker"));
  speaker.unit_cost = cents(59'667);
  expect_only(check(a), "budget.item_7.per_speaker", Severity::needs_justification);
  speaker.minutes = 600;  // long band: HK$650 whatever the length
  speaker.unit_cost = hkd(650);
  EXPECT_TRUE(clean_of(check(a), "budget.item_7.per_speaker"));
}

TEST(BudgetLinesCheck, ProfessionalSpeaker320PerHour_Appendix2Item7) {
  Application a = complete_ma();
  BudgetLine& speaker = line_of(a, "speaker");
  speaker.professional = true;
  speaker.unit_cost = hkd(640);  // 2 hours × HK$320
  CheckResult result = check(a);
  EXPECT_TRUE(clean_of(result, "budget.item_7.per_speaker"));
  expect_only(result, "budget.item_7.certificate", Severity::info);
  speaker.unit_cost = hkd(640) + cent();
  expect_only(check(a), "budget.item_7.per_speaker", Severity::needs_justification);
  speaker.minutes = 240;  // 4 hours: HK$1,280, above the long band's HK$650
  speaker.unit_cost = hkd(1'280);
  EXPECT_TRUE(clean_of(check(a), "budget.item_7.per_speaker"));
  speaker.professional = false;
  expect_only(check(a), "budget.item_7.per_speaker", Severity::needs_justification);
}

TEST(BudgetLinesCheck, SpeakerAboveCapClearedByReason_Appendix2Item7) {
  Application a = complete_ma();
  line_of(a, "speaker").unit_cost = hkd(500);
  a.justifications["budget.item_7.per_speaker"] = "A rare specialist on dragonflies.";
  expect_only(check(a), "budget.item_7.per_speaker", Severity::info);
}

TEST(BudgetLinesCheck, OwnStaffAsSpeakerNeedsJustification_Appendix2Item7) {
  Application a = complete_ma();
  line_of(a, "speaker").own_staff = true;
  const CheckResult result = check(a);
  expect_only(result, "budget.item_7.own_staff", Severity::needs_justification);
  EXPECT_EQ(findings_of(result, "budget.item_7.own_staff")[0].field, "budget[7].own_staff");
}

TEST(BudgetLinesCheck, SpeakerWithoutMinutesIsBlocking_Appendix2Item7) {
  Application a = complete_ma();
  line_of(a, "speaker").minutes.reset();
  expect_only(check(a), "budget.minutes", Severity::blocking);
  line_of(a, "speaker").minutes = 0;
  expect_only(check(a), "budget.minutes", Severity::blocking);
}

// ---- 附錄2 item 17: volunteers' meals

TEST(BudgetLinesCheck, MealOf3To5Hours50PerVolunteer_Appendix2Item17) {
  Application a = complete_ma();
  BudgetLine& meal = line_of(a, "volunteer_meal");
  for (int minutes : {180, 300}) {
    meal.minutes = minutes;
    meal.unit_cost = hkd(50);
    EXPECT_TRUE(clean_of(check(a), "budget.item_17.per_volunteer")) << minutes;
    meal.unit_cost = hkd(50) + cent();
    expect_only(check(a), "budget.item_17.per_volunteer", Severity::blocking);
  }
}

TEST(BudgetLinesCheck, MealOverFiveHours90PerVolunteer_Appendix2Item17) {
  Application a = complete_ma();
  BudgetLine& meal = line_of(a, "volunteer_meal");
  meal.minutes = 301;
  meal.unit_cost = hkd(90);
  EXPECT_TRUE(clean_of(check(a), "budget.item_17.per_volunteer"));
  meal.unit_cost = hkd(90) + cent();
  expect_only(check(a), "budget.item_17.per_volunteer", Severity::blocking);
}

TEST(BudgetLinesCheck, MealUnderThreeHoursNeedsJustification_Appendix2Item17) {
  Application a = complete_ma();
  line_of(a, "volunteer_meal").minutes = 179;
  const CheckResult result = check(a);
  expect_only(result, "budget.item_17.below_bands", Severity::needs_justification);
  EXPECT_TRUE(clean_of(result, "budget.item_17.per_volunteer"));
}

// ---- 附錄2 item 9: transport

TEST(BudgetLinesCheck, CoachAbove2600PerRoundTripIsBlocking_Appendix2Item9) {
  Application a = complete_ma();
  line_of(a, "transport").unit_cost = hkd(2'600) + cent();
  expect_only(check(a), "budget.item_9.per_coach", Severity::blocking);
}

TEST(BudgetLinesCheck, BoatNeedsSizeAndReasonsOnTheLine_Appendix2Item9) {
  Application a = complete_ma();
  BudgetLine& boat = line_of(a, "transport");
  boat.vehicle = "boat";
  boat.unit_cost = hkd(5'000);  // no HK$ figure for boats
  CheckResult result = check(a);
  expect_only(result, "budget.item_9.vehicle_justification", Severity::needs_justification);
  EXPECT_TRUE(clean_of(result, "budget.item_9.per_coach"));
  boat.justification = "A 40-seat kaito: the site has no road.";
  EXPECT_TRUE(clean_of(check(a), "budget.item_9.vehicle_justification"));
}

TEST(BudgetLinesCheck, TransportWithoutVehicleIsBlocking_Appendix2Item9) {
  Application a = complete_ma();
  line_of(a, "transport").vehicle = "";
  expect_only(check(a), "budget.item_9.vehicle", Severity::blocking);
}

// ---- quotations

TEST(BudgetLinesCheck, QuotationMissingIsBlocking_Appendix2Items3_8_9) {
  Application a = complete_ma();
  line_of(a, "insurance").quotation = false;
  CheckResult result = check(a);
  expect_only(result, "budget.quotation", Severity::blocking);
  EXPECT_EQ(findings_of(result, "budget.quotation")[0].clause, "附錄2 第8項");
  EXPECT_EQ(findings_of(result, "budget.quotation")[0].field, "budget[10].quotation");
  add_line(a, "venue", 1, hkd(1'000));
  line_of(a, "transport").quotation = false;
  expect_only(check(a), "budget.quotation", Severity::blocking, 3);
}

TEST(BudgetLinesCheck, BoothNeedsNoQuotation_Appendix2Item4) {
  Application a = complete_ma();
  EXPECT_FALSE(line_of(a, "booth").quotation);
  EXPECT_TRUE(clean_of(check(a), "budget.quotation"));
}

// ---- 附錄2 items 10 and 11: participants pay 40 %

TEST(BudgetLinesCheck, GuidedTourParticipantsPay40Percent_Appendix2Item11) {
  Application a = research();  // HK$300 from the scheme, HK$200 from each participant: 40 %
  EXPECT_TRUE(clean_of(check(a), "budget.item_11.participant_share"));
  line_of(a, "guided_tour").participant_fee = hkd(200) - cent();
  const CheckResult result = check(a);
  expect_only(result, "budget.item_11.participant_share", Severity::blocking);
  const Finding finding = findings_of(result, "budget.item_11.participant_share")[0];
  EXPECT_EQ(finding.field, "budget[4].participant_fee");
  EXPECT_NE(finding.message_en.find("HK$199.99"), std::string::npos) << finding.message_en;
}

TEST(BudgetLinesCheck, AdmissionParticipantsPay40PercentExactly_Appendix2Item10) {
  Application a = complete_ma();
  BudgetLine& admission = add_line(a, "admission", 30, hkd(150));
  admission.participant_fee = hkd(100);  // 100 of 250: 40 %
  EXPECT_TRUE(clean_of(check(a), "budget.item_10.participant_share"));
  a.budget.back().unit_cost = hkd(150) + cent();  // 100 of 250.01: just under 40 %
  expect_only(check(a), "budget.item_10.participant_share", Severity::blocking);
  a.budget.back().unit_cost = hkd(150) - cent();
  EXPECT_TRUE(clean_of(check(a), "budget.item_10.participant_share"));
  a.budget.back().participant_fee.reset();
  expect_only(check(a), "budget.item_10.participant_share", Severity::blocking);
}

// ---- 附錄2 item 3: the grantee's own equipment

TEST(BudgetLinesCheck, OwnEquipmentAtMost20PercentOfMarketRent_Appendix2Item3) {
  Application a = complete_ma();
  BudgetLine& venue = add_line(a, "venue", 1, hkd(200));
  venue.quotation = true;
  venue.own_equipment = true;
  venue.market_rent = hkd(1'000);
  CheckResult result = check(a);
  expect_only(result, "budget.item_3.own_equipment", Severity::needs_justification);
  EXPECT_TRUE(clean_of(result, "budget.item_3.own_equipment_rent"));
  a.budget.back().unit_cost = hkd(200) + cent();
  result = check(a);
  expect_only(result, "budget.item_3.own_equipment_rent", Severity::blocking);
  EXPECT_EQ(findings_of(result, "budget.item_3.own_equipment_rent")[0].field,
            "budget[14].unit_cost");
  a.budget.back().market_rent.reset();
  result = check(a);
  expect_only(result, "budget.item_3.own_equipment_rent", Severity::blocking);
  EXPECT_EQ(findings_of(result, "budget.item_3.own_equipment_rent")[0].field,
            "budget[14].market_rent");
}

TEST(BudgetLinesCheck, OwnEquipmentWithPriorConsentReasonIsInfo_Appendix2Item3) {
  Application a = complete_ma();
  BudgetLine& venue = add_line(a, "venue", 1, hkd(100));
  venue.quotation = true;
  venue.own_equipment = true;
  venue.market_rent = hkd(1'000);
  a.justifications["budget.item_3.own_equipment"] = "Our PA system is the only one on site.";
  expect_only(check(a), "budget.item_3.own_equipment", Severity::info);
}

// ---- §3.5, §3.10: kinds never or normally not funded

TEST(BudgetLinesCheck, NeverFundedKindsAreBlocking_3_5_1_3_10_5_3_10_6) {
  for (const auto& [kind, clause] :
       {std::pair<std::string, std::string>{"management_capacity", "§3.5.1"},
        {"own_stock", "§3.10.5"},
        {"participant_remuneration", "§3.10.6, §5.4.1"}}) {
    Application a = complete_ma();
    add_line(a, kind, 1, hkd(1'000));
    const CheckResult result = check(a);
    expect_only(result, "budget.not_funded", Severity::blocking);
    EXPECT_EQ(findings_of(result, "budget.not_funded")[0].clause, clause);
  }
}

TEST(BudgetLinesCheck, OverseasTravelNeedsJustification_3_10_4) {
  Application a = complete_ma();
  add_line(a, "overseas_travel", 1, hkd(8'000));
  expect_only(check(a), "budget.normally_not_funded", Severity::needs_justification);
  a.justifications["budget.normally_not_funded"] = "Training at a partner wetland in Japan.";
  expect_only(check(a), "budget.normally_not_funded", Severity::info);
}

TEST(BudgetLinesCheck, RentOfOwnerRelatedLandIsBlocking_3_5_7) {
  Application a = complete_ma();
  BudgetLine& rent = add_line(a, "rent", 12, hkd(2'000));
  rent.justification = "Field office next to the paddies";
  EXPECT_TRUE(clean_of(check(a), "budget.rent_owner_related"));
  a.budget.back().owner_related = true;
  expect_only(check(a), "budget.rent_owner_related", Severity::blocking);
}

TEST(BudgetLinesCheck, StaffPaidInFullElsewhereIsBlocking_3_5_3) {
  Application a = complete_ma();
  a.budget[0].paid_in_full_elsewhere = true;
  const CheckResult result = check(a);
  expect_only(result, "budget.double_funding", Severity::blocking);
  EXPECT_EQ(findings_of(result, "budget.double_funding")[0].field,
            "budget[0].paid_in_full_elsewhere");
}

// ---- §3.3: items considered case by case

TEST(BudgetLinesCheck, CaseByCaseLineWithoutReasonsNeedsJustification_3_3) {
  for (const char* kind : {"project_staff", "direct_labour", "audit_fee", "equipment"}) {
    Application a = complete_ma();
    line_of(a, kind).justification = "  ";
    const CheckResult result = check(a);
    expect_only(result, "budget.case_by_case", Severity::needs_justification);
    EXPECT_NE(findings_of(result, "budget.case_by_case")[0].clause.find("§3.3"), std::string::npos);
  }
  for (const char* kind : {"minor_works", "contingency", "other", "rent", "admin_staff"}) {
    Application a = complete_ma();
    add_line(a, kind, 1, hkd(1'000));
    expect_only(check(a), "budget.case_by_case", Severity::needs_justification);
    a.budget.back().justification = "Detailed reasons and a breakdown";
    EXPECT_TRUE(clean_of(check(a), "budget.case_by_case")) << kind;
  }
}

TEST(BudgetLinesCheck, ConsideredKindsNeedNoReasons_3_6_3_3_7_3_8_1) {
  Application a = complete_ma();
  for (const char* kind :
       {"maintenance", "publication", "website", "teaching_material", "software"})
    add_line(a, kind, 1, hkd(1'000));
  EXPECT_TRUE(clean_of(check(a), "budget.case_by_case"));
}

// ---- §3.9: heritage in MA projects

TEST(BudgetLinesCheck, HeritageRestorationOnlyInManagementAgreements_3_9_1) {
  Application a = research();
  add_line(a, "heritage_restoration", 1, hkd(10'000)).component = "heritage";
  const CheckResult result = check(a);
  expect_only(result, "budget.kind.project_type", Severity::blocking);
  Application ma = complete_ma();
  add_line(ma, "heritage_restoration", 1, hkd(10'000)).component = "heritage";
  EXPECT_TRUE(clean_of(check(ma), "budget.kind.project_type"));
  EXPECT_TRUE(clean_of(check(ma), "budget.heritage_component"));
}

TEST(BudgetLinesCheck, MaHeritageRestorationMustBeMarked_3_9_2) {
  Application a = complete_ma();
  add_line(a, "heritage_restoration", 1, hkd(10'000));
  const CheckResult result = check(a);
  expect_only(result, "budget.heritage_component", Severity::blocking);
  EXPECT_EQ(findings_of(result, "budget.heritage_component")[0].field, "budget[14].component");
}

TEST(BudgetLinesCheck, HeritageMarkOnNonMaLineIsOnlyANote_3_9_2) {
  Application a = complete_non_ma("heritage_building");
  a.budget[2].component = "heritage";
  expect_only(check(a), "budget.heritage_component", Severity::info);
}

}  // namespace
}  // namespace bsap::ccfs::testing
