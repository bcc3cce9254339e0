// YAML rendered as JSON text, so the rules module can hand every rule's content to pages and the
// CLI without a JSON library in its headers. Plain scalars that read as integers, decimals,
// true/false or null become JSON numbers, booleans and null; every other scalar (quoted ones
// included: version "1.8" stays text) becomes a string.
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "rules/ruleset.h"

namespace bsap::rules {

// `text` as a JSON string, quoted and escaped.
std::string json_string(const std::string& text);
std::string scalar_json(const YAML::Node& scalar);
std::string to_json(const YAML::Node& node);
// Every scalar below `node` with its path: "value.max_cents", "value.modes[2]". An empty list or
// mapping is a leaf of its own ("[]", "{}") so that emptying one shows in a diff.
void append_leaves(const YAML::Node& node, const std::string& path, std::vector<RuleLeaf>& leaves);

}  // namespace bsap::rules
