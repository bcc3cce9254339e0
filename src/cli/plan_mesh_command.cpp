// `bsap plan mesh --patches FILE.geojson [--barriers FILE.geojson] [--gap 100] [--total-area HA]
// [--json]`: the effective mesh size of the natural areas, the City Biodiversity Index's
// connectivity indicator (000_e0ccae9882b7fb64.txt 5.2 note 3; indicator 2 of
// data/cbi/singapore-index-2021.yaml). Patches less than --gap metres apart with no barrier on
// the shortest segment between them form one group; MESH = (1 / A_total) × Σ A_Gi², with A_total
// the total area of all natural areas (the handbook's denominator, data/cbi/README.md) unless
// --total-area gives another. Coordinates must be in a projected metric CRS (e.g. EPSG:2326).
#include <CLI/CLI.hpp>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "geo/natural_area_links.h"
#include "plan/effective_mesh.h"

namespace bsap::cli {
namespace {

using Json = nlohmann::ordered_json;  // keys print in the order written: a contract for scripts

constexpr double kSquareMetresPerHectare = 10'000.0;

struct MeshOptions {
  std::string patches;
  std::string barriers;
  double gap_m = 100.0;
  double total_area_ha = 0.0;  // 0: the sum of the patch areas
  bool json = false;
};

std::string read_or_refuse(const std::string& path, const char* option) {
  std::ifstream in(path, std::ios::binary);
  if (!in) refuse(std::string("cannot read ") + option + " file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Each patch's group (0-based, groups in order of their smallest patch, as
// plan::connected_group_areas orders them): a walk over the links.
std::vector<int> group_of_each_patch(std::size_t patches,
                                     const std::vector<std::pair<int, int>>& links) {
  std::vector<std::vector<int>> neighbours(patches);
  for (const auto& [a, b] : links) {
    neighbours[static_cast<std::size_t>(a)].push_back(b);
    neighbours[static_cast<std::size_t>(b)].push_back(a);
  }
  std::vector<int> group(patches, -1);
  int groups = 0;
  for (std::size_t start = 0; start < patches; ++start) {
    if (group[start] >= 0) continue;
    std::vector<int> pending{static_cast<int>(start)};
    group[start] = groups;
    while (!pending.empty()) {
      const int patch = pending.back();
      pending.pop_back();
      for (int next : neighbours[static_cast<std::size_t>(patch)])
        if (group[static_cast<std::size_t>(next)] < 0) {
          group[static_cast<std::size_t>(next)] = groups;
          pending.push_back(next);
        }
    }
    ++groups;
  }
  return group;
}

void run_mesh(const MeshOptions& options) {
  if (options.total_area_ha < 0) refuse("--total-area must be a positive area in hectares");
  const std::string patches_text = read_or_refuse(options.patches, "--patches");
  std::string barriers_text;
  if (!options.barriers.empty()) barriers_text = read_or_refuse(options.barriers, "--barriers");
  auto linked = geo::link_natural_areas(
      patches_text,
      options.barriers.empty() ? std::nullopt : std::optional<std::string_view>(barriers_text),
      options.gap_m);
  if (const auto* error = std::get_if<geo::GeoInputError>(&linked)) {
    const std::string file = error->source == "barriers" ? options.barriers : options.patches;
    refuse((error->source == "gap" ? std::string("--gap") : file) + ": " + error->message());
  }
  const geo::NaturalAreaLinks& links = std::get<geo::NaturalAreaLinks>(linked);

  std::vector<double> areas_ha;
  double natural_ha = 0;
  for (const geo::NaturalPatch& patch : links.patches) {
    areas_ha.push_back(patch.area_m2 / kSquareMetresPerHectare);
    natural_ha += areas_ha.back();
  }
  const std::vector<double> group_areas = plan::connected_group_areas(areas_ha, links.links);
  const std::vector<int> group = group_of_each_patch(areas_ha.size(), links.links);
  const bool given_total = options.total_area_ha > 0;
  const double total_ha = given_total ? options.total_area_ha : natural_ha;
  const char* total_basis = given_total ? "--total-area"
                                        : "total area of all natural areas (the handbook's "
                                          "A_total)";
  const double mesh_ha = plan::effective_mesh_size(group_areas, total_ha);

  if (options.json) {
    Json patches = Json::array();
    for (std::size_t i = 0; i < links.patches.size(); ++i)
      patches.push_back(
          {{"name", links.patches[i].name}, {"area_ha", areas_ha[i]}, {"group", group[i] + 1}});
    Json groups = Json::array();
    for (std::size_t g = 0; g < group_areas.size(); ++g) {
      Json members = Json::array();
      for (std::size_t i = 0; i < group.size(); ++i)
        if (group[i] == static_cast<int>(g)) members.push_back(links.patches[i].name);
      groups.push_back({{"group", g + 1}, {"area_ha", group_areas[g]}, {"patches", members}});
    }
    Json pairs = Json::array();
    for (const auto& [a, b] : links.links)
      pairs.push_back({links.patches[static_cast<std::size_t>(a)].name,
                       links.patches[static_cast<std::size_t>(b)].name});
    const Json out = {{"gap_m", options.gap_m},
                      {"patches", patches},
                      {"links", pairs},
                      {"groups", groups},
                      {"natural_area_ha", natural_ha},
                      {"total_area_ha", total_ha},
                      {"total_area_basis", total_basis},
                      {"mesh_ha", mesh_ha}};
    std::cout << out.dump() << "\n";
    return;
  }
  std::cout << std::fixed << std::setprecision(4);
  std::cout << "Patches (" << links.patches.size() << "), gap " << options.gap_m << " m:\n";
  for (std::size_t i = 0; i < links.patches.size(); ++i)
    std::cout << "  " << links.patches[i].name << "  " << areas_ha[i] << " ha  group "
              << group[i] + 1 << "\n";
  std::cout << "Groups (" << group_areas.size() << "):\n";
  for (std::size_t g = 0; g < group_areas.size(); ++g) {
    std::cout << "  " << g + 1 << "  " << group_areas[g] << " ha:";
    for (std::size_t i = 0; i < group.size(); ++i)
      if (group[i] == static_cast<int>(g)) std::cout << " " << links.patches[i].name;
    std::cout << "\n";
  }
  std::cout << "A_total " << total_ha << " ha (" << total_basis << ")\n";
  std::cout << "MESH " << mesh_ha << " ha\n";
}

}  // namespace

void add_plan_mesh_command(CLI::App& plan) {
  auto options = std::make_shared<MeshOptions>();
  auto* mesh = plan.add_subcommand(
      "mesh", "Effective mesh size of natural areas (City Biodiversity Index indicator 2)");
  mesh->add_option("--patches", options->patches,
                   "GeoJSON FeatureCollection of natural-area polygons, metric CRS")
      ->required();
  mesh->add_option("--barriers", options->barriers,
                   "GeoJSON FeatureCollection of barriers (roads, railways, channels)");
  mesh->add_option("--gap", options->gap_m, "Patches closer than this (metres) are connected")
      ->capture_default_str();
  mesh->add_option("--total-area", options->total_area_ha,
                   "A_total in hectares (default: the total area of all natural areas)");
  mesh->add_flag("--json", options->json, "Print JSON");
  mesh->callback([options] { run_mesh(*options); });
}

}  // namespace bsap::cli
