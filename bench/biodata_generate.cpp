// The biodiversity hub's benchmark data (bench/biodata.sh): a seeded generator of a Darwin Core
// Archive of occurrences placed uniformly on Hong Kong's land, inside the real polygons of the 18
// districts (../shared/data/geo/hk-districts-2001/dc_land.lowres.geo.json), and of the checklist
// the occurrences name. The same seed and size give the same bytes on any machine with the same
// polygons and GEOS: the random numbers are mt19937_64's raw output (fixed by the C++ standard),
// turned into doubles and integers here rather than by <random>'s distributions, whose
// algorithms vary by library. The seed is printed; the default is 2035.
//
// What it writes under --out DIR:
//   occurrence/  meta.xml, eml.xml, occurrence.txt — core Occurrence, tab-separated, no quoting,
//                one header line; columns id, occurrenceID, basisOfRecord, scientificName,
//                eventDate, year, decimalLatitude, decimalLongitude, geodeticDatum,
//                coordinateUncertaintyInMeters, individualCount, countryCode
//   taxon/       meta.xml, eml.xml, taxon.txt (core Taxon: taxonID, scientificName, taxonRank,
//                kingdom, family, genus, taxonomicStatus) and vernacularname.txt (extension
//                VernacularName: names in zh and en)
//   summary.json what was written: seed, counts, the faulty rows by kind, file sizes
//
// About 1 % of the rows are faulty on purpose, so that validation does real work: coordinates
// 0,0; latitude and longitude swapped; a name the checklist does not hold (misspelt, or unknown);
// a date in the future; a negative individual count. Faults are always of the declared type (a
// date is a date, a count an integer): a database's COPY reads every row.
//
//   biodata_generate [--records N] [--seed S] [--species K] [--districts FILE] --out DIR
#include <geos_c.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <variant>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::uint64_t kDefaultSeed = 2035;  // BSAP 2035
constexpr long long kDefaultRecords = 1'000'000;
constexpr int kDefaultSpecies = 5'500;
constexpr double kFaultyShare = 0.01;
constexpr double kZipfExponent = 1.0;  // the commonest species ~11 % of records, the rarest ~20
constexpr int kFirstYear = 1990;
constexpr int kLastYear = 2025;
constexpr std::string_view kCountryCode = "HK";
constexpr std::string_view kDatum = "WGS84";

// ---- random numbers, the same on every standard library

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class Random {
 public:
  // One stream per purpose, so that the checklist does not change with the number of records.
  Random(std::uint64_t seed, std::uint64_t stream)
      : engine_(splitmix64(seed ^ splitmix64(stream))) {}

  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }  // [0, 1)
  bool chance(double p) { return unit() < p; }
  // [0, n), without the modulo bias (Lemire's method).
  std::uint64_t below(std::uint64_t n) {
    for (;;) {
      const unsigned __int128 product = static_cast<unsigned __int128>(engine_()) * n;
      const auto low = static_cast<std::uint64_t>(product);
      if (low >= n || low >= (-n) % n) return static_cast<std::uint64_t>(product >> 64);
    }
  }
  long long between(long long lo, long long hi) {  // [lo, hi]
    return lo + static_cast<long long>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }

 private:
  std::mt19937_64 engine_;
};

// Draws an index with probability proportional to its weight.
class WeightedIndex {
 public:
  explicit WeightedIndex(const std::vector<double>& weights) : cumulative_(weights.size()) {
    double total = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) cumulative_[i] = total += weights[i];
  }
  std::size_t draw(Random& random) const {
    const double target = random.unit() * cumulative_.back();
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
    return std::min<std::size_t>(it - cumulative_.begin(), cumulative_.size() - 1);
  }

 private:
  std::vector<double> cumulative_;
};

std::vector<double> zipf_weights(std::size_t n, double exponent) {
  std::vector<double> weights(n);
  for (std::size_t rank = 0; rank < n; ++rank)
    weights[rank] = 1.0 / std::pow(static_cast<double>(rank + 1), exponent);
  return weights;
}

// ---- options

struct Options {
  long long records = kDefaultRecords;
  std::uint64_t seed = kDefaultSeed;
  int species = kDefaultSpecies;
  fs::path districts = fs::path(BSAP_DEFAULT_HOME) / ".." / "shared" / "data" / "geo" /
                       "hk-districts-2001" / "dc_land.lowres.geo.json";
  fs::path out;
};

template <typename T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

constexpr std::string_view kUsage =
    "usage: biodata_generate [--records N] [--seed S] [--species K] [--districts FILE] --out DIR\n";

struct HelpWanted {};
// The options, the help, or what is wrong with them.
using ParsedOptions = std::variant<Options, HelpWanted, std::string>;

ParsedOptions parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view name = argv[i];
    if (name == "--help" || name == "-h") return HelpWanted{};
    if (i + 1 >= argc) return std::string(name) + " needs a value";
    const std::string_view value = argv[++i];
    if (name == "--records") {
      auto n = parse_number<long long>(value);
      if (!n || *n < 1) return std::string("--records wants a positive whole number");
      options.records = *n;
    } else if (name == "--seed") {
      auto s = parse_number<std::uint64_t>(value);
      if (!s) return std::string("--seed wants a whole number of 0 or more");
      options.seed = *s;
    } else if (name == "--species") {
      auto k = parse_number<int>(value);
      if (!k || *k < 10 || *k > 100'000) return std::string("--species wants 10 to 100000");
      options.species = *k;
    } else if (name == "--districts") {
      options.districts = value;
    } else if (name == "--out") {
      options.out = value;
    } else {
      return "unknown option " + std::string(name);
    }
  }
  if (options.out.empty()) return std::string("--out DIR is required");
  return options;
}

// ---- where: uniformly on land, by rejection in the districts' bounding box

// A point in millionths of a degree, the precision written: the test of containment is made on
// exactly the double that reading the written text gives (n / 1e6 is correctly rounded, as
// strtod is), so every point written lies inside the districts.
struct MicroPoint {
  long long lon = 0;
  long long lat = 0;
};

class LandSampler {
 public:
  ~LandSampler() {
    if (prepared_) GEOSPreparedGeom_destroy_r(context_, prepared_);
    if (land_) GEOSGeom_destroy_r(context_, land_);
    GEOS_finish_r(context_);
  }
  LandSampler(const LandSampler&) = delete;
  LandSampler& operator=(const LandSampler&) = delete;

  // The union of a FeatureCollection's geometries, each repaired with MakeValid (the district
  // polygons have self-intersections), or what is wrong with the file.
  static std::variant<std::unique_ptr<LandSampler>, std::string> load(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return "cannot read " + file.string();
    const json collection = json::parse(in, nullptr, false);
    if (collection.is_discarded() || !collection.contains("features"))
      return file.string() + " is not a GeoJSON FeatureCollection";

    std::unique_ptr<LandSampler> sampler(new LandSampler());
    std::vector<GEOSGeometry*> parts = sampler->valid_geometries(collection["features"]);
    if (parts.empty()) return "no polygons in " + file.string();
    GEOSContextHandle_t context = sampler->context_;
    GEOSGeometry* all = GEOSGeom_createCollection_r(context, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                    static_cast<unsigned>(parts.size()));
    sampler->land_ = GEOSUnaryUnion_r(context, all);
    GEOSGeom_destroy_r(context, all);
    if (!sampler->land_) return std::string("GEOS could not union the districts");
    if (GEOSGeomTypeId_r(context, sampler->land_) != GEOS_MULTIPOLYGON &&
        GEOSGeomTypeId_r(context, sampler->land_) != GEOS_POLYGON)
      return std::string("the union of the districts is not a (multi)polygon");
    sampler->prepared_ = GEOSPrepare_r(context, sampler->land_);
    sampler->set_bounds();
    return sampler;
  }

  MicroPoint sample(Random& random) {
    for (;;) {
      const MicroPoint candidate{random.between(min_.lon, max_.lon),
                                 random.between(min_.lat, max_.lat)};
      ++tries_;
      GEOSGeometry* point =
          GEOSGeom_createPointFromXY_r(context_, static_cast<double>(candidate.lon) / 1e6,
                                       static_cast<double>(candidate.lat) / 1e6);
      const bool inside = GEOSPreparedContains_r(context_, prepared_, point) == 1;
      GEOSGeom_destroy_r(context_, point);
      if (inside) return candidate;
    }
  }

  std::size_t districts() const { return districts_; }
  long long tries() const { return tries_; }

 private:
  LandSampler() : context_(GEOS_init_r()) {}

  std::vector<GEOSGeometry*> valid_geometries(const json& features) {
    GEOSGeoJSONReader* reader = GEOSGeoJSONReader_create_r(context_);
    std::vector<GEOSGeometry*> valid;
    for (const json& feature : features) {
      if (!feature.contains("geometry")) continue;
      GEOSGeometry* raw =
          GEOSGeoJSONReader_readGeometry_r(context_, reader, feature["geometry"].dump().c_str());
      if (!raw) continue;
      ++districts_;
      if (GEOSGeometry* repaired = GEOSMakeValid_r(context_, raw)) {
        collect_polygons(repaired, valid);
        GEOSGeom_destroy_r(context_, repaired);
      }
      GEOSGeom_destroy_r(context_, raw);
    }
    GEOSGeoJSONReader_destroy_r(context_, reader);
    return valid;
  }

  // Copies of the polygons in a geometry. MakeValid may leave collapsed rings as lines beside
  // the polygons; a union with lines in it is a GeometryCollection, which GEOS cannot prepare
  // for fast point-in-area tests (each test then costs milliseconds, not microseconds).
  void collect_polygons(const GEOSGeometry* geometry, std::vector<GEOSGeometry*>& polygons) {
    const int type = GEOSGeomTypeId_r(context_, geometry);
    if (type == GEOS_POLYGON) {
      if (GEOSisEmpty_r(context_, geometry) == 0)
        polygons.push_back(GEOSGeom_clone_r(context_, geometry));
      return;
    }
    if (type != GEOS_MULTIPOLYGON && type != GEOS_GEOMETRYCOLLECTION) return;
    const int parts = GEOSGetNumGeometries_r(context_, geometry);
    for (int i = 0; i < parts; ++i)
      collect_polygons(GEOSGetGeometryN_r(context_, geometry, i), polygons);
  }

  void set_bounds() {
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    GEOSGeom_getXMin_r(context_, land_, &x_min);
    GEOSGeom_getYMin_r(context_, land_, &y_min);
    GEOSGeom_getXMax_r(context_, land_, &x_max);
    GEOSGeom_getYMax_r(context_, land_, &y_max);
    min_ = {static_cast<long long>(std::floor(x_min * 1e6)),
            static_cast<long long>(std::floor(y_min * 1e6))};
    max_ = {static_cast<long long>(std::ceil(x_max * 1e6)),
            static_cast<long long>(std::ceil(y_max * 1e6))};
  }

  GEOSContextHandle_t context_;
  GEOSGeometry* land_ = nullptr;
  const GEOSPreparedGeometry* prepared_ = nullptr;
  std::size_t districts_ = 0;
  MicroPoint min_, max_;
  long long tries_ = 0;
};

// ---- what: a synthetic checklist of Latin-looking binomials

enum class Kingdom { animalia, plantae, fungi };

struct Species {
  std::string taxon_id;
  std::string genus;
  std::string epithet;
  std::string family;
  Kingdom kingdom = Kingdom::animalia;
  int vernacular = -1;  // index of its vernacular names, or -1 for none
  std::string scientific_name() const { return genus + " " + epithet; }
};

constexpr std::array<std::string_view, 27> kOnsets = {
    "b",  "c",  "d",  "g",  "l",  "m",  "n", "p", "r", "s", "t",  "v",  "ph", "th",
    "ch", "rh", "st", "tr", "cr", "pl", "x", "z", "h", "f", "br", "gl", "sc"};
constexpr std::array<std::string_view, 9> kVowels = {"a",  "e", "i",  "o", "u",
                                                     "ae", "y", "io", "ea"};
constexpr std::array<std::string_view, 14> kGenusEndings = {
    "us", "a", "is", "ia", "ops", "ella", "odes", "ax", "ion", "ura", "ites", "ina", "ix", "on"};
constexpr std::array<std::string_view, 16> kEpithetEndings = {
    "ensis", "i",    "ii",  "ae",    "us",   "a",     "um",    "icus",
    "ica",   "atus", "ata", "oides", "alis", "ianus", "ifera", "iformis"};
// Epithets as Hong Kong's checklists have them: places, collectors, descriptions.
constexpr std::array<std::string_view, 40> kCommonEpithets = {
    "sinensis",  "chinensis",   "hongkongensis", "formosana",  "japonica",   "swinhoei",
    "dennysi",   "lantauensis", "kadoorieorum",  "reevesii",   "championii", "fortunei",
    "hancei",    "bowringii",   "indica",        "orientalis", "minor",      "major",
    "gracilis",  "elegans",     "robusta",       "montana",    "sylvatica",  "aquatica",
    "palustris", "littoralis",  "rubra",         "nigra",      "alba",       "flava",
    "viridis",   "maculata",    "striata",       "variegata",  "vulgaris",   "communis",
    "tenuis",    "longicauda",  "brevipes",      "magnifica"};

std::string syllables(Random& random, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += random.pick(kOnsets);
    text += random.pick(kVowels);
  }
  return text;
}

std::string capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string new_genus(Random& random) {
  return capitalised(syllables(random, 1 + static_cast<int>(random.below(2))) +
                     std::string(random.pick(kGenusEndings)));
}

std::string new_epithet(Random& random) {
  if (random.chance(0.35)) return std::string(random.pick(kCommonEpithets));
  return syllables(random, 1 + static_cast<int>(random.below(2))) +
         std::string(random.pick(kEpithetEndings));
}

// Vernacular names: an adjective and a noun, the same pair in both languages.
struct VernacularWord {
  std::string_view en;
  std::string_view zh;
};
constexpr std::array<VernacularWord, 20> kAdjectives = {
    {{"Red-tailed", "紅尾"},  {"Lesser", "小"},          {"Greater", "大"},
     {"Hong Kong", "香港"},   {"Lantau", "大嶼山"},      {"Common", "普通"},
     {"Spotted", "斑點"},     {"Banded", "環紋"},        {"Golden", "金色"},
     {"Black-faced", "黑臉"}, {"White-bellied", "白腹"}, {"Striped", "條紋"},
     {"Dwarf", "矮"},         {"Mountain", "山地"},      {"Stream", "溪澗"},
     {"Woodland", "林地"},    {"Coastal", "海岸"},       {"Pale", "淡色"},
     {"Dusky", "暗色"},       {"Slender", "細長"}}};
constexpr std::array<VernacularWord, 16> kAnimalNouns = {{{"Frog", "蛙"},
                                                          {"Skink", "石龍子"},
                                                          {"Dragonfly", "蜻蜓"},
                                                          {"Butterfly", "蝴蝶"},
                                                          {"Moth", "蛾"},
                                                          {"Beetle", "甲蟲"},
                                                          {"Warbler", "鶯"},
                                                          {"Bulbul", "鵯"},
                                                          {"Crab", "蟹"},
                                                          {"Snail", "蝸牛"},
                                                          {"Gecko", "壁虎"},
                                                          {"Bat", "蝠"},
                                                          {"Spider", "蜘蛛"},
                                                          {"Damselfly", "豆娘"},
                                                          {"Goby", "鰕虎魚"},
                                                          {"Shrimp", "蝦"}}};
constexpr std::array<VernacularWord, 10> kPlantNouns = {{{"Fern", "蕨"},
                                                         {"Orchid", "蘭"},
                                                         {"Holly", "冬青"},
                                                         {"Fig", "榕"},
                                                         {"Camellia", "山茶"},
                                                         {"Sedge", "莎草"},
                                                         {"Grass", "草"},
                                                         {"Laurel", "樟"},
                                                         {"Oak", "櫟"},
                                                         {"Vine", "藤"}}};
constexpr std::array<VernacularWord, 4> kFungusNouns = {
    {{"Bracket", "多孔菌"}, {"Mushroom", "菇"}, {"Puffball", "馬勃"}, {"Cup Fungus", "盤菌"}}};

struct Vernacular {
  std::string en;
  std::string zh;
};

Vernacular new_vernacular(Random& random, Kingdom kingdom) {
  const VernacularWord& adjective = random.pick(kAdjectives);
  const VernacularWord& noun = kingdom == Kingdom::animalia  ? random.pick(kAnimalNouns)
                               : kingdom == Kingdom::plantae ? random.pick(kPlantNouns)
                                                             : random.pick(kFungusNouns);
  return {std::string(adjective.en) + " " + std::string(noun.en),
          std::string(adjective.zh) + std::string(noun.zh)};
}

std::string_view kingdom_name(Kingdom kingdom) {
  switch (kingdom) {
    case Kingdom::animalia:
      return "Animalia";
    case Kingdom::plantae:
      return "Plantae";
    case Kingdom::fungi:
      return "Fungi";
  }
  return "";
}

struct Checklist {
  std::vector<Species> species;
  std::vector<Vernacular> vernaculars;
  std::unordered_set<std::string> names;  // every scientific name, for the unknown ones
  std::size_t genera = 0;
  std::size_t families = 0;
};

// Families hold genera, genera hold species; a few large genera, many small ones, as in life.
Checklist make_checklist(std::uint64_t seed, int species_count) {
  Random random(seed, 1);
  Checklist checklist;
  const int family_count = std::max(3, species_count / 30);
  const int genus_count = std::max(5, species_count / 4);

  std::unordered_set<std::string> used_families;
  std::vector<std::pair<std::string, Kingdom>> families;
  while (static_cast<int>(families.size()) < family_count) {
    const double k = random.unit();
    const Kingdom kingdom = k < 0.60   ? Kingdom::animalia
                            : k < 0.95 ? Kingdom::plantae
                                       : Kingdom::fungi;
    std::string family =
        capitalised(syllables(random, 2)) + (kingdom == Kingdom::animalia ? "idae" : "aceae");
    if (used_families.insert(family).second) families.emplace_back(std::move(family), kingdom);
  }

  std::unordered_set<std::string> used_genera;
  std::vector<std::size_t> genus_family;
  std::vector<std::string> genera;
  while (static_cast<int>(genera.size()) < genus_count) {
    std::string genus = new_genus(random);
    if (!used_genera.insert(genus).second) continue;
    genera.push_back(std::move(genus));
    genus_family.push_back(random.below(families.size()));
  }

  const WeightedIndex genus_draw(zipf_weights(genera.size(), 0.8));
  std::unordered_set<std::size_t> used_genus_indices;
  std::unordered_set<std::size_t> used_family_indices;
  while (static_cast<int>(checklist.species.size()) < species_count) {
    const std::size_t g = genus_draw.draw(random);
    Species made;
    made.genus = genera[g];
    made.epithet = new_epithet(random);
    if (!checklist.names.insert(made.scientific_name()).second) continue;
    made.family = families[genus_family[g]].first;
    made.kingdom = families[genus_family[g]].second;
    made.taxon_id = std::string("T").append(std::to_string(100000 + checklist.species.size() + 1));
    if (random.chance(0.7)) {
      made.vernacular = static_cast<int>(checklist.vernaculars.size());
      checklist.vernaculars.push_back(new_vernacular(random, made.kingdom));
    }
    used_genus_indices.insert(g);
    used_family_indices.insert(genus_family[g]);
    checklist.species.push_back(std::move(made));
  }
  checklist.genera = used_genus_indices.size();
  checklist.families = used_family_indices.size();
  return checklist;
}

// A name the checklist does not hold: half misspelt (one letter of the epithet changed, as
// people type them), half wholly unknown.
std::string unknown_name(Random& random, const Checklist& checklist, const Species& species) {
  for (;;) {
    std::string name;
    if (random.chance(0.5)) {
      std::string epithet = species.epithet;
      const std::size_t at = random.below(epithet.size());
      epithet[at] = static_cast<char>('a' + random.below(26));
      name = species.genus + " " + epithet;
    } else {
      name = new_genus(random) + " " + new_epithet(random);
    }
    if (!checklist.names.contains(name)) return name;
  }
}

// ---- when: civil dates from day numbers (H. Hinnant's algorithm)

struct Day {
  int year, month, day;
};

Day civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

long long days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// ---- rows

enum class Fault {
  none,
  zero_coordinate,
  swapped_coordinate,
  unknown_name,
  future_date,
  negative_count
};
constexpr std::array<std::string_view, 6> kFaultNames = {
    "none",         "zero_coordinate", "swapped_coordinate",
    "unknown_name", "future_date",     "negative_count"};

// GBIF's basisOfRecord vocabulary, weighted as an observation-led hub's records are.
constexpr std::array<std::string_view, 6> kBasisOfRecord = {
    "HumanObservation", "MachineObservation", "PreservedSpecimen",
    "MaterialSample",   "LivingSpecimen",     "MaterialCitation"};
constexpr std::array<double, 6> kBasisWeights = {0.82, 0.07, 0.06, 0.03, 0.01, 0.01};
constexpr std::array<std::string_view, 7> kUncertainties = {"5",   "10",  "30",  "50",
                                                            "100", "250", "1000"};

void append_micro(std::string& out, long long micro) {
  if (micro < 0) {
    out += '-';
    micro = -micro;
  }
  char digits[8];
  std::snprintf(digits, sizeof digits, "%06lld", micro % 1'000'000);
  out += std::to_string(micro / 1'000'000);
  out += '.';
  out += digits;
}

void append_date(std::string& out, Day day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", day.year, day.month, day.day);
  out += text;
}

class OccurrenceWriter {
 public:
  OccurrenceWriter(const Checklist& checklist, LandSampler& land, std::uint64_t seed)
      : checklist_(checklist),
        land_(land),
        random_(seed, 2),
        species_draw_(zipf_weights(checklist.species.size(), kZipfExponent)),
        basis_draw_(std::vector<double>(kBasisWeights.begin(), kBasisWeights.end())),
        first_day_(days_from_civil(kFirstYear, 1, 1)),
        last_day_(days_from_civil(kLastYear, 12, 31)) {
    // Which species is common is drawn too, so that the commonest are not the first made.
    rank_to_species_.resize(checklist.species.size());
    for (std::size_t i = 0; i < rank_to_species_.size(); ++i) rank_to_species_[i] = i;
    for (std::size_t i = rank_to_species_.size() - 1; i > 0; --i)
      std::swap(rank_to_species_[i], rank_to_species_[random_.below(i + 1)]);
  }

  static constexpr std::string_view header =
      "id\toccurrenceID\tbasisOfRecord\tscientificName\teventDate\tyear\tdecimalLatitude\t"
      "decimalLongitude\tgeodeticDatum\tcoordinateUncertaintyInMeters\tindividualCount\t"
      "countryCode\n";

  // Appends record `number` (1-based) and says which fault it carries.
  Fault append_row(std::string& out, long long number) {
    Fault fault = Fault::none;
    if (random_.chance(kFaultyShare)) fault = static_cast<Fault>(1 + random_.below(5));
    const Species& species = checklist_.species[rank_to_species_[species_draw_.draw(random_)]];
    const std::string_view basis = kBasisOfRecord[basis_draw_.draw(random_)];
    Day day = civil_from_days(random_.between(first_day_, last_day_));
    if (fault == Fault::future_date)
      day = civil_from_days(random_.between(future_first_, future_last_));
    const MicroPoint point = land_.sample(random_);

    out += std::to_string(number);
    out += "\tHKBIO-";
    out += std::to_string(number);
    out += '\t';
    out += basis;
    out += '\t';
    out += fault == Fault::unknown_name ? unknown_name(random_, checklist_, species)
                                        : species.scientific_name();
    out += '\t';
    append_date(out, day);
    out += '\t';
    out += std::to_string(day.year);
    out += '\t';
    append_coordinates(out, point, fault);
    out += '\t';
    out += kDatum;
    out += '\t';
    if (!random_.chance(0.15)) out += random_.pick(kUncertainties);
    out += '\t';
    append_count(out, fault);
    out += '\t';
    out += kCountryCode;
    out += '\n';
    return fault;
  }

 private:
  void append_coordinates(std::string& out, MicroPoint point, Fault fault) {
    if (fault == Fault::zero_coordinate) point = {0, 0};
    if (fault == Fault::swapped_coordinate) std::swap(point.lat, point.lon);
    append_micro(out, point.lat);
    out += '\t';
    append_micro(out, point.lon);
  }

  void append_count(std::string& out, Fault fault) {
    if (fault == Fault::negative_count) {
      out += std::to_string(-random_.between(1, 50));
      return;
    }
    if (random_.chance(0.25)) return;  // not counted
    long long count = 1;
    while (random_.chance(0.35) && count < 500) count += 1 + random_.below(count);
    out += std::to_string(count);
  }

  const Checklist& checklist_;
  LandSampler& land_;
  Random random_;
  WeightedIndex species_draw_;
  WeightedIndex basis_draw_;
  std::vector<std::size_t> rank_to_species_;
  long long first_day_, last_day_;
  // Future whatever today is for years to come.
  long long future_first_ = days_from_civil(2040, 1, 1),
            future_last_ = days_from_civil(2049, 12, 31);
};

// ---- the archives' descriptors

constexpr std::string_view kDwc = "http://rs.tdwg.org/dwc/terms/";

std::string occurrence_meta_xml() {
  constexpr std::array<std::string_view, 11> terms = {
      "occurrenceID",     "basisOfRecord", "scientificName",
      "eventDate",        "year",          "decimalLatitude",
      "decimalLongitude", "geodeticDatum", "coordinateUncertaintyInMeters",
      "individualCount",  "countryCode"};
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<archive xmlns=\"http://rs.tdwg.org/dwc/text/\" metadata=\"eml.xml\">\n"
      "  <core encoding=\"UTF-8\" fieldsTerminatedBy=\"\\t\" linesTerminatedBy=\"\\n\" "
      "fieldsEnclosedBy=\"\" ignoreHeaderLines=\"1\" "
      "rowType=\"http://rs.tdwg.org/dwc/terms/Occurrence\">\n"
      "    <files>\n      <location>occurrence.txt</location>\n    </files>\n"
      "    <id index=\"0\"/>\n";
  for (std::size_t i = 0; i < terms.size(); ++i)
    xml += "    <field index=\"" + std::to_string(i + 1) + "\" term=\"" + std::string(kDwc) +
           std::string(terms[i]) + "\"/>\n";
  xml += "  </core>\n</archive>\n";
  return xml;
}

std::string taxon_meta_xml() {
  constexpr std::array<std::string_view, 7> terms = {
      "taxonID", "scientificName", "taxonRank", "kingdom", "family", "genus", "taxonomicStatus"};
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<archive xmlns=\"http://rs.tdwg.org/dwc/text/\" metadata=\"eml.xml\">\n"
      "  <core encoding=\"UTF-8\" fieldsTerminatedBy=\"\\t\" linesTerminatedBy=\"\\n\" "
      "fieldsEnclosedBy=\"\" ignoreHeaderLines=\"1\" "
      "rowType=\"http://rs.tdwg.org/dwc/terms/Taxon\">\n"
      "    <files>\n      <location>taxon.txt</location>\n    </files>\n"
      "    <id index=\"0\"/>\n";
  for (std::size_t i = 0; i < terms.size(); ++i)
    xml += "    <field index=\"" + std::to_string(i) + "\" term=\"" + std::string(kDwc) +
           std::string(terms[i]) + "\"/>\n";
  xml +=
      "  </core>\n"
      "  <extension encoding=\"UTF-8\" fieldsTerminatedBy=\"\\t\" linesTerminatedBy=\"\\n\" "
      "fieldsEnclosedBy=\"\" ignoreHeaderLines=\"1\" "
      "rowType=\"http://rs.gbif.org/terms/1.0/VernacularName\">\n"
      "    <files>\n      <location>vernacularname.txt</location>\n    </files>\n"
      "    <coreid index=\"0\"/>\n"
      "    <field index=\"1\" term=\"http://rs.tdwg.org/dwc/terms/vernacularName\"/>\n"
      "    <field index=\"2\" term=\"http://purl.org/dc/terms/language\"/>\n"
      "  </extension>\n</archive>\n";
  return xml;
}

std::string eml_xml(const std::string& title, const std::string& abstract) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<eml:eml xmlns:eml=\"eml://ecoinformatics.org/eml-2.1.1\" packageId=\"bsap-bench\" "
         "system=\"bsap\">\n"
         "  <dataset>\n    <title>" +
         title + "</title>\n    <abstract><para>" + abstract +
         "</para></abstract>\n  </dataset>\n</eml:eml>\n";
}

bool write_file(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(out);
}

bool write_taxon_archive(const fs::path& folder, const Checklist& checklist, std::uint64_t seed) {
  fs::create_directories(folder);
  std::string taxa =
      "taxonID\tscientificName\ttaxonRank\tkingdom\tfamily\tgenus\ttaxonomicStatus\n";
  std::string vernaculars = "taxonID\tvernacularName\tlanguage\n";
  for (const Species& s : checklist.species) {
    taxa += s.taxon_id + '\t' + s.scientific_name() + "\tspecies\t" +
            std::string(kingdom_name(s.kingdom)) + '\t' + s.family + '\t' + s.genus +
            "\taccepted\n";
    if (s.vernacular < 0) continue;
    const Vernacular& v = checklist.vernaculars[static_cast<std::size_t>(s.vernacular)];
    vernaculars += s.taxon_id + '\t' + v.zh + "\tzh\n";
    vernaculars += s.taxon_id + '\t' + v.en + "\ten\n";
  }
  const std::string title = "bsap benchmark checklist (seed " + std::to_string(seed) + ")";
  return write_file(folder / "meta.xml", taxon_meta_xml()) &&
         write_file(
             folder / "eml.xml",
             eml_xml(title, "Synthetic species names for bench/biodata.sh; not real taxa.")) &&
         write_file(folder / "taxon.txt", taxa) &&
         write_file(folder / "vernacularname.txt", vernaculars);
}

struct OccurrenceCounts {
  std::array<long long, 6> by_fault{};
  long long bytes = 0;
};

std::optional<OccurrenceCounts> write_occurrence_archive(const fs::path& folder,
                                                         OccurrenceWriter& writer,
                                                         const Options& options) {
  fs::create_directories(folder);
  const std::string title = "bsap benchmark occurrences (seed " + std::to_string(options.seed) +
                            ", " + std::to_string(options.records) + " records)";
  if (!write_file(folder / "meta.xml", occurrence_meta_xml()) ||
      !write_file(folder / "eml.xml",
                  eml_xml(title,
                          "Synthetic occurrences placed uniformly inside Hong Kong's 18 "
                          "districts (2001 census maps) for bench/biodata.sh; not real records.")))
    return std::nullopt;

  std::ofstream out(folder / "occurrence.txt", std::ios::binary | std::ios::trunc);
  OccurrenceCounts counts;
  std::string buffer(OccurrenceWriter::header);
  buffer.reserve(1 << 21);
  for (long long number = 1; number <= options.records; ++number) {
    ++counts.by_fault[static_cast<std::size_t>(writer.append_row(buffer, number))];
    if (buffer.size() < (1 << 20)) continue;
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    counts.bytes += static_cast<long long>(buffer.size());
    buffer.clear();
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  counts.bytes += static_cast<long long>(buffer.size());
  out.close();
  if (!out) return std::nullopt;
  return counts;
}

long long folder_bytes(const fs::path& folder) {
  long long total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) total += static_cast<long long>(entry.file_size());
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  const ParsedOptions parsed = parse_options(argc, argv);
  if (std::holds_alternative<HelpWanted>(parsed)) {
    std::cout << kUsage;
    return 0;
  }
  if (const auto* error = std::get_if<std::string>(&parsed)) {
    std::cerr << "biodata_generate: " << *error << "\n" << kUsage;
    return 2;
  }
  const Options& options = std::get<Options>(parsed);
  const auto started = std::chrono::steady_clock::now();
  std::cout << "biodata_generate: seed " << options.seed << ", " << options.records << " records, "
            << options.species << " species" << std::endl;

  auto loaded = LandSampler::load(options.districts);
  if (const auto* error = std::get_if<std::string>(&loaded)) {
    std::cerr << "biodata_generate: " << *error << "\n";
    return 1;
  }
  LandSampler& land = *std::get<std::unique_ptr<LandSampler>>(loaded);
  const Checklist checklist = make_checklist(options.seed, options.species);
  const fs::path taxon_folder = options.out / "taxon";
  const fs::path occurrence_folder = options.out / "occurrence";
  if (!write_taxon_archive(taxon_folder, checklist, options.seed)) {
    std::cerr << "biodata_generate: cannot write " << taxon_folder << "\n";
    return 1;
  }
  OccurrenceWriter writer(checklist, land, options.seed);
  const std::optional<OccurrenceCounts> counts =
      write_occurrence_archive(occurrence_folder, writer, options);
  if (!counts) {
    std::cerr << "biodata_generate: cannot write " << occurrence_folder << "\n";
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  json faults = json::object();
  long long faulty = 0;
  for (std::size_t kind = 1; kind < kFaultNames.size(); ++kind) {
    faults[std::string(kFaultNames[kind])] = counts->by_fault[kind];
    faulty += counts->by_fault[kind];
  }
  const json summary = {
      {"generator", "bench/biodata_generate"},
      {"seed", options.seed},
      {"records", options.records},
      {"faulty_records", faulty},
      {"faults", faults},
      {"species", checklist.species.size()},
      {"genera", checklist.genera},
      {"families", checklist.families},
      {"vernacular_names", checklist.vernaculars.size() * 2},
      {"districts", land.districts()},
      {"districts_file", options.districts.lexically_normal().string()},
      {"points_tried", land.tries()},
      {"occurrence", {{"folder", "occurrence"}, {"bytes", folder_bytes(occurrence_folder)}}},
      {"taxon", {{"folder", "taxon"}, {"bytes", folder_bytes(taxon_folder)}}},
      {"occurrence_txt_bytes", counts->bytes},
  };
  if (!write_file(options.out / "summary.json", summary.dump(2) + "\n")) {
    std::cerr << "biodata_generate: cannot write summary.json\n";
    return 1;
  }

  std::printf("  %s/occurrence: %lld records (%lld faulty: %s), %.1f MB\n",
              options.out.string().c_str(), options.records, faulty, faults.dump().c_str(),
              static_cast<double>(summary["occurrence"]["bytes"].get<long long>()) / 1e6);
  std::printf("  %s/taxon: %zu species in %zu genera and %zu families, %zu vernacular names\n",
              options.out.string().c_str(), checklist.species.size(), checklist.genera,
              checklist.families, checklist.vernaculars.size() * 2);
  std::printf("  points inside %zu districts, %.1f %% of %lld tries accepted; %.2f s\n",
              land.districts(),
              100.0 * static_cast<double>(options.records) / static_cast<double>(land.tries()),
              land.tries(), seconds);
  return 0;
}
