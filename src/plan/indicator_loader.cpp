// Reads the indicator registry, data/bsap2035/indicators.yaml (000_e0ccae9882b7fb64.txt 5.2
// 評估與傳達成效; schema in data/bsap2035/README.md), and refuses its first fault with the file,
// line and key, as the plan loader does for the plan's files.
#include "plan/indicator_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

#include "plan/crosswalk.h"
#include "plan/yaml_fields.h"
#include "plan/yaml_file.h"

namespace bsap::plan {
namespace {

namespace fs = std::filesystem;

const std::set<std::string> kTopKeys = {
    "schema_version",          "english",   "english_note", "source_file",
    "kmgbf_monitoring_source", "indicators"};
const std::set<std::string> kIndicatorKeys = {
    "code",          "name",           "definition",     "unit",          "method",     "source",
    "baseline_year", "baseline_value", "target_year",    "target_value",  "direction",  "goals",
    "actions",       "kmgbf_targets",  "kmgbf_headline", "computed_from", "seed_clause"};

// What a value may be counted in; "index" is a unitless index such as the Red List Index (0–1).
const std::vector<std::string> kUnits = {"ha", "%", "count", "HK$", "people", "hours", "index"};

struct Computation {
  std::string_view code;
  std::string_view unit;
};
// The values the system computes itself (track/computed_indicators.h), and the unit of each.
constexpr Computation kComputations[] = {{"ccfs_grants_approved", "count"},
                                         {"ccfs_grant_amount", "HK$"},
                                         {"volunteers_engaged", "people"},
                                         {"volunteer_hours", "hours"},
                                         {"citizen_scientists", "people"}};

// Years a baseline or a target may name: wide enough for any historical series, narrow enough
// to catch a slip ("20235").
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;

// ---- the file as a whole

// ---- fields

std::string one_of(const YAML::Node& map, const std::string& key,
                   const std::vector<std::string>& allowed) {
  const std::string value = text(map, key);
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    std::string listed;
    for (const std::string& option : allowed) listed += (listed.empty() ? "" : ", ") + option;
    fail(map[key], key, "'" + value + "' is not one of: " + listed);
  }
  return value;
}

GoodDirection direction(const YAML::Node& map) {
  const std::string value = one_of(map, "direction", {"increase", "decrease", "maintain"});
  if (value == "decrease") return GoodDirection::decrease;
  if (value == "maintain") return GoodDirection::maintain;
  return GoodDirection::increase;
}

std::optional<double> optional_number(const YAML::Node& map, const std::string& key) {
  const YAML::Node value = map[key];
  if (!value) return std::nullopt;
  double number = 0;
  if (!value.IsScalar() || !YAML::convert<double>::decode(value, number) || !std::isfinite(number))
    fail(value, key, "expected a number, not '" + (value.IsScalar() ? value.Scalar() : "") + "'");
  return number;
}

int optional_year(const YAML::Node& map, const std::string& key) {
  if (!map[key]) return 0;
  const int year = integer(map, key);
  if (year < kFirstYear || year > kLastYear)
    fail(map[key], key,
         std::to_string(year) + " is not a year between " + std::to_string(kFirstYear) + " and " +
             std::to_string(kLastYear));
  return year;
}

void check_code(const YAML::Node& map, const std::string& code) {
  const bool snake_case = code.front() >= 'a' && code.front() <= 'z' &&
                          std::all_of(code.begin(), code.end(), [](char c) {
                            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                          });
  if (!snake_case)
    fail(map["code"], "code", "'" + code + "' is not snake_case (a-z, 0-9, _; a letter first)");
}

// Action numbers, each an action of the plan, in the plan's order without repeats (so "2.10"
// follows "2.9", as the README's rule for lists of references asks).
std::vector<std::string> action_list(const YAML::Node& map, const Plan& plan) {
  std::vector<std::string> numbers;
  std::ptrdiff_t previous = -1;
  for (const YAML::Node& entry : non_empty_sequence(map, "actions")) {
    if (!entry.IsScalar() || entry.Scalar().empty())
      fail(entry, "actions", "expected an action number such as '1.5'");
    const std::string number = entry.Scalar();
    const Action* action = find_action(plan, number);
    if (!action) fail(entry, "actions", "action " + number + " does not exist");
    const std::ptrdiff_t position = action - plan.actions.data();
    if (position <= previous)
      fail(entry, "actions",
           number + " after " + numbers.back() +
               ": the list must be in the plan's order without repeats");
    previous = position;
    numbers.push_back(number);
  }
  return numbers;
}

// "3.1" (a target's headline indicator) or "A.3" (a goal's). A target's headline indicator
// belongs to that target, so kmgbf_targets must list it.
std::string kmgbf_headline(const YAML::Node& map, const std::vector<int>& targets) {
  if (!map["kmgbf_headline"]) return "";
  const std::string code = text(map, "kmgbf_headline");
  const std::size_t dot = code.find('.');
  const std::string_view head = std::string_view(code).substr(0, dot);
  const std::string_view tail =
      dot == std::string::npos ? std::string_view() : std::string_view(code).substr(dot + 1);
  const auto number_of = [](std::string_view digits) -> std::optional<int> {
    int value = 0;
    if (digits.empty() || digits.front() == '0') return std::nullopt;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
  };
  const bool goal = head.size() == 1 && head.front() >= 'A' && head.front() <= 'D';
  const std::optional<int> target = goal ? std::nullopt : number_of(head);
  if ((!goal && !target) || !number_of(tail))
    fail(map["kmgbf_headline"], "kmgbf_headline",
         "'" + code + "' is not a headline indicator code such as 3.1 or A.3");
  if (target && std::find(targets.begin(), targets.end(), *target) == targets.end())
    fail(map["kmgbf_headline"], "kmgbf_headline",
         "headline indicator " + code + " is KMGBF target " + std::to_string(*target) +
             "'s, which kmgbf_targets does not list");
  return code;
}

std::string computed_from(const YAML::Node& map, const std::string& unit) {
  if (!map["computed_from"]) return "";
  const std::string code = text(map, "computed_from");
  for (const Computation& computation : kComputations) {
    if (computation.code != code) continue;
    if (computation.unit != unit)
      fail(map["computed_from"], "computed_from",
           code + " is counted in " + std::string(computation.unit) + ", not " + unit);
    return code;
  }
  std::string listed;
  for (const Computation& computation : kComputations)
    listed += (listed.empty() ? "" : ", ") + std::string(computation.code);
  fail(map["computed_from"], "computed_from", "'" + code + "' is not one of: " + listed);
}

// A baseline value needs its year; a target value and its year come together.
void check_baseline_and_target(const YAML::Node& map, const Indicator& indicator) {
  if (indicator.baseline_value && indicator.baseline_year == 0)
    fail(map["baseline_value"], "baseline_value", "a baseline value needs its baseline_year");
  if (indicator.target_value && indicator.target_year == 0)
    fail(map["target_value"], "target_value", "a target value needs its target_year");
  if (!indicator.target_value && indicator.target_year != 0)
    fail(map["target_year"], "target_year", "a target year needs its target_value");
  if (indicator.target_year != 0 && indicator.baseline_year != 0 &&
      indicator.target_year <= indicator.baseline_year)
    fail(map["target_year"], "target_year",
         std::to_string(indicator.target_year) + " is not after the baseline year " +
             std::to_string(indicator.baseline_year));
}

// ---- entries

struct Defined {
  std::vector<int> goals;
  std::vector<int> kmgbf;
};

Indicator parse_indicator(const YAML::Node& node, const PlanData& plan, const Defined& defined) {
  require_only_keys(node, kIndicatorKeys);
  Indicator indicator;
  indicator.code = text(node, "code");
  check_code(node, indicator.code);
  indicator.name = bilingual(node, "name");
  indicator.definition = bilingual(node, "definition");
  indicator.unit = one_of(node, "unit", kUnits);
  indicator.method = bilingual(node, "method");
  indicator.source = text(node, "source");
  indicator.baseline_year = optional_year(node, "baseline_year");
  indicator.baseline_value = optional_number(node, "baseline_value");
  indicator.target_year = optional_year(node, "target_year");
  indicator.target_value = optional_number(node, "target_value");
  check_baseline_and_target(node, indicator);
  indicator.direction = direction(node);
  indicator.goals =
      reference_list(node, "goals", defined.goals, std::string(framework_label(Framework::goal)));
  indicator.actions = action_list(node, plan.plan);
  indicator.kmgbf_targets = reference_list(node, "kmgbf_targets", defined.kmgbf,
                                           std::string(framework_label(Framework::kmgbf)));
  indicator.kmgbf_headline = kmgbf_headline(node, indicator.kmgbf_targets);
  indicator.computed_from = computed_from(node, indicator.unit);
  indicator.seed_clause = text(node, "seed_clause");
  return indicator;
}

std::vector<Indicator> parse_registry(const YAML::Node& root, const PlanData& plan) {
  require_only_keys(root, kTopKeys);
  const int version = integer(root, "schema_version");
  if (version != 1)
    fail(root["schema_version"], "schema_version",
         std::to_string(version) + " is not 1, the version this program reads");
  text(root, "english");
  text(root, "source_file");
  const Defined defined{framework_numbers(plan, Framework::goal),
                        framework_numbers(plan, Framework::kmgbf)};
  std::vector<Indicator> indicators;
  std::set<std::string> codes;
  for (const YAML::Node& node : non_empty_sequence(root, "indicators")) {
    Indicator indicator = parse_indicator(node, plan, defined);
    if (!codes.insert(indicator.code).second)
      fail(node["code"], "code", "duplicate indicator " + indicator.code);
    indicators.push_back(std::move(indicator));
  }
  return indicators;
}

std::vector<Indicator> load(const fs::path& path, const PlanData& plan) {
  return parse_file(path, [&](const YAML::Node& root) { return parse_registry(root, plan); });
}

}  // namespace

std::variant<std::vector<Indicator>, PlanLoadError> load_indicators(
    const std::filesystem::path& data_dir, const PlanData& plan) {
  try {
    return load(data_dir / "bsap2035" / "indicators.yaml", plan);
  } catch (const PlanLoadError& error) {
    return error;
  }
}

}  // namespace bsap::plan
