// The assessment rules of ruleset 1.8 beyond the criteria sets (assessment.yaml): §4.2.2 heritage
// elements, §4.2.3 renewals with criteria (h) and (i), §4.1.4 disqualification grounds and the
// screening grounds on which an application is not considered.
#include <gtest/gtest.h>

#include "rules_test_data.h"

namespace bsap::rules {
namespace {

using testing::ruleset_1_8;

const AssessmentRules& assessment() { return ruleset_1_8().assessment; }

TEST(AssessmentRules, MaHeritageElementsAlsoUseTheNonMaCriteria_4_2_2) {
  EXPECT_EQ(assessment().heritage_elements.clause, "§4.2.2");
  EXPECT_EQ(assessment().heritage_elements.key_path,
            "assessment.yaml#ma_criteria.heritage_elements");
  EXPECT_FALSE(assessment().heritage_elements.description.zh.empty());
  EXPECT_EQ(assessment().heritage_also_apply, "non_ma_criteria");
  EXPECT_NE(ruleset_1_8().criteria_set(assessment().heritage_also_apply), nullptr);
}

TEST(AssessmentRules, RenewalAddsHAndIWithA30PercentThreshold_4_2_3) {
  EXPECT_EQ(assessment().renewal.clause, "§4.2.3");
  ASSERT_EQ(assessment().renewal_criteria.size(), 2u);
  EXPECT_EQ(assessment().renewal_criteria[0].id, "h");
  EXPECT_EQ(assessment().renewal_criteria[1].id, "i");
  EXPECT_NE(assessment().renewal_criteria[1].description.zh.find("30%"), std::string::npos);
  EXPECT_EQ(assessment().renewal_variance_pct, 30);
}

TEST(AssessmentRules, SixDisqualificationGroundsEachCiting_4_1_4) {
  EXPECT_EQ(assessment().disqualification.clause, "§4.1.4");
  ASSERT_EQ(assessment().disqualification_grounds.size(), 6u);
  for (const Ground& ground : assessment().disqualification_grounds) {
    EXPECT_EQ(ground.clause, "§4.1.4") << ground.id;
    EXPECT_FALSE(ground.text.zh.empty()) << ground.id;
    EXPECT_FALSE(ground.text.en.empty()) << ground.id;
  }
  EXPECT_EQ(assessment().disqualification_grounds.front().id, "national_security_conduct");
  const Ground* order = assessment().disqualification_ground("public_order");
  ASSERT_NE(order, nullptr);
  EXPECT_EQ(order->text.zh, "為保障公共秩序");
  EXPECT_EQ(assessment().disqualification_ground("public_orders"), nullptr);
}

TEST(AssessmentRules, NotConsideredGroundsWithTheirClauses_2_1_3_2_2_1_2_4_1_2_6_3_2_6_4) {
  const std::vector<NotConsideredGround>& grounds = assessment().not_considered;
  ASSERT_EQ(grounds.size(), 5u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"site_ineligible", "§2.1.3"},
      {"excluded_heritage_or_ich", "§2.2.1"},
      {"no_management_agreement_evidence", "§2.4.1"},
      {"unsigned_or_unchopped", "§2.6.3"},
      {"no_reply_to_information_request", "§2.6.4"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(grounds[i].key, expected[i].first);
    EXPECT_EQ(grounds[i].clause, expected[i].second);
    EXPECT_FALSE(grounds[i].description.zh.empty());
    EXPECT_FALSE(grounds[i].description.en.empty());
  }
  // §2.4.1 concerns MA applications only; the others every type.
  EXPECT_EQ(assessment().not_considered_ground("no_management_agreement_evidence")->applies_to,
            std::vector<std::string>{"management_agreement"});
  EXPECT_TRUE(assessment().not_considered_ground("site_ineligible")->applies_to.empty());
  EXPECT_EQ(assessment().not_considered_ground("late"), nullptr);
}

}  // namespace
}  // namespace bsap::rules
