// `bsap biodata …`: the biodiversity hub's imports and questions (issue 9). The --json outputs
// are a contract for scripts: keep their keys.
//   import PATH [--dataset KEY] [--json]       a Darwin Core occurrence archive; exit 2 when the
//                                              archive cannot be read, with nothing loaded
//   taxa import PATH [--checklist NAME] [--json]
//   taxa set|list-add|list-remove …            biodata_taxa_commands.cpp
//   areas import FILE --layer CODE --code-field F [--name-zh-field F] [--name-en-field F]
//                [--crs 4326|2326] [--kind KIND] [--dbf-encoding ENC] [--json]
//   species --area-layer L --area CODE [--json]
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/bsap_home.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/civil_date.h"
#include "hub/area_layer_import.h"
#include "hub/checklist_import.h"
#include "hub/occurrence_import.h"
#include "store/bio_area_repo.h"
#include "store/store.h"

namespace bsap::cli {
namespace {

using Json = nlohmann::ordered_json;

struct ImportArgs {
  std::string path, dataset;
  bool json = false;
};

struct TaxaArgs {
  std::string path, checklist;
  bool json = false;
};

struct AreaArgs {
  std::string file, layer, code_field, name_zh_field, name_en_field, kind = "other", crs,
                                                                     dbf_encoding, name_zh, name_en;
  bool json = false;
};

struct SpeciesArgs {
  std::string layer, area;
  bool json = false;
};

// A progress line on a terminal only: scripts reading stderr get no carriage returns.
std::function<void(std::size_t)> progress_line() {
  if (!isatty(STDERR_FILENO)) return {};
  return [](std::size_t records) { std::cerr << "\r  " << records << " records" << std::flush; };
}

void run_import(const GlobalOptions& global, const ImportArgs& args) {
  auto store = store::open_store(global.db_url);
  CivilDate today = today_in_hong_kong(std::chrono::system_clock::now());
  hub::ImportOptions options{
      "cli",
      args.dataset,
      {today.year(), static_cast<int>(today.month()), static_cast<int>(today.day())},
      bsap_data_dir() / "biodata" / "home_region.yaml",
      progress_line()};
  auto result = hub::import_occurrences(*store, args.path, options);
  if (options.progress) std::cerr << "\n";
  if (auto* error = std::get_if<biodata::ArchiveError>(&result))
    refuse(args.path + ": " + error->message() + " (nothing was loaded)");
  const auto& summary = std::get<hub::ImportSummary>(result);
  if (args.json) {
    std::cout << hub::summary_json(summary) << "\n";
    return;
  }
  std::cout << "dataset " << summary.dataset << ": " << summary.records_loaded << " of "
            << summary.records_read << " records loaded\n";
  for (const auto& [flag, count] : summary.flags)
    std::cout << "  " << flag << ": " << count << "\n";
  for (const auto& note : summary.notes) std::cout << "  note: " << note << "\n";
}

void run_taxa_import(const GlobalOptions& global, const TaxaArgs& args) {
  auto store = store::open_store(global.db_url);
  std::string checklist =
      args.checklist.empty() ? std::filesystem::path(args.path).stem().string() : args.checklist;
  auto result = hub::import_checklist_archive(*store, args.path, checklist, "cli");
  if (auto* error = std::get_if<biodata::ArchiveError>(&result))
    refuse(args.path + ": " + error->message() + " (nothing was loaded)");
  const auto& s = std::get<hub::ChecklistSummary>(result);
  Json out{{"checklist", s.checklist},
           {"names", s.names},
           {"synonyms", s.synonyms},
           {"with_chinese_name", s.with_chinese_name},
           {"with_english_name", s.with_english_name},
           {"notes", s.notes}};
  std::cout << (args.json ? out.dump() : out.dump(2)) << "\n";
}

void run_area_import(const GlobalOptions& global, const AreaArgs& args) {
  hub::LayerImportRequest request;
  request.file = args.file;
  request.code = args.layer;
  request.name_zh = args.name_zh;
  request.name_en = args.name_en;
  request.kind = args.kind;
  request.options.code_property = args.code_field;
  request.options.name_zh_property = args.name_zh_field;
  request.options.name_en_property = args.name_en_field;
  request.options.dbf_encoding = args.dbf_encoding;
  if (args.crs == "2326" || args.crs == "EPSG:2326")
    request.options.crs = geo::LayerCrs::hk1980_grid;
  else if (args.crs == "4326" || args.crs == "EPSG:4326")
    request.options.crs = geo::LayerCrs::wgs84;
  else if (!args.crs.empty())
    refuse("--crs must be 4326 (WGS84) or 2326 (HK1980 Grid), not " + args.crs);
  request.actor = "cli";
  auto store = store::open_store(global.db_url);
  auto result = hub::import_area_layer(*store, request);
  if (auto* error = std::get_if<geo::GeoInputError>(&result))
    refuse(args.file + ": " + error->message() + " (the layer was not changed)");
  const auto& summary = std::get<hub::LayerImportSummary>(result);
  if (args.json) {
    std::cout << hub::summary_json(summary) << "\n";
    return;
  }
  std::cout << "layer " << summary.layer << ": " << summary.features << " areas, "
            << summary.repaired << " repaired, " << summary.skipped << " skipped, " << summary.joins
            << " occurrence joins\n";
  for (const auto& line : summary.report) std::cout << "  " << line << "\n";
}

void run_species(const GlobalOptions& global, const SpeciesArgs& args) {
  auto store = store::open_store(global.db_url);
  Json species = Json::array();
  double query_ms = 0;
  store::in_transaction(*store, [&](store::Transaction& tx) {
    auto area = store::find_area(tx, args.layer, args.area);
    if (!area) refuse("no area " + args.area + " in layer " + args.layer);
    auto start = std::chrono::steady_clock::now();
    auto list = store::area_species(tx, area->id);
    query_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    for (const auto& s : list)
      species.push_back({{"taxon_id", s.taxon_id},
                         {"scientific_name", s.scientific_name},
                         {"name_zh", s.name_zh},
                         {"name_en", s.name_en},
                         {"iucn_category", s.iucn_category},
                         {"establishment", s.establishment},
                         {"records", s.records},
                         {"first_date", s.first_date},
                         {"last_date", s.last_date}});
  });
  Json out{
      {"layer", args.layer}, {"area", args.area}, {"species", species}, {"query_ms", query_ms}};
  if (args.json) {
    std::cout << out.dump() << "\n";
    return;
  }
  for (const auto& s : species)
    std::cout << s["scientific_name"].get<std::string>() << "\t" << s["records"] << "\t"
              << s["first_date"].get<std::string>() << "\t" << s["last_date"].get<std::string>()
              << "\n";
}

}  // namespace

void add_biodata_commands(CLI::App& app, const GlobalOptions& options) {
  auto* biodata = app.add_subcommand("biodata", "The biodiversity data hub")->require_subcommand(1);

  auto import_args = std::make_shared<ImportArgs>();
  auto* import = biodata->add_subcommand("import", "Import a Darwin Core Archive of occurrences");
  import->add_option("path", import_args->path, "A .zip archive, a folder, or a data file")
      ->required();
  import->add_option("--dataset", import_args->dataset, "The dataset's key (the file name)");
  import->add_flag("--json", import_args->json, "Print the import report as JSON");
  import->callback([&options, import_args] { run_import(options, *import_args);
});

auto* taxa = biodata->add_subcommand("taxa", "The checklist") -> require_subcommand(1);
auto taxa_args = std::make_shared<TaxaArgs>();
auto* taxa_import = taxa->add_subcommand("import", "Import a Darwin Core taxon archive");
taxa_import->add_option("path", taxa_args->path, "A .zip archive or a folder")->required();
taxa_import->add_option("--checklist", taxa_args->checklist, "The checklist's name");
taxa_import->add_flag("--json", taxa_args->json, "Print the summary on one line");
taxa_import->callback([&options, taxa_args] { run_taxa_import(options, *taxa_args); });
add_taxon_admin_commands(*taxa, options);

auto* areas = biodata->add_subcommand("areas", "Area layers") -> require_subcommand(1);
auto area_args = std::make_shared<AreaArgs>();
auto* area_import = areas->add_subcommand("import", "Import a GeoJSON or shapefile layer");
area_import->add_option("file", area_args->file, "A .geojson/.json or .shp file")->required();
area_import->add_option("--layer", area_args->layer, "The layer's code")->required();
area_import->add_option("--code-field", area_args->code_field, "The property with each area's code")
    ->required();
area_import->add_option("--name-zh-field", area_args->name_zh_field, "Chinese name property");
area_import->add_option("--name-en-field", area_args->name_en_field, "English name property");
area_import->add_option("--name-zh", area_args->name_zh, "The layer's Chinese name");
area_import->add_option("--name-en", area_args->name_en, "The layer's English name");
area_import->add_option("--kind", area_args->kind,
                        "country_park, special_area, marine_park, "
                        "marine_reserve, scheme_site, district, other");
area_import->add_option("--crs", area_args->crs, "4326 or 2326, when the file does not say");
area_import->add_option("--dbf-encoding", area_args->dbf_encoding, "e.g. BIG5-HKSCS");
area_import->add_flag("--json", area_args->json, "Print the report as JSON");
area_import->callback([&options, area_args] { run_area_import(options, *area_args); });

auto species_args = std::make_shared<SpeciesArgs>();
auto* species = biodata->add_subcommand("species", "The species recorded in an area");
species->add_option("--area-layer", species_args->layer, "The layer's code")->required();
species->add_option("--area", species_args->area, "The area's code")->required();
species->add_flag("--json", species_args->json, "Print as JSON");
species->callback([&options, species_args] { run_species(options, *species_args); });
}  // namespace bsap::cli

}  // namespace bsap::cli
