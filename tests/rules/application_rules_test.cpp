// The rules an application must meet (Ruleset::application and the per-type details) as the
// repository's ruleset 1.8 gives them: applicants.yaml, implementation.yaml#kpis,
// project_types.yaml#site_rules, limits.yaml#public_opening, budget.yaml#prohibited_sponsors.
#include <gtest/gtest.h>

#include "rules/ruleset_loader.h"
#include "rules_test_data.h"

namespace bsap::rules {
namespace {

using testing::ruleset_1_8;
using testing::TempDataDir;

const ApplicationRules& rules() { return ruleset_1_8().application; }

std::size_t document_count(std::string_view applicant_type) {
  const ApplicantType* type = rules().applicant_type(applicant_type);
  return type ? type->documents.size() : 0;
}

TEST(ApplicationRules, ThreeApplicantTypesWithTheirDocuments_2_3_1) {
  ASSERT_EQ(rules().applicant_types.size(), 3u);
  EXPECT_EQ(document_count("charitable_institution"), 4u);
  EXPECT_EQ(document_count("non_profit_company"), 4u);
  EXPECT_EQ(document_count("post_secondary_institution"), 3u);
  EXPECT_EQ(rules().applicant_type("society"), nullptr);
  EXPECT_EQ(rules().applicant_general.clause, "§2.3.1");
}

TEST(ApplicationRules, EachDocumentCitesItsOwnClause_2_3_1) {
  const ApplicantType& company = *rules().applicant_type("non_profit_company");
  EXPECT_EQ(company.source.clause, "§2.3.1(b)");
  EXPECT_EQ(company.documents[1].key, "certificate_of_incorporation");
  EXPECT_EQ(company.documents[1].clause, "§2.3.1(b)(ii)");
  EXPECT_FALSE(company.documents[1].name.zh.empty());
  EXPECT_FALSE(company.documents[1].name.en.empty());
}

TEST(ApplicationRules, SourcesOfTheApplicantRules) {
  EXPECT_EQ(rules().societies_excluded.clause, "§2.3.1(a) 註7");
  EXPECT_EQ(rules().subvention_declaration.clause, "§3.10.2 註");
  EXPECT_EQ(rules().co_organiser_confirmation.clause, "§2.7.9");
  EXPECT_EQ(rules().sponsor_confirmation.clause, "§2.7.10");
  EXPECT_EQ(rules().sustainability.clause, "§2.7.14");
  EXPECT_EQ(rules().sustainability.key_path, "implementation.yaml#sustainability");
}

TEST(ApplicationRules, AtLeastFiveKpisOverThreeNamedDimensions_2_7_13) {
  const KpiRules& kpis = rules().kpis;
  EXPECT_EQ(kpis.min_count, 5);
  EXPECT_EQ(kpis.min_dimensions, 3);
  EXPECT_EQ(kpis.dimensions,
            (std::vector<std::string>{"stakeholder_participation", "measure_effectiveness",
                                      "public_awareness"}));
  EXPECT_EQ(kpis.count_source.clause, "§2.7.13");
}

TEST(ApplicationRules, NoPublicTransportWithin500Metres_2_1_2) {
  EXPECT_EQ(rules().min_walk_to_public_transport_m, 500);
  EXPECT_EQ(rules().remote_village.clause, "§2.1.2");
  EXPECT_EQ(rules().lantau_excluded.clause, "§2.1.1, §2.1.2, 附錄1a 註");
  EXPECT_EQ(rules().ineligible_heritage.clause, "§2.2.1, §1.2.2 註4");
}

TEST(ApplicationRules, HeritageBuildingOpenHalfTheProjectPeriod_2_7_12_a) {
  EXPECT_EQ(rules().heritage_public_opening.min_pct, 50);
  EXPECT_EQ(rules().heritage_public_opening.source.clause, "§2.7.12(a)");
}

TEST(ApplicationRules, FourProhibitedSponsors_3_11_3) {
  const auto& sponsors = rules().prohibited_sponsors;
  ASSERT_EQ(sponsors.size(), 4u);
  EXPECT_EQ(sponsors[0].key, "political_entity");
  EXPECT_EQ(sponsors[3].key, "alcohol_youth");
  EXPECT_EQ(sponsors[3].clause, "§3.11.3(d)");
  EXPECT_EQ(rules().prohibited_sponsors_source.clause, "§3.11.3");
}

TEST(ApplicationRules, RequiredDetailsPerProjectType_2_7_11) {
  const auto count = [](std::string_view type) {
    return ruleset_1_8().project_type(type)->required_details.size();
  };
  EXPECT_EQ(count("management_agreement"), 5u);
  EXPECT_EQ(count("heritage_building"), 7u);
  EXPECT_EQ(count("cultural_revitalisation"), 4u);
  EXPECT_EQ(count("research_activity"), 5u);
  const ProjectType& ma = *ruleset_1_8().project_type("management_agreement");
  EXPECT_EQ(ma.required_details[1].key, "target_taxa");
  EXPECT_EQ(ma.required_details_source.clause, "§2.7.11");
  EXPECT_FALSE(ma.required_details_source.description.en.empty());
}

TEST(ApplicationRules, ManagementAgreementShortTermBelowTwoYears_2_5_1) {
  const ProjectType& ma = *ruleset_1_8().project_type("management_agreement");
  ASSERT_TRUE(ma.short_term_only_below.has_value());
  EXPECT_EQ(ma.short_term_only_below->min, (Duration{2, DurationUnit::years}));
  EXPECT_EQ(ma.short_term_only_below->max, ma.duration.max);
  EXPECT_EQ(ma.short_term_only_below->source.clause, "§2.5.1 表註*");
  EXPECT_FALSE(ruleset_1_8().project_type("heritage_building")->short_term_only_below);
}

std::string refusal(const TempDataDir& data) {
  const auto loaded = load_ruleset(data.ruleset_folder("1.8"));
  const auto* error = std::get_if<RulesLoadError>(&loaded);
  return error ? error->key + ": " + error->reason : "accepted";
}

TEST(ApplicationRules, ZeroKpisAreRefused_2_7_13) {
  TempDataDir data;
  data.replace("ccfs/ruleset-1.8/implementation.yaml", "value: {min_count: 5}",
               "value: {min_count: 0}");
  EXPECT_EQ(refusal(data),
            "kpis.minimum_kpis.value.min_count: expected a whole number above 0, not '0'");
}

TEST(ApplicationRules, MoreNamedDimensionsThanKpisAreRefused_2_7_13) {
  TempDataDir data;
  data.replace("ccfs/ruleset-1.8/implementation.yaml", "value: {min_count: 5}",
               "value: {min_count: 2}");
  EXPECT_EQ(refusal(data),
            "kpis.minimum_dimensions.value.dimensions: more named dimensions than "
            "the minimum of KPIs");
}

TEST(ApplicationRules, ShortTermThresholdAboveTheMaximumIsRefused_2_5_1) {
  TempDataDir data;
  data.replace("ccfs/ruleset-1.8/project_types.yaml", "value: {amount: 2, unit: years}",
               "value: {amount: 4, unit: years}");
  EXPECT_EQ(refusal(data),
            "project_types.management_agreement.short_term_only_below.value: the short-term "
            "threshold lies above the type's longest duration");
}

TEST(ApplicationRules, DurationInDaysIsRefused_2_5_1) {
  TempDataDir data;
  data.replace("ccfs/ruleset-1.8/project_types.yaml", "max: {amount: 3, unit: years}}",
               "max: {amount: 3, unit: days}}");
  EXPECT_EQ(refusal(data),
            "project_types.management_agreement.duration.value.max: expected a "
            "duration in months or years");
}

}  // namespace
}  // namespace bsap::rules
