// Every version of the CCFS ruleset, each in force from its effective date until the next one
// (data/ccfs/README.md "Dating"). An application is judged by the version in force on its
// submission date. Versions are shared and const: once loaded, nothing changes them.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/civil_date.h"
#include "rules/ruleset.h"

namespace bsap::rules {

enum class RegistryConflict { same_version, same_effective_from };

// ruleset_for was asked about a day before the first version took effect.
struct NoRulesetInForce {
  CivilDate date;
  std::optional<CivilDate> first_effective_from;  // none when no version is loaded at all
  // "no CCFS ruleset is in force on 2024-08-31: the first takes effect on 2024-09-01"
  std::string message() const;
};

class RulesetRegistry {
 public:
  // Refuses a second ruleset with the same version or the same effective date: a new version is
  // a new folder with its own date.
  std::optional<RegistryConflict> add(std::shared_ptr<const Ruleset> ruleset);

  // Ascending by effective date.
  const std::vector<std::shared_ptr<const Ruleset>>& versions() const { return versions_; }
  std::shared_ptr<const Ruleset> find(std::string_view version) const;
  // The version with the latest effective date on or before `date`.
  std::variant<std::shared_ptr<const Ruleset>, NoRulesetInForce> ruleset_for(CivilDate date) const;

 private:
  std::vector<std::shared_ptr<const Ruleset>> versions_;
};

}  // namespace bsap::rules
