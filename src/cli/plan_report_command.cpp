// `bsap plan report --year 2026 --lang en --out report.html [--pdf report.pdf]`: the year's
// progress report to the Advisory Council on the Environment (000 5.1) as one self-contained
// HTML file — the same template as the web page /LANG/reports/annual/YEAR, the style sheet and
// the chart script (ECharts, when `npm ci` has installed it) inlined, each chart's figures also
// in its table — and, with --pdf, printed to PDF by Debian's chromium when it is installed.
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <variant>

#include "cli/bsap_home.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/lang.h"
#include "core/messages.h"
#include "plan/cbi_loader.h"
#include "plan/indicator_loader.h"
#include "plan/plan_loader.h"
#include "store/store.h"
#include "track/annual_report.h"
#include "track/progress_service.h"
#include "web/annual_report_view.h"
#include "web/templates.h"

namespace bsap::cli {
namespace {

struct ReportOptions {
  std::string year;
  std::string lang = "zh";
  std::string out;
  std::string pdf;
};

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) refuse("cannot read " + path.string() + ": is BSAP_HOME the bsap folder?");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <typename Data, typename Error>
Data loaded_or_refuse(std::variant<Data, Error> loaded) {
  if (const auto* error = std::get_if<Error>(&loaded)) refuse(error->message());
  return std::get<Data>(std::move(loaded));
}

Lang lang_or_refuse(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (text == "zh-hant") text = "zh";
  if (auto lang = parse_lang_segment(text)) return *lang;
  refuse("unknown --lang '" + text + "': use zh (Traditional Chinese), en or zh-hans");
}

// ECharts and static/js/charts.js, to draw the charts offline; empty (tables only, said on
// standard error) when ECharts is not installed.
std::string chart_script(const std::filesystem::path& home) {
  const std::filesystem::path echarts = home / "node_modules/echarts/dist/echarts.min.js";
  if (!std::filesystem::exists(echarts)) {
    std::cerr << "bsap plan report: ECharts is not installed (npm ci): each chart is written as "
                 "its table only\n";
    return "";
  }
  return read_text(echarts) + "\n" + read_text(home / "static/js/charts.js");
}

// Debian's chromium prints the written file; its absence is said plainly (exit 2).
std::string chromium_or_refuse() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::string command = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(command.c_str()) == 0) return name;
  }
  refuse(
      "--pdf needs chromium, which is not installed (Debian: apt-get install chromium); the "
      "HTML report is written and prints to PDF from any browser");
}

std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

void write_pdf(const std::filesystem::path& html, const std::string& pdf) {
  const std::string chromium = chromium_or_refuse();
  const std::string command =
      chromium + " --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=" +
      shell_quoted(pdf) + " " + shell_quoted("file://" + std::filesystem::absolute(html).string()) +
      " >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0 || !std::filesystem::exists(pdf)) {
    std::cerr << "bsap plan report: chromium could not print " << html << " to " << pdf << "\n";
    throw CommandExit{kCheckFailed};
  }
}

// A plan year, written as four digits.
int year_or_refuse(const std::string& text) {
  int year = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.size() != 4 || error != std::errc{} || end != text.data() + text.size() ||
      year < track::kFirstPlanYear || year > track::kLastPlanYear)
    refuse("--year '" + text + "' is not a plan year: the plan runs from " +
           std::to_string(track::kFirstPlanYear) + " to " + std::to_string(track::kLastPlanYear) +
           " (000 5.1)");
  return year;
}

void plan_report(const GlobalOptions& global, const ReportOptions& options) {
  const int year = year_or_refuse(options.year);
  if (options.out.empty()) refuse("--out names the HTML file to write");
  const Lang lang = lang_or_refuse(options.lang);
  const std::filesystem::path home = bsap_home();
  SimplifiedConverter converter;
  const MessageCatalogue messages =
      MessageCatalogue::from_yaml(read_text(home / "data/i18n/messages.yaml"), converter);
  const web::TemplateSet templates = web::TemplateSet::load(home / "templates");
  const std::string css = read_text(home / "static/css/bsap.css");
  const auto plan_data = loaded_or_refuse(plan::load_plan_data(bsap_data_dir()));
  const auto indicators = loaded_or_refuse(plan::load_indicators(bsap_data_dir(), plan_data));
  const auto handbook = loaded_or_refuse(plan::load_cbi_handbook(bsap_data_dir()));

  auto store = store::open_store(global.db_url);
  store->migrate();
  const track::AnnualReport report = [&] {
    auto tx = store->begin();
    return track::build_annual_report(*tx, plan_data, indicators, handbook, year);
  }();
  const web::ViewLanguage view{messages, converter, lang};
  const std::string html =
      web::annual_report_document(templates, view, plan_data, report, css, chart_script(home));
  std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
  if (!out || !(out << html) || !out.flush()) refuse("cannot write " + options.out);
  out.close();
  std::cout << "bsap plan report: wrote " << options.out << "\n";
  if (!options.pdf.empty()) {
    write_pdf(options.out, options.pdf);
    std::cout << "bsap plan report: wrote " << options.pdf << "\n";
  }
}

}  // namespace

void add_plan_report_command(CLI::App& plan, const GlobalOptions& global) {
  auto options = std::make_shared<ReportOptions>();
  auto* report = plan.add_subcommand(
      "report", "Write the year's progress report (000 5.1) as a self-contained HTML file");
  report->add_option("--year", options->year, "The plan year, 2026–2035")->required();
  report->add_option("--lang", options->lang, "zh (Traditional Chinese), en or zh-hans")
      ->capture_default_str();
  report->add_option("--out", options->out, "The HTML file to write")->required();
  report->add_option("--pdf", options->pdf, "Also print it to this PDF file (needs chromium)");
  report->callback([&global, options] { plan_report(global, *options); });
}

}  // namespace bsap::cli
