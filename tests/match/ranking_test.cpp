// score_match and ranking_order (000 優先行動 2.4 優先項目 2, 2.7): each criterion's points at,
// just under and just over its boundary, with its explanation in both languages.
#include <gtest/gtest.h>

#include "match/ranking.h"

namespace bsap::match {
namespace {

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

ProposalTraits wetland_proposal() {
  return {{"habitat_restoration", "education", "research"},
          "wetland",
          "yuen_long",
          hkd(500'000),
          {2, 3}};
}

FunderInterests keen_funder() {
  return {{"habitat_restoration", "education", "research"},
          {"wetland"},
          {"yuen_long"},
          hkd(100'000),
          hkd(500'000),
          {2, 3}};
}

const CriterionScore& criterion(const MatchScore& score, const std::string& name) {
  for (const CriterionScore& c : score.criteria)
    if (c.criterion == name) return c;
  throw std::runtime_error("no criterion " + name);
}

TEST(Ranking, EveryCriterionMetScoresOneHundred_2_4) {
  const MatchScore score = score_match(wetland_proposal(), keen_funder());
  EXPECT_EQ(score.total, 100);
  ASSERT_EQ(score.criteria.size(), 5u);
  int max = 0;
  for (const CriterionScore& c : score.criteria) {
    EXPECT_EQ(c.points, c.max_points) << c.criterion;
    EXPECT_FALSE(c.explanation_zh.empty());
    EXPECT_FALSE(c.explanation_en.empty());
    max += c.max_points;
  }
  EXPECT_EQ(max, 100);
  EXPECT_EQ(criterion(score, "habitat").explanation_en,
            "The proposal's habitat, Wetland, is one the funder named (20 of 20 points)");
  EXPECT_EQ(criterion(score, "habitat").explanation_zh,
            "項目的生境「濕地」是資助者關注的(20／20分)");
}

TEST(Ranking, ThemesScoreTheSharedShareFlooredAndNameThem) {
  FunderInterests funder = keen_funder();
  funder.themes = {"education", "species_conservation"};
  const CriterionScore themes = criterion(score_match(wetland_proposal(), funder), "themes");
  EXPECT_EQ(themes.points, 10);  // 1 of 3: 30 / 3
  EXPECT_EQ(themes.explanation_en,
            "1 of the proposal's 3 themes are among the funder's: Public education and "
            "engagement (10 of 30 points)");
  EXPECT_NE(themes.explanation_zh.find("公眾教育及參與"), std::string::npos);
  funder.themes = {"education", "research"};
  EXPECT_EQ(criterion(score_match(wetland_proposal(), funder), "themes").points, 20);
  funder.themes = {"species_conservation"};
  EXPECT_EQ(criterion(score_match(wetland_proposal(), funder), "themes").points, 0);
}

TEST(Ranking, BudgetAtTheBoundsScoresAndACentOutsideDoesNot) {
  FunderInterests funder = keen_funder();
  ProposalTraits proposal = wetland_proposal();
  proposal.budget = hkd(500'000);  // at the maximum
  EXPECT_EQ(criterion(score_match(proposal, funder), "budget").points, 20);
  proposal.budget = hkd(500'000) + Money::from_cents(1);  // a cent over
  const CriterionScore over = criterion(score_match(proposal, funder), "budget");
  EXPECT_EQ(over.points, 0);
  EXPECT_NE(over.explanation_en.find("above the funder's range (HK$100,000.00 to HK$500,000.00)"),
            std::string::npos)
      << over.explanation_en;
  proposal.budget = hkd(100'000);  // at the minimum
  EXPECT_EQ(criterion(score_match(proposal, funder), "budget").points, 20);
  proposal.budget = hkd(100'000) - Money::from_cents(1);  // a cent under
  EXPECT_EQ(criterion(score_match(proposal, funder), "budget").points, 0);
  funder.budget_max.reset();  // no ceiling: any budget above the floor
  proposal.budget = hkd(9'000'000);
  const CriterionScore open = criterion(score_match(proposal, funder), "budget");
  EXPECT_EQ(open.points, 20);
  EXPECT_NE(open.explanation_en.find("HK$100,000.00 or more"), std::string::npos);
}

TEST(Ranking, NothingNamedScoresNothingAndSaysSo) {
  const MatchScore score = score_match(wetland_proposal(), FunderInterests{});
  EXPECT_EQ(score.total, 0);
  EXPECT_EQ(criterion(score, "budget").explanation_en,
            "The funder gave no budget range (0 of 20 points)");
  EXPECT_EQ(criterion(score, "district").explanation_en,
            "The funder named no district (0 of 15 points)");
}

TEST(Ranking, OtherPlaceIsNamedWithTheFundersChoice) {
  FunderInterests funder = keen_funder();
  funder.districts = {"sai_kung", "islands"};
  const CriterionScore district = criterion(score_match(wetland_proposal(), funder), "district");
  EXPECT_EQ(district.points, 0);
  EXPECT_EQ(district.explanation_en,
            "The proposal's district, Yuen Long, is not among the funder's (Sai Kung, Islands) (0 "
            "of 15 points)");
}

TEST(Ranking, KmgbfTargetsShareFloored) {
  FunderInterests funder = keen_funder();
  funder.kmgbf_targets = {3, 21};
  const CriterionScore kmgbf = criterion(score_match(wetland_proposal(), funder), "kmgbf");
  EXPECT_EQ(kmgbf.points, 7);  // 1 of 2: 15 / 2 floored
  EXPECT_NE(kmgbf.explanation_en.find("1 of the proposal's 2 KMGBF targets"), std::string::npos);
  EXPECT_NE(kmgbf.explanation_zh.find("目標3"), std::string::npos);
}

TEST(Ranking, OrderIsBestFirstAndStableOnTies) {
  std::vector<MatchScore> scores(4);
  scores[0].total = 40;
  scores[1].total = 85;
  scores[2].total = 40;
  scores[3].total = 100;
  EXPECT_EQ(ranking_order(scores), (std::vector<std::size_t>{3, 1, 0, 2}));
  EXPECT_TRUE(ranking_order({}).empty());
}

}  // namespace
}  // namespace bsap::match
