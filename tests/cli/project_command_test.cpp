// `bsap project schedule`, run as the real program: the §5.5.1 schedule of a grant as JSON and as
// a table, and bad input refused with exit 2 and what to fix.
#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run_program.h"

namespace bsap::cli::testing {
namespace {

using test_support::ProgramResult;
using test_support::run_bsap;
using Json = nlohmann::json;

const std::vector<std::string> kSchedule = {"project",  "schedule", "--amount",      "2999999.99",
                                            "--months", "36",       "--first-share", "0.25"};

std::vector<std::string> schedule_with(std::vector<std::string> extra) {
  std::vector<std::string> args = kSchedule;
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// HK$2,999,999.99 = 299,999,999 cents over 36 months at 25 %: first part floor(25 %) =
// 74,999,999; retention floor(10 %) = 29,999,999; balance 195,000,001 over 5 progress reports,
// 39,000,000 each and the leftover cent on the last (§5.5.1).
TEST(ProjectScheduleCommand, JsonScheduleSumsToTheGrant_Section5_5_1) {
  const ProgramResult result = run_bsap(schedule_with({"--json"}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json answer = Json::parse(result.out);
  EXPECT_EQ(answer["approved_cents"], 299'999'999);
  EXPECT_EQ(answer["first_share_bp"], 2500);
  EXPECT_EQ(answer["clause"], "§5.5.1");
  const Json& instalments = answer["instalments"];
  ASSERT_EQ(instalments.size(), 7u);
  std::int64_t total = 0;
  for (const Json& instalment : instalments)
    total += instalment["amount_cents"].get<std::int64_t>();
  EXPECT_EQ(total, 299'999'999);

  EXPECT_EQ(instalments[0]["number"], 1);
  EXPECT_EQ(instalments[0]["condition"], "agreement_signed");
  EXPECT_EQ(instalments[0]["month_offset"], -1);
  EXPECT_EQ(instalments[0]["amount_cents"], 74'999'999);
  EXPECT_EQ(instalments[0]["amount"], "HK$749,999.99");
  EXPECT_EQ(instalments[0]["condition_zh"], "簽訂協議後(項目開始前一個月)");

  EXPECT_EQ(instalments[5]["condition"], "progress_report_accepted");
  EXPECT_EQ(instalments[5]["report_number"], 5);
  EXPECT_EQ(instalments[5]["month_offset"], 32);
  EXPECT_EQ(instalments[5]["amount_cents"], 39'000'001);
  EXPECT_EQ(instalments[5]["condition_en"], "Once progress report 5 is accepted");

  EXPECT_EQ(instalments[6]["condition"], "completion_report_accepted");
  EXPECT_EQ(instalments[6]["month_offset"], 38);
  EXPECT_EQ(instalments[6]["amount_cents"], 29'999'999);
}

TEST(ProjectScheduleCommand, RemainderFirstMovesTheLeftoverCent_Section5_5_1) {
  const ProgramResult result = run_bsap(schedule_with({"--remainder", "first", "--json"}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json instalments = Json::parse(result.out)["instalments"];
  EXPECT_EQ(instalments[1]["amount_cents"], 39'000'001);
  EXPECT_EQ(instalments[5]["amount_cents"], 39'000'000);
}

TEST(ProjectScheduleCommand, TableListsEveryInstalmentAndTheTotal_Section5_5_1) {
  const ProgramResult result = run_bsap(kSchedule);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("HK$749,999.99"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("HK$390,000.01"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("HK$2,999,999.99"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Once progress report 5 is accepted"), std::string::npos);
}

TEST(ProjectScheduleCommand, BadInputRefusedWithWhatToFix) {
  const ProgramResult share = run_bsap(
      {"project", "schedule", "--amount", "300000", "--months", "12", "--first-share", "25%"});
  EXPECT_EQ(share.exit_code, 2);
  EXPECT_NE(share.err.find("--first-share"), std::string::npos) << share.err;
  EXPECT_NE(share.err.find("0.25"), std::string::npos) << share.err;
  EXPECT_TRUE(share.out.empty()) << share.out;

  const ProgramResult amount = run_bsap(
      {"project", "schedule", "--amount", "3,00.00", "--months", "12", "--first-share", "0.25"});
  EXPECT_EQ(amount.exit_code, 2);
  EXPECT_NE(amount.err.find("--amount"), std::string::npos) << amount.err;

  const ProgramResult months = run_bsap(
      {"project", "schedule", "--amount", "300000", "--months", "one", "--first-share", "0.25"});
  EXPECT_EQ(months.exit_code, 2);
  EXPECT_NE(months.err.find("--months"), std::string::npos) << months.err;

  const ProgramResult missing = run_bsap({"project", "schedule", "--months", "36"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("missing --amount, --first-share"), std::string::npos) << missing.err;

  const ProgramResult remainder = run_bsap(schedule_with({"--remainder", "middle"}));
  EXPECT_EQ(remainder.exit_code, 2);
  EXPECT_NE(remainder.err.find("--remainder"), std::string::npos) << remainder.err;
}

// A first share outside 25–50 % is refused by the rules, with the clause; with --json the
// reason is on stdout too.
TEST(ProjectScheduleCommand, FirstShareOutsideBandRefused_Section5_5_1) {
  const ProgramResult result = run_bsap({"project", "schedule", "--amount", "300000", "--months",
                                         "12", "--first-share", "0.5001", "--json"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("§5.5.1"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("50.01%"), std::string::npos) << result.err;
  const Json answer = Json::parse(result.out);
  EXPECT_EQ(answer["error"]["clause"], "§5.5.1");
  EXPECT_FALSE(answer["error"]["message_zh"].get<std::string>().empty());
}

}  // namespace
}  // namespace bsap::cli::testing
