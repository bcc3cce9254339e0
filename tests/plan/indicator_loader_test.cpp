// The indicator registry (data/bsap2035/indicators.yaml; 000_e0ccae9882b7fb64.txt 5.2) loads as
// the repository holds it, and a broken copy is refused naming the file, the line and the key.
#include "plan/indicator_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "data_copy.h"
#include "plan/crosswalk.h"
#include "support/real_plan_data.h"

namespace bsap::plan {
namespace {

namespace fs = std::filesystem;
using test_data::real_plan_data;

const char* const kFile = "bsap2035/indicators.yaml";

std::vector<Indicator> real_indicators() {
  auto loaded = load_indicators(fs::path(BSAP_HOME_DIR) / "data", real_plan_data());
  if (const auto* error = std::get_if<PlanLoadError>(&loaded)) ADD_FAILURE() << error->message();
  return loaded.index() == 0 ? std::get<0>(loaded) : std::vector<Indicator>{};
}

const Indicator* find_indicator(const std::vector<Indicator>& indicators, const std::string& code) {
  const auto found =
      std::find_if(indicators.begin(), indicators.end(),
                   [&](const Indicator& indicator) { return indicator.code == code; });
  return found == indicators.end() ? nullptr : &*found;
}

// ---- the real file

// 5.2: 「保護區 / OECM範圍的擴展或維持、藍綠空間規模、綠化覆蓋率」.
TEST(IndicatorRegistry, HoldsTheThreeIndicatorsSeedNames_5_2) {
  const std::vector<Indicator> indicators = real_indicators();
  const std::map<std::string, std::string> named = {{"protected_area_extent", "保護區 / OECM範圍"},
                                                    {"blue_green_space", "藍綠空間規模"},
                                                    {"greening_coverage", "綠化覆蓋率"}};
  for (const auto& [code, zh] : named) {
    const Indicator* indicator = find_indicator(indicators, code);
    ASSERT_NE(indicator, nullptr) << code;
    EXPECT_EQ(indicator->name.zh, zh);
    EXPECT_EQ(indicator->seed_clause, "5.2");
    EXPECT_EQ(indicator->direction, GoodDirection::increase);
  }
  EXPECT_EQ(find_indicator(indicators, "greening_coverage")->unit, "%");
  EXPECT_EQ(find_indicator(indicators, "protected_area_extent")->unit, "ha");
}

TEST(IndicatorRegistry, HoldsTheKmgbfHeadlineIndicatorsThatApplyToACity) {
  std::multiset<std::string> headlines;
  for (const Indicator& indicator : real_indicators())
    if (!indicator.kmgbf_headline.empty()) headlines.insert(indicator.kmgbf_headline);
  // 3.1 twice: land and marine.
  EXPECT_EQ(headlines,
            (std::multiset<std::string>{"1.1", "2.2", "3.1", "3.1", "6.1", "12.1", "A.3"}));
  const std::vector<Indicator> indicators = real_indicators();
  EXPECT_EQ(find_indicator(indicators, "invasive_alien_species_establishment")->direction,
            GoodDirection::decrease);
  EXPECT_EQ(find_indicator(indicators, "red_list_index")->unit, "index");
}

TEST(IndicatorRegistry, EachComputedIndicatorIsComputedOnceInItsUnit) {
  std::map<std::string, std::string> unit_of;
  for (const Indicator& indicator : real_indicators()) {
    if (indicator.computed_from.empty()) continue;
    EXPECT_TRUE(unit_of.emplace(indicator.computed_from, indicator.unit).second)
        << indicator.computed_from << " twice";
  }
  EXPECT_EQ(unit_of, (std::map<std::string, std::string>{{"ccfs_grants_approved", "count"},
                                                         {"ccfs_grant_amount", "HK$"},
                                                         {"volunteers_engaged", "people"},
                                                         {"volunteer_hours", "hours"},
                                                         {"citizen_scientists", "people"}}));
}

// The seed gives no figures for these indicators, so none may carry an invented baseline.
TEST(IndicatorRegistry, NoBaselineOrTargetIsInventedWhereTheSeedGivesNone_5_2) {
  for (const Indicator& indicator : real_indicators()) {
    EXPECT_EQ(indicator.baseline_value, std::nullopt) << indicator.code;
    EXPECT_EQ(indicator.target_value, std::nullopt) << indicator.code;
    EXPECT_EQ(indicator.target_year, 0) << indicator.code;
  }
}

// The data's own rule (README): an indicator serves goals and KMGBF targets its actions are
// mapped to in the 附錄 table.
TEST(IndicatorRegistry, GoalsAndTargetsAreAmongThoseOfTheIndicatorsActions_Appendix) {
  const std::vector<Indicator> indicators = real_indicators();
  ASSERT_FALSE(indicators.empty());
  for (const Indicator& indicator : indicators) {
    std::set<int> goals;
    std::set<int> targets;
    for (const std::string& number : indicator.actions) {
      const Action* action = find_action(real_plan_data().plan, number);
      ASSERT_NE(action, nullptr) << indicator.code << ": " << number;
      goals.insert(action->goals.begin(), action->goals.end());
      targets.insert(action->kmgbf.begin(), action->kmgbf.end());
    }
    for (const int goal : indicator.goals)
      EXPECT_TRUE(goals.contains(goal)) << indicator.code << ": goal " << goal;
    for (const int target : indicator.kmgbf_targets)
      EXPECT_TRUE(targets.contains(target)) << indicator.code << ": KMGBF target " << target;
  }
}

TEST(IndicatorRegistry, EveryIndicatorIsBilingualAndSourced) {
  for (const Indicator& indicator : real_indicators()) {
    for (const BilingualText* text : {&indicator.name, &indicator.definition, &indicator.method}) {
      EXPECT_FALSE(text->zh.empty()) << indicator.code;
      EXPECT_FALSE(text->en.empty()) << indicator.code;
    }
    EXPECT_FALSE(indicator.source.empty()) << indicator.code;
  }
}

// ---- broken copies

struct BadEdit {
  const char* name;
  const char* before;  // occurs once in indicators.yaml
  const char* after;   // the fault is on the line where it first differs from `before`
  const char* key;
  const char* reason;  // a part of the expected reason
};

std::ostream& operator<<(std::ostream& out, const BadEdit& edit) { return out << edit.name; }

class BadIndicatorFile : public ::testing::TestWithParam<BadEdit> {
 protected:
  test_data::DataCopy copy_;
};

TEST_P(BadIndicatorFile, IsRefusedNamingFileLineAndKey) {
  const BadEdit& edit = GetParam();
  const int line = copy_.replace_once(kFile, edit.before, edit.after);
  auto loaded = load_indicators(copy_.data_dir(), real_plan_data());
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(loaded)) << "accepted";
  const PlanLoadError& error = std::get<PlanLoadError>(loaded);
  const std::string file = (copy_.data_dir() / kFile).string();
  EXPECT_EQ(error.file, file);
  EXPECT_EQ(error.line, line);
  EXPECT_EQ(error.key, edit.key);
  EXPECT_NE(error.reason.find(edit.reason), std::string::npos) << error.reason;
  const std::string where = file + ":" + std::to_string(line) + ": " + edit.key + ": ";
  EXPECT_EQ(error.message().rfind(where, 0), 0u) << error.message();
}

const BadEdit kBadEdits[] = {
    {"WrongVersion", "schema_version: 1", "schema_version: 2", "schema_version",
     "2 is not 1, the version this program reads"},
    {"UnknownTopLevelKey", "kmgbf_monitoring_source:", "kmgbf_monitoring_sauce:",
     "kmgbf_monitoring_sauce", "unknown key"},
    {"MisspeltKey", "    seed_clause: 優先行動 1.8\n", "    seed_cluase: 優先行動 1.8\n",
     "seed_cluase", "unknown key"},
    {"WrongType_NameIsAList", "      zh: 紅色名錄指數\n", "      zh: [紅色名錄指數]\n", "name.zh",
     "expected a non-empty text"},
    {"DuplicateCode", "  - code: greening_coverage", "  - code: blue_green_space", "code",
     "duplicate indicator blue_green_space"},
    {"CodeNotSnakeCase", "  - code: red_list_index", "  - code: Red-List-Index", "code",
     "is not snake_case"},
    {"UnitOutsideTheList", "    unit: ha\n    method:\n      zh: >-\n        按年底時",
     "    unit: acre\n    method:\n      zh: >-\n        按年底時", "unit",
     "'acre' is not one of: ha, %, count, HK$, people, hours, index"},
    {"DirectionOutsideTheList", "    direction: decrease\n", "    direction: down\n", "direction",
     "'down' is not one of: increase, decrease, maintain"},
    {"UnknownGoal", "    goals:\n      - 5\n", "    goals:\n      - 11\n", "goals",
     "overall goal 11 does not exist"},
    {"GoalsNotAscending",
     "    goals:\n      - 3\n      - 9\n    actions:\n      - '1.5'\n      - '2.1'\n      - '3.2'",
     "    goals:\n      - 3\n      - 3\n    actions:\n      - '1.5'\n      - '2.1'\n      - '3.2'",
     "goals", "3 after 3: the list must be ascending without repeats"},
    {"UnknownAction", "    actions:\n      - '1.8'\n", "    actions:\n      - '1.10'\n", "actions",
     "action 1.10 does not exist"},
    {"ActionNumberNotText", "    actions:\n      - '1.8'\n", "    actions:\n      - [1, 8]\n",
     "actions", "expected an action number"},
    {"ActionsOutOfOrder", "      - '1.4'\n      - '1.5'\n", "      - '1.4'\n      - '1.3'\n",
     "actions", "1.3 after 1.4: the list must be in the plan's order without repeats"},
    {"ActionRepeated", "      - '1.7'\n      - '3.1'\n", "      - '1.7'\n      - '1.7'\n",
     "actions", "1.7 after 1.7"},
    {"UnknownKmgbfTarget", "    kmgbf_targets:\n      - 6\n", "    kmgbf_targets:\n      - 24\n",
     "kmgbf_targets", "KMGBF target 24 does not exist"},
    {"HeadlineOfATargetNotListed", "    kmgbf_headline: '6.1'", "    kmgbf_headline: '7.1'",
     "kmgbf_headline",
     "headline indicator 7.1 is KMGBF target 7's, which kmgbf_targets does not list"},
    {"HeadlineNotACode", "    kmgbf_headline: A.3", "    kmgbf_headline: E.3", "kmgbf_headline",
     "'E.3' is not a headline indicator code"},
    {"UnknownComputation", "    computed_from: ccfs_grants_approved",
     "    computed_from: ccfs_visitors", "computed_from",
     "'ccfs_visitors' is not one of: ccfs_grants_approved"},
    {"ComputationInAnotherUnit", "    computed_from: ccfs_grant_amount",
     "    computed_from: ccfs_grants_approved", "computed_from",
     "ccfs_grants_approved is counted in count, not HK$"},
    {"BaselineValueWithoutYear", "    direction: decrease\n",
     "    baseline_value: 12\n    direction: decrease\n", "baseline_value",
     "a baseline value needs its baseline_year"},
    {"BaselineValueNotANumber", "    direction: decrease\n",
     "    baseline_value: many\n    direction: decrease\n", "baseline_value",
     "expected a number, not 'many'"},
    {"BaselineYearOutOfRange", "    direction: decrease\n",
     "    baseline_year: 20235\n    direction: decrease\n", "baseline_year",
     "20235 is not a year between 1900 and 2100"},
    {"TargetValueWithoutYear", "    direction: decrease\n",
     "    target_value: 5\n    direction: decrease\n", "target_value",
     "a target value needs its target_year"},
};

INSTANTIATE_TEST_SUITE_P(Refused, BadIndicatorFile, ::testing::ValuesIn(kBadEdits),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(IndicatorLoader, TargetYearNotAfterTheBaselineIsRefused) {
  test_data::DataCopy copy;
  const int line = copy.replace_once(kFile, "    direction: decrease\n",
                                     "    baseline_year: 2030\n    target_year: 2030\n    "
                                     "target_value: 3\n    direction: decrease\n");
  auto loaded = load_indicators(copy.data_dir(), real_plan_data());
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(loaded));
  const PlanLoadError& error = std::get<PlanLoadError>(loaded);
  EXPECT_EQ(error.line, line + 1);
  EXPECT_EQ(error.key, "target_year");
  EXPECT_NE(error.reason.find("2030 is not after the baseline year 2030"), std::string::npos)
      << error.reason;
}

TEST(IndicatorLoader, ABaselineAndTargetWithTheirYearsAreRead) {
  test_data::DataCopy copy;
  copy.replace_once(kFile, "    direction: decrease\n",
                    "    baseline_year: 2025\n    baseline_value: 12.5\n    target_year: 2035\n"
                    "    target_value: 6\n    direction: decrease\n");
  auto loaded = load_indicators(copy.data_dir(), real_plan_data());
  ASSERT_TRUE(std::holds_alternative<std::vector<Indicator>>(loaded))
      << std::get<PlanLoadError>(loaded).message();
  const Indicator* indicator = find_indicator(std::get<std::vector<Indicator>>(loaded),
                                              "invasive_alien_species_establishment");
  ASSERT_NE(indicator, nullptr);
  EXPECT_EQ(indicator->baseline_year, 2025);
  EXPECT_EQ(indicator->baseline_value, 12.5);
  EXPECT_EQ(indicator->target_year, 2035);
  EXPECT_EQ(indicator->target_value, 6.0);
}

TEST(IndicatorLoader, AMissingRegistryIsNamed) {
  const test_data::DataCopy copy;
  fs::remove(copy.data_dir() / kFile);
  auto loaded = load_indicators(copy.data_dir(), real_plan_data());
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(loaded));
  const PlanLoadError& error = std::get<PlanLoadError>(loaded);
  EXPECT_EQ(error.file, (copy.data_dir() / kFile).string());
  EXPECT_EQ(error.line, 0);
  EXPECT_EQ(error.message(), error.file + ": cannot read the file");
}

TEST(IndicatorLoader, BrokenYamlIsRefusedWithItsLine) {
  test_data::DataCopy copy;
  const int line =
      copy.replace_once(kFile, "  - code: greening_coverage\n", "  - code: [greening_coverage\n");
  auto loaded = load_indicators(copy.data_dir(), real_plan_data());
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(loaded));
  const PlanLoadError& error = std::get<PlanLoadError>(loaded);
  EXPECT_EQ(error.file, (copy.data_dir() / kFile).string());
  EXPECT_GE(error.line, line);
}

}  // namespace
}  // namespace bsap::plan
