// The Chinese texts are the seed's, character for character (data/bsap2035/README.md).
#include <gtest/gtest.h>

#include <algorithm>

#include "seed_appendix.h"
#include "support/real_plan_data.h"

namespace bsap::plan {
namespace {

using test_data::real_plan_data;
using test_data::seed_lines;

// 4.2 prints each priority item on a line of its own, numbered within its action: "1. 透過…".
TEST(SeedText, EveryItemIsALineOfTheSeedWithItsNumber) {
  const std::vector<std::string> lines = seed_lines();
  int items = 0;
  for (const Action& action : real_plan_data().plan.actions)
    for (const ActionItem& item : action.items) {
      const std::string line = std::to_string(item.number) + ". " + item.text.zh;
      EXPECT_NE(std::find(lines.begin(), lines.end(), line), lines.end())
          << action.number << "." << item.number << " not in the seed: " << item.text.zh;
      ++items;
    }
  EXPECT_EQ(items, 81);
}

// 摘要 lists the ten overall goals.
TEST(SeedText, EveryGoalOccursInTheSeed) {
  const std::vector<std::string> lines = seed_lines();
  for (const Goal& goal : real_plan_data().plan.goals)
    EXPECT_TRUE(std::any_of(
        lines.begin(), lines.end(),
        [&](const std::string& line) { return line.find(goal.text.zh) != std::string::npos; }))
        << "goal " << goal.number << ": " << goal.text.zh;
}

}  // namespace
}  // namespace bsap::plan
