#include "project_test_data.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <variant>

#include "rules/ruleset_loader.h"

namespace bsap::project::testing {
namespace {

namespace fs = std::filesystem;

fs::path data_dir() {
  const char* home = std::getenv("BSAP_HOME");
  return fs::path(home && *home ? home : BSAP_HOME_DIR) / "data";
}

}  // namespace

const rules::Ruleset& ruleset_1_8() {
  static const std::shared_ptr<const rules::Ruleset> ruleset = [] {
    auto loaded = rules::load_ruleset(data_dir() / "ccfs" / "ruleset-1.8");
    if (const auto* error = std::get_if<rules::RulesLoadError>(&loaded))
      throw std::runtime_error(error->message());
    return std::get<std::shared_ptr<const rules::Ruleset>>(std::move(loaded));
  }();
  return *ruleset;
}

}  // namespace bsap::project::testing
