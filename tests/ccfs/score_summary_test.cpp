// The panel's summary (§4.1.1, §4.1.2): each criterion's spread and mean in integer arithmetic,
// who has scored everything, and the majority of the members who recommended.
#include "ccfs/score_summary.h"

#include <gtest/gtest.h>

namespace bsap::ccfs {
namespace {

std::vector<ApplicableCriterion> two_criteria() {
  return {{"ma_criteria", "a1", "§4.2.1", {"甲", "A"}},
          {"ma_criteria", "b", "§4.2.1", {"乙", "B"}}};
}

CriterionSpread spread(int count, int sum) { return {"ma_criteria.b", count, 1, 5, sum}; }

TEST(ScoreSummary, MeanToOneDecimalRoundedHalfUp) {
  EXPECT_EQ(spread(0, 0).mean_text(), "—");
  EXPECT_EQ(spread(1, 4).mean_text(), "4.0");
  EXPECT_EQ(spread(2, 7).mean_text(), "3.5");
  EXPECT_EQ(spread(3, 10).mean_text(), "3.3");   // 3.333…
  EXPECT_EQ(spread(3, 11).mean_text(), "3.7");   // 3.666…
  EXPECT_EQ(spread(20, 69).mean_text(), "3.5");  // 3.45: half up
  EXPECT_EQ(spread(20, 67).mean_text(), "3.4");  // 3.35: half up
  EXPECT_EQ(spread(20, 66).mean_text(), "3.3");
  EXPECT_EQ(spread(4, 20).mean_text(), "5.0");
}

TEST(ScoreSummary, ScaleIsOneToFive) {
  EXPECT_FALSE(valid_score(0));
  EXPECT_TRUE(valid_score(kLowestScore));
  EXPECT_TRUE(valid_score(3));
  EXPECT_TRUE(valid_score(kHighestScore));
  EXPECT_FALSE(valid_score(6));
}

TEST(ScoreSummary, SpreadPerCriterionInTheCriteriaOrder_4_1_1) {
  const PanelSummary summary = summarise_panel(two_criteria(), {11, 12, 13},
                                               {{11, "ma_criteria.b", 2, ""},
                                                {12, "ma_criteria.b", 5, "strong KPIs"},
                                                {13, "ma_criteria.b", 4, ""},
                                                {11, "ma_criteria.a1", 3, ""}},
                                               {});
  ASSERT_EQ(summary.criteria.size(), 2u);
  EXPECT_EQ(summary.criteria[0].criterion_key, "ma_criteria.a1");
  EXPECT_EQ(summary.criteria[0].count, 1);
  EXPECT_EQ(summary.criteria[0].spread(), 0);
  const CriterionSpread& b = summary.criteria[1];
  EXPECT_EQ(b.count, 3);
  EXPECT_EQ(b.lowest, 2);
  EXPECT_EQ(b.highest, 5);
  EXPECT_EQ(b.sum, 11);
  EXPECT_EQ(b.spread(), 3);
  EXPECT_EQ(b.mean_text(), "3.7");
  EXPECT_EQ(summary.members_assigned, 3);
  EXPECT_EQ(summary.members_complete, 1);
  EXPECT_FALSE(summary.complete());
}

TEST(ScoreSummary, OnlyAssignedMembersValidScoresAndKnownCriteriaCount_5_17_3) {
  const PanelSummary summary =
      summarise_panel(two_criteria(), {11},
                      {{11, "ma_criteria.a1", 4, ""},
                       {11, "ma_criteria.b", 1, ""},
                       {11, "ma_criteria.b", 3, "revised"},  // the later score counts
                       {99, "ma_criteria.b", 5, ""},         // conflicted or not assigned
                       {11, "ma_criteria.z", 5, ""},         // not an applicable criterion
                       {11, "ma_criteria.a1", 9, ""}},       // off the scale
                      {{99, Recommendation::not_support, ""}});
  EXPECT_EQ(summary.criteria[0].sum, 4);
  EXPECT_EQ(summary.criteria[1].count, 1);
  EXPECT_EQ(summary.criteria[1].sum, 3);
  EXPECT_EQ(summary.members_complete, 1);
  EXPECT_TRUE(summary.complete());
  EXPECT_EQ(summary.not_support, 0);
  EXPECT_FALSE(summary.majority.has_value());
}

TEST(ScoreSummary, NoMembersIsNeverComplete) {
  EXPECT_FALSE(summarise_panel(two_criteria(), {}, {}, {}).complete());
}

TEST(ScoreSummary, MajorityIsMoreThanHalfOfThoseWhoRecommended_4_1_2) {
  using enum Recommendation;
  const std::vector<std::int64_t> members = {1, 2, 3, 4, 5};
  // 2 of 3 who recommended: a majority, though 2 of 5 assigned is not.
  PanelSummary summary =
      summarise_panel({}, members, {}, {{1, support, ""}, {2, support, ""}, {3, not_support, ""}});
  EXPECT_EQ(summary.support, 2);
  EXPECT_EQ(summary.not_support, 1);
  EXPECT_EQ(summary.majority, support);
  // Exactly half is not more than half.
  summary = summarise_panel(
      {}, members, {},
      {{1, support, ""}, {2, support, ""}, {3, not_support, ""}, {4, support_in_part, ""}});
  EXPECT_FALSE(summary.majority.has_value());
  // A member who changes their mind counts once, as they last said.
  summary = summarise_panel({}, members, {},
                            {{1, support, ""}, {1, support_in_part, ""}, {2, support_in_part, ""}});
  EXPECT_EQ(summary.support, 0);
  EXPECT_EQ(summary.support_in_part, 2);
  EXPECT_EQ(summary.majority, support_in_part);
  EXPECT_FALSE(summarise_panel({}, members, {}, {}).majority.has_value());
}

TEST(ScoreSummary, RecommendationCodesRoundTrip) {
  for (const Recommendation recommendation :
       {Recommendation::support, Recommendation::support_in_part, Recommendation::not_support}) {
    EXPECT_EQ(parse_recommendation(recommendation_code(recommendation)), recommendation);
    EXPECT_FALSE(recommendation_name_zh(recommendation).empty());
    EXPECT_FALSE(recommendation_name_en(recommendation).empty());
  }
  EXPECT_EQ(recommendation_code(Recommendation::support_in_part), "support_in_part");
  EXPECT_FALSE(parse_recommendation("maybe").has_value());
}

}  // namespace
}  // namespace bsap::ccfs
