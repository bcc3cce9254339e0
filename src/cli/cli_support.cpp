#include "cli/cli_support.h"

#include <chrono>
#include <iostream>
#include <variant>

#include "cli/bsap_home.h"
#include "cli/commands.h"
#include "plan/cbi_loader.h"
#include "plan/indicator_loader.h"
#include "plan/plan_loader.h"
#include "rules/ruleset_loader.h"

namespace bsap::cli {

void refuse(const std::string& message) {
  std::cerr << "bsap: " << message << "\n";
  throw CommandExit{kBadInput};
}

rules::RulesetRegistry load_rulesets_or_refuse() {
  auto loaded = rules::load_rulesets(bsap_data_dir());
  if (const auto* error = std::get_if<rules::RulesLoadError>(&loaded)) refuse(error->message());
  return std::get<rules::RulesetRegistry>(std::move(loaded));
}

namespace {
template <typename Data>
Data loaded_or_refuse(std::variant<Data, plan::PlanLoadError> loaded) {
  if (const auto* error = std::get_if<plan::PlanLoadError>(&loaded)) refuse(error->message());
  return std::get<Data>(std::move(loaded));
}
}  // namespace

PlanBundle load_plan_bundle_or_refuse() {
  PlanBundle bundle;
  bundle.plan = loaded_or_refuse(plan::load_plan_data(bsap_data_dir()));
  bundle.indicators = loaded_or_refuse(plan::load_indicators(bsap_data_dir(), bundle.plan));
  bundle.cbi = loaded_or_refuse(plan::load_cbi_handbook(bsap_data_dir()));
  return bundle;
}

CivilDate day_or_today(std::string_view option, const std::string& text) {
  if (text.empty()) return today_in_hong_kong(std::chrono::system_clock::now());
  const auto parsed = parse_iso_date(text);
  if (!parsed) refuse(std::string(option) + " wants YYYY-MM-DD, not '" + text + "'");
  return *parsed;
}

}  // namespace bsap::cli
