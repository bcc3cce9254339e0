#include "rules/site_eligibility.h"

#include <algorithm>

namespace bsap::rules {

bool site_eligible_for(const ProjectType& type, const Site& site) {
  if (type.exclude_on_lantau && site.on_lantau) return false;
  return std::find(type.eligible_categories.begin(), type.eligible_categories.end(),
                   site.category) != type.eligible_categories.end();
}

std::vector<std::string> eligible_types(const Ruleset& ruleset, const Site& site) {
  std::vector<std::string> keys;
  for (const ProjectType& type : ruleset.project_types)
    if (site_eligible_for(type, site)) keys.push_back(type.key);
  return keys;
}

}  // namespace bsap::rules
