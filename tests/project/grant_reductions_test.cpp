// §5.5.4 and §5.5.5: pro rata and performance reductions, floored to the cent, worked by hand.
#include "project/grant_reductions.h"

#include <gtest/gtest.h>

namespace bsap::project {
namespace {

Money cents(std::int64_t value) { return Money::from_cents(value); }
Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

// ---- §5.5.4(b)–(g): pro rata

TEST(ProRata, NineOfTwelveActivitiesReducesAQuarter_5_5_4c) {
  EXPECT_EQ(pro_rata_reduction({hkd(100'000), 12, 9}), hkd(25'000));
}

TEST(ProRata, TwoOfThreeIsFlooredToTheCent_5_5_4) {
  // 100,000.00 × 1/3 = 33,333.333…: 33,333.33, never a cent more.
  EXPECT_EQ(pro_rata_reduction({hkd(100'000), 3, 2}), cents(3'333'333));
}

TEST(ProRata, TargetMetOrExceededReducesNothing_5_5_4) {
  EXPECT_EQ(pro_rata_reduction({hkd(100'000), 12, 12}), Money{});
  EXPECT_EQ(pro_rata_reduction({hkd(100'000), 12, 15}), Money{});
}

TEST(ProRata, NothingAchievedReducesTheWholeBase_5_5_4) {
  EXPECT_EQ(pro_rata_reduction({hkd(100'000), 12, 0}), hkd(100'000));
}

TEST(ProRata, LargeFiguresStayExact_5_5_4) {
  // The MA ceiling (15,000,000.00 = 1.5e9 cents) against targets whose product with it leaves
  // int64: 1.5e9 × 999,999,998 / 999,999,999 = 1,499,999,998.49… cents.
  const Money ceiling = hkd(15'000'000);
  EXPECT_EQ(pro_rata_reduction({ceiling, 999'999'999, 1}), cents(1'499'999'998));
  EXPECT_EQ(pro_rata_reduction({ceiling, 4'000'000'000'000'000'000, 1'000'000'000'000'000'000}),
            cents(1'125'000'000));
}

TEST(ProRata, TargetOfZeroOrLessRefused_5_5_4) {
  for (const long long target : {0LL, -1LL}) {
    const auto refusal = check_pro_rata({hkd(100'000), target, 0});
    ASSERT_TRUE(refusal) << target;
    EXPECT_EQ(refusal->clause, "§5.5.4");
    EXPECT_FALSE(refusal->message_zh.empty());
    EXPECT_FALSE(refusal->message_en.empty());
    EXPECT_EQ(pro_rata_reduction({hkd(100'000), target, 0}), Money{});
  }
}

TEST(ProRata, NegativeActualRefused_5_5_4) {
  const auto refusal = check_pro_rata({hkd(100'000), 12, -1});
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->clause, "§5.5.4");
  EXPECT_FALSE(refusal->message_en.empty());
}

TEST(ProRata, NegativeBaseRefused_5_5_4) {
  EXPECT_TRUE(check_pro_rata({cents(-1), 12, 6}));
  EXPECT_EQ(pro_rata_reduction({cents(-1), 12, 6}), Money{});
}

TEST(ProRata, ValidInputAccepted_5_5_4) {
  EXPECT_FALSE(check_pro_rata({hkd(100'000), 12, 9}));
  EXPECT_FALSE(check_pro_rata({hkd(100'000), 12, 20}));
}

// ---- §5.5.5: performance

TEST(Performance, AllTargetsMetReducesNothing_5_5_5) {
  EXPECT_EQ(performance_reduction(hkd(100'000), 10000), Money{});
  EXPECT_EQ(performance_reduction(hkd(100'000), 12000), Money{});
}

TEST(Performance, SeventyFivePointFivePercentMetReducesTheRest_5_5_5) {
  // 24.50 % of 100,000.00 = 24,500.00; of 1,000.01: 245.002… → 245.00.
  EXPECT_EQ(performance_reduction(hkd(100'000), 7550), hkd(24'500));
  EXPECT_EQ(performance_reduction(hkd(1'000) + cents(1), 7550), hkd(245));
}

TEST(Performance, NothingMetReducesTheWholeBase_5_5_5) {
  EXPECT_EQ(performance_reduction(hkd(100'000), 0), hkd(100'000));
  EXPECT_EQ(performance_reduction(hkd(100'000), -5), hkd(100'000));
}

// ---- the grounds

TEST(ReductionGrounds, CodesClausesAndTexts_5_5_4_5_5_5) {
  const ReductionGround all[] = {
      ReductionGround::scope_change, ReductionGround::area,          ReductionGround::activities,
      ReductionGround::participants, ReductionGround::printed_items, ReductionGround::opening_hours,
      ReductionGround::duration,     ReductionGround::performance,
  };
  const char* clauses[] = {"§5.5.4(a)", "§5.5.4(b)", "§5.5.4(c)", "§5.5.4(d)",
                           "§5.5.4(e)", "§5.5.4(f)", "§5.5.4(g)", "§5.5.5"};
  for (std::size_t i = 0; i < std::size(all); ++i) {
    const ReductionGround ground = all[i];
    EXPECT_EQ(reduction_ground_from_code(reduction_ground_code(ground)), ground);
    EXPECT_EQ(reduction_ground_clause(ground), clauses[i]);
    EXPECT_FALSE(reduction_ground_text(ground, Lang::zh_hant).empty());
    EXPECT_FALSE(reduction_ground_text(ground, Lang::en).empty());
    EXPECT_FALSE(reduction_ground_text(ground, Lang::zh_hans).empty());
  }
  EXPECT_EQ(reduction_ground_text(ReductionGround::area, Lang::zh_hant),
            "受保育的地點的實際面積較原定目標為小");
  EXPECT_EQ(reduction_ground_text(ReductionGround::duration, Lang::en),
            "Shorter implementation than targeted");
  EXPECT_EQ(reduction_ground_code(ReductionGround::printed_items), "printed_items");
  EXPECT_FALSE(reduction_ground_from_code("weather"));
}

}  // namespace
}  // namespace bsap::project
