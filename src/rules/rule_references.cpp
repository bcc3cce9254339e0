#include "rules/rule_references.h"

#include <algorithm>
#include <sstream>
#include <utility>

namespace bsap::rules {
namespace {

bool path_exists(const YAML::Node& document, const std::string& dotted_path) {
  YAML::Node node = document;
  std::istringstream segments(dotted_path);
  for (std::string segment; std::getline(segments, segment, '.');) {
    if (!node.IsMap()) return false;
    const YAML::Node child = std::as_const(node)[segment];
    if (!child) return false;
    node.reset(child);  // reset, not =: assigning a yaml-cpp node writes into its document
  }
  return true;
}

RulesLoadError fault_at(const PendingReference& reference, std::string reason) {
  return {reference.file, reference.line, reference.key, std::move(reason)};
}

std::optional<RulesLoadError> check_see(const PendingReference& see, const Documents& documents) {
  const auto hash = see.target.find('#');
  const std::string file = hash == std::string::npos ? see.file : see.target.substr(0, hash);
  const std::string path = hash == std::string::npos ? see.target : see.target.substr(hash + 1);
  const auto document = documents.find(file);
  if (document == documents.end())
    return fault_at(see, "'" + see.target + "' names a file that is not in the ruleset");
  if (!path_exists(document->second, path))
    return fault_at(see, "'" + see.target + "' points at nothing in " + file);
  return std::nullopt;
}

}  // namespace

std::optional<RulesLoadError> check_see_references(const std::vector<PendingReference>& see,
                                                   const Documents& documents) {
  for (const PendingReference& reference : see)
    if (auto fault = check_see(reference, documents)) return fault;
  return std::nullopt;
}

std::optional<RulesLoadError> check_project_type_references(
    const std::vector<PendingReference>& references, const std::vector<std::string>& type_keys) {
  for (const PendingReference& reference : references)
    if (std::find(type_keys.begin(), type_keys.end(), reference.target) == type_keys.end())
      return fault_at(reference, "unknown project type '" + reference.target + "'");
  return std::nullopt;
}

}  // namespace bsap::rules
