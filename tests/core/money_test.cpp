#include "core/money.h"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace bsap {
namespace {

constexpr std::int64_t kMaxCents = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMinCents = std::numeric_limits<std::int64_t>::min();

Money cents(std::int64_t value) { return Money::from_cents(value); }

Money parsed(std::string_view text) {
  const auto result = parse_money(text);
  if (const auto* error = std::get_if<MoneyParseError>(&result))
    ADD_FAILURE() << "'" << text << "' refused: " << money_fault_code(error->fault);
  return std::get_if<Money>(&result) ? std::get<Money>(result) : Money();
}

MoneyParseError refused(std::string_view text) {
  const auto result = parse_money(text);
  if (std::holds_alternative<Money>(result))
    ADD_FAILURE() << "'" << text << "' accepted as " << std::get<Money>(result).cents();
  return std::get_if<MoneyParseError>(&result) ? std::get<MoneyParseError>(result)
                                               : MoneyParseError{MoneyFault::empty, 0};
}

// --- parsing what people type ---

TEST(MoneyParse, PlainDollarsAndCents) {
  EXPECT_EQ(parsed("1234.56"), cents(123456));
  EXPECT_EQ(parsed("1234"), cents(123400));
  EXPECT_EQ(parsed("0"), cents(0));
  EXPECT_EQ(parsed("0.01"), cents(1));
}

TEST(MoneyParse, OneDecimalMeansTensOfCents) { EXPECT_EQ(parsed("$1,234.5"), cents(123450)); }

TEST(MoneyParse, ThousandsSeparatorsAndCurrencyPrefix) {
  EXPECT_EQ(parsed("1,234.56"), cents(123456));
  EXPECT_EQ(parsed("HK$1,234.56"), cents(123456));
  EXPECT_EQ(parsed("hk$1,234,567"), cents(123456700));
  EXPECT_EQ(parsed("$999"), cents(99900));
}

TEST(MoneyParse, NegativeAmounts) {
  EXPECT_EQ(parsed("-12.30"), cents(-1230));
  EXPECT_EQ(parsed("-HK$1,234.56"), cents(-123456));
  EXPECT_EQ(parsed("-0"), cents(0));
}

TEST(MoneyParse, SurroundingSpacesAreIgnored) { EXPECT_EQ(parsed("  HK$5.00\t"), cents(500)); }

TEST(MoneyParse, FractionWithoutWholeDollars) { EXPECT_EQ(parsed(".50"), cents(50)); }

TEST(MoneyParse, EmptyIsRefused) {
  EXPECT_EQ(refused("").fault, MoneyFault::empty);
  EXPECT_EQ(refused("   ").fault, MoneyFault::empty);
  EXPECT_EQ(refused("HK$").fault, MoneyFault::empty);
  EXPECT_EQ(refused("-").fault, MoneyFault::empty);
}

TEST(MoneyParse, MoreThanTwoDecimalsIsRefusedAtTheThirdDecimal) {
  const MoneyParseError error = refused("1.234");
  EXPECT_EQ(error.fault, MoneyFault::too_many_decimals);
  EXPECT_EQ(error.position, 4u);
}

TEST(MoneyParse, MisplacedThousandsSeparatorsAreRefused) {
  const MoneyParseError error = refused("1,23.00");
  EXPECT_EQ(error.fault, MoneyFault::misplaced_separator);
  EXPECT_EQ(error.position, 1u);
  EXPECT_EQ(refused("1234,567").fault, MoneyFault::misplaced_separator);
  EXPECT_EQ(refused(",123").fault, MoneyFault::misplaced_separator);
  EXPECT_EQ(refused("12,").fault, MoneyFault::misplaced_separator);
  EXPECT_EQ(refused("1,2345").fault, MoneyFault::misplaced_separator);
  EXPECT_EQ(refused("12.").fault, MoneyFault::misplaced_separator);
  EXPECT_EQ(refused("1.2.3").fault, MoneyFault::misplaced_separator);
}

TEST(MoneyParse, LettersAreRefusedAtTheirPosition) {
  const MoneyParseError error = refused("12a.00");
  EXPECT_EQ(error.fault, MoneyFault::invalid_character);
  EXPECT_EQ(error.position, 2u);
  EXPECT_EQ(refused("abc").fault, MoneyFault::invalid_character);
  EXPECT_EQ(refused("1 000").fault, MoneyFault::invalid_character);
  EXPECT_EQ(refused("--5").fault, MoneyFault::invalid_character);
  EXPECT_EQ(refused("US$5").fault, MoneyFault::invalid_character);
}

TEST(MoneyParse, PositionCountsLeadingSpaces) { EXPECT_EQ(refused("  1x").position, 3u); }

TEST(MoneyParse, Int64LimitsAreTheLastAcceptedAmounts) {
  EXPECT_EQ(parsed("92,233,720,368,547,758.07"), cents(kMaxCents));
  EXPECT_EQ(parsed("-92,233,720,368,547,758.08"), cents(kMinCents));
  EXPECT_EQ(refused("92,233,720,368,547,758.08").fault, MoneyFault::out_of_range);
  EXPECT_EQ(refused("-92233720368547758.09").fault, MoneyFault::out_of_range);
  EXPECT_EQ(refused("99999999999999999999999999").fault, MoneyFault::out_of_range);
}

TEST(MoneyParse, FaultCodesAreStable) {
  EXPECT_EQ(money_fault_code(MoneyFault::empty), "empty");
  EXPECT_EQ(money_fault_code(MoneyFault::invalid_character), "invalid_character");
  EXPECT_EQ(money_fault_code(MoneyFault::misplaced_separator), "misplaced_separator");
  EXPECT_EQ(money_fault_code(MoneyFault::too_many_decimals), "too_many_decimals");
  EXPECT_EQ(money_fault_code(MoneyFault::out_of_range), "out_of_range");
}

// --- formatting ---

TEST(MoneyFormat, HkdFigureGroupsThousandsAndKeepsTwoDecimals) {
  EXPECT_EQ(format_hkd(cents(123456)), "HK$1,234.56");
  EXPECT_EQ(format_hkd(cents(0)), "HK$0.00");
  EXPECT_EQ(format_hkd(cents(1)), "HK$0.01");
  EXPECT_EQ(format_hkd(cents(100000)), "HK$1,000.00");
  EXPECT_EQ(format_hkd(cents(99999)), "HK$999.99");
}

TEST(MoneyFormat, NegativeSignGoesBeforeTheCurrency) {
  EXPECT_EQ(format_hkd(cents(-123456)), "-HK$1,234.56");
  EXPECT_EQ(format_hkd(cents(-1)), "-HK$0.01");
}

TEST(MoneyFormat, Int64Limits) {
  EXPECT_EQ(format_hkd(cents(kMaxCents)), "HK$92,233,720,368,547,758.07");
  EXPECT_EQ(format_hkd(cents(kMinCents)), "-HK$92,233,720,368,547,758.08");
}

TEST(MoneyFormat, FormattedFigureParsesBack) {
  for (std::int64_t value :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{123456789}, kMaxCents, kMinCents})
    EXPECT_EQ(parsed(format_hkd(cents(value))), cents(value));
}

TEST(MoneyFormat, ChineseProseUsesGangBiYuan) {
  EXPECT_EQ(format_hkd_words_zh(cents(123456), Lang::zh_hant), "港幣1,234.56元");
  EXPECT_EQ(format_hkd_words_zh(cents(123456), Lang::zh_hans), "港币1,234.56元");
  EXPECT_EQ(format_hkd_words_zh(cents(-1230), Lang::zh_hant), "-港幣12.30元");
  EXPECT_EQ(format_hkd_words_zh(cents(123456), Lang::en), "HK$1,234.56");
}

TEST(MoneyFormat, FiguresReadTheSameInEveryLanguage) {
  for (Lang lang : {Lang::zh_hant, Lang::en, Lang::zh_hans})
    EXPECT_EQ(format_money(cents(123456), lang), "HK$1,234.56");
}

// --- arithmetic ---

TEST(MoneyArithmetic, AddSubtractNegateMultiply) {
  EXPECT_EQ(cents(150) + cents(-50), cents(100));
  EXPECT_EQ(cents(150) - cents(200), cents(-50));
  EXPECT_EQ(-cents(7), cents(-7));
  EXPECT_EQ(cents(250) * 4, cents(1000));
  EXPECT_EQ(3 * cents(-5), cents(-15));
  Money total;
  total += cents(10);
  total -= cents(3);
  EXPECT_EQ(total, cents(7));
}

TEST(MoneyArithmetic, ComparisonIsByCents) {
  EXPECT_LT(cents(-1), cents(0));
  EXPECT_GT(cents(100), cents(99));
  EXPECT_EQ(Money(), cents(0));
}

TEST(MoneyArithmetic, OverflowThrows) {
  EXPECT_THROW(cents(kMaxCents) + cents(1), std::overflow_error);
  EXPECT_THROW(cents(kMinCents) - cents(1), std::overflow_error);
  EXPECT_THROW(-cents(kMinCents), std::overflow_error);
  EXPECT_THROW(cents(kMaxCents / 2 + 1) * 2, std::overflow_error);
  EXPECT_EQ(cents(kMaxCents) + cents(kMinCents), cents(-1));
}

// --- shares and limits ---

TEST(MoneyShare, TwentyFivePercentOfOneHundredDollars) {
  EXPECT_EQ(share_of(cents(10000), 2500), cents(2500));
}

TEST(MoneyShare, FloorsToTheCent) {
  EXPECT_EQ(share_of(cents(3), 5000), cents(1));
  EXPECT_EQ(share_of(cents(1), 2000), cents(0));
  EXPECT_EQ(share_of(cents(-3), 5000), cents(-2));  // floor, towards minus infinity
}

TEST(MoneyShare, LargeTotalsDoNotOverflowInTheMiddle) {
  EXPECT_EQ(share_of(cents(kMaxCents), 10000), cents(kMaxCents));
  EXPECT_EQ(share_of(cents(kMaxCents), 5000), cents(kMaxCents / 2));
  EXPECT_THROW(share_of(cents(kMaxCents), 10001), std::overflow_error);
}

TEST(MoneyShare, RatioInBasisPointsFloors) {
  EXPECT_EQ(ratio_bp(cents(2000), cents(10000)), 2000);
  EXPECT_EQ(ratio_bp(cents(1), cents(3)), 3333);
  EXPECT_EQ(ratio_bp(cents(0), cents(3)), 0);
  EXPECT_EQ(ratio_bp(cents(kMaxCents), cents(kMaxCents)), 10000);
  EXPECT_THROW(ratio_bp(cents(1), cents(0)), std::invalid_argument);
}

TEST(MoneyShare, TwentyPercentLimitAdmitsExactlyTwentyPercent) {
  EXPECT_TRUE(at_most_percent(cents(2'000'000), cents(10'000'000), 20));
}

TEST(MoneyShare, TwentyPercentLimitRefusesOneCentMore) {
  EXPECT_FALSE(at_most_percent(cents(2'000'001), cents(10'000'000), 20));
}

TEST(MoneyShare, PercentLimitIsExactWhereBasisPointsWouldRound) {
  // 1 of 3 cents is 33.33…%: under a 34 % limit, over a 33 % limit, with no rounding between.
  EXPECT_TRUE(at_most_percent(cents(1), cents(3), 34));
  EXPECT_FALSE(at_most_percent(cents(1), cents(3), 33));
  EXPECT_TRUE(at_most_percent(cents(kMaxCents), cents(kMaxCents), 100));
}

// --- instalments (§5.5.1: each rounded down to the cent) ---

TEST(MoneyDivide, OneHundredDollarsInThreeLeavesOneCent) {
  const FloorDivision split = divide_floor(cents(10000), 3);
  EXPECT_EQ(split.per_part, cents(3333));
  EXPECT_EQ(split.remainder, cents(1));
}

TEST(MoneyDivide, PartsTimesSharePlusRemainderIsTheTotal) {
  for (std::int64_t total : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-10000}, kMaxCents}) {
    const FloorDivision split = divide_floor(cents(total), 7);
    EXPECT_EQ(split.per_part * 7 + split.remainder, cents(total)) << total;
    EXPECT_GE(split.remainder, cents(0));
    EXPECT_LT(split.remainder, cents(7));
  }
}

TEST(MoneyDivide, Int64LimitsDivideWithoutOverflow) {
  EXPECT_EQ(divide_floor(cents(kMinCents), 2).per_part, cents(kMinCents / 2));
  EXPECT_EQ(divide_floor(cents(kMinCents), 1).per_part, cents(kMinCents));
  EXPECT_EQ(divide_floor(cents(kMaxCents), 2).remainder, cents(1));
}

TEST(MoneyDivide, OneCentInTwoPartsIsZeroEachAndOneLeftOver) {
  const FloorDivision split = divide_floor(cents(1), 2);
  EXPECT_EQ(split.per_part, cents(0));
  EXPECT_EQ(split.remainder, cents(1));
}

TEST(MoneyDivide, NegativeTotalFloorsDown) {
  const FloorDivision split = divide_floor(cents(-10000), 3);
  EXPECT_EQ(split.per_part, cents(-3334));
  EXPECT_EQ(split.remainder, cents(2));
}

TEST(MoneyDivide, ZeroOrNegativePartsThrow) {
  EXPECT_THROW(divide_floor(cents(100), 0), std::invalid_argument);
  EXPECT_THROW(divide_floor(cents(100), -1), std::invalid_argument);
}

}  // namespace
}  // namespace bsap
