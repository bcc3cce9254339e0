#include "rules/ruleset_registry.h"

#include <algorithm>

namespace bsap::rules {
namespace {

using Versions = std::vector<std::shared_ptr<const Ruleset>>;

// The first version taking effect after `date`.
Versions::const_iterator first_after(const Versions& versions, CivilDate date) {
  return std::upper_bound(
      versions.begin(), versions.end(), date,
      [](CivilDate day, const auto& known) { return day < known->effective_from; });
}

}  // namespace

std::string NoRulesetInForce::message() const {
  std::string text = "no CCFS ruleset is in force on " + format_iso(date);
  if (!first_effective_from) return text + ": no ruleset is loaded";
  return text + ": the first takes effect on " + format_iso(*first_effective_from);
}

std::optional<RegistryConflict> RulesetRegistry::add(std::shared_ptr<const Ruleset> ruleset) {
  for (const auto& known : versions_) {
    if (known->version == ruleset->version) return RegistryConflict::same_version;
    if (known->effective_from == ruleset->effective_from)
      return RegistryConflict::same_effective_from;
  }
  const auto later = first_after(versions_, ruleset->effective_from);
  versions_.insert(later, std::move(ruleset));
  return std::nullopt;
}

std::shared_ptr<const Ruleset> RulesetRegistry::find(std::string_view version) const {
  for (const auto& known : versions_)
    if (known->version == version) return known;
  return nullptr;
}

std::variant<std::shared_ptr<const Ruleset>, NoRulesetInForce> RulesetRegistry::ruleset_for(
    CivilDate date) const {
  const auto later = first_after(versions_, date);
  if (later == versions_.begin()) {
    if (versions_.empty()) return NoRulesetInForce{date, std::nullopt};
    return NoRulesetInForce{date, versions_.front()->effective_from};
  }
  return *std::prev(later);
}

}  // namespace bsap::rules
