#include "support/real_plan_data.h"

#include <stdexcept>

#include "plan/cbi_loader.h"
#include "plan/indicator_loader.h"
#include "plan/plan_loader.h"

namespace bsap::plan::test_data {
namespace {

PlanData load_real_plan_data() {
  auto loaded = load_plan_data(std::string(BSAP_HOME_DIR) + "/data");
  if (const auto* error = std::get_if<PlanLoadError>(&loaded))
    throw std::runtime_error(error->message());
  return std::get<PlanData>(std::move(loaded));
}

CbiHandbook load_real_cbi_handbook() {
  auto loaded = load_cbi_handbook(std::string(BSAP_HOME_DIR) + "/data");
  if (const auto* error = std::get_if<PlanLoadError>(&loaded))
    throw std::runtime_error(error->message());
  return std::get<CbiHandbook>(std::move(loaded));
}

std::vector<Indicator> load_real_indicators() {
  auto loaded = load_indicators(std::string(BSAP_HOME_DIR) + "/data", real_plan_data());
  if (const auto* error = std::get_if<PlanLoadError>(&loaded))
    throw std::runtime_error(error->message());
  return std::get<std::vector<Indicator>>(std::move(loaded));
}

}  // namespace

const std::vector<Indicator>& real_indicators() {
  static const std::vector<Indicator> indicators = load_real_indicators();
  return indicators;
}

const CbiHandbook& real_cbi_handbook() {
  static const CbiHandbook handbook = load_real_cbi_handbook();
  return handbook;
}

const PlanData& real_plan_data() {
  static const PlanData data = load_real_plan_data();
  return data;
}

}  // namespace bsap::plan::test_data
