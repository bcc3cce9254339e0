// Reads data/bsap2035/indicators.yaml (schema in data/bsap2035/README.md) into the registry of
// indicator.h, checking it against the plan: every goal, action and KMGBF target it names exists.
#pragma once
#include <filesystem>
#include <variant>
#include <vector>

#include "plan/indicator.h"
#include "plan/plan_loader.h"

namespace bsap::plan {

// Refuses the first fault as load_plan_data does: wrong type, missing or unknown key, duplicate
// code, unknown reference, a unit or direction outside its list.
std::variant<std::vector<Indicator>, PlanLoadError> load_indicators(
    const std::filesystem::path& data_dir, const PlanData& plan);

}  // namespace bsap::plan
