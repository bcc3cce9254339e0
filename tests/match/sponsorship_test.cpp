// add_sponsorship (002 §3.11): a pledge declared as sponsorship joins the application as
// confirmed other funding, counted in the §3.11.4 contribution ratio, unless §3.11.3 prohibits
// the sponsor; (d) the liquor trade only for activities for under-18s.
#include <gtest/gtest.h>

#include "match/sponsorship.h"
#include "support/test_ruleset.h"

namespace bsap::match {
namespace {

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }
const Money kCent = Money::from_cents(1);

// A draft whose budget totals HK$100,000: 5 % is HK$5,000.
ccfs::Application draft() {
  ccfs::Application application;
  application.project_type = "research_activity";
  ccfs::BudgetLine line;
  line.kind = "publicity";
  line.description = "Survey";
  line.unit_cost = hkd(100'000);
  application.budget.push_back(line);
  return application;
}

SponsorshipOutcome declare(const ccfs::Application& application, Money amount,
                           const std::string& declaration, bool under_18 = false) {
  return add_sponsorship(application, {"Harbour Trust", amount, declaration, under_18},
                         testing::ruleset_1_8(), *CivilDate::from_ymd(2026, 11, 24));
}

TEST(Sponsorship, APledgeOfExactly5PercentMeetsTheRatio_3_11_4) {
  const SponsorshipOutcome outcome = declare(draft(), hkd(5'000), "none");
  ASSERT_TRUE(outcome.accepted());
  EXPECT_EQ(outcome.expenditure, hkd(100'000));
  EXPECT_EQ(outcome.contribution_before, Money{});
  EXPECT_FALSE(outcome.met_before);
  EXPECT_EQ(outcome.contribution_after, hkd(5'000));
  EXPECT_TRUE(outcome.met_after);
  ASSERT_EQ(outcome.application.other_funding.size(), 1u);
  const ccfs::FundingSource& source = outcome.application.other_funding[0];
  EXPECT_EQ(source.name, "Harbour Trust");
  EXPECT_EQ(source.amount, hkd(5'000));
  EXPECT_EQ(source.status, "confirmed");
  EXPECT_TRUE(source.sponsor_category.empty());
}

TEST(Sponsorship, ACentUnder5PercentDoesNotAndACentOverDoes_3_11_4) {
  EXPECT_FALSE(declare(draft(), hkd(5'000) - kCent, "none").met_after);
  EXPECT_TRUE(declare(draft(), hkd(5'000) + kCent, "none").met_after);
}

TEST(Sponsorship, ThePledgeAddsToIncomeAlreadyThere_3_11_4) {
  ccfs::Application application = draft();
  application.income = {{"Fees", hkd(3'000)}};
  const SponsorshipOutcome outcome = declare(application, hkd(2'000), "none");
  EXPECT_EQ(outcome.contribution_before, hkd(3'000));
  EXPECT_FALSE(outcome.met_before);
  EXPECT_EQ(outcome.contribution_after, hkd(5'000));
  EXPECT_TRUE(outcome.met_after);
}

void expect_refused(const std::string& declaration, const std::string& clause, bool under_18) {
  const SponsorshipOutcome outcome = declare(draft(), hkd(8'000), declaration, under_18);
  ASSERT_FALSE(outcome.accepted()) << declaration;
  ASSERT_EQ(outcome.refusals.size(), 1u);
  EXPECT_EQ(outcome.refusals[0].clause, clause);
  EXPECT_NE(outcome.refusals[0].message_en.find("Harbour Trust"), std::string::npos);
  EXPECT_NE(outcome.refusals[0].message_en.find("Remove this sponsorship"), std::string::npos);
  EXPECT_TRUE(outcome.application.other_funding.empty());
  EXPECT_EQ(outcome.contribution_after, outcome.contribution_before);
  EXPECT_FALSE(outcome.met_after);
}

TEST(Sponsorship, PoliticalEntityRefused_3_11_3_a) {
  expect_refused("political_entity", "§3.11.3(a)", false);
}
TEST(Sponsorship, TobaccoTradeRefused_3_11_3_b) { expect_refused("tobacco", "§3.11.3(b)", false); }
TEST(Sponsorship, TobaccoProductsRefused_3_11_3_c) {
  expect_refused("tobacco_products", "§3.11.3(c)", false);
}
TEST(Sponsorship, LiquorTradeRefusedForUnder18Activities_3_11_3_d) {
  expect_refused("alcohol_youth", "§3.11.3(d)", true);
}

TEST(Sponsorship, LiquorTradeAcceptedWhereTheActivitiesAreNotForUnder18s_3_11_3_d) {
  const SponsorshipOutcome outcome = declare(draft(), hkd(8'000), "alcohol_youth", false);
  EXPECT_TRUE(outcome.accepted());
  EXPECT_EQ(outcome.contribution_after, hkd(8'000));
}

TEST(Sponsorship, DeclarationsAreTheRulesetsCategoriesOrNone_3_11_3) {
  const rules::Ruleset& ruleset = testing::ruleset_1_8();
  for (const char* key :
       {"none", "political_entity", "tobacco", "tobacco_products", "alcohol_youth"})
    EXPECT_TRUE(is_declaration(ruleset, key)) << key;
  EXPECT_FALSE(is_declaration(ruleset, ""));
  EXPECT_FALSE(is_declaration(ruleset, "gambling"));
}

}  // namespace
}  // namespace bsap::match
