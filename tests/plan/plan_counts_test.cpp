// The counts the seed states (plan.yaml stated_counts; 000_e0ccae9882b7fb64.txt 摘要, 4.1, 4.2,
// 2.1, 2.2) hold for the data as loaded.
#include <gtest/gtest.h>

#include "plan/crosswalk.h"
#include "support/real_plan_data.h"

namespace bsap::plan {
namespace {

using test_data::real_plan_data;

TEST(PlanCounts, TenGoalsFourAreasThirtyActionsEightyOneItems) {
  const PlanSummary summary = summarize(real_plan_data());
  EXPECT_EQ(summary.goals, 10);
  EXPECT_EQ(summary.areas, 4);
  EXPECT_EQ(summary.actions, 30);
  EXPECT_EQ(summary.items, 81);
}

TEST(PlanCounts, Nbsap27ActionsKmgbf23TargetsAnd17Sdgs) {
  const PlanSummary summary = summarize(real_plan_data());
  EXPECT_EQ(summary.nbsap_actions, 27);
  EXPECT_EQ(summary.kmgbf_targets, 23);
  EXPECT_EQ(summary.sdgs, 17);
  EXPECT_EQ(real_plan_data().frameworks.nbsap_areas.size(), 4u);
  EXPECT_EQ(real_plan_data().frameworks.kmgbf_goals.size(), 4u);
  EXPECT_EQ(real_plan_data().frameworks.kmgbf_target_groups.size(), 3u);
}

TEST(PlanCounts, ActionsPerArea9_10_6_5WithItems22_29_17_13) {
  const Plan& plan = real_plan_data().plan;
  const int expected_actions[] = {9, 10, 6, 5};
  const int expected_items[] = {22, 29, 17, 13};
  for (int area = 1; area <= 4; ++area) {
    const std::vector<const Action*> actions = actions_in_area(plan, area);
    int items = 0;
    for (const Action* action : actions) items += static_cast<int>(action->items.size());
    EXPECT_EQ(static_cast<int>(actions.size()), expected_actions[area - 1]) << "area " << area;
    EXPECT_EQ(items, expected_items[area - 1]) << "area " << area;
  }
}

TEST(PlanCounts, SummaryNamesFollowTheCommandLineContract) {
  std::vector<std::string> names;
  for (const auto& [name, count] : named_counts(summarize(real_plan_data()))) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"goals", "areas", "actions", "items", "nbsap_actions",
                                             "kmgbf_targets", "sdgs"}));
}

}  // namespace
}  // namespace bsap::plan
