// §2.1: which project types a site is eligible for under a ruleset. A site is eligible for a type
// when its category is one the type's `eligible_sites` names and, the type excluding Lantau
// (§2.1.1, §2.1.2, 附錄1a 註), the site is not on Lantau. The 500 m public-transport test of
// §2.1.2 concerns the project's location and is checked with the application, not here.
#pragma once
#include <string>
#include <vector>

#include "rules/ruleset.h"

namespace bsap::rules {

bool site_eligible_for(const ProjectType& type, const Site& site);
// The keys of the eligible project types, in the ruleset's order.
std::vector<std::string> eligible_types(const Ruleset& ruleset, const Site& site);

}  // namespace bsap::rules
