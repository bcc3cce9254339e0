// The CCFS checker's cost on a realistic management-agreement application with a 60-line
// budget over three years: check_application timed run by run (median and p99 in µs), beside a
// comparator on the same data in the same run: parse_application_json reading the same
// application from its JSON text, i.e. what merely reading the input costs. The two are timed
// alternately so that drift in the machine's clock speed falls on both alike.
//
// Prints the figures and writes OUT/ccfs_check.json in the shape bench/run-all.sh summarises
// (name, figures, comparator, ratio, setup). OUT is $BENCH_OUT, else the folder this program is
// in (BUILD_DIR/bench). The goal is an answer within a millisecond; the figures are reported,
// never judged. Options: --runs=N (default 5000), --dump-application=FILE (the application
// checked, for `bsap check`); run-all.sh's --benchmark_* options are ignored.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

#include "ccfs/application_json.h"
#include "ccfs/budget_totals.h"
#include "ccfs/checker.h"
#include "rules/ruleset_loader.h"

namespace {

using namespace bsap;
using namespace bsap::ccfs;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kWarmUpRuns = 200;
const CivilDate kCheckedOn = *parse_iso_date("2026-11-22");

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

BudgetLine line(std::string kind, int year, long long quantity, std::int64_t unit_dollars,
                std::string description) {
  BudgetLine made;
  made.kind = std::move(kind);
  made.description = std::move(description);
  made.year = year;
  made.quantity = quantity;
  made.unit_cost = hkd(unit_dollars);
  return made;
}

// Twenty lines a year, as a wetland stewardship project's budget runs: staff, labour, works,
// activities and their allowances, each line within its 附錄2 cap.
std::vector<BudgetLine> year_of_budget(int year) {
  const std::string y = " (year " + std::to_string(year) + ")";
  std::vector<BudgetLine> lines = {
      line("project_staff", year, 1, 180'000, "Project manager, part-time" + y),
      line("project_staff", year, 1, 120'000, "Field officer, part-time" + y),
      line("project_staff", year, 1, 72'000, "Education officer, part-time" + y),
      line("direct_labour", year, 1'500, 80, "Farm workers for the wet fields" + y),
      line("direct_labour", year, 600, 80, "Workers clearing invasive plants" + y),
      line("minor_works", year, 1, 45'000, "Bunds and sluice repairs" + y),
      line("equipment", year, 2, 8'500, "Water pumps" + y),
      line("maintenance", year, 1, 12'000, "Maintenance of the boardwalk" + y),
      line("publicity", year, 1, 20'000, "Leaflets and posters" + y),
      line("booth", year, 6, 800, "Booths at the village fair" + y),
      line("display_board", year, 4, 2'200, "Display boards on the trail" + y),
      line("speaker", year, 10, 400, "Talks by ecologists" + y),
      line("insurance", year, 1, 5'000, "Third-party insurance for activities" + y),
      line("transport", year, 6, 2'400, "Coaches for school visits" + y),
      line("guided_tour", year, 24, 300, "Guided eco-tours" + y),
      line("travel_allowance", year, 300, 20, "Volunteers' travel" + y),
      line("volunteer_meal", year, 300, 50, "Volunteers' meals on work days" + y),
      line("souvenir", year, 200, 30, "Souvenirs for volunteers" + y),
      line("audit_fee", year, 1, 15'000, "Annual audit" + y),
      line("admin_recurrent", year, 1, 30'000, "Office rent share and utilities" + y),
  };
  for (BudgetLine& l : lines) {
    if (l.kind == "speaker") l.minutes = 120;
    if (l.kind == "volunteer_meal") l.minutes = 240;
    if (l.kind == "guided_tour") l.participant_fee = hkd(200);  // 40 % of HK$500
    if (l.kind == "transport") l.vehicle = "coach";
    if (l.kind == "transport" || l.kind == "insurance" || l.kind == "equipment") l.quotation = true;
    if (l.kind.ends_with("staff") || l.kind == "direct_labour" || l.kind == "minor_works" ||
        l.kind == "equipment" || l.kind == "audit_fee")
      l.justification = "Breakdown and quotations in the annex";
  }
  return lines;
}

// 25 % one month before the start, three progress instalments, the 10 % retention (§5.5.1).
std::vector<Instalment> schedule_for(Money grant) {
  const Money first = share_of(grant, 2500);
  const Money retention = share_of(grant, 1000);
  const FloorDivision progress = divide_floor(grant - first - retention, 3);
  return {{"One month before the start", first, true, false},
          {"First progress report accepted", progress.per_part, false, false},
          {"Second progress report accepted", progress.per_part, false, false},
          {"Third progress report accepted", progress.per_part + progress.remainder, false, false},
          {"Completion report and audited accounts", retention, false, true}};
}

Application realistic_ma() {
  Application a;
  a.project_type = "management_agreement";
  a.language = "en";
  a.title = "Lai Chi Wo wetland and farmland stewardship";
  a.summary = "Bring abandoned paddies back under wet farming for dragonflies and visitors.";
  a.planned_start = parse_iso_date("2027-04-01");
  a.duration_months = 36;
  a.applicant = {"綠野保育有限公司",
                 "Green Fields Conservation Limited",
                 "non_profit_company",
                 false,
                 true,
                 false,
                 {"tax_exemption_letter", "certificate_of_incorporation", "articles_of_association",
                  "directors_list"}};
  a.person_in_charge = {"Chan Tai Man", "Director", true};
  a.site_codes = {"B01"};
  a.map_reference = "DD 27 Lots 101-140";
  a.site_map = a.site_photos = a.habitat_map = true;
  a.objectives = "Restore wet agriculture and the habitats it supports.";
  a.benefits = "Habitat for wetland species; a place for the public to learn.";
  for (const char* key : {"target_site", "target_taxa", "target_habitats_and_area",
                          "target_heritage", "proposed_activities"})
    a.details[key] = std::string("Our answer on ") + key + ", as the form asks.";
  a.management_agreement_evidence = true;
  a.owners = {{"DD 27 Lot 101", "Tso Tong of the village", true},
              {"DD 27 Lot 117", "Mr Wong", true}};
  Partner partner;
  partner.name = "Tai Po Nature Society Limited";
  partner.role = "Leads the volunteer surveys";
  partner.kind = "charitable_institution";
  partner.registered_under_societies_ordinance = false;
  partner.written_confirmation = true;
  partner.documents = {"tax_exemption_letter", "registration_document", "articles_of_association",
                       "principal_officers_list"};
  a.partners = {partner};
  a.income = {{"Farm produce sales", hkd(150'000)}, {"Eco-tour fees", hkd(14'400)}};
  a.work_plan = "Year 1: agreements and works; years 2-3: wet farming, monitoring, education.";
  a.timetable = "Months 1-6 agreements; 7-12 works; 13-36 farming, surveys, tours.";
  a.statutory_approvals = {{"Excavation permit", "Lands Department", "Apply in month 1"}};
  a.kpis = {{"Farmland under management (ha)", "measure_effectiveness", "6 ha by month 12"},
            {"Dragonfly species recorded", "measure_effectiveness", "35 species by month 36"},
            {"Landowners in agreements", "stakeholder_participation", "20 owners by month 6"},
            {"Volunteer days", "stakeholder_participation", "900 days by month 36"},
            {"Guided tours and participants", "public_awareness", "72 tours, 1,400 people"}};
  a.deliverables = {"Habitat management plan", "Three annual survey reports"};
  a.sustainability_plan = "From year 4 farm income and membership fees cover the farming.";
  for (int year = 1; year <= 3; ++year)
    for (BudgetLine& l : year_of_budget(year)) a.budget.push_back(std::move(l));
  const Money grant = budget_totals(a).grant;
  a.requested_grant = grant;
  a.disbursement_schedule = schedule_for(grant);
  return a;
}

fs::path data_dir() {
  const char* home = std::getenv("BSAP_HOME");
  return fs::path(home && *home ? home : BSAP_DEFAULT_HOME) / "data";
}

fs::path out_dir(const char* argv0) {
  if (const char* out = std::getenv("BENCH_OUT"); out && *out) return out;
  std::error_code ec;
  const fs::path self = fs::canonical("/proc/self/exe", ec);
  return ec ? fs::path(argv0).parent_path() : self.parent_path();
}

// The value of --NAME=VALUE, or "" when not given.
std::string option(int argc, char** argv, std::string_view name) {
  const std::string prefix = std::string(name) + "=";
  for (int i = 1; i < argc; ++i)
    if (const std::string_view arg = argv[i]; arg.starts_with(prefix))
      return std::string(arg.substr(prefix.size()));
  return "";
}

int runs_from(int argc, char** argv) {
  const std::string runs = option(argc, argv, "--runs");
  return runs.empty() ? 5000 : std::max(100, std::atoi(runs.c_str()));
}

struct Timings {
  std::vector<double> micros;
  void add(Clock::duration d) {
    micros.push_back(std::chrono::duration<double, std::micro>(d).count());
  }
  // Nearest-rank percentile of the sorted runs.
  double percentile(double p) {
    std::ranges::sort(micros);
    const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(micros.size()));
    return micros[std::min(rank, micros.size() - 1)];
  }
  double mean() const {
    double sum = 0;
    for (double m : micros) sum += m;
    return sum / static_cast<double>(micros.size());
  }
};

double rounded(double micros) { return static_cast<double>(std::llround(micros * 100)) / 100; }

nlohmann::ordered_json figures(Timings& t) {
  return {{"median_us", rounded(t.percentile(50))},
          {"p99_us", rounded(t.percentile(99))},
          {"mean_us", rounded(t.mean())},
          {"min_us", rounded(t.percentile(0))}};
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = runs_from(argc, argv);
  auto loaded = rules::load_rulesets(data_dir());
  if (const auto* error = std::get_if<rules::RulesLoadError>(&loaded)) {
    std::cerr << "ccfs_check: " << error->message() << "\n";
    return 1;
  }
  const auto in_force = std::get<rules::RulesetRegistry>(loaded).ruleset_for(kCheckedOn);
  const auto ruleset = std::get<std::shared_ptr<const rules::Ruleset>>(in_force);

  const std::string text = to_json(realistic_ma());
  auto parsed = parse_application_json(text);
  if (const auto* error = std::get_if<ParseError>(&parsed)) {
    std::cerr << "ccfs_check: the application does not read back: " << error->message_en << "\n";
    return 1;
  }
  const Application application = std::get<ApplicationDocument>(parsed).application;
  // For a reader who wants to see what is checked: `bsap check` takes this file.
  if (const std::string dump = option(argc, argv, "--dump-application"); !dump.empty())
    std::ofstream(dump) << to_json(ApplicationDocument{application, {}, kCheckedOn});
  const CheckContext context{kCheckedOn, {}};

  // Results go to volatile sinks so that the optimiser cannot drop the work being timed.
  volatile std::size_t sink = 0;
  auto time_check = [&] {
    const auto start = Clock::now();
    const CheckResult result = check_application(application, *ruleset, context);
    const auto took = Clock::now() - start;
    sink = sink + result.findings.size();
    return took;
  };
  auto time_parse = [&] {
    const auto start = Clock::now();
    const auto document = parse_application_json(text);
    const auto took = Clock::now() - start;
    sink = sink + document.index();
    return took;
  };

  for (int i = 0; i < kWarmUpRuns; ++i) {
    time_check();
    time_parse();
  }
  Timings check, parse;
  for (int i = 0; i < runs; ++i) {
    check.add(time_check());
    parse.add(time_parse());
  }

  const CheckResult result = check_application(application, *ruleset, context);
  nlohmann::ordered_json report = {
      {"name", "ccfs_check"},
      {"figures", figures(check)},
      {"comparator", {{"name", "parse_application_json, same application"}}},
      {"ratio", rounded(check.percentile(50) / parse.percentile(50))},
      {"setup",
       {{"application", "management_agreement, 60 budget lines over 3 years"},
        {"json_bytes", text.size()},
        {"findings", result.findings.size()},
        {"blocking", result.count(Severity::blocking)},
        {"ruleset", ruleset->version},
        {"runs", runs},
        {"warm_up_runs", kWarmUpRuns},
        {"goal", "check median and p99 under 1000 us"},
        {"cores", std::thread::hardware_concurrency()}}}};
  report["comparator"].update(figures(parse));

  const fs::path out = out_dir(argv[0]);
  fs::create_directories(out);
  std::ofstream(out / "ccfs_check.json") << report.dump(2) << "\n";

  std::cout << "ccfs_check: management_agreement, 60 budget lines, " << text.size()
            << " bytes of JSON, " << result.findings.size() << " findings ("
            << result.count(Severity::blocking) << " blocking), ruleset " << ruleset->version
            << ", " << runs << " runs\n"
            << "  check_application        median " << report["figures"]["median_us"]
            << " us   p99 " << report["figures"]["p99_us"] << " us   (goal: < 1000 us)\n"
            << "  parse_application_json   median " << report["comparator"]["median_us"]
            << " us   p99 " << report["comparator"]["p99_us"] << " us\n"
            << "  ratio (check / parse, medians) " << report["ratio"] << "\n"
            << "ccfs_check: wrote " << (out / "ccfs_check.json").string() << "\n";
  return 0;
}
