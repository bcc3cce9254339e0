// The real CCFS ruleset 1.8 for the suites that judge against it (ccfs, project), loaded once from
// $BSAP_HOME/data or the source tree's data/.
#pragma once
#include "rules/ruleset.h"

namespace bsap::testing {

// Throws std::runtime_error when the ruleset does not load.
const rules::Ruleset& ruleset_1_8();

}  // namespace bsap::testing
