// `bsap check FILE.json [--json] [--on DAY]`, run as the real program: exit 0 without a blocking
// finding, 1 with one, 2 for a file that is missing, too large or not a valid application; the
// --json output parsed back.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/civil_date.h"
#include "support/run_program.h"

namespace bsap::cli::testing {
namespace {

using test_support::ProgramResult;
using test_support::run_bsap;

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string fixture(const std::string& name) {
  return std::string(BSAP_HOME_DIR) + "/tests/fixtures/applications/" + name;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A folder of its own for the files a test writes, removed afterwards.
class ScratchFolder {
 public:
  ScratchFolder() {
    char pattern[] = "/tmp/bsap-cli-check-XXXXXX";
    if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    folder_ = pattern;
  }
  ~ScratchFolder() { fs::remove_all(folder_); }
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path path = folder_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

 private:
  fs::path folder_;
};

Json json_of(const ProgramResult& result) {
  EXPECT_FALSE(result.out.empty()) << result.err;
  return Json::parse(result.out);  // one JSON document, newline-terminated
}

bool has_blocking_at(const Json& answer, const std::string& field_prefix) {
  for (const Json& finding : answer["findings"])
    if (finding["severity"] == "blocking" &&
        finding["field"].get<std::string>().starts_with(field_prefix))
      return true;
  return false;
}

void expect_error_json(const ProgramResult& result, const std::string& path,
                       const std::string& en_part) {
  EXPECT_EQ(result.exit_code, 2) << result.err;
  const Json answer = json_of(result);
  ASSERT_TRUE(answer.contains("error")) << result.out;
  EXPECT_EQ(answer["error"]["path"], path);
  EXPECT_NE(answer["error"]["message_en"].get<std::string>().find(en_part), std::string::npos)
      << answer.dump();
  EXPECT_FALSE(answer["error"]["message_zh"].get<std::string>().empty());
  EXPECT_NE(result.err.find(en_part), std::string::npos) << "stderr says why too: " << result.err;
}

class CheckCommand : public ::testing::Test {
 protected:
  // The program reads the rulesets from this checkout unless the environment says otherwise.
  static void SetUpTestSuite() { setenv("BSAP_HOME", BSAP_HOME_DIR, 0); }
};

TEST_F(CheckCommand, ACleanApplicationExitsZeroWithABilingualReport) {
  const ProgramResult result = run_bsap({"check", fixture("cli-clean-ma.json")});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("Ruleset 1.8, checked on 2026-11-22"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Grant 資助額 HK$744,100.00"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Eligible to submit"), std::string::npos);
  EXPECT_NE(result.out.find("可以提交"), std::string::npos);
  EXPECT_EQ(result.out.find("Blocking"), std::string::npos) << result.out;
  EXPECT_TRUE(result.err.empty()) << result.err;
}

TEST_F(CheckCommand, JsonOutputHasTheDocumentedShape) {
  const ProgramResult result = run_bsap({"check", fixture("cli-clean-ma.json"), "--json"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const Json answer = json_of(result);
  EXPECT_TRUE(answer["findings"].is_array());
  EXPECT_EQ(answer["eligible"], true);
  EXPECT_EQ(answer["ruleset"], "1.8");
  EXPECT_EQ(answer["checked_on"], "2026-11-22");
  EXPECT_EQ(answer["counts"]["blocking"], 0);
  EXPECT_EQ(answer["totals"]["expenditure"], "HK$794,100.00");
  EXPECT_EQ(answer["totals"]["income"], "HK$50,000.00");
  EXPECT_EQ(answer["totals"]["grant"], "HK$744,100.00");
  for (const Json& finding : answer["findings"])
    for (const char* key : {"severity", "rule", "clause", "field", "message_zh", "message_en"})
      EXPECT_TRUE(finding[key].is_string()) << key << " in " << finding.dump();
}

TEST_F(CheckCommand, BlockingFindingsExitOneAndAreListedFirst) {
  const std::string file = fixture("cli-schedule-short-ma.json");
  const ProgramResult report = run_bsap({"check", file});
  EXPECT_EQ(report.exit_code, 1) << report.out << report.err;
  EXPECT_NE(report.out.find("Blocking: must be fixed / 必須修正"), std::string::npos) << report.out;
  EXPECT_NE(report.out.find("Not eligible as it stands"), std::string::npos);
  EXPECT_NE(report.out.find("未符合資格"), std::string::npos);

  const ProgramResult result = run_bsap({"check", file, "--json"});
  EXPECT_EQ(result.exit_code, 1);
  const Json answer = json_of(result);
  EXPECT_EQ(answer["eligible"], false);
  EXPECT_GE(answer["counts"]["blocking"].get<int>(), 1);
  EXPECT_TRUE(has_blocking_at(answer, "disbursement_schedule")) << answer.dump(2);
}

TEST_F(CheckCommand, ASiteOnLantauIsBlocking) {
  // B16 Fan Lau Tsuen: on_lantau: true in data/sites/sites.yaml; Lantau is excluded (§2.1).
  const ProgramResult result = run_bsap({"check", fixture("cli-lantau-ma.json"), "--json"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  const Json answer = json_of(result);
  EXPECT_EQ(answer["eligible"], false);
  EXPECT_TRUE(has_blocking_at(answer, "site_codes")) << answer.dump(2);
}

TEST_F(CheckCommand, AnInvalidApplicationExitsTwoNamingThePath) {
  const std::string file = fixture("cli-invalid-money.json");
  const ProgramResult report = run_bsap({"check", file});
  EXPECT_EQ(report.exit_code, 2);
  EXPECT_TRUE(report.out.empty()) << report.out;
  EXPECT_NE(report.err.find("budget[1].unit_cost \"8,50\" is not an amount"), std::string::npos)
      << report.err;
  EXPECT_NE(report.err.find("不是有效金額"), std::string::npos) << report.err;

  expect_error_json(run_bsap({"check", file, "--json"}), "budget[1].unit_cost",
                    "is not an amount of money");
}

TEST_F(CheckCommand, AnUnknownKeyIsNamed) {
  ScratchFolder folder;
  const std::string file = folder.write("typo.json", R"({"budget":[{"unit_cots":"5"}]})");
  expect_error_json(run_bsap({"check", file, "--json"}), "budget[0].unit_cots",
                    "did you mean \"unit_cost\"");
}

TEST_F(CheckCommand, AMissingFileExitsTwo) {
  expect_error_json(run_bsap({"check", "/nonexistent/application.json", "--json"}), "",
                    "no application file at /nonexistent/application.json");
}

TEST_F(CheckCommand, TextThatIsNotJsonExitsTwoWithTheByteOffset) {
  ScratchFolder folder;
  const std::string file = folder.write("broken.json", "{\"title\": \"a\",}");
  expect_error_json(run_bsap({"check", file, "--json"}), "", "not valid JSON: at byte 15");
}

TEST_F(CheckCommand, AFileOverOneMebibyteIsRefusedUnread) {
  ScratchFolder folder;
  const std::string file =
      folder.write("huge.json", "{}" + std::string(1024 * 1024 - 1, ' '));  // 1 MiB + 1 byte
  expect_error_json(run_bsap({"check", file, "--json"}), "", "1048577 bytes");
}

TEST_F(CheckCommand, OnChoosesTheDayOverTheFilesCheckedOn) {
  const std::string file = fixture("cli-clean-ma.json");
  const ProgramResult result = run_bsap({"check", file, "--json", "--on", "2025-06-30"});
  EXPECT_EQ(json_of(result)["checked_on"], "2025-06-30");

  expect_error_json(run_bsap({"check", file, "--json", "--on", "2024-08-31"}), "",
                    "no CCFS ruleset is in force on 2024-08-31");
  expect_error_json(run_bsap({"check", file, "--json", "--on", "30/06/2025"}), "",
                    "--on wants a date as YYYY-MM-DD");
}

TEST_F(CheckCommand, AFileDatedBeforeEveryRulesetBlamesItsCheckedOn) {
  ScratchFolder folder;
  Json application = Json::parse(read_file(fixture("cli-clean-ma.json")));
  application["checked_on"] = "2024-01-01";
  const std::string file = folder.write("early.json", application.dump());
  expect_error_json(run_bsap({"check", file, "--json"}), "checked_on", "no CCFS ruleset");
}

TEST_F(CheckCommand, WithoutADayItChecksOnTodayInHongKong) {
  ScratchFolder folder;
  Json application = Json::parse(read_file(fixture("cli-clean-ma.json")));
  application.erase("checked_on");
  const std::string file = folder.write("undated.json", application.dump());
  const std::string today = format_iso(today_in_hong_kong(std::chrono::system_clock::now()));
  EXPECT_EQ(json_of(run_bsap({"check", file, "--json"}))["checked_on"], today);
}

}  // namespace
}  // namespace bsap::cli::testing
