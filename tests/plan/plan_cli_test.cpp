// `bsap plan …` as scripts call it: the JSON keys are a contract (issue "The seeds as data").
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "data_copy.h"

namespace bsap::plan {
namespace {

using nlohmann::json;

struct ProgramRun {
  int exit_code;
  std::string output;  // standard output and standard error
};

ProgramRun run_bsap(const std::string& args, const std::string& home = BSAP_HOME_DIR) {
  const std::string command =
      "BSAP_HOME='" + home + "' '" + std::string(BSAP_BINARY) + "' " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return {-1, "cannot run " + command};
  std::string output;
  char buffer[4096];
  for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    output.append(buffer, read);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

std::vector<std::string> numbers_of(const json& actions) {
  std::vector<std::string> numbers;
  for (const json& action : actions) numbers.push_back(action.at("number"));
  return numbers;
}

TEST(PlanCli, SummaryJsonIsExactlyTheContract) {
  const ProgramRun run = run_bsap("plan summary --json");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output, R"({"goals":10,"areas":4,"actions":30,"items":81,"nbsap_actions":27,)"
                        R"("kmgbf_targets":23,"sdgs":17})"
                        "\n");
}

// 附錄 row 2.4: goals 1 3 6 8 10; NBSAP 1 5 6 8 14 26 27; KMGBF 2 12 19; SDG 11 13 14 15 17.
TEST(PlanCli, ActionJsonCarriesTitlesMappingsAndItems) {
  const ProgramRun run = run_bsap("plan action 2.4 --json");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const json action = json::parse(run.output);
  EXPECT_EQ(action.at("number"), "2.4");
  EXPECT_EQ(action.at("area"), 2);
  EXPECT_EQ(action.at("goals"), json({1, 3, 6, 8, 10}));
  EXPECT_EQ(action.at("nbsap"), json({1, 5, 6, 8, 14, 26, 27}));
  EXPECT_EQ(action.at("kmgbf"), json({2, 12, 19}));
  EXPECT_EQ(action.at("sdg"), json({11, 13, 14, 15, 17}));
  EXPECT_TRUE(action.at("title_en").is_string());
  ASSERT_EQ(action.at("items").size(), 3u);
  EXPECT_EQ(action.at("items")[0].at("number"), 1);
  EXPECT_EQ(action.at("items")[0].at("text_zh"),
            "透過政府可持續債券計劃支持自然保育及生物多樣性相關項目");
  EXPECT_TRUE(action.at("items")[0].at("text_en").is_string());
}

TEST(PlanCli, CrosswalkJsonListsTheActionsServingKmgbfTarget3) {
  const ProgramRun run = run_bsap("plan crosswalk --framework kmgbf --target 3 --json");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const json actions = json::parse(run.output);
  EXPECT_EQ(numbers_of(actions), (std::vector<std::string>{"1.1", "1.2", "1.3"}));
  for (const json& action : actions) {
    EXPECT_TRUE(action.at("title_zh").is_string());
    EXPECT_TRUE(action.at("title_en").is_string());
    EXPECT_FALSE(action.at("items").empty());
  }
}

TEST(PlanCli, UnknownActionOrTargetExitsWith2) {
  EXPECT_EQ(run_bsap("plan action 9.9 --json").exit_code, 2);
  EXPECT_EQ(run_bsap("plan crosswalk --framework kmgbf --target 24").exit_code, 2);
  EXPECT_EQ(run_bsap("plan crosswalk --framework unknown --target 1").exit_code, 2);
}

TEST(PlanCli, BadDataFileExitsWith2NamingFileLineAndKey) {
  test_data::DataCopy copy;
  const int line =
      copy.replace_once("bsap2035/actions-area-1.yaml", "  - number: '1.2'", "  - number: '1.1'");
  const ProgramRun run = run_bsap("plan summary --json", copy.home().string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find((copy.data_dir() / "bsap2035/actions-area-1.yaml").string() + ":" +
                            std::to_string(line) + ": number: duplicate action 1.1"),
            std::string::npos)
      << run.output;
}

}  // namespace
}  // namespace bsap::plan
