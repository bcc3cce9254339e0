// Reads data/cbi/singapore-index-2021.yaml (schema: data/cbi/README.md), the City Biodiversity
// Index that 000_e0ccae9882b7fb64.txt 5.2 note 3 names, and refuses the first fault with the
// file, line and key: the index has 28 indicators in three components, each scored 0–4, and a
// band is only ever entered with its source.
#include "plan/cbi_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "plan/yaml_fields.h"
#include "plan/yaml_file.h"

namespace bsap::plan {
namespace {

namespace fs = std::filesystem;

constexpr int kIndicatorCount = 28;  // 000 5.2 note 3: 三大範疇共28項指標
constexpr int kMaxPoints = 4;

const std::set<std::string> kTopKeys = {"schema_version", "edition",    "citation",  "seed_clause",
                                        "zh_note",        "components", "indicators"};
const std::set<std::string> kComponentKeys = {"number", "code", "name"};
const std::set<std::string> kIndicatorKeys = {
    "number", "component", "name",  "definition_source", "calculation", "calculation_text",
    "unit",   "inputs",    "bands", "bands_source",      "bands_note"};
const std::set<std::string> kInputKeys = {"key", "label", "unit"};
const std::set<std::string> kBandKeys = {"points", "min", "min_inclusive", "max", "max_inclusive"};

const CbiComponent kComponents[] = {CbiComponent::native_biodiversity,
                                    CbiComponent::ecosystem_services, CbiComponent::governance};

struct CalculationRule {
  const char* code;
  CbiCalculation calculation;
  std::size_t min_inputs;
  std::size_t max_inputs;
  const char* needs;  // in words, for the fault
};
const CalculationRule kCalculations[] = {
    {"value", CbiCalculation::value, 1, 1, "exactly 1 input"},
    {"percent", CbiCalculation::percent, 2, 2, "exactly 2 inputs (numerator, denominator)"},
    {"difference", CbiCalculation::difference, 2, 2, "exactly 2 inputs (minuend, subtrahend)"},
    {"sum", CbiCalculation::sum, 2, 1000, "2 or more inputs"},
};

double number_value(const YAML::Node& value, const std::string& key) {
  double number = 0;
  if (!value.IsScalar() || !YAML::convert<double>::decode(value, number))
    fail(value, key, "expected a number, not '" + (value.IsScalar() ? value.Scalar() : "") + "'");
  return number;
}

bool flag(const YAML::Node& map, const std::string& key) {
  const YAML::Node value = map[key];
  bool result = true;
  if (!value.IsScalar() || !YAML::convert<bool>::decode(value, result))
    fail(value, key,
         "expected true or false, not '" + (value.IsScalar() ? value.Scalar() : "") + "'");
  return result;
}

// One end of a band: the bound and whether it is closed (true when the flag is left out).
void read_end(const YAML::Node& node, const std::string& bound_key, const std::string& flag_key,
              std::optional<double>& bound, bool& inclusive) {
  if (node[bound_key]) {
    bound = number_value(node[bound_key], bound_key);
    if (node[flag_key]) inclusive = flag(node, flag_key);
  } else if (node[flag_key]) {
    fail(node[flag_key], flag_key, "given without '" + bound_key + "': an absent end is unbounded");
  }
}

ScoreBand parse_band(const YAML::Node& node) {
  require_only_keys(node, kBandKeys);
  ScoreBand band;
  band.points = integer(node, "points");
  if (band.points < 0 || band.points > kMaxPoints)
    fail(node["points"], "points",
         std::to_string(band.points) + " points: an indicator scores 0 to 4 (000 5.2 note 3)");
  read_end(node, "min", "min_inclusive", band.min, band.min_inclusive);
  read_end(node, "max", "max_inclusive", band.max, band.max_inclusive);
  if (band.min && band.max &&
      (*band.min > *band.max ||
       (*band.min == *band.max && !(band.min_inclusive && band.max_inclusive))))
    fail(node, "bands", "the band holds no value: its min is not below its max");
  return band;
}

// A band starting lower sorts first; unbounded below is lowest.
bool starts_before(const ScoreBand& a, const ScoreBand& b) {
  if (!a.min || !b.min) return !a.min && b.min;
  if (*a.min != *b.min) return *a.min < *b.min;
  return a.min_inclusive && !b.min_inclusive;
}

bool overlaps(const ScoreBand& lower, const ScoreBand& upper) {
  if (!lower.max || !upper.min) return true;
  if (*lower.max != *upper.min) return *lower.max > *upper.min;
  return lower.max_inclusive && upper.min_inclusive;
}

std::string describe(const ScoreBand& band) {
  std::ostringstream out;
  out << (band.min ? (band.min_inclusive ? "[" : "(") : "(");
  if (band.min)
    out << *band.min;
  else
    out << "-inf";
  out << ", ";
  if (band.max)
    out << *band.max;
  else
    out << "inf";
  out << (band.max ? (band.max_inclusive ? "]" : ")") : ")") << " = " << band.points << " points";
  return out.str();
}

std::vector<ScoreBand> parse_bands(const YAML::Node& indicator) {
  const YAML::Node list = indicator["bands"];
  if (!list) fail(indicator, "bands", "missing (write 'bands: []' when they are not set)");
  if (!list.IsSequence()) fail(list, "bands", "expected a list");
  std::vector<ScoreBand> bands;
  std::vector<YAML::Node> nodes;
  for (const YAML::Node& node : list) {
    bands.push_back(parse_band(node));
    nodes.push_back(node);
  }
  std::vector<std::size_t> order(bands.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return starts_before(bands[a], bands[b]); });
  for (std::size_t i = 1; i < order.size(); ++i) {
    const ScoreBand& lower = bands[order[i - 1]];
    const ScoreBand& upper = bands[order[i]];
    if (overlaps(lower, upper))
      fail(nodes[std::max(order[i - 1], order[i])], "bands",
           "bands " + describe(lower) + " and " + describe(upper) +
               " overlap: a value must earn one score only");
  }
  return bands;
}

std::vector<CbiInput> parse_inputs(const YAML::Node& indicator) {
  std::vector<CbiInput> inputs;
  std::set<std::string> keys;
  for (const YAML::Node& node : non_empty_sequence(indicator, "inputs")) {
    require_only_keys(node, kInputKeys);
    CbiInput input{text(node, "key"), bilingual(node, "label"), text(node, "unit")};
    if (!keys.insert(input.key).second)
      fail(node["key"], "key", "input '" + input.key + "' is listed twice");
    inputs.push_back(std::move(input));
  }
  return inputs;
}

CbiComponent component_of(const YAML::Node& indicator) {
  const std::string code = text(indicator, "component");
  for (CbiComponent component : kComponents)
    if (component_code(component) == code) return component;
  fail(indicator["component"], "component",
       "unknown component '" + code + "' (native_biodiversity, ecosystem_services or governance)");
}

CbiCalculation calculation_of(const YAML::Node& indicator, std::size_t input_count) {
  const std::string code = text(indicator, "calculation");
  for (const CalculationRule& rule : kCalculations) {
    if (code != rule.code) continue;
    if (input_count < rule.min_inputs || input_count > rule.max_inputs)
      fail(indicator["inputs"], "inputs",
           "calculation '" + code + "' takes " + rule.needs + ", not " +
               std::to_string(input_count));
    return rule.calculation;
  }
  fail(indicator["calculation"], "calculation",
       "unknown calculation '" + code + "' (value, percent, difference or sum)");
}

CbiIndicator parse_indicator(const YAML::Node& node, int expected_number) {
  require_only_keys(node, kIndicatorKeys);
  CbiIndicator indicator;
  indicator.number = integer(node, "number");
  check_next_in_sequence(node["number"], "number", indicator.number, expected_number, "indicator");
  if (indicator.number > kIndicatorCount)
    fail(node["number"], "number",
         "indicator " + std::to_string(indicator.number) + ": the index has 28 (000 5.2 note 3)");
  indicator.component = component_of(node);
  indicator.name = bilingual(node, "name");
  text(node, "definition_source");
  indicator.calculation_text = bilingual(node, "calculation_text");
  indicator.unit = text(node, "unit");
  indicator.inputs = parse_inputs(node);
  indicator.calculation = calculation_of(node, indicator.inputs.size());
  indicator.bands = parse_bands(node);
  if (!indicator.bands.empty()) {
    if (!node["bands_source"])
      fail(node["bands"], "bands_source",
           "missing: bands are entered only with their source, e.g. \"CBD-TS-98 (2021) p. 25\"");
    indicator.bands_source = text(node, "bands_source");
  } else if (node["bands_source"]) {
    fail(node["bands_source"], "bands_source", "a source for bands that are not set");
  }
  if (node["bands_note"]) text(node, "bands_note");
  return indicator;
}

void parse_components(const YAML::Node& root) {
  const YAML::Node list = non_empty_sequence(root, "components");
  int number = 0;
  for (const YAML::Node& node : list) {
    require_only_keys(node, kComponentKeys);
    const int given = integer(node, "number");
    check_next_in_sequence(node["number"], "number", given, number + 1, "component");
    if (given > 3)
      fail(node["number"], "number", "component " + std::to_string(given) + ": the index has 3");
    const std::string code = text(node, "code");
    const std::string_view expected = component_code(kComponents[given - 1]);
    if (code != expected)
      fail(node["code"], "code",
           "component " + std::to_string(given) + " is " + std::string(expected) + ", not " + code);
    bilingual(node, "name");
    number = given;
  }
  if (number != 3)
    fail(list, "components", std::to_string(number) + " components: the index has 3");
}

CbiHandbook parse_handbook(const YAML::Node& root) {
  require_only_keys(root, kTopKeys);
  const int version = integer(root, "schema_version");
  if (version != 1)
    fail(root["schema_version"], "schema_version",
         std::to_string(version) + " is not 1, the version this program reads");
  CbiHandbook handbook;
  handbook.edition = text(root, "edition");
  handbook.citation = text(root, "citation");
  text(root, "seed_clause");
  optional_text(root, "zh_note");
  parse_components(root);
  const YAML::Node list = non_empty_sequence(root, "indicators");
  for (const YAML::Node& node : list) {
    CbiIndicator indicator =
        parse_indicator(node, static_cast<int>(handbook.indicators.size()) + 1);
    if (!handbook.indicators.empty() && indicator.component < handbook.indicators.back().component)
      fail(node["component"], "component",
           "indicator " + std::to_string(indicator.number) + " of " +
               std::string(component_code(indicator.component)) + " after one of " +
               std::string(component_code(handbook.indicators.back().component)) +
               ": indicators are listed component by component");
    handbook.indicators.push_back(std::move(indicator));
  }
  if (handbook.indicators.size() != kIndicatorCount)
    fail(list, "indicators",
         std::to_string(handbook.indicators.size()) +
             " indicators: the index has 28 (000 5.2 note 3)");
  return handbook;
}

}  // namespace

std::variant<CbiHandbook, PlanLoadError> load_cbi_handbook(const std::filesystem::path& data_dir) {
  const fs::path path = data_dir / "cbi" / "singapore-index-2021.yaml";
  try {
    return parse_file(path, [](const YAML::Node& root) { return parse_handbook(root); });
  } catch (const PlanLoadError& error) {
    return error;
  }
}

}  // namespace bsap::plan
