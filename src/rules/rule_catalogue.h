// The generic pass over a rules data file (README "Conventions"): it lists every rule entry (a
// mapping with a `clause`) and checks what holds in every file whatever its schema — no
// duplicate keys or list ids, units by key name (_cents, _pct, _m, durations), a clause and zh +
// en text on every rule, no value or description outside a rule. References (`see:`,
// `applies_to`) are collected here and resolved once every file is read (rule_references.h).
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "rules/ruleset.h"

namespace bsap::rules {

struct PendingReference {
  std::string file;
  int line = 0;
  std::string key;
  std::string target;  // "limits.yaml#procurement", "appendix2.item_18", a project-type key
};

struct Catalogue {
  std::vector<RuleEntry> entries;
  std::vector<PendingReference> see;
  std::vector<PendingReference> applies_to;
};

// Adds the file's entries and references to `catalogue`. Throws YamlFault on the first fault.
void catalogue_document(const YAML::Node& document, const std::string& file, Catalogue& catalogue);

}  // namespace bsap::rules
