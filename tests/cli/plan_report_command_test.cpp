// `bsap plan report`, run as the real program: the year's progress report to the Advisory Council
// on the Environment (000 5.1) written as one self-contained HTML file with the 30 actions, and
// bad input refused with exit 2 and what to fix.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_program.h"

namespace bsap::cli::testing {
namespace {

namespace fs = std::filesystem;
using test_support::ProgramResult;
using test_support::run_bsap;

class ScratchFolder {
 public:
  ScratchFolder() {
    char pattern[] = "/tmp/bsap-cli-report-XXXXXX";
    if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    folder_ = pattern;
  }
  ~ScratchFolder() { fs::remove_all(folder_); }
  std::string path(const std::string& name) const { return (folder_ / name).string(); }

 private:
  fs::path folder_;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

ProgramResult report(const ScratchFolder& folder, std::vector<std::string> extra) {
  std::vector<std::string> args = {"--db", "sqlite:" + folder.path("bsap.db"), "plan", "report"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_bsap(args);
}

TEST(PlanReportCommand, WritesTheYearsReportWithThe30Actions_Clause5_1) {
  ScratchFolder folder;
  const std::string out = folder.path("report.html");
  const ProgramResult result = report(folder, {"--year", "2026", "--lang", "en", "--out", out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string html = read_file(out);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("Annual progress report 2026"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"en-HK\">"), std::string::npos);
  // Self-contained: the style sheet and the chart script inside, no link to the server's files.
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_NE(html.find("/* annual report, print */"), std::string::npos);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("src=\"/static/"), std::string::npos);
  EXPECT_EQ(html.find("href=\"/static/"), std::string::npos);
  if (fs::exists(fs::path(BSAP_HOME_DIR) / "node_modules/echarts/dist/echarts.min.js"))
    EXPECT_NE(html.find("echarts.init("), std::string::npos) << "the charts are drawn offline";
  else
    EXPECT_NE(result.err.find("ECharts is not installed"), std::string::npos) << result.err;
  int actions = 0;
  for (auto at = html.find("class=\"bsap-report__action\""); at != std::string::npos;
       at = html.find("class=\"bsap-report__action\"", at + 1))
    ++actions;
  EXPECT_EQ(actions, 30);
  EXPECT_NE(html.find("Action 2.10 "), std::string::npos);
}

TEST(PlanReportCommand, TraditionalChineseIsTheDefault) {
  ScratchFolder folder;
  const std::string out = folder.path("report.html");
  const ProgramResult result = report(folder, {"--year", "2027", "--out", out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(read_file(out).find("2027年度進度報告"), std::string::npos);
}

TEST(PlanReportCommand, BadYearOrLanguageIsRefusedWithExit2) {
  ScratchFolder folder;
  const std::string out = folder.path("report.html");
  for (const std::string year : {"2025", "2036", "20x6", "99999"}) {
    const ProgramResult result = report(folder, {"--year", year, "--lang", "en", "--out", out});
    EXPECT_EQ(result.exit_code, 2) << year;
    EXPECT_NE(result.err.find("2026 to 2035"), std::string::npos) << result.err;
  }
  const ProgramResult lang = report(folder, {"--year", "2026", "--lang", "fr", "--out", out});
  EXPECT_EQ(lang.exit_code, 2);
  EXPECT_NE(lang.err.find("zh-hans"), std::string::npos) << lang.err;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace bsap::cli::testing
