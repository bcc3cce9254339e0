// The cross-walks read the 附錄 table from the framework's side (000_e0ccae9882b7fb64.txt 附錄).
#include "plan/crosswalk.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "seed_appendix.h"
#include "support/real_plan_data.h"

namespace bsap::plan {
namespace {

using test_data::AppendixRow;
using test_data::real_plan_data;
using test_data::seed_appendix;

constexpr Framework kFrameworks[] = {Framework::goal, Framework::nbsap, Framework::kmgbf,
                                     Framework::sdg};

std::vector<std::string> numbers_of(const std::vector<const Action*>& actions) {
  std::vector<std::string> numbers;
  for (const Action* action : actions) numbers.push_back(action->number);
  return numbers;
}

const std::vector<int>& appendix_column(const AppendixRow& row, Framework framework) {
  switch (framework) {
    case Framework::goal:
      return row.goals;
    case Framework::nbsap:
      return row.nbsap;
    case Framework::kmgbf:
      return row.kmgbf;
    case Framework::sdg:
      return row.sdg;
  }
  return row.goals;
}

// The rows whose column holds `number`: the table read from the framework's side.
std::vector<std::string> appendix_actions_serving(Framework framework, int number) {
  std::vector<std::string> numbers;
  for (const AppendixRow& row : seed_appendix()) {
    const std::vector<int>& column = appendix_column(row, framework);
    if (std::find(column.begin(), column.end(), number) != column.end())
      numbers.push_back(row.action_number);
  }
  return numbers;
}

// 附錄: 《昆蒙框架》目標 3 (30x30, 「保護30%的土地、水域和海洋」) appears in rows 1.1, 1.2 and 1.3
// only.
TEST(Crosswalk, KmgbfTarget3IsServedBy1_1_1_2And1_3) {
  const auto serving = actions_serving(real_plan_data().plan, Framework::kmgbf, 3);
  EXPECT_EQ(numbers_of(serving), (std::vector<std::string>{"1.1", "1.2", "1.3"}));
  EXPECT_EQ(serving.front()->items.size(), 2u);  // 1.1's items serve it with 1.1
}

// 附錄: 總體目標 2 (保護區網絡及OECM) in rows 1.1, 1.2, 1.3 and 4.1.
TEST(Crosswalk, OverallGoal2IsServedBy1_1_1_2_1_3And4_1) {
  EXPECT_EQ(numbers_of(actions_serving(real_plan_data().plan, Framework::goal, 2)),
            (std::vector<std::string>{"1.1", "1.2", "1.3", "4.1"}));
}

TEST(Crosswalk, EveryNumberOfEveryFrameworkIsServedByTheActionsTheAppendixMapsToIt) {
  const PlanData& data = real_plan_data();
  for (Framework framework : kFrameworks)
    for (int number : framework_numbers(data, framework))
      EXPECT_EQ(numbers_of(actions_serving(data.plan, framework, number)),
                appendix_actions_serving(framework, number))
          << framework_code(framework) << " " << number;
}

TEST(Crosswalk, NoActionServesANumberOutsideTheCatalogue) {
  EXPECT_TRUE(actions_serving(real_plan_data().plan, Framework::kmgbf, 24).empty());
  EXPECT_TRUE(actions_serving(real_plan_data().plan, Framework::sdg, 0).empty());
}

TEST(Crosswalk, KmgbfMatrixIsThirtyActionsByTwentyThreeTargetsAsTabled) {
  const MappingMatrix matrix = mapping_matrix(real_plan_data(), Framework::kmgbf);
  const std::vector<AppendixRow> rows = seed_appendix();
  ASSERT_EQ(matrix.action_numbers.size(), 30u);
  ASSERT_EQ(matrix.columns.size(), 23u);
  ASSERT_EQ(rows.size(), 30u);
  for (std::size_t row = 0; row < rows.size(); ++row) {
    EXPECT_EQ(matrix.action_numbers[row], rows[row].action_number);
    for (std::size_t column = 0; column < matrix.columns.size(); ++column) {
      const auto& tabled = rows[row].kmgbf;
      const bool serves =
          std::find(tabled.begin(), tabled.end(), matrix.columns[column]) != tabled.end();
      EXPECT_EQ(matrix.serves[row][column], serves)
          << rows[row].action_number << " × target " << matrix.columns[column];
    }
  }
}

// Action numbers are text: 2.10 is the tenth action of area 2, not 2.1 (README).
TEST(Crosswalk, FindsAction2_10ApartFrom2_1) {
  const Plan& plan = real_plan_data().plan;
  const Action* tenth = find_action(plan, "2.10");
  ASSERT_NE(tenth, nullptr);
  EXPECT_EQ(tenth->title.zh, "推廣可持續生態旅遊");
  EXPECT_EQ(find_action(plan, "2.1")->title.zh, "連結人與自然並提升公眾對自然惠益的意識");
  EXPECT_EQ(find_action(plan, "5.1"), nullptr);
}

TEST(Crosswalk, AreaActionsAreInTheSeedsOrder) {
  EXPECT_EQ(numbers_of(actions_in_area(real_plan_data().plan, 2)),
            (std::vector<std::string>{"2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9",
                                      "2.10"}));
  EXPECT_TRUE(actions_in_area(real_plan_data().plan, 5).empty());
}

TEST(Crosswalk, NamesTheCatalogueEntry) {
  const PlanData& data = real_plan_data();
  const BilingualText* target = framework_entry(data, Framework::kmgbf, 3);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->zh, "保護30%的土地、水域和海洋");  // seed 2.1, the KMGBF graphic
  EXPECT_EQ(framework_entry(data, Framework::goal, 4)->zh, "強化瀕危物種保護，打擊盜獵與非法貿易");
  EXPECT_EQ(framework_entry(data, Framework::kmgbf, 24), nullptr);
  EXPECT_EQ(framework_entry(data, Framework::sdg, 0), nullptr);
}

TEST(Crosswalk, FrameworkCodesReadBack) {
  for (Framework framework : kFrameworks)
    EXPECT_EQ(parse_framework(framework_code(framework)), framework);
  EXPECT_EQ(parse_framework("KMGBF"), std::nullopt);
  EXPECT_EQ(parse_framework("goals"), std::nullopt);
}

}  // namespace
}  // namespace bsap::plan
