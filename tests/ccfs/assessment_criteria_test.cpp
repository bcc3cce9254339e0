// Which criteria an application is assessed on: §4.2.1 (MA: (a1) for a priority site, (a2) for
// enclaves and private land, then (b)–(g)), §4.2.2 (an MA's heritage elements also on §4.3),
// §4.2.3 (a renewal also on (h) and (i)), §4.3.1 (the other types on their own (a), then (b)–(g)).
#include "ccfs/assessment_criteria.h"

#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

std::vector<std::string> keys_of(const Application& application) {
  std::vector<std::string> keys;
  for (const ApplicableCriterion& criterion : applicable_criteria(application, ruleset_1_8()))
    keys.push_back(criterion.key());
  return keys;
}

std::vector<std::string> with_prefix(const std::string& set, std::vector<std::string> ids) {
  for (std::string& id : ids) id = set + "." + id;
  return ids;
}

std::vector<std::string> joined(std::vector<std::string> first,
                                const std::vector<std::string>& then) {
  first.insert(first.end(), then.begin(), then.end());
  return first;
}

const std::vector<std::string> kGeneral = {"b", "c", "d", "e", "f", "g"};

Application ma_at(const std::string& site) {
  Application a = complete_ma();
  a.site_codes = {site};
  return a;
}

TEST(AssessmentCriteria, MaAtAPrioritySiteUsesA1_4_2_1) {
  EXPECT_EQ(keys_of(ma_at("A01")), with_prefix("ma_criteria", joined({"a1"}, kGeneral)));
}

TEST(AssessmentCriteria, MaAtAnEnclaveOrPrivateLandUsesA2_4_2_1) {
  EXPECT_EQ(keys_of(ma_at("B01")), with_prefix("ma_criteria", joined({"a2"}, kGeneral)));
  EXPECT_EQ(keys_of(ma_at("C01")), with_prefix("ma_criteria", joined({"a2"}, kGeneral)));
}

TEST(AssessmentCriteria, MaAtAnUnknownSiteGetsOnlyBToG_4_2_1) {
  EXPECT_EQ(keys_of(ma_at("Z99")), with_prefix("ma_criteria", kGeneral));
  Application none = complete_ma();
  none.site_codes.clear();
  EXPECT_EQ(keys_of(none), with_prefix("ma_criteria", kGeneral));
}

TEST(AssessmentCriteria, FirstKnownSiteDecidesTheCategory_4_2_1) {
  Application a = complete_ma();
  a.site_codes = {"Z99", "A01", "B01"};
  EXPECT_EQ(keys_of(a).front(), "ma_criteria.a1");
  a.site_codes = {"B01", "A01"};
  EXPECT_EQ(keys_of(a).front(), "ma_criteria.a2");
}

TEST(AssessmentCriteria, OtherTypesUseTheirOwnA_4_3_1) {
  EXPECT_EQ(keys_of(complete_non_ma("heritage_building")),
            with_prefix("non_ma_criteria", joined({"a1"}, kGeneral)));
  EXPECT_EQ(keys_of(complete_non_ma("cultural_revitalisation")),
            with_prefix("non_ma_criteria", joined({"a2"}, kGeneral)));
  EXPECT_EQ(keys_of(complete_non_ma("research_activity")),
            with_prefix("non_ma_criteria", joined({"a3"}, kGeneral)));
}

TEST(AssessmentCriteria, NonMaIgnoresHeritageAndRenewalAdditions_4_2_2_4_2_3) {
  Application a = complete_non_ma("heritage_building");  // has a heritage asset
  a.renewal = Renewal{"CCFS-2023-0001", {}};
  EXPECT_EQ(keys_of(a).size(), 7u);
}

TEST(AssessmentCriteria, MaWithHeritageAssetsAddsTheHeritageBuildingCriteria_4_2_2) {
  Application a = ma_at("A01");
  a.heritage_assets = {{"Old school house", false, false}};
  EXPECT_TRUE(has_heritage_elements(a));
  const std::vector<ApplicableCriterion> criteria = applicable_criteria(a, ruleset_1_8());
  std::vector<std::string> keys;
  for (const ApplicableCriterion& criterion : criteria) keys.push_back(criterion.key());
  EXPECT_EQ(keys, joined(with_prefix("ma_criteria", joined({"a1"}, kGeneral)),
                         with_prefix("non_ma_criteria", joined({"a1"}, kGeneral))));
  EXPECT_EQ(criteria.front().clause, "§4.2.1");
  EXPECT_EQ(criteria.back().clause, "§4.2.2, §4.3.1");
  EXPECT_NE(criteria[7].description.en.find("Heritage"), std::string::npos);
}

TEST(AssessmentCriteria, MaWithHeritageBudgetLinesAddsTheCulturalCriteria_4_2_2) {
  Application a = ma_at("B01");
  EXPECT_FALSE(has_heritage_elements(a));
  a.budget[5].component = "heritage";
  EXPECT_TRUE(has_heritage_elements(a));
  EXPECT_EQ(keys_of(a), joined(with_prefix("ma_criteria", joined({"a2"}, kGeneral)),
                               with_prefix("non_ma_criteria", joined({"a2"}, kGeneral))));
}

TEST(AssessmentCriteria, MaRenewalAddsHAndI_4_2_3) {
  Application a = ma_at("B01");
  a.renewal = Renewal{"CCFS-2023-0001", {{"activities", hkd(10'000)}}};
  const std::vector<ApplicableCriterion> criteria = applicable_criteria(a, ruleset_1_8());
  ASSERT_EQ(criteria.size(), 9u);
  EXPECT_EQ(criteria[7].key(), "ma_renewal.h");
  EXPECT_EQ(criteria[8].key(), "ma_renewal.i");
  EXPECT_EQ(criteria[8].clause, "§4.2.3");
  EXPECT_FALSE(criteria[8].description.zh.empty());
}

TEST(AssessmentCriteria, HeritageThenRenewalInTheOrderAPanelReadsThem_4_2_2_4_2_3) {
  Application a = ma_at("A01");
  a.heritage_assets = {{"Old school house", false, false}};
  a.renewal = Renewal{"CCFS-2023-0001", {}};
  const std::vector<std::string> keys = keys_of(a);
  ASSERT_EQ(keys.size(), 16u);
  EXPECT_EQ(keys[6], "ma_criteria.g");
  EXPECT_EQ(keys[7], "non_ma_criteria.a1");
  EXPECT_EQ(keys[14], "ma_renewal.h");
  EXPECT_EQ(keys[15], "ma_renewal.i");
}

TEST(AssessmentCriteria, UnknownTypeHasNoCriteria) {
  Application a = complete_ma();
  a.project_type = "orchard";
  EXPECT_TRUE(keys_of(a).empty());
}

}  // namespace
}  // namespace bsap::ccfs::testing
