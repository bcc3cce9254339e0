// The demo's plan tracker (000_e0ccae9882b7fb64.txt 5.1, 5.2): the Government's bureaus and
// departments, demonstration assignments of the 81 items to lead and supporting departments, the
// first plan year's progress (most items published, two left in draft for the demo focal
// point), demonstration indicator values and City Biodiversity Index inputs, and the demo's
// funded project tagged to the items it serves — all marked as demonstration data where the
// public sees them. Taken through the same service calls the pages use.
#pragma once
#include <filesystem>

#include "plan/cbi.h"
#include "plan/indicator.h"
#include "plan/plan_model.h"
#include "store/store.h"

namespace bsap::cli {

struct DemoPlanData {
  const plan::PlanData& plan;
  const std::vector<plan::Indicator>& indicators;
  const plan::CbiHandbook& cbi;
};

// Does nothing when the departments are already there (the demo was loaded before).
void add_demo_tracker(store::Transaction& tx, const DemoPlanData& data,
                      const std::filesystem::path& data_dir);

}  // namespace bsap::cli
