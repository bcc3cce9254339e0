// Reading one of the plan's data files and naming it in every fault found in it: what the
// loaders of the plan, the indicators and the City Biodiversity Index share. Internal to plan/.
#pragma once
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "plan/plan_loader.h"
#include "plan/yaml_fields.h"

namespace bsap::plan {

PlanLoadError syntax_error(const std::filesystem::path& path, const YAML::Exception& error);

// The file's YAML; PlanLoadError when it cannot be read or is not YAML (with the line).
YAML::Node read_yaml(const std::filesystem::path& path);

// Runs check(), turning a FieldFault or a YAML error into a PlanLoadError naming the file.
template <typename Check>
auto within(const std::filesystem::path& path, Check check) {
  try {
    return check();
  } catch (const FieldFault& fault) {
    throw PlanLoadError{path.string(), fault.line, fault.key, fault.reason};
  } catch (const YAML::Exception& error) {
    throw syntax_error(path, error);
  }
}

// Reads the file and parses its root with parse(root), faults naming the file.
template <typename Parse>
auto parse_file(const std::filesystem::path& path, Parse parse) {
  const YAML::Node root = read_yaml(path);
  return within(path, [&] { return parse(root); });
}

}  // namespace bsap::plan
