// The vocabulary of budget line kinds (budget_kinds.h) against §3 and 附錄2 of ruleset 1.8.
#include "ccfs/budget_kinds.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

std::set<std::string> keys_where(bool (*selects)(const BudgetKind&)) {
  std::set<std::string> keys;
  for (const BudgetKind& kind : budget_kinds())
    if (selects(kind)) keys.emplace(kind.key);
  return keys;
}

TEST(BudgetKinds, KeysAreUniqueAndFound_3_1) {
  std::set<std::string_view> seen;
  for (const BudgetKind& kind : budget_kinds()) {
    EXPECT_TRUE(seen.insert(kind.key).second) << kind.key;
    EXPECT_EQ(find_budget_kind(kind.key), &kind);
  }
  EXPECT_EQ(find_budget_kind("booths"), nullptr);
  EXPECT_EQ(find_budget_kind(""), nullptr);
}

TEST(BudgetKinds, EveryKindHasBilingualNamesAndAClause_3_1) {
  for (const BudgetKind& kind : budget_kinds()) {
    EXPECT_FALSE(kind.name_zh.empty()) << kind.key;
    EXPECT_FALSE(kind.name_en.empty()) << kind.key;
    EXPECT_FALSE(kind.clause.empty()) << kind.key;
    EXPECT_FALSE(budget_section_key(kind.section).empty()) << kind.key;
  }
}

TEST(BudgetKinds, EveryAppendix2ItemHasAKindAndEveryItemExists_Appendix2) {
  std::set<int> covered;
  for (const BudgetKind& kind : budget_kinds()) {
    if (kind.appendix2_item == 0) continue;
    covered.insert(kind.appendix2_item);
    const rules::BudgetItem* item = ruleset_1_8().budget.item(kind.appendix2_item);
    ASSERT_NE(item, nullptr) << kind.key;
    EXPECT_NE(std::string(kind.clause).find(item->source.clause), std::string::npos) << kind.key;
  }
  EXPECT_EQ(covered.size(), ruleset_1_8().budget.appendix2.size());
}

TEST(BudgetKinds, ItemsOneToTwelveInOrder_Appendix2Items1_12) {
  const char* expected[] = {"publicity",     "ceremony",          "venue",       "booth",
                            "display_board", "competition_prize", "speaker",     "insurance",
                            "transport",     "admission",         "guided_tour", "souvenir"};
  for (int number = 1; number <= 12; ++number) {
    const BudgetKind* kind = find_budget_kind(expected[number - 1]);
    ASSERT_NE(kind, nullptr) << expected[number - 1];
    EXPECT_EQ(kind->appendix2_item, number);
    EXPECT_EQ(kind->section, BudgetSection::activities);
  }
}

TEST(BudgetKinds, NeverFundedKinds_3_5_1_3_10_5_3_10_6) {
  EXPECT_EQ(
      keys_where([](const BudgetKind& k) { return k.rule == KindRule::not_funded; }),
      (std::set<std::string>{"management_capacity", "own_stock", "participant_remuneration"}));
  EXPECT_EQ(find_budget_kind("management_capacity")->clause, "§3.5.1");
  EXPECT_EQ(find_budget_kind("own_stock")->clause, "§3.10.5");
  EXPECT_EQ(find_budget_kind("participant_remuneration")->clause, "§3.10.6, §5.4.1");
}

TEST(BudgetKinds, OverseasTravelNormallyNotFunded_3_10_4) {
  EXPECT_EQ(keys_where([](const BudgetKind& k) { return k.rule == KindRule::normally_not_funded; }),
            std::set<std::string>{"overseas_travel"});
}

TEST(BudgetKinds, CaseByCaseKinds_3_3) {
  EXPECT_EQ(keys_where([](const BudgetKind& k) { return k.rule == KindRule::case_by_case; }),
            (std::set<std::string>{"project_staff", "admin_staff", "direct_labour", "audit_fee",
                                   "rent", "minor_works", "equipment", "contingency", "other"}));
}

TEST(BudgetKinds, OverheadsAreAdministrativeAndRecurrent_3_10_2_Appendix2Item15) {
  EXPECT_EQ(keys_where([](const BudgetKind& k) { return k.overhead; }),
            std::set<std::string>{"admin_recurrent"});
  EXPECT_EQ(find_budget_kind("admin_recurrent")->appendix2_item, 15);
}

TEST(BudgetKinds, MaAdministrativeAndGeneralShare_3_5_8) {
  EXPECT_EQ(keys_where([](const BudgetKind& k) { return k.ma_admin_or_general; }),
            (std::set<std::string>{"admin_staff", "audit_fee", "rent", "admin_recurrent"}));
}

TEST(BudgetKinds, ProjectStaffIsItem14AndHeritageRestorationIsSection3_9) {
  EXPECT_EQ(find_budget_kind("project_staff")->appendix2_item, 14);
  EXPECT_EQ(find_budget_kind("heritage_restoration")->section,
            BudgetSection::heritage_conservation);
  EXPECT_EQ(find_budget_kind("contingency")->appendix2_item, 18);
}

TEST(BudgetKinds, SectionKeys) {
  EXPECT_EQ(budget_section_key(BudgetSection::staffing_and_general), "staffing_and_general");
  EXPECT_EQ(budget_section_key(BudgetSection::heritage_conservation), "heritage_conservation");
  EXPECT_EQ(budget_section_key(BudgetSection::other), "other");
}

TEST(BudgetKinds, CompleteApplicationsUseKnownKinds) {
  for (const Application& application : {complete_ma(), complete_non_ma("research_activity")})
    for (const BudgetLine& line : application.budget)
      EXPECT_NE(find_budget_kind(line.kind), nullptr) << line.kind;
}

}  // namespace
}  // namespace bsap::ccfs::testing
