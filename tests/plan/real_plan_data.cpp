#include "real_plan_data.h"

#include <stdexcept>

#include "plan/plan_loader.h"

namespace bsap::plan::test_data {
namespace {

PlanData load_real_plan_data() {
  auto loaded = load_plan_data(std::string(BSAP_HOME_DIR) + "/data");
  if (const auto* error = std::get_if<PlanLoadError>(&loaded))
    throw std::runtime_error(error->message());
  return std::get<PlanData>(std::move(loaded));
}

}  // namespace

const PlanData& real_plan_data() {
  static const PlanData data = load_real_plan_data();
  return data;
}

}  // namespace bsap::plan::test_data
