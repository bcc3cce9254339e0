// What changed between two versions of the ruleset, by key path, for the secretariat's version
// diff page and `bsap rules diff`: rules added or removed, and each value, clause or text that
// differs in a rule both versions have.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "rules/change_kind.h"
#include "rules/ruleset.h"

namespace bsap::rules {

struct RuleChange {
  ChangeKind kind;
  // The rule's key path for a whole rule added or removed; with the value's path below it for a
  // value: "project_types.yaml#project_types.management_agreement.funding_ceiling.value.max_cents".
  std::string key_path;
  std::string clause;  // the rule's clause in the newer version (the older one when removed)
  std::string before;  // JSON; empty when added
  std::string after;   // JSON; empty when removed
};

struct RulesetDiff {
  std::string from_version;
  std::string to_version;
  std::vector<RuleChange> changes;  // removed and changed in the older version's order, then added
};

RulesetDiff diff_rulesets(const Ruleset& from, const Ruleset& to);

}  // namespace bsap::rules
