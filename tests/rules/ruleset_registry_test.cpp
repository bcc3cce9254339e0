// Versions in force by date (data/ccfs/README.md "Dating") and the differences between two.
#include <gtest/gtest.h>

#include <type_traits>

#include "rules/ruleset_diff.h"
#include "rules/ruleset_loader.h"
#include "rules_test_data.h"

namespace bsap::rules {
namespace {

using testing::day;
using testing::real_rulesets;
using testing::TempDataDir;

const std::string kMaCeiling =
    "project_types.yaml#project_types.management_agreement.funding_ceiling.value.max_cents";

// Loaded rulesets are shared read-only: nothing can change one an application was judged by.
static_assert(std::is_same_v<decltype(std::declval<RulesetRegistry>().find("1.8")),
                             std::shared_ptr<const Ruleset>>);

RulesetRegistry load_or_fail(const std::filesystem::path& data_dir) {
  auto loaded = load_rulesets(data_dir);
  if (const auto* error = std::get_if<RulesLoadError>(&loaded))
    throw std::runtime_error(error->message());
  return std::get<RulesetRegistry>(std::move(loaded));
}

std::string version_in_force(const RulesetRegistry& registry, const std::string& iso) {
  const auto found = registry.ruleset_for(day(iso));
  if (const auto* none = std::get_if<NoRulesetInForce>(&found)) return none->message();
  return std::get<std::shared_ptr<const Ruleset>>(found)->version;
}

TEST(RulesetRegistry, Version1_8IsInForceFrom1September2024_Cover) {
  EXPECT_EQ(version_in_force(real_rulesets(), "2024-08-31"),
            "no CCFS ruleset is in force on 2024-08-31: the first takes effect on 2024-09-01");
  EXPECT_EQ(version_in_force(real_rulesets(), "2024-09-01"), "1.8");
  EXPECT_EQ(version_in_force(real_rulesets(), "2030-12-31"), "1.8");
}

TEST(RulesetRegistry, ALaterVersionTakesOverOnItsEffectiveDate) {
  TempDataDir data;
  data.add_version("1.9", "2026-04-01");
  const RulesetRegistry registry = load_or_fail(data.path());
  ASSERT_EQ(registry.versions().size(), 2u);
  EXPECT_EQ(version_in_force(registry, "2026-03-31"), "1.8");
  EXPECT_EQ(version_in_force(registry, "2026-04-01"), "1.9");
}

TEST(RulesetRegistry, VersionsAreComparedAsTextNotNumbers) {
  TempDataDir data;
  data.add_version("1.10", "2027-01-01");
  const RulesetRegistry registry = load_or_fail(data.path());
  EXPECT_EQ(registry.find("1.10")->version, "1.10");
  EXPECT_EQ(registry.versions().back()->version, "1.10");  // ordered by date
}

TEST(RulesetRegistry, EmptyRegistryHasNothingInForce) {
  EXPECT_EQ(version_in_force(RulesetRegistry{}, "2025-01-01"),
            "no CCFS ruleset is in force on 2025-01-01: no ruleset is loaded");
}

TEST(RulesetRegistry, TwoFoldersWithTheSameEffectiveDateAreRefused) {
  TempDataDir data;
  data.add_version("1.9", "2024-09-01");
  const auto loaded = load_rulesets(data.path());
  ASSERT_TRUE(std::holds_alternative<RulesLoadError>(loaded));
  const RulesLoadError& error = std::get<RulesLoadError>(loaded);
  EXPECT_EQ(error.file, (data.ruleset_folder("1.9") / "ruleset.yaml").string());
  EXPECT_EQ(error.line, 10);
  EXPECT_EQ(error.key, "version");
  EXPECT_EQ(error.reason, "another version takes effect on the same date");
}

TEST(RulesetDiff, AChangedCeilingShowsByKeyPath_2_5_1) {
  TempDataDir data;
  data.add_version("1.9", "2026-04-01");
  data.replace("ccfs/ruleset-1.9/project_types.yaml", "value: {max_cents: 1500000000}",
               "value: {max_cents: 1600000000}");
  const RulesetRegistry registry = load_or_fail(data.path());
  const RulesetDiff diff = diff_rulesets(*registry.find("1.8"), *registry.find("1.9"));
  EXPECT_EQ(diff.from_version, "1.8");
  EXPECT_EQ(diff.to_version, "1.9");
  ASSERT_EQ(diff.changes.size(), 1u);
  const RuleChange& change = diff.changes.front();
  EXPECT_EQ(change.kind, ChangeKind::changed);
  EXPECT_EQ(change.key_path, kMaCeiling);
  EXPECT_EQ(change.clause, "§2.5.1");
  EXPECT_EQ(change.before, "1500000000");
  EXPECT_EQ(change.after, "1600000000");
  EXPECT_NE(registry.find("1.8")->fingerprint, registry.find("1.9")->fingerprint);
}

TEST(RulesetDiff, RemovedAndAddedRulesAreListed) {
  TempDataDir data;
  data.add_version("1.9", "2026-04-01");
  data.replace("ccfs/ruleset-1.9/ruleset.yaml", "\namendment:", "\namendments:");
  const RulesetRegistry registry = load_or_fail(data.path());
  const RulesetDiff diff = diff_rulesets(*registry.find("1.8"), *registry.find("1.9"));
  ASSERT_EQ(diff.changes.size(), 2u);
  EXPECT_EQ(diff.changes[0].kind, ChangeKind::removed);
  EXPECT_EQ(diff.changes[0].key_path, "ruleset.yaml#amendment");
  EXPECT_EQ(diff.changes[1].kind, ChangeKind::added);
  EXPECT_EQ(diff.changes[1].key_path, "ruleset.yaml#amendments");
  EXPECT_EQ(diff.changes[1].clause, "§5.19.3");
}

TEST(RulesetDiff, AVersionAgainstItselfHasNoChanges) {
  const Ruleset& ruleset = *real_rulesets().find("1.8");
  EXPECT_TRUE(diff_rulesets(ruleset, ruleset).changes.empty());
}

}  // namespace
}  // namespace bsap::rules
