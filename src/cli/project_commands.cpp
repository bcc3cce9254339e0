// `bsap project schedule --amount 2999999.99 --months 36 --first-share 0.25 [--remainder
// first|last] [--on YYYY-MM-DD] [--json]`: the §5.5.1 disbursement schedule of a grant under the
// ruleset in force on the day (default today in Hong Kong), as a table or as JSON. Bad input and
// a schedule the rules refuse exit 2 with what to fix on stderr (and with --json an
// {"error": {…}} object on stdout). With --json the keys are a contract: keep them.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/money.h"
#include "project/disbursement_plan.h"

namespace bsap::cli {
namespace {

using Json = nlohmann::ordered_json;  // keys print in the order written, as the contract shows

constexpr std::int64_t kBasisPointsPerWhole = 10'000;
constexpr int kBasisPointDecimals = 4;

struct ScheduleOptions {
  std::string amount;
  std::string months;
  std::string first_share;
  std::string remainder = "last";
  std::string on;  // YYYY-MM-DD: the ruleset in force that day; empty: today in Hong Kong
  bool json = false;
};

// Says why on stderr (and, with --json, on stdout too) and exits 2.
[[noreturn]] void refuse_schedule(const ScheduleOptions& options, const std::string& clause,
                                  const std::string& message_en, const std::string& message_zh) {
  std::cerr << "bsap project schedule: " << message_en << "\n  " << message_zh << "\n";
  if (options.json)
    std::cout
        << Json{{"error",
                 {{"clause", clause}, {"message_zh", message_zh}, {"message_en", message_en}}}}
               .dump(2)
        << "\n";
  throw CommandExit{kBadInput};
}

Money amount_or_refuse(const ScheduleOptions& options) {
  const auto parsed = parse_money(options.amount);
  if (const auto* fault = std::get_if<MoneyParseError>(&parsed))
    refuse_schedule(
        options, "",
        "--amount wants the approved grant in HK$, such as 2999999.99 or "
        "2,999,999.99, not '" +
            options.amount + "' (" + std::string(money_fault_code(fault->fault)) +
            " at character " + std::to_string(fault->position + 1) + ").",
        "--amount 須為以港元計的核准資助額，例如 2999999.99，而不是「" + options.amount + "」。");
  return std::get<Money>(parsed);
}

int months_or_refuse(const ScheduleOptions& options) {
  const std::string& text = options.months;
  const bool digits = !text.empty() && text.size() <= 4 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoi(text) == 0)
    refuse_schedule(options, "",
                    "--months wants the project's duration as a whole number of months, such as "
                    "36, not '" +
                        text + "'.",
                    "--months 須為以整數月份計的項目期，例如 36，而不是「" + text + "」。");
  return std::stoi(text);
}

// "0.25" → 2500, "0.5" → 5000, "1" → 10000, ".3333" → 3333: a fraction from 0 to 1 read as
// text into basis points, so no floating point touches it. nullopt for anything else, or for a
// share finer than a basis point.
std::optional<std::int64_t> fraction_to_basis_points(std::string_view text) {
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view decimals =
      point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  const auto all_digits = [](std::string_view part) {
    return part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (whole.empty() && decimals.empty()) return std::nullopt;
  if (point != std::string_view::npos && decimals.empty()) return std::nullopt;  // "0."
  if (!all_digits(whole) || !all_digits(decimals) || whole.size() > 1) return std::nullopt;
  if (decimals.size() > kBasisPointDecimals &&
      decimals.find_first_not_of('0', kBasisPointDecimals) != std::string_view::npos)
    return std::nullopt;
  std::int64_t basis_points = whole.empty() ? 0 : (whole[0] - '0') * kBasisPointsPerWhole;
  std::int64_t place = kBasisPointsPerWhole;
  for (std::size_t i = 0; i < decimals.size() && i < kBasisPointDecimals; ++i) {
    place /= 10;
    basis_points += (decimals[i] - '0') * place;
  }
  if (basis_points > kBasisPointsPerWhole) return std::nullopt;
  return basis_points;
}

int first_share_or_refuse(const ScheduleOptions& options) {
  const auto basis_points = fraction_to_basis_points(options.first_share);
  if (!basis_points)
    refuse_schedule(options, "",
                    "--first-share wants the first instalment as a fraction of the grant from 0 "
                    "to 1 with at most four decimals, such as 0.25 for 25 % or 0.5 for 50 %, "
                    "not '" +
                        options.first_share + "'.",
                    "--first-share 須為首次發放款項佔資助額的比例（0至1，最多四位小數），例如 "
                    "0.25 即25%，而不是「" +
                        options.first_share + "」。");
  return static_cast<int>(*basis_points);
}

project::RemainderPlacement remainder_or_refuse(const ScheduleOptions& options) {
  if (options.remainder == "last") return project::RemainderPlacement::last_balance;
  if (options.remainder == "first") return project::RemainderPlacement::first_balance;
  refuse_schedule(options, "",
                  "--remainder wants 'first' or 'last' (the balance instalment that takes the "
                  "cents left over), not '" +
                      options.remainder + "'.",
                  "--remainder 須為 first 或 last（餘下的仙位撥入第一期或最後一期餘款），而不是「" +
                      options.remainder + "」。");
}

std::shared_ptr<const rules::Ruleset> ruleset_or_refuse(const ScheduleOptions& options) {
  const rules::RulesetRegistry registry = load_rulesets_or_refuse();
  auto in_force = registry.ruleset_for(day_or_today("--on", options.on));
  if (const auto* none = std::get_if<rules::NoRulesetInForce>(&in_force))
    refuse_schedule(options, "", none->message() + ".", "該日沒有生效的鄉郊保育資助計劃規則版本。");
  return std::get<std::shared_ptr<const rules::Ruleset>>(std::move(in_force));
}

// ---- output

std::string percent_text(int basis_points) {
  std::ostringstream text;
  text << basis_points / 100;
  if (basis_points % 100) text << '.' << std::setw(2) << std::setfill('0') << basis_points % 100;
  return text.str();
}

Json schedule_json(const rules::Ruleset& ruleset, const project::ScheduleRequest& request,
                   const std::vector<project::PlannedInstalment>& schedule) {
  Json instalments = Json::array();
  for (const project::PlannedInstalment& instalment : schedule)
    instalments.push_back(
        {{"number", instalment.number},
         {"condition", project::condition_code(instalment.condition)},
         {"condition_zh",
          project::condition_text(instalment.condition, instalment.report_number, Lang::zh_hant)},
         {"condition_en",
          project::condition_text(instalment.condition, instalment.report_number, Lang::en)},
         {"report_number", instalment.report_number},
         {"month_offset", instalment.month_offset},
         {"amount_cents", instalment.amount.cents()},
         {"amount", format_hkd(instalment.amount)}});
  return {{"ruleset_version", ruleset.version},
          {"clause", ruleset.disbursement.first_instalment_min.source.clause},
          {"approved_cents", request.approved.cents()},
          {"approved", format_hkd(request.approved)},
          {"duration_months", request.duration_months},
          {"first_share_bp", request.first_share_bp},
          {"remainder",
           request.remainder == project::RemainderPlacement::first_balance ? "first" : "last"},
          {"instalments", std::move(instalments)}};
}

void print_table(const rules::Ruleset& ruleset, const project::ScheduleRequest& request,
                 const std::vector<project::PlannedInstalment>& schedule) {
  std::cout << "Disbursement schedule 發放資助款項時間表 ("
            << ruleset.disbursement.first_instalment_min.source.clause << ", ruleset "
            << ruleset.version << ")\n"
            << "Grant 資助額 " << format_hkd(request.approved) << ", " << request.duration_months
            << " months 個月, first instalment 首次發放 " << percent_text(request.first_share_bp)
            << "%\n\n"
            << " No.  Month  Report            Amount       Cents  Release condition 發放條件\n";
  for (const project::PlannedInstalment& instalment : schedule) {
    const std::string report =
        instalment.report_number > 0 ? std::to_string(instalment.report_number) : "-";
    std::cout << std::setw(4) << instalment.number << std::setw(7) << instalment.month_offset
              << std::setw(8) << report << std::setw(18) << format_hkd(instalment.amount)
              << std::setw(12) << instalment.amount.cents() << "  "
              << project::condition_code(instalment.condition) << "\n"
              << std::string(51, ' ')
              << project::condition_text(instalment.condition, instalment.report_number, Lang::en)
              << "\n"
              << std::string(51, ' ')
              << project::condition_text(instalment.condition, instalment.report_number,
                                         Lang::zh_hant)
              << "\n";
  }
  Money total;
  for (const project::PlannedInstalment& instalment : schedule) total += instalment.amount;
  std::cout << "Total 合共" << std::setw(27) << format_hkd(total) << std::setw(12) << total.cents()
            << "\n"
            << "Month: months from the start when the condition is expected to be met "
               "(−1: one month before the start).\n";
}

// The three figures a schedule needs, checked here rather than by CLI11 so that a missing one
// exits 2 like any other bad input (commands.h).
void require_figures(const ScheduleOptions& options) {
  std::string missing;
  for (const auto& [name, value] :
       {std::pair{"--amount", &options.amount}, std::pair{"--months", &options.months},
        std::pair{"--first-share", &options.first_share}})
    if (value->empty()) missing += (missing.empty() ? "" : ", ") + std::string(name);
  if (!missing.empty())
    refuse_schedule(
        options, "",
        "missing " + missing +
            ": give the grant, the duration and the first share, e.g. --amount "
            "2999999.99 --months 36 --first-share 0.25.",
        "缺少 " + missing +
            "：請提供資助額、項目期及首次發放比例，例如 --amount 2999999.99 --months 36 "
            "--first-share 0.25。");
}

void run_schedule(const ScheduleOptions& options) {
  require_figures(options);
  const project::ScheduleRequest request{amount_or_refuse(options), months_or_refuse(options),
                                         first_share_or_refuse(options),
                                         remainder_or_refuse(options)};
  const auto ruleset = ruleset_or_refuse(options);
  auto generated = project::generate_schedule(*ruleset, request);
  if (const auto* refusal = std::get_if<project::ScheduleRefusal>(&generated))
    refuse_schedule(options, refusal->clause, refusal->clause + ": " + refusal->message_en,
                    refusal->clause + "：" + refusal->message_zh);
  const auto& schedule = std::get<std::vector<project::PlannedInstalment>>(generated);
  if (options.json)
    std::cout << schedule_json(*ruleset, request, schedule).dump(2) << "\n";
  else
    print_table(*ruleset, request, schedule);
}

}  // namespace

void add_project_commands(CLI::App& app, const GlobalOptions& /*options*/) {
  auto options = std::make_shared<ScheduleOptions>();
  auto* project = app.add_subcommand("project", "Funded CCFS projects (§5)");
  project->require_subcommand(1);
  auto* schedule = project->add_subcommand(
      "schedule", "The disbursement schedule of a grant (§5.5.1), from its amount and duration");
  schedule->add_option("--amount", options->amount, "The approved grant in HK$, e.g. 2999999.99");
  schedule->add_option("--months", options->months, "The project's duration in months, e.g. 36");
  schedule->add_option("--first-share", options->first_share,
                       "The first instalment as a fraction of the grant, 0.25 to 0.5 (§5.5.1)");
  schedule
      ->add_option("--remainder", options->remainder,
                   "The balance instalment that takes the leftover cents: first or last")
      ->capture_default_str();
  schedule->add_option("--on", options->on,
                       "Use the ruleset in force on YYYY-MM-DD (default: today in Hong Kong)");
  schedule->add_flag("--json", options->json, "Print the schedule as JSON");
  schedule->callback([options] { run_schedule(*options); });
}

}  // namespace bsap::cli
