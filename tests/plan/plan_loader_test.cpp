// The loader refuses bad data files with the file, the line and the key of the fault. Each case
// copies the real data to a temporary folder and changes one piece of one file.
#include "plan/plan_loader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "data_copy.h"

namespace bsap::plan {
namespace {

namespace fs = std::filesystem;

struct BadEdit {
  const char* name;
  const char* file;    // under data/
  const char* before;  // occurs once in the real file
  const char* after;   // the fault is on the line where it first differs from `before`
  const char* key;
  const char* reason;  // a part of the expected reason
};

std::ostream& operator<<(std::ostream& out, const BadEdit& edit) { return out << edit.name; }

class BadDataFile : public ::testing::TestWithParam<BadEdit> {
 protected:
  test_data::DataCopy copy_;
};

TEST_P(BadDataFile, IsRefusedNamingFileLineAndKey) {
  const BadEdit& edit = GetParam();
  const int line = copy_.replace_once(edit.file, edit.before, edit.after);
  auto loaded = load_plan_data(copy_.data_dir());
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(loaded)) << "accepted";
  const PlanLoadError& error = std::get<PlanLoadError>(loaded);
  EXPECT_EQ(error.file, (copy_.data_dir() / edit.file).string());
  EXPECT_EQ(error.line, line);
  EXPECT_EQ(error.key, edit.key);
  EXPECT_NE(error.reason.find(edit.reason), std::string::npos) << error.reason;
  const std::string where =
      (copy_.data_dir() / edit.file).string() + ":" + std::to_string(line) + ": " + edit.key + ": ";
  EXPECT_EQ(error.message().rfind(where, 0), 0u) << error.message();
}

const BadEdit kBadEdits[] = {
    {"WrongType_AreaIsNotAnInteger", "bsap2035/actions-area-1.yaml",
     "    area: 1\n    source: 優先行動 1.1 ", "    area: one\n    source: 優先行動 1.1 ", "area",
     "expected an integer, not 'one'"},
    {"WrongType_TitleIsAList", "bsap2035/actions-area-1.yaml",
     "      zh: 優化保護區管理與生境連通性\n", "      zh: [優化保護區管理與生境連通性]\n",
     "title.zh", "expected a non-empty text"},
    {"UnknownReference_KmgbfTarget24", "bsap2035/actions-area-1.yaml",
     "      - 3\n    sdg:\n      - 14\n      - 15\n\n  - number: '1.2'",
     "      - 24\n    sdg:\n      - 14\n      - 15\n\n  - number: '1.2'", "kmgbf",
     "KMGBF target 24 does not exist"},
    {"UnknownReference_Goal11", "bsap2035/actions-area-1.yaml",
     "    goals:\n      - 2\n    lead:\n      zh: 長遠而言",
     "    goals:\n      - 11\n    lead:\n      zh: 長遠而言", "goals",
     "overall goal 11 does not exist"},
    {"UnknownReference_NbsapAction28", "bsap2035/actions-area-1.yaml",
     "    nbsap:\n      - 13\n    kmgbf:\n      - 7\n",
     "    nbsap:\n      - 28\n    kmgbf:\n      - 7\n", "nbsap",
     "NBSAP priority action 28 does not exist"},
    {"UnknownReference_Sdg18", "bsap2035/actions-area-1.yaml",
     "    sdg:\n      - 3\n      - 6\n      - 14\n", "    sdg:\n      - 3\n      - 6\n      - 18\n",
     "sdg", "SDG 18 does not exist"},
    {"UnknownReference_Area5", "bsap2035/actions-area-1.yaml",
     "    area: 1\n    source: 優先行動 1.2 ", "    area: 5\n    source: 優先行動 1.2 ", "area",
     "area 5 does not exist"},
    {"ReferenceRepeated", "bsap2035/actions-area-1.yaml",
     "    kmgbf:\n      - 1\n      - 3\n    sdg:\n      - 14\n      - 15\n\n  - number: '1.2'",
     "    kmgbf:\n      - 1\n      - 1\n    sdg:\n      - 14\n      - 15\n\n  - number: '1.2'",
     "kmgbf", "1 after 1: the list must be ascending without repeats"},
    {"DuplicateActionNumber", "bsap2035/actions-area-1.yaml", "  - number: '1.2'",
     "  - number: '1.1'", "number", "duplicate action 1.1"},
    {"ActionNumberOfAnotherArea", "bsap2035/actions-area-2.yaml", "  - number: '2.3'",
     "  - number: '3.3'", "number", "action 3.3 in the action file of area 2"},
    {"DuplicateItemNumber", "bsap2035/actions-area-1.yaml",
     "      - number: 2\n        zh: 參考《公約》", "      - number: 1\n        zh: 參考《公約》",
     "number", "duplicate item 1"},
    {"DuplicateGoalNumber", "bsap2035/plan.yaml", "  - number: 3\n    zh: 加強並廣泛",
     "  - number: 2\n    zh: 加強並廣泛", "number", "duplicate goal 2"},
    {"GoalNumberSkipped", "bsap2035/plan.yaml", "  - number: 3\n    zh: 加強並廣泛",
     "  - number: 4\n    zh: 加強並廣泛", "number", "goal 4 is out of order (expected 3)"},
    {"DuplicateKmgbfTarget", "frameworks/kmgbf.yaml", "  - number: 3\n    zh: 保護30%",
     "  - number: 2\n    zh: 保護30%", "number", "duplicate KMGBF target 2"},
    {"MisspeltKey", "bsap2035/actions-area-2.yaml",
     "    title_appendix_zh:", "    title_apendix_zh:", "title_apendix_zh", "unknown key"},
    {"StatedCountDiffers", "bsap2035/plan.yaml", "  actions: 30", "  actions: 31",
     "stated_counts.actions", "the seed states 31 but the data hold 30"},
};

INSTANTIATE_TEST_SUITE_P(Refused, BadDataFile, ::testing::ValuesIn(kBadEdits),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(PlanLoader, MissingActionFileIsNamed) {
  const test_data::DataCopy copy;
  fs::remove(copy.data_dir() / "bsap2035" / "actions-area-4.yaml");
  auto loaded = load_plan_data(copy.data_dir());
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(loaded));
  const PlanLoadError& error = std::get<PlanLoadError>(loaded);
  EXPECT_EQ(error.file, (copy.data_dir() / "bsap2035" / "actions-area-4.yaml").string());
  EXPECT_EQ(error.line, 0);
  EXPECT_EQ(error.message(), error.file + ": cannot read the file");
}

// Seed 2.1's graphic: target 3 (保護30%的土地、水域和海洋) is in the first group.
TEST(PlanLoader, KmgbfTargetInAGroupThatDoesNotListItIsRefused) {
  test_data::DataCopy copy;
  copy.replace_once("frameworks/kmgbf.yaml", "Conserve 30% of Land, Waters and Seas\n    group: 1",
                    "Conserve 30% of Land, Waters and Seas\n    group: 2");
  auto loaded = load_plan_data(copy.data_dir());
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(loaded));
  const PlanLoadError& error = std::get<PlanLoadError>(loaded);
  EXPECT_EQ(error.file, (copy.data_dir() / "frameworks/kmgbf.yaml").string());
  EXPECT_GT(error.line, 0);
  EXPECT_EQ(error.key, "targets");
  EXPECT_NE(error.reason.find("group 1 does not list exactly"), std::string::npos) << error.reason;
}

TEST(PlanLoader, ACopyOfTheRealDataLoads) {
  const test_data::DataCopy copy;
  auto loaded = load_plan_data(copy.data_dir());
  ASSERT_TRUE(std::holds_alternative<PlanData>(loaded))
      << std::get<PlanLoadError>(loaded).message();
}

}  // namespace
}  // namespace bsap::plan
