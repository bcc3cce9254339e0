// The plan as the repository's data/ holds it, loaded once for the tests that read it.
#pragma once
#include "plan/plan_model.h"

namespace bsap::plan::test_data {

// Throws (failing the calling test) with the loader's message if the data do not load.
const PlanData& real_plan_data();

}  // namespace bsap::plan::test_data
