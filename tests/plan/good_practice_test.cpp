// Good-practice cases (000_e0ccae9882b7fb64.txt 優先行動 2.7, item 2.7.1): the lists a case is
// described with, a case's life from draft to publication, the checks of a draft and of a
// submission with their boundaries, and the public list's filters.
#include "plan/good_practice.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "support/real_plan_data.h"

namespace bsap::plan {
namespace {

using test_data::real_plan_data;

const CaseLists& real_lists() {
  static const CaseLists lists =
      std::get<CaseLists>(load_case_lists(std::filesystem::path(BSAP_HOME_DIR) / "data"));
  return lists;
}

const CivilDate kToday = *CivilDate::from_ymd(2026, 3, 15);

// A complete case, as a submission must be.
GoodPracticeCase complete_case() {
  GoodPracticeCase c;
  c.title = {"汀角紅樹林修復", "Ting Kok mangrove restoration"};
  c.latitude = 22.4745;
  c.longitude = 114.2183;
  c.district = "tai_po";
  c.habitat = "mangrove";
  c.nbs_kind = "restoration";
  c.work = {"補植紅樹。", "Mangroves replanted."};
  c.outcomes = {{"Seedlings surviving", "1180", "seedlings", "2026-03-15"}};
  c.funding = {{"CCFS", Money::from_cents(48000000)}};
  c.actions = {"2.7"};
  c.kmgbf_targets = {2, 23};
  c.sdgs = {1, 17};
  return c;
}

std::vector<std::string> fault_keys(const GoodPracticeCase& c,
                                    CaseCheck check = CaseCheck::submission) {
  std::vector<std::string> keys;
  for (const CaseFault& fault : check_case(c, real_lists(), real_plan_data(), kToday, check))
    keys.push_back(fault.message_key);
  return keys;
}

bool refuses(const GoodPracticeCase& c, const std::string& key,
             CaseCheck check = CaseCheck::submission) {
  const auto keys = fault_keys(c, check);
  return std::ranges::find(keys, key) != keys.end();
}

// ---- the lists

TEST(CaseLists, TheRealListsLoadWithThe18Districts_2_7_1) {
  EXPECT_EQ(real_lists().districts.size(), 18u);
  EXPECT_EQ(real_lists().nbs_kinds.size(), 5u);  // IUCN's five families
  EXPECT_FALSE(real_lists().habitats.empty());
  const ListEntry* sai_kung = find_entry(real_lists().districts, "sai_kung");
  ASSERT_NE(sai_kung, nullptr);
  EXPECT_EQ(sai_kung->name.zh, "西貢區");
  EXPECT_EQ(sai_kung->name.en, "Sai Kung");
  EXPECT_EQ(find_entry(real_lists().districts, "atlantis"), nullptr);
}

TEST(CaseLists, ARepeatedCodeOrAMissingNameIsRefusedWithItsFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / "bsap_case_lists_test";
  std::filesystem::create_directories(dir / "cases");
  const auto write = [&](const std::string& text) {
    std::ofstream(dir / "cases" / "lists.yaml") << text;
    return load_case_lists(dir);
  };
  const std::string habitats = "habitats:\n  - {code: woodland, zh: 林地, en: Woodland}\n";
  const std::string kinds = "nbs_kinds:\n  - {code: restoration, zh: 修復, en: Restoration}\n";
  auto repeated = write(
      "schema_version: 1\ndistricts:\n  - {code: north, zh: 北區, en: North}\n"
      "  - {code: north, zh: 北區, en: North}\n" +
      habitats + kinds);
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(repeated));
  EXPECT_EQ(std::get<PlanLoadError>(repeated).line, 4);
  EXPECT_NE(std::get<PlanLoadError>(repeated).reason.find("twice"), std::string::npos);
  auto unnamed =
      write("schema_version: 1\ndistricts:\n  - {code: north, zh: 北區}\n" + habitats + kinds);
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(unnamed));
  auto good = write("schema_version: 1\ndistricts:\n  - {code: north, zh: 北區, en: North}\n" +
                    habitats + kinds);
  EXPECT_TRUE(std::holds_alternative<CaseLists>(good));
  std::filesystem::remove_all(dir);
}

// ---- the life of a case

TEST(CaseStates, EveryStateRoundTripsThroughItsCode) {
  for (auto state : {CaseState::draft, CaseState::submitted, CaseState::returned,
                     CaseState::published, CaseState::withdrawn})
    EXPECT_EQ(parse_case_state(case_state_code(state)), state);
  EXPECT_EQ(parse_case_state("Published"), std::nullopt);
  EXPECT_EQ(parse_case_state(""), std::nullopt);
}

TEST(CaseStates, OnlyTheSecretariatsStepsLeadFromSubmittedToPublic_2_7_1) {
  EXPECT_EQ(next_case_state(CaseState::draft, CaseEvent::submit), CaseState::submitted);
  EXPECT_EQ(next_case_state(CaseState::returned, CaseEvent::submit), CaseState::submitted);
  EXPECT_EQ(next_case_state(CaseState::submitted, CaseEvent::publish), CaseState::published);
  EXPECT_EQ(next_case_state(CaseState::submitted, CaseEvent::give_back), CaseState::returned);
  // Nothing is published without review, nor returned before it is submitted.
  EXPECT_EQ(next_case_state(CaseState::draft, CaseEvent::publish), std::nullopt);
  EXPECT_EQ(next_case_state(CaseState::returned, CaseEvent::publish), std::nullopt);
  EXPECT_EQ(next_case_state(CaseState::draft, CaseEvent::give_back), std::nullopt);
  EXPECT_EQ(next_case_state(CaseState::published, CaseEvent::give_back), std::nullopt);
  EXPECT_EQ(next_case_state(CaseState::submitted, CaseEvent::submit), std::nullopt);
  EXPECT_EQ(next_case_state(CaseState::published, CaseEvent::submit), std::nullopt);
  // Withdrawn from any state but withdrawn, and final.
  for (auto state :
       {CaseState::draft, CaseState::submitted, CaseState::returned, CaseState::published})
    EXPECT_EQ(next_case_state(state, CaseEvent::withdraw), CaseState::withdrawn);
  for (auto event :
       {CaseEvent::submit, CaseEvent::give_back, CaseEvent::publish, CaseEvent::withdraw})
    EXPECT_EQ(next_case_state(CaseState::withdrawn, event), std::nullopt);
}

TEST(CaseStates, OnlyADraftOrAReturnedCaseIsEdited) {
  EXPECT_TRUE(case_editable(CaseState::draft));
  EXPECT_TRUE(case_editable(CaseState::returned));
  EXPECT_FALSE(case_editable(CaseState::submitted));
  EXPECT_FALSE(case_editable(CaseState::published));
  EXPECT_FALSE(case_editable(CaseState::withdrawn));
}

// ---- checks

TEST(CaseCheck, ACompleteCaseMaySubmit_2_7_1) { EXPECT_TRUE(fault_keys(complete_case()).empty()); }

TEST(CaseCheck, ADraftNeedsOnlyATitleButASubmissionNeedsEverything_2_7_1) {
  GoodPracticeCase draft;
  draft.title.en = "Ting Kok";
  EXPECT_TRUE(fault_keys(draft, CaseCheck::draft).empty());
  const auto keys = fault_keys(draft);
  for (const char* key :
       {"case_error_title_zh", "case_error_place_missing", "case_error_district",
        "case_error_habitat", "case_error_nbs_kind", "case_error_work_zh", "case_error_work_en",
        "case_error_outcome_missing", "case_error_action_missing"})
    EXPECT_NE(std::ranges::find(keys, key), keys.end()) << key;
  EXPECT_TRUE(refuses(GoodPracticeCase{}, "case_error_title_any", CaseCheck::draft));
}

TEST(CaseCheck, ThePlaceMustLieInHongKongAtItsEdgesAndNotBeyond) {
  for (auto [latitude, longitude, inside] : {std::tuple{22.13, 114.0, true},
                                             {22.1299, 114.0, false},
                                             {22.57, 114.0, true},
                                             {22.5701, 114.0, false},
                                             {22.3, 113.82, true},
                                             {22.3, 113.8199, false},
                                             {22.3, 114.51, true},
                                             {22.3, 114.5101, false}}) {
    GoodPracticeCase c = complete_case();
    c.latitude = latitude;
    c.longitude = longitude;
    EXPECT_EQ(refuses(c, "case_error_place"), !inside) << latitude << ", " << longitude;
  }
  GoodPracticeCase half = complete_case();
  half.longitude.reset();
  EXPECT_TRUE(refuses(half, "case_error_place", CaseCheck::draft));
}

TEST(CaseCheck, CodesMustBeOnTheirLists) {
  GoodPracticeCase c = complete_case();
  c.district = "atlantis";
  c.habitat = "lava";
  c.nbs_kind = "concrete";
  EXPECT_TRUE(refuses(c, "case_error_district", CaseCheck::draft));
  EXPECT_TRUE(refuses(c, "case_error_habitat", CaseCheck::draft));
  EXPECT_TRUE(refuses(c, "case_error_nbs_kind", CaseCheck::draft));
}

TEST(CaseCheck, ActionsTargetsAndGoalsMustExistAtTheEndsOfTheirRanges) {
  GoodPracticeCase c = complete_case();
  c.actions = {"4.5", "1.1"};
  c.kmgbf_targets = {1, 23};
  c.sdgs = {1, 17};
  EXPECT_TRUE(fault_keys(c).empty());
  c.actions = {"2.11"};
  c.kmgbf_targets = {24};
  c.sdgs = {18};
  EXPECT_TRUE(refuses(c, "case_error_action", CaseCheck::draft));
  EXPECT_TRUE(refuses(c, "case_error_kmgbf", CaseCheck::draft));
  EXPECT_TRUE(refuses(c, "case_error_sdg", CaseCheck::draft));
  c.kmgbf_targets = {0};
  c.sdgs = {0};
  EXPECT_TRUE(refuses(c, "case_error_kmgbf", CaseCheck::draft));
  EXPECT_TRUE(refuses(c, "case_error_sdg", CaseCheck::draft));
}

TEST(CaseCheck, TitlesAreAtMost600BytesOfUtf8) {
  GoodPracticeCase c = complete_case();
  c.title.en = std::string(kMaxTitleBytes, 'a');
  EXPECT_FALSE(refuses(c, "case_error_title_long"));
  c.title.en += "a";
  EXPECT_TRUE(refuses(c, "case_error_title_long"));
  c.title.en = "";
  std::string zh;
  for (int i = 0; i < 200; ++i) zh += "林";  // 3 bytes each
  c.title.zh = zh;
  EXPECT_FALSE(refuses(c, "case_error_title_long"));
  c.title.zh += "林";
  EXPECT_TRUE(refuses(c, "case_error_title_long"));
}

TEST(CaseCheck, AnOutcomeHasAFigureAUnitAndADayUpToToday) {
  GoodPracticeCase c = complete_case();
  c.outcomes = {{"Seedlings", "1180", "seedlings", "2026-03-15"}};  // today
  EXPECT_TRUE(fault_keys(c).empty());
  c.outcomes[0].on = "2026-03-16";  // tomorrow
  EXPECT_TRUE(refuses(c, "case_error_outcome_date"));
  c.outcomes[0].on = "2026-02-30";
  EXPECT_TRUE(refuses(c, "case_error_outcome_date"));
  c.outcomes[0] = {"Seedlings", "-0.5", "ha", "2026-03-14"};
  EXPECT_TRUE(fault_keys(c).empty());
  for (const char* value : {"", "1,180", "12.", ".5", "1e3", "about 12", "--1"}) {
    c.outcomes[0].value = value;
    EXPECT_TRUE(refuses(c, "case_error_outcome_value")) << value;
  }
  c.outcomes[0] = {"", "1", "", "2026-03-14"};
  EXPECT_TRUE(refuses(c, "case_error_outcome_what"));
  EXPECT_TRUE(refuses(c, "case_error_outcome_unit"));
}

TEST(CaseCheck, AtMost20RowsOfOutcomesAndOfFunding) {
  GoodPracticeCase c = complete_case();
  c.outcomes.assign(kMaxRows, c.outcomes.front());
  c.funding.assign(kMaxRows, c.funding.front());
  EXPECT_TRUE(fault_keys(c).empty());
  c.outcomes.push_back(c.outcomes.front());
  EXPECT_TRUE(refuses(c, "case_error_too_many_rows"));
  c.outcomes.pop_back();
  c.funding.push_back(c.funding.front());
  EXPECT_TRUE(refuses(c, "case_error_too_many_rows"));
}

TEST(CaseCheck, FundingNamesItsSourceAndIsNotNegative) {
  GoodPracticeCase c = complete_case();
  c.funding = {{"In kind", Money()}};
  EXPECT_TRUE(fault_keys(c).empty());
  c.funding = {{"Refund", Money::from_cents(-1)}};
  EXPECT_TRUE(refuses(c, "case_error_funding_amount"));
  c.funding = {{"", Money::from_cents(100)}};
  EXPECT_TRUE(refuses(c, "case_error_funding_source"));
}

// ---- the public list's filters

TEST(CaseFilter, EachFilterNarrowsAndAnEmptyOneMatchesAll_2_7_1) {
  const GoodPracticeCase c = complete_case();
  EXPECT_TRUE(case_matches(c, {}));
  EXPECT_TRUE(case_matches(c, {"mangrove", "tai_po", "2.7", 23}));
  EXPECT_FALSE(case_matches(c, {"woodland", "", "", std::nullopt}));
  EXPECT_FALSE(case_matches(c, {"", "sai_kung", "", std::nullopt}));
  EXPECT_FALSE(case_matches(c, {"", "", "2.8", std::nullopt}));
  EXPECT_FALSE(case_matches(c, {"", "", "", 3}));
}

}  // namespace
}  // namespace bsap::plan
