// Reads data/cbi/singapore-index-2021.yaml (schema in data/cbi/README.md) into cbi.h's handbook,
// refusing the first fault: not 28 indicators numbered 1–28, an unknown component or
// calculation, an input count the calculation cannot use, overlapping bands or points outside
// 0–4, bands without a source.
#pragma once
#include <filesystem>
#include <variant>

#include "plan/cbi.h"
#include "plan/plan_loader.h"

namespace bsap::plan {

std::variant<CbiHandbook, PlanLoadError> load_cbi_handbook(const std::filesystem::path& data_dir);

}  // namespace bsap::plan
