// Resolving the references the catalogue collected: a `see:` must point at a node that exists
// (README: `file.yaml#dotted.path`, or a dotted path in the same file) and `applies_to` must name
// project types the ruleset defines.
#pragma once
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/load_error.h"
#include "rules/rule_catalogue.h"

namespace bsap::rules {

// The ruleset's documents by file name ("limits.yaml").
using Documents = std::map<std::string, YAML::Node>;

std::optional<RulesLoadError> check_see_references(const std::vector<PendingReference>& see,
                                                   const Documents& documents);
std::optional<RulesLoadError> check_project_type_references(
    const std::vector<PendingReference>& references, const std::vector<std::string>& type_keys);

}  // namespace bsap::rules
