// The plan, its indicators and the City Biodiversity Index handbook as the repository's data/ holds
// them, each loaded once for the tests that read it.
#pragma once
#include <vector>

#include "plan/cbi.h"
#include "plan/indicator.h"
#include "plan/plan_model.h"

namespace bsap::plan::test_data {

// Throws (failing the calling test) with the loader's message if the data do not load.
const PlanData& real_plan_data();
const CbiHandbook& real_cbi_handbook();
const std::vector<Indicator>& real_indicators();

}  // namespace bsap::plan::test_data
