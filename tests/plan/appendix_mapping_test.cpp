// Every action's four mappings are the 附錄 table's (000_e0ccae9882b7fb64.txt 附錄: 優先行動,
// 《計劃》2035 總體目標, 《國家計劃》優先行動, 《昆蒙框架》目標, 《可持續發展目標》), read from the
// seed itself.
#include <gtest/gtest.h>

#include "seed_appendix.h"
#include "support/real_plan_data.h"

namespace bsap::plan {
namespace {

using test_data::AppendixRow;
using test_data::real_plan_data;
using test_data::seed_appendix;

TEST(AppendixMapping, TheSeedTableHasOneRowPerAction_1_1To4_5) {
  const std::vector<AppendixRow> rows = seed_appendix();
  ASSERT_EQ(rows.size(), 30u);
  EXPECT_EQ(rows.front().action_number, "1.1");
  EXPECT_EQ(rows.back().action_number, "4.5");
}

TEST(AppendixMapping, EveryActionsGoalsNbsapKmgbfAndSdgAreTheAppendixs) {
  const std::vector<AppendixRow> rows = seed_appendix();
  const std::vector<Action>& actions = real_plan_data().plan.actions;
  ASSERT_EQ(actions.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Action& action = actions[i];
    const AppendixRow& row = rows[i];
    ASSERT_EQ(action.number, row.action_number);
    EXPECT_EQ(action.goals, row.goals) << action.number << " 總體目標";
    EXPECT_EQ(action.nbsap, row.nbsap) << action.number << " 《國家計劃》優先行動";
    EXPECT_EQ(action.kmgbf, row.kmgbf) << action.number << " 《昆蒙框架》目標";
    EXPECT_EQ(action.sdg, row.sdg) << action.number << " 《可持續發展目標》";
  }
}

// The headings give the titles; the table spells three differently (README: 1.1, 1.6, 2.6).
TEST(AppendixMapping, TitlesAreTheAppendixsWhereNoAppendixSpellingIsRecorded) {
  const std::vector<AppendixRow> rows = seed_appendix();
  const std::vector<Action>& actions = real_plan_data().plan.actions;
  ASSERT_EQ(actions.size(), rows.size());
  int spelt_differently = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Action& action = actions[i];
    const bool recorded = !action.title_appendix_zh.empty();
    spelt_differently += recorded;
    EXPECT_EQ(recorded ? action.title_appendix_zh : action.title.zh, rows[i].title_zh)
        << action.number;
  }
  EXPECT_EQ(spelt_differently, 3);
}

}  // namespace
}  // namespace bsap::plan
