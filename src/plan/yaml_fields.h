// Typed reading of the fields of a YAML mapping for the plan loader. Every check that fails
// throws a FieldFault holding the line of the offending node and the key it sits under; the
// loader adds the file and turns it into a PlanLoadError, so the fault never leaves the module.
#pragma once
#include <yaml-cpp/yaml.h>

#include <set>
#include <string>
#include <vector>

#include "plan/plan_model.h"

namespace bsap::plan {

struct FieldFault {
  int line;  // 1-based; 0 when no node carries a position
  std::string key;
  std::string reason;
};

int line_of(const YAML::Node& node);
[[noreturn]] void fail(const YAML::Node& at, const std::string& key, std::string reason);

// A key outside `allowed` is refused, so a misspelt optional key cannot be silently dropped.
void require_only_keys(const YAML::Node& map, const std::set<std::string>& allowed);

YAML::Node mapping(const YAML::Node& map, const std::string& key);
YAML::Node non_empty_sequence(const YAML::Node& map, const std::string& key);
// `key_prefix` names the enclosing key in faults, e.g. "title." for title.zh.
int integer(const YAML::Node& map, const std::string& key, const std::string& key_prefix = "");
// A non-empty scalar.
std::string text(const YAML::Node& map, const std::string& key, const std::string& key_prefix = "");
std::string optional_text(const YAML::Node& map, const std::string& key);

// The map's own `zh` and `en`.
BilingualText bilingual_of(const YAML::Node& map, const std::string& key_prefix = "");
// The {zh, en} map under `key`.
BilingualText bilingual(const YAML::Node& map, const std::string& key);
// The `zh` of the {zh} map under `key`, for texts the seed has in Chinese only.
std::string zh_only(const YAML::Node& map, const std::string& key);

// A reference: an integer that is one of `defined`.
int reference(const YAML::Node& map, const std::string& key, const std::vector<int>& defined,
              const std::string& what);
// A list of references: integers, ascending without repeats (the README's rule, so a repeat or
// a slip stands out in review), each one of `defined`. `what` names the referenced thing in
// faults: "KMGBF target 24 does not exist".
std::vector<int> reference_list(const YAML::Node& map, const std::string& key,
                                const std::vector<int>& defined, const std::string& what);

// Lists are numbered 1, 2, 3… in order. A number below `expected` has been seen already: it is
// a duplicate; one above it skips. `prefix` is shown before numbers, e.g. "2." for actions.
void check_next_in_sequence(const YAML::Node& at, const std::string& key, int number, int expected,
                            const std::string& what, const std::string& prefix = "");

}  // namespace bsap::plan
