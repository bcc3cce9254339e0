// Reads and checks the plan's data files (data/bsap2035/, data/frameworks/; schema in
// data/bsap2035/README.md): the edge between the files and the pure model of plan_model.h.
#pragma once
#include <filesystem>
#include <string>
#include <variant>

#include "plan/plan_model.h"

namespace bsap::plan {

struct PlanLoadError {
  std::string file;
  int line = 0;     // 1-based; 0 when the fault is the file as a whole (missing, unreadable)
  std::string key;  // the key the fault sits under, e.g. "kmgbf" or "title.zh"; may be empty
  std::string reason;
  // ".../data/bsap2035/actions-area-1.yaml:57: kmgbf: KMGBF target 24 does not exist"
  std::string message() const;
};

// Loads DATA_DIR/frameworks/{nbsap-cn-2023-2030,kmgbf,sdg}.yaml, DATA_DIR/bsap2035/plan.yaml and
// the action file of each area it lists, and refuses the first fault of: a wrong type, a missing
// or unknown key, a number out of range or out of order, a duplicate (goal, area, action, item,
// catalogue entry), a reference to something the files do not define (an action's area, goals,
// NBSAP actions, KMGBF targets, SDGs), and counts that differ from plan.yaml's stated_counts.
std::variant<PlanData, PlanLoadError> load_plan_data(const std::filesystem::path& data_dir);

}  // namespace bsap::plan
