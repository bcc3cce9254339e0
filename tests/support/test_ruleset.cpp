#include "support/test_ruleset.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <variant>

#include "rules/ruleset_loader.h"

namespace bsap::testing {

const rules::Ruleset& ruleset_1_8() {
  static const std::shared_ptr<const rules::Ruleset> ruleset = [] {
    const char* home = std::getenv("BSAP_HOME");
    const std::filesystem::path data =
        std::filesystem::path(home && *home ? home : BSAP_HOME_DIR) / "data";
    auto loaded = rules::load_ruleset(data / "ccfs" / "ruleset-1.8");
    if (const auto* error = std::get_if<rules::RulesLoadError>(&loaded))
      throw std::runtime_error(error->message());
    return std::get<std::shared_ptr<const rules::Ruleset>>(std::move(loaded));
  }();
  return *ruleset;
}

}  // namespace bsap::testing
