// `bsap check FILE.json [--json] [--on YYYY-MM-DD]`: checks a CCFS application
// (docs/application-format.md) against the ruleset in force on the day, with the same engine as
// the portal. Exit 0: no blocking finding; 1: blocking findings; 2: the file is missing,
// unreadable or not a valid application, or no ruleset is in force (the reason, with the JSON
// path, on stderr; with --json also {"error":{…}} on stdout). With --json the findings are the
// contract of findings_json.h: keep its keys.
#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <variant>

#include "ccfs/application_json.h"
#include "ccfs/budget_totals.h"
#include "ccfs/checker.h"
#include "ccfs/findings_json.h"
#include "cli/bsap_home.h"
#include "cli/commands.h"
#include "rules/ruleset_loader.h"

namespace bsap::cli {
namespace {

struct CheckOptions {
  std::string file;
  bool json = false;
  std::string on;  // YYYY-MM-DD; empty: the file's checked_on, else today in Hong Kong
};

// Stops the command with exit 2 after saying why, on stderr and, for --json, on stdout.
[[noreturn]] void refuse(const CheckOptions& options, const ccfs::ParseError& error) {
  // Every message names its path already ("budget[3].unit_cost \"8,50\" is not …").
  std::cerr << "bsap check: " << options.file << ": " << error.message_en << "\n  "
            << error.message_zh << "\n";
  if (options.json) std::cout << ccfs::error_json(error) << "\n";
  throw CommandExit{kBadInput};
}

// The file's text, refused before reading when it is missing or over the size limit.
std::string read_application_file(const CheckOptions& options) {
  namespace fs = std::filesystem;
  const fs::path path(options.file);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    refuse(
        options,
        {"", "There is no application file at " + options.file + ": give the path of a .json file.",
         "找不到申請檔案 " + options.file + "：請提供 .json 檔案的路徑。"});
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > ccfs::kMaxApplicationJsonBytes) refuse(options, ccfs::oversize_error(size));
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open())
    refuse(options, {"", "The file " + options.file + " could not be read: check its permissions.",
                     "無法讀取檔案 " + options.file + "：請檢查檔案權限。"});
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

ccfs::ApplicationDocument parse_or_refuse(const CheckOptions& options) {
  auto parsed = ccfs::parse_application_json(read_application_file(options));
  if (const auto* error = std::get_if<ccfs::ParseError>(&parsed)) refuse(options, *error);
  return std::get<ccfs::ApplicationDocument>(std::move(parsed));
}

// --on, else the file's checked_on, else today in Hong Kong.
CivilDate check_day(const CheckOptions& options, const ccfs::ApplicationDocument& document) {
  if (!options.on.empty()) {
    if (const auto day = parse_iso_date(options.on)) return *day;
    refuse(options, {"", "--on wants a date as YYYY-MM-DD, not '" + options.on + "'.",
                     "--on 須為 YYYY-MM-DD 格式的日期，而不是「" + options.on + "」。"});
  }
  if (document.checked_on) return *document.checked_on;
  return today_in_hong_kong(std::chrono::system_clock::now());
}

std::shared_ptr<const rules::Ruleset> ruleset_in_force(const CheckOptions& options,
                                                       const ccfs::ApplicationDocument& document,
                                                       CivilDate day) {
  auto loaded = rules::load_rulesets(bsap_data_dir());
  if (const auto* error = std::get_if<rules::RulesLoadError>(&loaded))
    refuse(options, {"", error->message(), "規則資料有誤：" + error->message()});
  auto in_force = std::get<rules::RulesetRegistry>(loaded).ruleset_for(day);
  if (const auto* none = std::get_if<rules::NoRulesetInForce>(&in_force)) {
    // The file's own date is what to correct, unless --on chose the day.
    const bool from_file = options.on.empty() && document.checked_on;
    refuse(options, {from_file ? "checked_on" : "", none->message() + ".",
                     "於 " + format_iso(day) + " 沒有生效的鄉郊保育資助計劃規則版本。"});
  }
  return std::get<std::shared_ptr<const rules::Ruleset>>(std::move(in_force));
}

// ---- the readable report

struct SeverityHeading {
  ccfs::Severity severity;
  const char* en;
  const char* zh;
};

constexpr SeverityHeading kHeadings[] = {
    {ccfs::Severity::blocking, "Blocking: must be fixed", "必須修正"},
    {ccfs::Severity::needs_justification, "Needs justification", "須提供理據"},
    {ccfs::Severity::info, "For your information", "備註"},
};

void print_finding(std::size_t number, const ccfs::Finding& finding) {
  std::cout << "  " << number << ". " << finding.clause << "  " << finding.rule;
  if (!finding.field.empty()) std::cout << "  [" << finding.field << "]";
  std::cout << "\n     " << finding.message_zh << "\n     " << finding.message_en << "\n";
}

void print_group(const ccfs::CheckResult& result, const SeverityHeading& heading) {
  const std::size_t count = result.count(heading.severity);
  if (count == 0) return;
  std::cout << "\n" << heading.en << " / " << heading.zh << " (" << count << ")\n";
  std::size_t number = 0;
  for (const ccfs::Finding& finding : result.findings)
    if (finding.severity == heading.severity) print_finding(++number, finding);
}

void print_verdict(const ccfs::CheckResult& result) {
  const std::size_t blocking = result.count(ccfs::Severity::blocking);
  std::cout << "\n";
  if (blocking == 0) {
    std::cout << "Eligible to submit: no blocking finding.\n可以提交：沒有必須修正的問題。\n";
    return;
  }
  std::cout << "Not eligible as it stands: " << blocking
            << " blocking finding(s) to fix.\n未符合資格：有 " << blocking
            << " 項必須修正的問題。\n";
}

void print_report(const CheckOptions& options, const ccfs::CheckReport& report) {
  const std::string day = format_iso(report.checked_on);
  std::cout << "CCFS application check: " << options.file << "\n"
            << "Ruleset " << report.ruleset_version << ", checked on " << day << " / 規則版本 "
            << report.ruleset_version << "，核對日期 " << day << "\n"
            << "Expenditure 開支 " << format_hkd(report.totals.expenditure) << "  Income 收入 "
            << format_hkd(report.totals.income) << "  Sponsorship 贊助 "
            << format_hkd(report.totals.sponsorship) << "  Grant 資助額 "
            << format_hkd(report.totals.grant) << "\n";
  if (report.result.findings.empty())
    std::cout << "\nNo findings. 沒有任何意見。\n";
  else
    for (const SeverityHeading& heading : kHeadings) print_group(report.result, heading);
  print_verdict(report.result);
}

void run_check(const CheckOptions& options) {
  const ccfs::ApplicationDocument document = parse_or_refuse(options);
  const CivilDate day = check_day(options, document);
  const auto ruleset = ruleset_in_force(options, document, day);
  const ccfs::CheckResult result = ccfs::check_application(
      document.application, *ruleset, ccfs::CheckContext{day, document.prior_grants});
  const ccfs::CheckReport report{result, ruleset->version, day,
                                 ccfs::budget_totals(document.application)};
  if (options.json)
    std::cout << ccfs::findings_json(report) << "\n";
  else
    print_report(options, report);
  if (!result.eligible()) throw CommandExit{kCheckFailed};
}

}  // namespace

void add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  auto* check = app.add_subcommand(
      "check", "Check a CCFS application (JSON, docs/application-format.md) against the rules");
  check->add_option("file", options->file, "The application, FILE.json")->required();
  check->add_flag("--json", options->json, "Print the findings as JSON");
  check->add_option("--on", options->on,
                    "Check under the ruleset in force on YYYY-MM-DD (default: the file's "
                    "checked_on, else today in Hong Kong)");
  check->callback([options] { run_check(*options); });
}

}  // namespace bsap::cli
