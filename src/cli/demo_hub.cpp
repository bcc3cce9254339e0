#include "cli/demo_hub.h"

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <fstream>
#include <iostream>
#include <random>
#include <variant>

#include "biodata/sensitivity.h"
#include "core/civil_date.h"
#include "hub/area_layer_import.h"
#include "hub/checklist_import.h"
#include "hub/occurrence_download.h"
#include "hub/occurrence_import.h"
#include "store/bio_occurrence_repo.h"
#include "store/bio_taxon_status_repo.h"

namespace bsap::cli {
namespace {

constexpr const char* kDatasetKey = "demo-hk-records";

struct DemoPlace {
  const char* name;
  double lat, lon;
};

// The centres of data/demo/biodata/areas.geojson's squares, then of scheme_sites.geojson's.
constexpr DemoPlace kPlaces[] = {
    {"Tai Po Kau", 22.4255, 114.1800},
    {"Shing Mun", 22.3920, 114.1430},
    {"Pak Tam Chung", 22.3990, 114.3230},
    {"Ngong Ping", 22.2550, 113.9190},
    {"Mai Po", 22.4850, 114.0370},
    {"Tai Mo Shan", 22.4100, 114.1240},
    {"Lung Fu Shan", 22.2790, 114.1400},
    // The demo applications' scheme sites, B39 and D22 (data/demo/biodata/scheme_sites.geojson).
    {"Lai Chi Wo", 22.5270, 114.2590},
    {"So Lo Pun", 22.5370, 114.2420}};

// Each species' records: how many, and where (indexes into kPlaces).
struct DemoSpecies {
  const char* name;
  int records;
  std::vector<int> places;
};

const std::vector<DemoSpecies>& demo_species() {
  static const std::vector<DemoSpecies> species = {
      {"Cuora trifasciata", 4, {0}},
      {"Platysternon megacephalum", 6, {1, 5}},
      {"Aquilaria sinensis", 14, {0, 1, 6}},
      {"Quasipaa spinosa", 9, {0, 2}},
      {"Liuixalus romeri", 12, {3}},
      {"Philautus romeri", 2, {3}},  // a synonym, as older records name it
      {"Paramesotriton hongkongensis", 15, {1, 2, 5}},
      {"Acridotheres cristatellus", 40, {0, 1, 2, 4, 5, 6}},
      {"Pycnonotus jocosus", 45, {0, 1, 2, 3, 5, 6}},
      {"Egretta garzetta", 30, {4, 2}},
      {"Troides helena", 18, {0, 1, 6}},
      {"Papilio memnon", 22, {0, 2, 3, 6}},
      {"Hipposideros armiger", 8, {1, 5}},
      {"Mikania micrantha", 25, {0, 4, 6}},
      {"Lantana camara", 20, {2, 3, 6}},
      {"Pomacea canaliculata", 10, {4}},
  };
  return species;
}

// The records at the demo applications' sites, so that their species show beside the
// applications (decision 0012 §1); generated after the others, which stay as they were.
const std::vector<DemoSpecies>& demo_site_species() {
  static const std::vector<DemoSpecies> species = {
      {"Cuora trifasciata", 2, {7}},
      {"Troides helena", 3, {7}},
      {"Paramesotriton hongkongensis", 3, {7}},
      {"Mikania micrantha", 2, {7}},
      {"Aquilaria sinensis", 2, {8}},
      {"Quasipaa spinosa", 2, {8}},
      {"Papilio memnon", 2, {8}},
      {"Egretta garzetta", 2, {8}},
  };
  return species;
}

// A site's records lie within this of its place, inside its 0.005° demonstration boundary.
constexpr double kSiteJitter = 0.004;

// The columns generated_records writes, as Darwin Core terms.
constexpr std::array<std::string_view, 10> kColumns = {
    "occurrenceID",    "scientificName",   "basisOfRecord", "eventDate",
    "decimalLatitude", "decimalLongitude", "geodeticDatum", "coordinateUncertaintyInMeters",
    "locality",        "recordedBy"};

// Seeded: every load writes the same records.
std::string generated_records() {
  std::mt19937 random(2035);
  std::uniform_real_distribution<double> jitter(-0.009, 0.009);
  std::uniform_int_distribution<int> year(2012, 2025), month(1, 12), day(1, 28);
  std::string rows;
  for (std::string_view column : kColumns) (rows += column) += '\t';
  rows.back() = '\n';
  int n = 0;
  auto write = [&](const std::vector<DemoSpecies>& species,
                   std::uniform_real_distribution<double>& near) {
    char line[512];
    for (const DemoSpecies& s : species) {
      for (int i = 0; i < s.records; ++i) {
        const DemoPlace& place = kPlaces[s.places[static_cast<std::size_t>(i) % s.places.size()]];
        std::snprintf(line, sizeof line,
                      "demo:%d\t%s\tHumanObservation\t%04d-%02d-%02d\t%.6f\t%.6f\tWGS84\t30\t"
                      "Demonstration record near %s\tDemonstration data (not an observation)\n",
                      ++n, s.name, year(random), month(random), day(random),
                      place.lat + near(random), place.lon + near(random), place.name);
        rows += line;
      }
    }
  };
  write(demo_species(), jitter);
  std::uniform_real_distribution<double> site_jitter(-kSiteJitter, kSiteJitter);
  write(demo_site_species(), site_jitter);
  // Two records the interpretation flags (§2): latitude and longitude swapped, and 0°, 0°.
  rows +=
      "demo:flag-1\tEgretta garzetta\tHumanObservation\t2020-02-02\t114.037\t22.485\tWGS84\t"
      "30\tDemonstration record, coordinates swapped\tDemonstration data (not an observation)\n";
  rows +=
      "demo:flag-2\tEgretta garzetta\tHumanObservation\t2020-02-03\t0\t0\tWGS84\t30\t"
      "Demonstration record, zero coordinates\tDemonstration data (not an observation)\n";
  return rows;
}

void set_demo_sensitivity(store::Store& store, const std::filesystem::path& file) {
  YAML::Node categories = YAML::LoadFile(file.string());
  auto tx = store.begin();
  for (const auto& entry : categories) {
    auto sensitivity = biodata::sensitivity_from_name(entry.second.as<std::string>());
    if (!sensitivity) continue;
    for (const store::BioTaxon& taxon : store::find_taxa_named(*tx, entry.first.as<std::string>()))
      store::set_taxon_status(*tx, taxon.id, {static_cast<int>(*sensitivity), {}, {}}, "demo");
  }
  tx->commit();
}

template <typename Summary, typename Failure>
void report_failure(const std::variant<Summary, Failure>& result, const char* what) {
  if (auto* failure = std::get_if<Failure>(&result))
    std::cerr << "demo: the hub's " << what << " did not load: " << failure->message() << "\n";
}

}  // namespace

void add_demo_hub(store::Store& store, const std::filesystem::path& data_dir) {
  {
    auto tx = store.begin();
    if (store::find_dataset(*tx, kDatasetKey)) return;
  }
  const std::filesystem::path demo = data_dir / "demo" / "biodata";
  report_failure(hub::import_checklist_archive(store, demo / "checklist", "demo-hk", "demo"),
                 "checklist");
  set_demo_sensitivity(store, demo / "sensitivity.yaml");
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("bsap-demo-records-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "meta.xml") << hub::occurrence_meta_xml(kColumns);
  std::ofstream(folder / "occurrence.txt") << generated_records();
  const CivilDate today = today_in_hong_kong(std::chrono::system_clock::now());
  hub::ImportOptions options{
      "demo",
      kDatasetKey,
      {today.year(), static_cast<int>(today.month()), static_cast<int>(today.day())},
      data_dir / "biodata" / "home_region.yaml",
      {}};
  report_failure(hub::import_occurrences(store, folder, options), "records");
  std::filesystem::remove_all(folder);
  hub::LayerImportRequest layer;
  layer.file = demo / "areas.geojson";
  layer.code = "demo_areas";
  layer.name_zh = "示範地區";
  layer.name_en = "Demonstration areas";
  layer.options.code_property = "CODE";
  layer.options.name_zh_property = "NAME_ZH";
  layer.options.name_en_property = "NAME_EN";
  layer.actor = "demo";
  report_failure(hub::import_area_layer(store, layer), "demonstration areas");
  hub::LayerImportRequest sites = layer;
  sites.file = demo / "scheme_sites.geojson";
  sites.code = "demo_scheme_sites";
  sites.name_zh = "示範計劃地點";
  sites.name_en = "Demonstration scheme sites";
  sites.kind = "scheme_site";
  report_failure(hub::import_area_layer(store, sites), "demonstration scheme sites");
}

}  // namespace bsap::cli
