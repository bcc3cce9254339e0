// What several subcommands share: refusing bad input with exit 2, loading the CCFS rulesets
// from the bsap home, and reading a day option.
#pragma once
#include <string>
#include <string_view>

#include "core/civil_date.h"
#include "plan/cbi.h"
#include "plan/indicator.h"
#include "plan/plan_model.h"
#include "rules/ruleset_registry.h"

namespace bsap::cli {

// Prints "bsap: <message>" on stderr and exits with kBadInput (through CommandExit).
[[noreturn]] void refuse(const std::string& message);

// Every ruleset under the bsap home's data/ccfs; bad data refused with "file:line: key: reason".
rules::RulesetRegistry load_rulesets_or_refuse();

// The plan with its frameworks, the indicator registry and the City Biodiversity Index handbook
// from the bsap home's data/; bad data refused with "file:line: key: reason".
struct PlanBundle {
  plan::PlanData plan;
  std::vector<plan::Indicator> indicators;
  plan::CbiHandbook cbi;
};
PlanBundle load_plan_bundle_or_refuse();

// The day an option names (YYYY-MM-DD), or Hong Kong's today when it is empty.
CivilDate day_or_today(std::string_view option, const std::string& text);

}  // namespace bsap::cli
