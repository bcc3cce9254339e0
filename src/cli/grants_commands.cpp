// `bsap grants export [--format 360giving|360giving-csv]`: the approved projects (§4.1.3) as
// 360Giving open data on stdout, the same bytes as /open-data/ccfs-grants.json and .csv. An
// approved application whose document could not be read is still exported, and named on stderr.
// An unknown format exits 2 with the list of formats.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "assess/public_grants.h"
#include "ccfs/grants_360giving.h"
#include "cli/cli_support.h"
#include "cli/commands.h"

namespace bsap::cli {
namespace {

constexpr std::string_view kJsonFormat = "360giving";
constexpr std::string_view kCsvFormat = "360giving-csv";

struct ExportOptions {
  std::string format{kJsonFormat};
};

void export_grants(const GlobalOptions& global, const ExportOptions& options) {
  if (options.format != kJsonFormat && options.format != kCsvFormat)
    refuse("unknown format '" + options.format + "': the formats are " + std::string(kJsonFormat) +
           " (360Giving JSON package) and " + std::string(kCsvFormat) +
           " (360Giving CSV, the standard's column titles)");
  const rules::RulesetRegistry rulesets = load_rulesets_or_refuse();
  auto store = store::open_store(global.db_url);
  store->migrate();
  std::vector<assess::PublicGrantNote> notes;
  const std::vector<ccfs::PublicGrant> grants = [&] {
    auto tx = store->begin();
    return assess::public_grants(*tx, rulesets, &notes);
  }();
  for (const assess::PublicGrantNote& note : notes)
    std::cerr << "bsap grants export: " << note.reference << ": " << note.message << "\n";
  std::cout << (options.format == kCsvFormat ? ccfs::grants_csv(grants)
                                             : ccfs::grants_package_json(grants));
}

}  // namespace

void add_grants_commands(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<ExportOptions>();
  auto* grants = app.add_subcommand("grants", "The approved CCFS projects (§4.1.3)");
  grants->require_subcommand(1);
  auto* export_command =
      grants->add_subcommand("export", "The approved projects as 360Giving open data on stdout");
  export_command
      ->add_option("--format", options->format,
                   "360giving (JSON package, the default) or 360giving-csv")
      ->capture_default_str();
  export_command->callback([&global, options] { export_grants(global, *options); });
}

}  // namespace bsap::cli
