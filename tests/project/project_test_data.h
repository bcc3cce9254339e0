// Shared by the project tests: the real ruleset 1.8 (tests/support/test_ruleset.h).
#pragma once
#include "support/test_ruleset.h"

namespace bsap::project::testing {

using bsap::testing::ruleset_1_8;

}  // namespace bsap::project::testing
