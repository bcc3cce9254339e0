// Shared by the project tests: the real ruleset 1.8, loaded once from data/ccfs/ruleset-1.8.
#pragma once
#include "rules/ruleset.h"

namespace bsap::project::testing {

// Throws std::runtime_error when the ruleset does not load.
const rules::Ruleset& ruleset_1_8();

}  // namespace bsap::project::testing
