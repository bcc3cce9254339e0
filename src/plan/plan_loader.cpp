#include "plan/plan_loader.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <numeric>
#include <optional>
#include <set>
#include <sstream>

#include "plan/crosswalk.h"
#include "plan/yaml_fields.h"
#include "plan/yaml_file.h"

namespace bsap::plan {
namespace {

namespace fs = std::filesystem;

// The numbers each kind of reference may take, from the files already loaded.
struct Defined {
  std::vector<int> areas;
  std::vector<int> goals;
  std::vector<int> nbsap;
  std::vector<int> kmgbf;
  std::vector<int> sdg;
};

struct ActionNumber {
  int area;
  int index;
};

const std::set<std::string> kActionKeys = {
    "number", "area",  "source", "title", "title_appendix_zh", "goals", "lead", "body", "box",
    "items",  "nbsap", "kmgbf",  "sdg"};
const std::set<std::string> kItemKeys = {"number", "zh", "en"};

// ---- reading a file, and naming it in every fault found in it

// ---- shared shapes

void check_schema_version(const YAML::Node& root) {
  const int version = integer(root, "schema_version");
  if (version != 1)
    fail(root["schema_version"], "schema_version",
         std::to_string(version) + " is not 1, the version this program reads");
}

// A list numbered 1, 2, 3… in order; `parse_entry(node, number)` reads the rest of an entry.
template <typename ParseEntry>
auto numbered_list(const YAML::Node& map, const std::string& key, const std::string& what,
                   ParseEntry parse_entry) {
  std::vector<decltype(parse_entry(map, 0))> entries;
  for (const YAML::Node& node : non_empty_sequence(map, key)) {
    const int number = integer(node, "number");
    check_next_in_sequence(node["number"], "number", number, static_cast<int>(entries.size()) + 1,
                           what);
    entries.push_back(parse_entry(node, number));
  }
  return entries;
}

// The numbers of a list of `count` entries read by numbered_list(), or to be read by it.
std::vector<int> one_to(std::size_t count) {
  std::vector<int> numbers(count);
  std::iota(numbers.begin(), numbers.end(), 1);
  return numbers;
}

// ---- data/frameworks/

void parse_nbsap(const YAML::Node& root, Frameworks& frameworks) {
  check_schema_version(root);
  frameworks.nbsap_areas =
      numbered_list(root, "areas", "NBSAP priority area", [](const YAML::Node& node, int number) {
        return NbsapArea{number, bilingual_of(node)};
      });
  const std::vector<int> areas = one_to(frameworks.nbsap_areas.size());
  frameworks.nbsap_actions = numbered_list(
      root, "actions", "NBSAP priority action", [&](const YAML::Node& node, int number) {
        return NbsapAction{number, bilingual_of(node),
                           reference(node, "area", areas, "NBSAP priority area")};
      });
}

std::vector<KmgbfGoal> parse_kmgbf_goals(const YAML::Node& root) {
  std::vector<KmgbfGoal> goals;
  for (const YAML::Node& node : non_empty_sequence(root, "goals")) {
    const std::string expected(1, static_cast<char>('A' + goals.size()));
    const std::string code = text(node, "code");
    if (code != expected)
      fail(node["code"], "code", "goal " + code + " where " + expected + " was expected");
    goals.push_back({code, text(node, "en"), text(node, "en_summary")});
  }
  return goals;
}

// The groups partition the targets (seed 2.1: 1–8, 9–13, 14–23): a group lists exactly the
// targets whose `group` it is.
void check_target_groups(const YAML::Node& root, const Frameworks& frameworks) {
  for (std::size_t g = 0; g < frameworks.kmgbf_target_groups.size(); ++g) {
    const KmgbfTargetGroup& group = frameworks.kmgbf_target_groups[g];
    std::vector<int> members;
    for (const KmgbfTarget& target : frameworks.kmgbf_targets)
      if (target.group == group.number) members.push_back(target.number);
    if (group.targets != members)
      fail(root["target_groups"][g]["targets"], "targets",
           "group " + std::to_string(group.number) +
               " does not list exactly the targets that name it as their group");
  }
}

void parse_kmgbf(const YAML::Node& root, Frameworks& frameworks) {
  check_schema_version(root);
  frameworks.kmgbf_goals = parse_kmgbf_goals(root);
  // Targets name their group before the groups are read.
  const std::vector<int> groups = one_to(non_empty_sequence(root, "target_groups").size());
  frameworks.kmgbf_targets =
      numbered_list(root, "targets", "KMGBF target", [&](const YAML::Node& node, int number) {
        return KmgbfTarget{number, bilingual_of(node),
                           reference(node, "group", groups, "KMGBF target group")};
      });
  const std::vector<int> targets = one_to(frameworks.kmgbf_targets.size());
  frameworks.kmgbf_target_groups = numbered_list(
      root, "target_groups", "KMGBF target group", [&](const YAML::Node& node, int number) {
        return KmgbfTargetGroup{number, bilingual_of(node),
                                reference_list(node, "targets", targets, "KMGBF target")};
      });
  check_target_groups(root, frameworks);
}

std::vector<Sdg> parse_sdgs(const YAML::Node& root) {
  check_schema_version(root);
  return numbered_list(root, "goals", "SDG", [](const YAML::Node& node, int number) {
    return Sdg{number, bilingual_of(node), text(node, "zh_hans")};
  });
}

// ---- data/bsap2035/plan.yaml

Area parse_area(const YAML::Node& node, int number) {
  return {number, text(node, "code"), bilingual(node, "name"), bilingual(node, "description"),
          zh_only(node, "introduction")};
}

Plan parse_plan(const YAML::Node& root) {
  check_schema_version(root);
  Plan plan;
  plan.title = bilingual(root, "title");
  plan.vision = bilingual(root, "vision");
  plan.mission = bilingual(root, "mission");
  plan.goals_intro = bilingual(root, "goals_intro");
  plan.goals = numbered_list(root, "goals", "goal", [](const YAML::Node& node, int number) {
    return Goal{number, bilingual_of(node)};
  });
  plan.areas = numbered_list(root, "areas", "area", parse_area);
  return plan;
}

// The action files, in the order of the areas: a bare file name in data/bsap2035/.
std::vector<std::string> action_files(const YAML::Node& root) {
  std::vector<std::string> files;
  for (const YAML::Node& area : root["areas"]) {
    const std::string file = text(area, "action_file");
    if (file.find('/') != std::string::npos)
      fail(area["action_file"], "action_file", "must name a file in data/bsap2035/");
    files.push_back(file);
  }
  return files;
}

void check_stated_counts(const YAML::Node& root, const PlanSummary& summary) {
  const YAML::Node stated = mapping(root, "stated_counts");
  for (const auto& [name, count] : named_counts(summary)) {
    const int stated_count = integer(stated, name, "stated_counts.");
    if (stated_count != count)
      fail(stated[name], "stated_counts." + name,
           "the seed states " + std::to_string(stated_count) + " but the data hold " +
               std::to_string(count));
  }
}

// ---- data/bsap2035/actions-area-N.yaml

std::optional<int> parse_positive(std::string_view digits) {
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || value < 1)
    return std::nullopt;
  return value;
}

// "2.10" → {2, 10}.
ActionNumber action_number(const YAML::Node& node) {
  const std::string number = text(node, "number");
  const std::size_t dot = number.find('.');
  const auto area = parse_positive(std::string_view(number).substr(0, dot));
  const auto index = dot == std::string::npos
                         ? std::nullopt
                         : parse_positive(std::string_view(number).substr(dot + 1));
  if (!area || !index)
    fail(node["number"], "number", "'" + number + "' is not an action number AREA.INDEX");
  return {*area, *index};
}

void check_action_area(const YAML::Node& node, int area, const Defined& defined) {
  const int action_area = reference(node, "area", defined.areas, "area");
  if (action_area != area)
    fail(node["area"], "area",
         "area " + std::to_string(action_area) + " in the action file of area " +
             std::to_string(area));
}

// One column of the 附錄 table for this action.
std::vector<int> mapping_column(const YAML::Node& node, const std::string& key,
                                const std::vector<int>& defined, Framework framework) {
  return reference_list(node, key, defined, std::string(framework_label(framework)));
}

std::vector<ActionItem> parse_items(const YAML::Node& node) {
  return numbered_list(node, "items", "item", [](const YAML::Node& item, int number) {
    require_only_keys(item, kItemKeys);
    return ActionItem{number, bilingual_of(item)};
  });
}

Action parse_action(const YAML::Node& node, int area, int expected_index, const Defined& defined) {
  require_only_keys(node, kActionKeys);
  const ActionNumber number = action_number(node);
  const std::string area_prefix = std::to_string(area) + ".";
  if (number.area != area)
    fail(node["number"], "number",
         "action " + text(node, "number") + " in the action file of area " + std::to_string(area));
  check_next_in_sequence(node["number"], "number", number.index, expected_index, "action",
                         area_prefix);
  check_action_area(node, area, defined);
  Action action;
  action.number = area_prefix + std::to_string(number.index);
  action.area = area;
  action.title = bilingual(node, "title");
  action.title_appendix_zh = optional_text(node, "title_appendix_zh");
  action.lead = bilingual(node, "lead");
  action.body_zh = zh_only(node, "body");
  action.box_zh = node["box"] ? zh_only(node, "box") : "";
  action.items = parse_items(node);
  action.goals = mapping_column(node, "goals", defined.goals, Framework::goal);
  action.nbsap = mapping_column(node, "nbsap", defined.nbsap, Framework::nbsap);
  action.kmgbf = mapping_column(node, "kmgbf", defined.kmgbf, Framework::kmgbf);
  action.sdg = mapping_column(node, "sdg", defined.sdg, Framework::sdg);
  return action;
}

std::vector<Action> parse_action_file(const YAML::Node& root, int area, const Defined& defined) {
  check_schema_version(root);
  const int file_area = integer(root, "area");
  if (file_area != area)
    fail(root["area"], "area",
         "area " + std::to_string(file_area) + " but plan.yaml lists this file for area " +
             std::to_string(area));
  std::vector<Action> actions;
  for (const YAML::Node& node : non_empty_sequence(root, "actions"))
    actions.push_back(parse_action(node, area, static_cast<int>(actions.size()) + 1, defined));
  return actions;
}

// ---- the whole

Defined defined_numbers(const PlanData& data) {
  return {one_to(data.plan.areas.size()), framework_numbers(data, Framework::goal),
          framework_numbers(data, Framework::nbsap), framework_numbers(data, Framework::kmgbf),
          framework_numbers(data, Framework::sdg)};
}

void load_frameworks(const fs::path& dir, Frameworks& frameworks) {
  parse_file(dir / "nbsap-cn-2023-2030.yaml",
             [&](const YAML::Node& root) { parse_nbsap(root, frameworks); });
  parse_file(dir / "kmgbf.yaml", [&](const YAML::Node& root) { parse_kmgbf(root, frameworks); });
  frameworks.sdgs = parse_file(dir / "sdg.yaml", parse_sdgs);
}

PlanData load(const fs::path& data_dir) {
  PlanData data;
  load_frameworks(data_dir / "frameworks", data.frameworks);
  const fs::path plan_dir = data_dir / "bsap2035";
  const fs::path plan_path = plan_dir / "plan.yaml";
  const YAML::Node plan_root = read_yaml(plan_path);
  const std::vector<std::string> files = within(plan_path, [&] {
    data.plan = parse_plan(plan_root);
    return action_files(plan_root);
  });
  const Defined defined = defined_numbers(data);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const int area = data.plan.areas[i].number;
    std::vector<Action> actions = parse_file(plan_dir / files[i], [&](const YAML::Node& root) {
      return parse_action_file(root, area, defined);
    });
    std::move(actions.begin(), actions.end(), std::back_inserter(data.plan.actions));
  }
  within(plan_path, [&] { check_stated_counts(plan_root, summarize(data)); });
  return data;
}

}  // namespace

std::string PlanLoadError::message() const {
  return file + (line > 0 ? ":" + std::to_string(line) : "") + ": " +
         (key.empty() ? "" : key + ": ") + reason;
}

std::variant<PlanData, PlanLoadError> load_plan_data(const std::filesystem::path& data_dir) {
  try {
    return load(data_dir);
  } catch (const PlanLoadError& error) {
    return error;
  }
}

}  // namespace bsap::plan
