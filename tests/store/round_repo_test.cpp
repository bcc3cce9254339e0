// store/round_repo.h: application rounds (guidelines §2.6.1) never overlap, and a day belongs to
// the round open on it, from its opening day to its closing day.
#include "store/round_repo.h"

#include <gmock/gmock.h>

#include "assessment_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class RoundTest : public AssessmentFixture {
 protected:
  std::optional<Round> open_on(CivilDate on) {
    std::optional<Round> round;
    in_transaction(*store_, [&](Transaction& tx) { round = round_open_on(tx, on); });
    return round;
  }

  std::string refusal(const NewRound& round) {
    try {
      in_transaction(*store_, [&](Transaction& tx) { create_round(tx, round, secretariat_); });
    } catch (const RoundRefused& e) {
      return e.what();
    }
    return "(accepted)";
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, RoundTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

TEST_P(RoundTest, ARoundIsKeptWithItsNamesDatesAndCreator_2_6_1) {
  const auto id = new_round("Round 1 of 2026", day(2026, 3, 1), day(2026, 5, 31));
  in_transaction(*store_, [&](Transaction& tx) {
    const auto round = find_round(tx, id);
    ASSERT_TRUE(round);
    EXPECT_EQ(round->name_zh, "Round 1 of 2026（中）");
    EXPECT_EQ(round->name_en, "Round 1 of 2026");
    EXPECT_EQ(round->opens_on, day(2026, 3, 1));
    EXPECT_EQ(round->closes_on, day(2026, 5, 31));
    EXPECT_EQ(round->created_by, secretariat_);
    EXPECT_EQ(round->created_at.back(), 'Z');
    EXPECT_FALSE(find_round(tx, id + 100));
  });
}

TEST_P(RoundTest, RoundsAreListedLatestClosingFirst) {
  new_round("first", day(2026, 1, 1), day(2026, 2, 28));
  new_round("third", day(2026, 9, 1), day(2026, 10, 31));
  new_round("second", day(2026, 3, 1), day(2026, 5, 31));
  in_transaction(*store_, [&](Transaction& tx) {
    std::vector<std::string> names;
    for (const Round& round : list_rounds(tx)) names.push_back(round.name_en);
    EXPECT_THAT(names, ElementsAre("third", "second", "first"));
  });
}

TEST_P(RoundTest, AnOverlappingRoundIsRefusedNamingTheOther) {
  new_round("Round 1 of 2026", day(2026, 3, 1), day(2026, 5, 31));
  // Sharing only the closing day is an overlap: that day would belong to two rounds.
  EXPECT_THAT(refusal({"重疊", "Overlapping", day(2026, 5, 31), day(2026, 8, 31)}),
              AllOf(HasSubstr("Round 1 of 2026"), HasSubstr("2026-03-01"), HasSubstr("2026-05-31"),
                    HasSubstr("§2.6.1")));
  EXPECT_THAT(refusal({"重疊", "Inside", day(2026, 4, 1), day(2026, 4, 2)}),
              HasSubstr("Round 1 of 2026"));
  EXPECT_THAT(refusal({"重疊", "Around", day(2026, 1, 1), day(2026, 12, 31)}),
              HasSubstr("Round 1 of 2026"));
  EXPECT_EQ(count_rows("application_rounds"), 1);
  // The day after it closes is free.
  EXPECT_EQ(refusal({"第二輪", "Round 2", day(2026, 6, 1), day(2026, 8, 31)}), "(accepted)");
}

TEST_P(RoundTest, ARoundClosingBeforeItOpensOrWithoutANameIsRefused) {
  EXPECT_THAT(refusal({"倒轉", "Backwards", day(2026, 5, 31), day(2026, 3, 1)}),
              HasSubstr("before it opens"));
  EXPECT_THAT(refusal({"", "No Chinese name", day(2026, 3, 1), day(2026, 5, 31)}),
              HasSubstr("name"));
  EXPECT_THAT(refusal({"沒有英文名", "", day(2026, 3, 1), day(2026, 5, 31)}), HasSubstr("name"));
  // A round of a single day is a round.
  EXPECT_EQ(refusal({"一日", "One day", day(2026, 3, 1), day(2026, 3, 1)}), "(accepted)");
}

TEST_P(RoundTest, TheRoundIsOpenFromItsOpeningDayToItsClosingDayInclusive) {
  const auto id = new_round("Round 1 of 2026", day(2026, 3, 1), day(2026, 5, 31));
  EXPECT_FALSE(open_on(day(2026, 2, 28)));
  ASSERT_TRUE(open_on(day(2026, 3, 1)));
  EXPECT_EQ(open_on(day(2026, 3, 1))->id, id);
  ASSERT_TRUE(open_on(day(2026, 5, 31)));
  EXPECT_EQ(open_on(day(2026, 5, 31))->id, id);
  EXPECT_FALSE(open_on(day(2026, 6, 1)));
}

TEST_P(RoundTest, CreatingARoundIsAuditedByTheOfficer) {
  const auto before = audit_log().size();
  const auto id = new_round("Round 1 of 2026", day(2026, 3, 1), day(2026, 5, 31));
  const auto records = audit_log();
  ASSERT_EQ(records.size(), before + 1);
  EXPECT_EQ(records.back().actor, "officer");
  EXPECT_EQ(records.back().entity, "round");
  EXPECT_EQ(records.back().entity_id, std::to_string(id));
  EXPECT_EQ(records.back().action, "create");
  EXPECT_THAT(records.back().after_json, HasSubstr(R"("closes_on":"2026-05-31")"));
}

}  // namespace
}  // namespace bsap::store::testing
