// Moderation and quality grades of citizen-science observations (issue 11; 000 3.5), after
// iNaturalist's data quality assessment (hub/observation_grade.h).
#include "hub/observation_grade.h"

#include <gtest/gtest.h>

#include <vector>

namespace bsap::hub {
namespace {

TEST(ObservationGrade, NothingUnreviewedOrRejectedIsPublishedOrGraded) {
  for (auto state : {ReviewState::submitted, ReviewState::rejected}) {
    EXPECT_FALSE(is_published(state));
    EXPECT_FALSE(quality_grade(state, true));
    EXPECT_FALSE(quality_grade(state, false));
  }
  EXPECT_TRUE(is_published(ReviewState::needs_id));
  EXPECT_TRUE(is_published(ReviewState::verified));
}

TEST(ObservationGrade, WithoutAPhotographItIsCasual) {
  EXPECT_EQ(quality_grade(ReviewState::needs_id, false), QualityGrade::casual);
  EXPECT_EQ(quality_grade(ReviewState::verified, false), QualityGrade::casual);
}

TEST(ObservationGrade, WithAPhotographItNeedsAnIdUntilVerified) {
  EXPECT_EQ(quality_grade(ReviewState::needs_id, true), QualityGrade::needs_id);
  EXPECT_EQ(quality_grade(ReviewState::verified, true), QualityGrade::research);
}

TEST(ObservationGrade, StatesReadBackFromTheirCodes) {
  for (auto state : {ReviewState::submitted, ReviewState::needs_id, ReviewState::verified,
                     ReviewState::rejected})
    EXPECT_EQ(parse_review_state(review_state_code(state)), state);
  EXPECT_FALSE(parse_review_state("published"));
}

// More than two thirds, from two identifications: 2 of 2 and 3 of 4 settle it; 2 of 3 (exactly
// two thirds) does not.
TEST(CommunityTaxon, MoreThanTwoThirdsOfAtLeastTwo) {
  using Ids = std::vector<std::optional<std::int64_t>>;
  EXPECT_FALSE(community_taxon(Ids{7}));
  EXPECT_EQ(community_taxon(Ids{7, 7}), 7);
  EXPECT_FALSE(community_taxon(Ids{7, 7, 8}));
  EXPECT_EQ(community_taxon(Ids{7, 7, 7, 8}), 7);
  EXPECT_FALSE(community_taxon(Ids{7, std::nullopt}));
  EXPECT_FALSE(community_taxon(Ids{std::nullopt, std::nullopt}));
}

}  // namespace
}  // namespace bsap::hub
