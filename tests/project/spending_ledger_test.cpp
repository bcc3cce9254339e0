// §5.5.2–§5.5.8, §5.6.2: item increases, expenditure against item caps and the settlement, with
// the real ruleset 1.8 (limits.yaml#budget_variation.item_increase). Settlements worked by hand.
#include "project/spending_ledger.h"

#include <gtest/gtest.h>

#include "project_test_data.h"

namespace bsap::project {
namespace {

using testing::ruleset_1_8;

Money cents(std::int64_t value) { return Money::from_cents(value); }
Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

LedgerItem item(int item_no, Money approved, Money increase = {}, Money spent = {}) {
  return {item_no, "導賞員費用", approved, increase, spent};
}

const std::string kReason = "參加人數較預期多，須增聘導賞員";

std::optional<LedgerRefusal> increase(const std::vector<LedgerItem>& items, int item_no,
                                      Money amount, const std::string& reason = kReason) {
  return check_item_increase(ruleset_1_8(), items, item_no, amount, reason);
}

void expect_explained(const LedgerRefusal& refusal) {
  EXPECT_FALSE(refusal.message_zh.empty());
  EXPECT_FALSE(refusal.message_en.empty());
}

// ---- §5.5.3: item increases up to 20 % of the approved amount

TEST(ItemIncrease, Exactly20PercentAccepted_5_5_3) {
  EXPECT_FALSE(increase({item(1, hkd(100'000))}, 1, hkd(20'000)));
}

TEST(ItemIncrease, OneCentAbove20PercentRefused_5_5_3) {
  const auto refusal = increase({item(1, hkd(100'000))}, 1, hkd(20'000) + cents(1));
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->clause, "§5.5.3");
  expect_explained(*refusal);
  EXPECT_NE(refusal->message_zh.find("HK$20,000.00"), std::string::npos);
  EXPECT_NE(refusal->message_en.find("20%"), std::string::npos);
}

TEST(ItemIncrease, TwentyPercentOfAnOddAmountIsFlooredToTheCent_5_5_3) {
  // 20 % of 333.33 is 66.666: 66.66 is within it, 66.67 is not.
  EXPECT_FALSE(increase({item(1, cents(33'333))}, 1, cents(6'666)));
  EXPECT_TRUE(increase({item(1, cents(33'333))}, 1, cents(6'667)));
}

TEST(ItemIncrease, IncreasesOfTheItemAddUp_5_5_3) {
  const std::vector<LedgerItem> items{item(1, hkd(50'000)), item(2, hkd(100'000), hkd(12'000))};
  EXPECT_FALSE(increase(items, 2, hkd(8'000)));
  const auto refusal = increase(items, 2, hkd(8'000) + cents(1));
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->clause, "§5.5.3");
  // What is still open: 20,000.00 − 12,000.00.
  EXPECT_NE(refusal->message_zh.find("HK$8,000.00"), std::string::npos);
  EXPECT_NE(refusal->message_en.find("HK$8,000.00"), std::string::npos);
}

TEST(ItemIncrease, ItemOutsideTheBudgetRefused_5_5_6) {
  const auto refusal = increase({item(1, hkd(100'000))}, 2, hkd(1'000));
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->clause, "§5.5.6");
  expect_explained(*refusal);
}

TEST(ItemIncrease, ZeroOrNegativeIncreaseRefused_5_5_3) {
  EXPECT_TRUE(increase({item(1, hkd(100'000))}, 1, Money{}));
  EXPECT_TRUE(increase({item(1, hkd(100'000))}, 1, cents(-1)));
}

TEST(ItemIncrease, ReasonRequired_5_5_3) {
  const auto refusal = increase({item(1, hkd(100'000))}, 1, hkd(1'000), " \t");
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->clause, "§5.5.3");
  expect_explained(*refusal);
}

// ---- §5.5.3, §5.5.6: expenditure against the item's cap

TEST(Expenditure, UpToTheCapAccepted_5_5_3) {
  // Cap 55,000.00 (50,000.00 approved + 5,000.00 increase), 40,000.00 spent.
  const std::vector<LedgerItem> items{item(1, hkd(50'000), hkd(5'000), hkd(40'000))};
  EXPECT_FALSE(check_expenditure(items, 1, hkd(15'000)));
}

TEST(Expenditure, OneCentOverTheCapRefusedNamingTheHeadroom_5_5_3) {
  const std::vector<LedgerItem> items{item(1, hkd(50'000), hkd(5'000), hkd(40'000))};
  const auto refusal = check_expenditure(items, 1, hkd(15'000) + cents(1));
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->clause, "§5.5.3");
  EXPECT_NE(refusal->message_zh.find("HK$15,000.00"), std::string::npos);
  EXPECT_NE(refusal->message_en.find("HK$15,000.00"), std::string::npos);
  EXPECT_NE(refusal->message_zh.find("20%"), std::string::npos);
  EXPECT_NE(refusal->message_en.find("in advance"), std::string::npos);
}

TEST(Expenditure, UnbudgetedItemRefused_5_5_6) {
  const auto refusal = check_expenditure({item(1, hkd(50'000))}, 7, hkd(100));
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->clause, "§5.5.6");
  expect_explained(*refusal);
}

TEST(Expenditure, AmountMustBePositive_5_5_3) {
  EXPECT_TRUE(check_expenditure({item(1, hkd(50'000))}, 1, Money{}));
  EXPECT_TRUE(check_expenditure({item(1, hkd(50'000))}, 1, cents(-100)));
}

// ---- settlement (§5.5.2, §5.5.3, §5.5.7, §5.5.8, §5.6.2)

TEST(Settlement, UnspentFundsRefunded_5_5_7) {
  // Eligible 180,000.00 + 90,000.50 = 270,000.50; income 5,000.25 offsets it to 265,000.25;
  // 270,000.00 was paid, so 4,999.75 is to be returned.
  SettlementInput input;
  input.approved = hkd(300'000);
  input.items = {item(1, hkd(200'000), {}, hkd(180'000)),
                 item(2, hkd(100'000), {}, hkd(90'000) + cents(50))};
  input.income = hkd(5'000) + cents(25);
  input.paid = hkd(270'000);
  const Settlement settled = settle(input);
  EXPECT_EQ(settled.eligible, hkd(270'000) + cents(50));
  EXPECT_EQ(settled.offset, hkd(5'000) + cents(25));
  EXPECT_EQ(settled.reimbursable, hkd(265'000) + cents(25));
  EXPECT_EQ(settled.net_paid, hkd(270'000));
  EXPECT_EQ(settled.balance, -(hkd(4'999) + cents(75)));
}

TEST(Settlement, FinalPaymentOwed_5_5_1) {
  // Every item spent in full: 300,000.00 eligible, 270,000.00 paid, 30,000.00 (the 10 %
  // retention) owed.
  SettlementInput input;
  input.approved = hkd(300'000);
  input.items = {item(1, hkd(200'000), {}, hkd(200'000)), item(2, hkd(100'000), {}, hkd(100'000))};
  input.paid = hkd(270'000);
  const Settlement settled = settle(input);
  EXPECT_EQ(settled.eligible, hkd(300'000));
  EXPECT_EQ(settled.offset, Money{});
  EXPECT_EQ(settled.reimbursable, hkd(300'000));
  EXPECT_EQ(settled.balance, hkd(30'000));
}

TEST(Settlement, IncomeOffsetsTheExpenditure_5_5_2_5_6_2) {
  // 300,000.00 eligible − (8,000.00 sales + 1,234.56 interest) = 290,765.44; 290,000.00 paid.
  SettlementInput input;
  input.approved = hkd(300'000);
  input.items = {item(1, hkd(300'000), {}, hkd(300'000))};
  input.income = hkd(8'000) + hkd(1'234) + cents(56);
  input.paid = hkd(290'000);
  const Settlement settled = settle(input);
  EXPECT_EQ(settled.offset, hkd(9'234) + cents(56));
  EXPECT_EQ(settled.reimbursable, hkd(290'765) + cents(44));
  EXPECT_EQ(settled.balance, hkd(765) + cents(44));
}

TEST(Settlement, ReinvestedIncomeIsNotOffset_5_5_8) {
  // 10,000.00 income of which 4,000.00 re-invested with the Approval Panel's consent: only
  // 6,000.00 offsets; all re-invested: nothing does.
  SettlementInput input;
  input.approved = hkd(100'000);
  input.items = {item(1, hkd(100'000), {}, hkd(100'000))};
  input.income = hkd(10'000);
  input.reinvested = hkd(4'000);
  EXPECT_EQ(settle(input).offset, hkd(6'000));
  EXPECT_EQ(settle(input).reimbursable, hkd(94'000));
  input.reinvested = hkd(10'000);
  EXPECT_EQ(settle(input).offset, Money{});
  EXPECT_EQ(settle(input).reimbursable, hkd(100'000));
}

TEST(Settlement, EligibleCappedAtTheApprovedTotal_5_5_3) {
  // Item 1 raised by 20 % to 240,000.00 and spent in full, item 2 spent in full: 340,000.00
  // within the item caps, but never more than the 300,000.00 approved.
  SettlementInput input;
  input.approved = hkd(300'000);
  input.items = {item(1, hkd(200'000), hkd(40'000), hkd(240'000)),
                 item(2, hkd(100'000), {}, hkd(100'000))};
  input.paid = hkd(270'000);
  const Settlement settled = settle(input);
  EXPECT_EQ(settled.eligible, hkd(300'000));
  EXPECT_EQ(settled.balance, hkd(30'000));
}

TEST(Settlement, SpendingAboveAnItemsCapIsNotEligible_5_5_3) {
  // Item 1: 120,000.00 spent against a 100,000.00 cap counts 100,000.00; item 2: 30,000.00.
  SettlementInput input;
  input.approved = hkd(300'000);
  input.items = {item(1, hkd(100'000), {}, hkd(120'000)), item(2, hkd(200'000), {}, hkd(30'000))};
  EXPECT_EQ(settle(input).eligible, hkd(130'000));
}

TEST(Settlement, ReductionsAndRefundsReceived_5_5_4) {
  // 250,000.00 eligible − 25,000.00 reduced = 225,000.00; 270,000.00 paid less 40,000.00
  // already refunded = 230,000.00 net, so 5,000.00 more is due back.
  SettlementInput input;
  input.approved = hkd(300'000);
  input.items = {item(1, hkd(300'000), {}, hkd(250'000))};
  input.reductions = hkd(25'000);
  input.paid = hkd(270'000);
  input.refunded = hkd(40'000);
  const Settlement settled = settle(input);
  EXPECT_EQ(settled.reimbursable, hkd(225'000));
  EXPECT_EQ(settled.net_paid, hkd(230'000));
  EXPECT_EQ(settled.balance, -hkd(5'000));
}

TEST(Settlement, ReimbursableNeverBelowZero_5_5_8) {
  // Income above the expenditure: nothing is reimbursed and everything paid comes back (the
  // unspent income itself is returned under §5.5.8, outside this balance).
  SettlementInput input;
  input.approved = hkd(100'000);
  input.items = {item(1, hkd(100'000), {}, hkd(20'000))};
  input.income = hkd(30'000);
  input.paid = hkd(25'000);
  const Settlement settled = settle(input);
  EXPECT_EQ(settled.reimbursable, Money{});
  EXPECT_EQ(settled.balance, -hkd(25'000));
}

TEST(IncomeKind, CodesRoundTrip) {
  for (const IncomeKind kind : {IncomeKind::project_income, IncomeKind::sponsorship,
                                IncomeKind::interest, IncomeKind::asset_proceeds}) {
    EXPECT_FALSE(income_kind_code(kind).empty());
    EXPECT_EQ(income_kind_from_code(income_kind_code(kind)), kind);
  }
  EXPECT_EQ(income_kind_code(IncomeKind::asset_proceeds), "asset_proceeds");
  EXPECT_FALSE(income_kind_from_code("donation"));
}

}  // namespace
}  // namespace bsap::project
