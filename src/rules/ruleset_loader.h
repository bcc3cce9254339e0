// The edge between the rules data files and the pure model: reads data/ccfs/ruleset-X.Y/ (every
// version found) and the site registry each lists, checks them and builds immutable Rulesets.
// Refuses, as a value naming the file, the line and the key: a wrong type or unit, a number out
// of range (percent 0–100, money >= 0, durations > 0), a duplicate key, list id or site code, a
// `see:`, site category, district, project type or criteria reference to nothing, a rule without
// its clause or its zh and en text, and site counts that differ from the lists' stated counts.
#pragma once
#include <filesystem>
#include <memory>
#include <variant>

#include "rules/load_error.h"
#include "rules/ruleset.h"
#include "rules/ruleset_registry.h"

namespace bsap::rules {

// One version: FOLDER/ruleset.yaml and the files it lists. The folder is named ruleset-<version>.
std::variant<std::shared_ptr<const Ruleset>, RulesLoadError> load_ruleset(
    const std::filesystem::path& folder);

// Every DATA_DIR/ccfs/ruleset-*/ folder; two versions with the same version or effective date
// are refused.
std::variant<RulesetRegistry, RulesLoadError> load_rulesets(const std::filesystem::path& data_dir);

}  // namespace bsap::rules
