// The loader refuses a bad file with the file, the line and the key of the fault. Each test
// edits a copy of the repository's data in a temporary folder.
#include "rules/ruleset_loader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "rules_test_data.h"

namespace bsap::rules {
namespace {

using testing::TempDataDir;

const std::string kLimits = "ccfs/ruleset-1.8/limits.yaml";
const std::string kProjectTypes = "ccfs/ruleset-1.8/project_types.yaml";
const std::string kBudget = "ccfs/ruleset-1.8/budget.yaml";
const std::string kImplementation = "ccfs/ruleset-1.8/implementation.yaml";
const std::string kHeader = "ccfs/ruleset-1.8/ruleset.yaml";
const std::string kAssessment = "ccfs/ruleset-1.8/assessment.yaml";
const std::string kSites = "sites/sites.yaml";

// The 1-based number of the `nth` line of `file` that contains `text`.
int line_containing(const std::filesystem::path& file, const std::string& text, int nth) {
  std::ifstream stream(file);
  int number = 0;
  for (std::string line; std::getline(stream, line);)
    if (++number, line.find(text) != std::string::npos && --nth == 0) return number;
  throw std::runtime_error("'" + text + "' is not in " + file.string());
}

struct Refusal {
  std::string file;       // relative to the data folder
  std::string line_text;  // text on the line the fault must name
  std::string key;
  std::string reason;
  int nth = 1;  // the line is the nth containing line_text
};

void expect_refused(const TempDataDir& data, const Refusal& expected) {
  const auto loaded = load_ruleset(data.ruleset_folder("1.8"));
  ASSERT_TRUE(std::holds_alternative<RulesLoadError>(loaded)) << "the bad data were accepted";
  const RulesLoadError& error = std::get<RulesLoadError>(loaded);
  const std::string file = data.file(expected.file).lexically_normal().string();
  const int line = line_containing(file, expected.line_text, expected.nth);
  EXPECT_EQ(error.file, file);
  EXPECT_EQ(error.line, line);
  EXPECT_EQ(error.key, expected.key);
  EXPECT_EQ(error.reason, expected.reason);
  EXPECT_EQ(error.message(),
            file + ":" + std::to_string(line) + ": " + expected.key + ": " + expected.reason);
}

TEST(RulesetLoader, LoadsTheRepositoryData) {
  TempDataDir data;
  const auto loaded = load_ruleset(data.ruleset_folder("1.8"));
  ASSERT_TRUE(std::holds_alternative<std::shared_ptr<const Ruleset>>(loaded))
      << std::get<RulesLoadError>(loaded).message();
}

TEST(RulesetLoader, WrongTypeIsRefused_3_11_4) {
  TempDataDir data;
  data.replace(kLimits, "value: {min_pct: 5,", "value: {min_pct: five,");
  expect_refused(data, {kLimits, "min_pct: five", "contribution_ratio.value.min_pct",
                        "expected a whole percent 0–100, not 'five'"});
}

TEST(RulesetLoader, PercentAbove100IsRefused_3_11_4) {
  TempDataDir data;
  data.replace(kLimits, "value: {min_pct: 5,", "value: {min_pct: 105,");
  expect_refused(data, {kLimits, "min_pct: 105", "contribution_ratio.value.min_pct",
                        "expected a whole percent 0–100, not '105'"});
}

TEST(RulesetLoader, NegativeMoneyIsRefused_2_5_1) {
  TempDataDir data;
  data.replace(kProjectTypes, "value: {max_cents: 1500000000}", "value: {max_cents: -1}");
  expect_refused(data, {kProjectTypes, "max_cents: -1",
                        "project_types.management_agreement.funding_ceiling.value.max_cents",
                        "expected an amount in whole cents >= 0, not '-1'"});
}

TEST(RulesetLoader, ZeroDurationIsRefused_2_6_4) {
  TempDataDir data;
  data.replace(kLimits, "{max: {amount: 14, unit: days}", "{max: {amount: 0, unit: days}");
  expect_refused(
      data, {kLimits, "amount: 0", "application.response_to_information_request.value.max.amount",
             "expected a duration amount > 0, not '0'"});
}

TEST(RulesetLoader, UnknownDurationUnitIsRefused_5_9_2) {
  TempDataDir data;
  data.replace(kLimits, "unit: working_days", "unit: business_days");
  expect_refused(data,
                 {kLimits, "business_days", "records.information_request_response.value.max.unit",
                  "unknown unit 'business_days' (days, working_days, months, years)"});
}

TEST(RulesetLoader, SeeToNothingIsRefused_5_14_3) {
  TempDataDir data;
  data.replace(kImplementation, "{see: limits.yaml#exit_plan}", "{see: limits.yaml#exit_plans}");
  expect_refused(data,
                 {kImplementation, "limits.yaml#exit_plans", "capital_items.exit_plan.deadline.see",
                  "'limits.yaml#exit_plans' points at nothing in limits.yaml"});
}

TEST(RulesetLoader, SeeToAnUnknownFileIsRefused_5_14_3) {
  TempDataDir data;
  data.replace(kImplementation, "{see: limits.yaml#exit_plan}", "{see: limit.yaml#exit_plan}");
  expect_refused(data,
                 {kImplementation, "limit.yaml#exit_plan", "capital_items.exit_plan.deadline.see",
                  "'limit.yaml#exit_plan' names a file that is not in the ruleset"});
}

TEST(RulesetLoader, UnknownSiteCategoryIsRefused_2_1_2) {
  TempDataDir data;
  data.replace(kProjectTypes, "value: {categories: [D],", "value: {categories: [E],");
  expect_refused(data, {kProjectTypes, "categories: [E]",
                        "project_types.cultural_revitalisation.eligible_sites.value.categories[0]",
                        "unknown site category 'E'"});
}

TEST(RulesetLoader, UnknownPrioritySiteReferenceIsRefused_Appendix1aB) {
  TempDataDir data;
  data.replace(kSites, "related_priority_site: A02", "related_priority_site: A99");
  expect_refused(data, {kSites, "related_priority_site: A99", "sites[15].related_priority_site",
                        "'A99' is not a list A site"});
}

TEST(RulesetLoader, UnknownDistrictIsRefused_Appendix1b) {
  TempDataDir data;
  data.replace(kSites, "district: yuen_long", "district: kowloon");
  expect_refused(data,
                 {kSites, "district: kowloon", "sites[0].district", "unknown district 'kowloon'"});
}

TEST(RulesetLoader, DuplicateSiteCodeIsRefused_Appendix1aB) {
  TempDataDir data;
  data.replace(kSites, "code: B05", "code: B04");
  expect_refused(data, {kSites, "code: B04", "sites[16].code", "duplicate code 'B04'", 2});
}

TEST(RulesetLoader, TextCutAtAnUnquotedCommaIsRefused_2_5_2) {
  TempDataDir data;
  data.replace(kLimits, "en: HK$8 million for non-MA projects}",
               "en: HK$8 million, for non-MA projects}");
  expect_refused(
      data, {kLimits, "HK$8 million, for non-MA",
             "cumulative_funding.non_management_agreement.description.for non-MA projects",
             "a text was cut at an unquoted comma or colon; put the zh and en texts in quotes"});
}

TEST(RulesetLoader, DuplicateKeyIsRefused_3_11_4) {
  TempDataDir data;
  data.replace(kLimits, "value: {min_pct: 5,", "value: {min_pct: 5, min_pct: 4,");
  expect_refused(data,
                 {kLimits, "min_pct: 4", "contribution_ratio.value.min_pct", "duplicate key"});
}

TEST(RulesetLoader, SiteCountDifferingFromTheListIsRefused_Appendix1a) {
  TempDataDir data;
  data.replace(kSites, "expected_count: 12", "expected_count: 13");
  expect_refused(data, {kSites, "expected_count: 13", "categories.A.expected_count",
                        "list A has 12 sites, expected 13"});
}

TEST(RulesetLoader, RuleWithoutClauseIsRefused_3_11_4) {
  TempDataDir data;
  data.replace(kLimits, "contribution_ratio:\n  clause: \"§3.11.4\"\n  description:",
               "contribution_ratio:\n  description:  # no clause");
  expect_refused(data, {kLimits, "# no clause", "contribution_ratio.clause",
                        "missing: 'value' needs a clause"});
}

TEST(RulesetLoader, RuleWithoutEnglishIsRefused_5_19_3) {
  TempDataDir data;
  data.replace(kHeader, ", en: The Government may amend or supplement these guidelines", "}#");
  expect_refused(data, {kHeader, "政府如認為恰當", "amendment.description.en", "missing"});
}

TEST(RulesetLoader, UnknownProjectTypeInAppliesToIsRefused_3_5_8) {
  TempDataDir data;
  data.replace(kBudget, "applies_to: [management_agreement]\n    also_stated_in",
               "applies_to: [management_agreements]\n    also_stated_in");
  expect_refused(data, {kBudget, "[management_agreements]",
                        "staffing_and_general.ma_admin_and_general_share.applies_to[0]",
                        "unknown project type 'management_agreements'"});
}

TEST(RulesetLoader, ProcurementBandsWithAGapAreRefused_5_13_2) {
  TempDataDir data;
  data.replace(kLimits, "{min_cents: 5000000, min_inclusive: true",
               "{min_cents: 5000001, min_inclusive: true");
  expect_refused(data, {kLimits, "§5.13.2(c)", "procurement.bands[2]",
                        "the band does not start exactly where the one before it ends"});
}

TEST(RulesetLoader, HeritageElementsNamingAnUnknownSetAreRefused_4_2_2) {
  TempDataDir data;
  data.replace(kAssessment, "also_apply: non_ma_criteria", "also_apply: heritage_criteria");
  expect_refused(data, {kAssessment, "also_apply: heritage_criteria",
                        "ma_criteria.heritage_elements.also_apply",
                        "unknown criteria set 'heritage_criteria'"});
}

TEST(RulesetLoader, RenewalWithoutItsThresholdIsRefused_4_2_3_i) {
  TempDataDir data;
  data.replace(kAssessment, "explain_when_difference_at_least_pct: 30",
               "explain_when_difference_pct: 30");
  expect_refused(
      data,
      {kAssessment, "explain_when_difference_pct: 30",
       "ma_criteria.renewal.criteria[1].value.explain_when_difference_at_least_pct", "missing"});
}

TEST(RulesetLoader, RenewalThresholdAbove100IsRefused_4_2_3_i) {
  TempDataDir data;
  data.replace(kAssessment, "explain_when_difference_at_least_pct: 30",
               "explain_when_difference_at_least_pct: 130");
  expect_refused(data,
                 {kAssessment, "explain_when_difference_at_least_pct: 130",
                  "ma_criteria.renewal.criteria[1].value.explain_when_difference_at_least_pct",
                  "expected a whole percent 0–100, not '130'"});
}

TEST(RulesetLoader, MissingRenewalIsRefused_4_2_3) {
  TempDataDir data;
  data.replace(kAssessment, "  renewal:\n    clause: \"§4.2.3\"",
               "  renewals:\n    clause: \"§4.2.3\"");
  expect_refused(data, {kAssessment, "clause: \"§4.2.1\"", "ma_criteria.renewal", "missing"});
}

TEST(RulesetLoader, DisqualificationWithoutGroundsIsRefused_4_1_4) {
  TempDataDir data;
  data.replace(kAssessment, "  grounds:\n    - {key: national_security_conduct",
               "  reasons:\n    - {key: national_security_conduct");
  expect_refused(data, {kAssessment, "clause: \"§4.1.4\"", "disqualification.grounds", "missing"});
}

TEST(RulesetLoader, DuplicateDisqualificationGroundIsRefused_4_1_4) {
  TempDataDir data;
  data.replace(kAssessment, "{key: public_morals,", "{key: public_order,");
  expect_refused(data, {kAssessment, "key: public_order", "disqualification.grounds[4].key",
                        "duplicate key 'public_order'", 2});
}

TEST(RulesetLoader, MissingNotConsideredGroundsAreRefused_2_1_3) {
  TempDataDir data;
  data.replace(kAssessment, "not_considered:\n  - key: site_ineligible",
               "not_considered_grounds:\n  - key: site_ineligible");
  expect_refused(data, {kAssessment, "schema_version: 1", "not_considered", "missing"});
}

TEST(RulesetLoader, NotConsideredGroundWithoutEnglishIsRefused_2_6_3) {
  TempDataDir data;
  data.replace(kAssessment,
               ", en: Not signed by an acceptable person-in-charge or without the official chop}",
               "}");
  const auto loaded = load_ruleset(data.ruleset_folder("1.8"));
  ASSERT_TRUE(std::holds_alternative<RulesLoadError>(loaded));
  EXPECT_EQ(std::get<RulesLoadError>(loaded).key, "not_considered[3].description.en");
}

TEST(RulesetLoader, VersionMustMatchItsFolder) {
  TempDataDir data;
  data.replace(kHeader, "version: \"1.8\"", "version: \"1.9\"");
  expect_refused(data, {kHeader, "version: \"1.9\"", "version",
                        "the folder of version 1.9 must be named ruleset-1.9"});
}

TEST(RulesetLoader, VersionWrittenAsANumberIsRefused) {
  TempDataDir data;
  data.replace(kHeader, "version: \"1.8\"", "version: 1.8");
  expect_refused(data,
                 {kHeader, "version: 1.8", "version", "write the version in quotes, as text"});
}

TEST(RulesetLoader, YamlSyntaxErrorNamesItsLine) {
  TempDataDir data;
  data.replace(kBudget, "general:\n", "general: [unclosed\n");
  const auto loaded = load_ruleset(data.ruleset_folder("1.8"));
  ASSERT_TRUE(std::holds_alternative<RulesLoadError>(loaded));
  const RulesLoadError& error = std::get<RulesLoadError>(loaded);
  EXPECT_EQ(error.file, data.file(kBudget).string());
  EXPECT_GT(error.line, 0);
}

TEST(RulesetLoader, MissingFolderIsRefused) {
  TempDataDir data;
  std::filesystem::remove_all(data.path() / "ccfs");
  const auto loaded = load_rulesets(data.path());
  ASSERT_TRUE(std::holds_alternative<RulesLoadError>(loaded));
  EXPECT_EQ(std::get<RulesLoadError>(loaded).reason, "no ruleset-<version> folder");
}

}  // namespace
}  // namespace bsap::rules
