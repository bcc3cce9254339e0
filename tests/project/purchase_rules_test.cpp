// §5.13 on recorded purchases, against the real ruleset 1.8 (limits.yaml#procurement.bands).
#include "project/purchase_rules.h"

#include <gtest/gtest.h>

#include "project_test_data.h"

namespace bsap::project {
namespace {

using ccfs::Finding;
using ccfs::Severity;
using testing::ruleset_1_8;

Money cents(std::int64_t value) { return Money::from_cents(value); }
Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

// A purchase worth `value` with `count` quotations from different suppliers, the first (the
// lowest) chosen.
Purchase purchase_with(Money value, int count) {
  Purchase purchase;
  purchase.description = "導賞物資";
  purchase.value = value;
  for (int i = 0; i < count; ++i)
    purchase.quotations.push_back({"供應商" + std::to_string(i + 1), value + hkd(i)});
  if (count > 0) purchase.chosen = 0;
  return purchase;
}

std::vector<Finding> check(const Purchase& purchase) {
  return check_purchase(ruleset_1_8(), purchase);
}

const Finding* finding(const std::vector<Finding>& findings, const std::string& rule) {
  for (const Finding& found : findings)
    if (found.rule == rule) return &found;
  return nullptr;
}

void expect_explained(const Finding& found) {
  EXPECT_FALSE(found.clause.empty());
  EXPECT_FALSE(found.message_zh.empty());
  EXPECT_FALSE(found.message_en.empty());
}

// ---- §5.13.2: the bands, at each edge

struct BandCase {
  std::int64_t value_cents;
  int min_quotations;
  const char* clause;
};

class QuotationBand : public ::testing::TestWithParam<BandCase> {};

TEST_P(QuotationBand, ExactCountAcceptedOneFewerRefused_5_13_2) {
  const BandCase& band = GetParam();
  const Money value = cents(band.value_cents);
  const QuotationRequirement required = quotations_required(ruleset_1_8(), value);
  EXPECT_EQ(required.min_quotations, band.min_quotations);
  EXPECT_FALSE(required.open_tender);
  EXPECT_EQ(required.clause, band.clause);

  EXPECT_TRUE(check(purchase_with(value, band.min_quotations)).empty());
  if (band.min_quotations == 0) return;
  const std::vector<Finding> findings = check(purchase_with(value, band.min_quotations - 1));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "purchase.quotations");
  EXPECT_EQ(findings[0].severity, Severity::blocking);
  EXPECT_EQ(findings[0].clause, band.clause);
  EXPECT_NE(findings[0].message_zh.find(format_hkd(value)), std::string::npos);
  EXPECT_NE(findings[0].message_en.find(format_hkd(value)), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Bands, QuotationBand,
                         ::testing::Values(BandCase{500'000, 0, "§5.13.2(a)"},     // 5,000.00
                                           BandCase{500'001, 2, "§5.13.2(b)"},     // 5,000.01
                                           BandCase{4'999'999, 2, "§5.13.2(b)"},   // 49,999.99
                                           BandCase{5'000'000, 3, "§5.13.2(c)"},   // 50,000.00
                                           BandCase{49'999'999, 3, "§5.13.2(c)"},  // 499,999.99
                                           BandCase{50'000'000, 5, "§5.13.2(d)"},  // 500,000.00
                                           BandCase{139'999'999, 5,
                                                    "§5.13.2(d)"}));  // 1,399,999.99

TEST(PurchaseRules, OpenTenderFrom1400000_5_13_2e) {
  const Money value = hkd(1'400'000);
  const QuotationRequirement required = quotations_required(ruleset_1_8(), value);
  EXPECT_TRUE(required.open_tender);
  EXPECT_EQ(required.clause, "§5.13.2(e)");

  const std::vector<Finding> refused = check(purchase_with(value, 5));
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].rule, "purchase.open_tender");
  EXPECT_EQ(refused[0].severity, Severity::blocking);
  EXPECT_EQ(refused[0].clause, "§5.13.2(e)");
  expect_explained(refused[0]);

  Purchase tendered = purchase_with(value, 5);
  tendered.open_tender = true;
  EXPECT_TRUE(check(tendered).empty());
}

TEST(PurchaseRules, OpenTenderMeetsAQuotationBand_5_13_7) {
  Purchase tendered = purchase_with(hkd(600'000), 1);
  tendered.open_tender = true;
  EXPECT_TRUE(check(tendered).empty());
}

TEST(PurchaseRules, TwoOffersFromOneSupplierCountOnce_5_13_2) {
  Purchase purchase = purchase_with(hkd(10'000), 2);
  purchase.quotations[1].supplier = purchase.quotations[0].supplier;
  const std::vector<Finding> findings = check(purchase);
  ASSERT_NE(finding(findings, "purchase.quotations"), nullptr);
}

// ---- 附錄2 items 3, 8, 9: a quotation even at 5,000 or less

TEST(PurchaseRules, QuotationRequiredItemNeedsOneAt5000_5_13_2a_Appendix2) {
  const QuotationRequirement required = quotations_required(ruleset_1_8(), hkd(5'000), true);
  EXPECT_EQ(required.min_quotations, 1);
  EXPECT_EQ(required.clause, "§5.13.2(a), 附錄2");

  Purchase none = purchase_with(hkd(5'000), 0);
  none.quotation_required_item = true;
  const std::vector<Finding> findings = check(none);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "purchase.quotations");
  EXPECT_EQ(findings[0].clause, "§5.13.2(a), 附錄2");

  Purchase one = purchase_with(hkd(5'000), 1);
  one.quotation_required_item = true;
  EXPECT_TRUE(check(one).empty());
}

TEST(PurchaseRules, QuotationRequiredItemAbove5000FollowsTheBand_5_13_2b) {
  const QuotationRequirement required = quotations_required(ruleset_1_8(), cents(500'001), true);
  EXPECT_EQ(required.min_quotations, 2);
  EXPECT_EQ(required.clause, "§5.13.2(b)");
}

// ---- §5.13.3: the lowest offer

TEST(PurchaseRules, LowestOfferAccepted_5_13_3) {
  Purchase purchase = purchase_with(hkd(60'000), 3);
  purchase.chosen = 0;
  EXPECT_TRUE(check(purchase).empty());
}

TEST(PurchaseRules, AnyOfEqualLowestOffersAccepted_5_13_3) {
  Purchase purchase = purchase_with(hkd(60'000), 3);
  purchase.quotations[1].amount = purchase.quotations[0].amount;
  purchase.chosen = 1;
  EXPECT_TRUE(check(purchase).empty());
}

TEST(PurchaseRules, HigherOfferWithoutJustificationIsBlocking_5_13_3) {
  Purchase purchase = purchase_with(hkd(60'000), 3);
  purchase.chosen = 2;
  const std::vector<Finding> findings = check(purchase);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "purchase.lowest");
  EXPECT_EQ(findings[0].severity, Severity::blocking);
  EXPECT_EQ(findings[0].clause, "§5.13.3");
  EXPECT_NE(findings[0].message_zh.find("HK$60,002.00"), std::string::npos);
  EXPECT_NE(findings[0].message_en.find("HK$60,000.00"), std::string::npos);
}

TEST(PurchaseRules, HigherOfferJustifiedButNotYetAgreedNeedsJustification_5_13_3) {
  Purchase purchase = purchase_with(hkd(60'000), 3);
  purchase.chosen = 1;
  purchase.non_lowest_justification = "最低報價的供應商未能於活動日期前交貨";
  const std::vector<Finding> findings = check(purchase);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "purchase.lowest");
  EXPECT_EQ(findings[0].severity, Severity::needs_justification);
  expect_explained(findings[0]);
}

TEST(PurchaseRules, HigherOfferJustifiedAndAgreedAccepted_5_13_3) {
  Purchase purchase = purchase_with(hkd(60'000), 3);
  purchase.chosen = 1;
  purchase.non_lowest_justification = "最低報價的供應商未能於活動日期前交貨";
  purchase.non_lowest_agreed = true;
  EXPECT_TRUE(check(purchase).empty());
}

TEST(PurchaseRules, AgreedWithoutAJustificationIsBlocking_5_13_3) {
  Purchase purchase = purchase_with(hkd(60'000), 3);
  purchase.chosen = 1;
  purchase.non_lowest_justification = "  ";
  purchase.non_lowest_agreed = true;
  const std::vector<Finding> findings = check(purchase);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "purchase.lowest");
  EXPECT_EQ(findings[0].severity, Severity::blocking);
}

TEST(PurchaseRules, ChosenOutOfRangeIsBlocking_5_13_3) {
  Purchase purchase = purchase_with(hkd(10'000), 2);
  purchase.chosen = 2;
  const std::vector<Finding> findings = check(purchase);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "purchase.chosen");
  expect_explained(findings[0]);
}

// ---- §5.13.4: no brand

TEST(PurchaseRules, BrandSpecifiedIsBlocking_5_13_4) {
  Purchase purchase = purchase_with(hkd(10'000), 2);
  purchase.brand_specified = true;
  const std::vector<Finding> findings = check(purchase);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "purchase.brand");
  EXPECT_EQ(findings[0].severity, Severity::blocking);
  EXPECT_EQ(findings[0].clause, "§5.13.4");
  expect_explained(findings[0]);
}

TEST(PurchaseRules, NoWaiverLiftsTheBrandRule_5_13_4) {
  Purchase purchase = purchase_with(hkd(10'000), 1);
  purchase.single_source_approved = true;
  purchase.secretariat_agreed_otherwise = true;
  purchase.brand_specified = true;
  const std::vector<Finding> findings = check(purchase);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "purchase.brand");
}

// ---- §5.13.5 and §5.13.2: single source and another arrangement

TEST(PurchaseRules, SingleSourceApprovedNeedsNoQuotations_5_13_5) {
  Purchase purchase = purchase_with(hkd(600'000), 1);
  EXPECT_NE(finding(check(purchase), "purchase.quotations"), nullptr);
  purchase.single_source_approved = true;
  EXPECT_TRUE(check(purchase).empty());
}

TEST(PurchaseRules, SingleSourceApprovedNeedsNoOpenTender_5_13_5) {
  Purchase purchase = purchase_with(hkd(2'000'000), 1);
  purchase.single_source_approved = true;
  EXPECT_TRUE(check(purchase).empty());
}

TEST(PurchaseRules, SecretariatAgreedOtherwiseWaivesTheCount_5_13_2) {
  Purchase few = purchase_with(hkd(100'000), 1);
  few.secretariat_agreed_otherwise = true;
  EXPECT_TRUE(check(few).empty());

  Purchase untendered = purchase_with(hkd(1'400'000), 2);
  untendered.secretariat_agreed_otherwise = true;
  EXPECT_TRUE(check(untendered).empty());
}

TEST(PurchaseRules, WaiverKeepsTheLowestOfferRule_5_13_3) {
  Purchase purchase = purchase_with(hkd(100'000), 2);
  purchase.secretariat_agreed_otherwise = true;
  purchase.chosen = 1;
  EXPECT_NE(finding(check(purchase), "purchase.lowest"), nullptr);
}

// ---- the value

TEST(PurchaseRules, ValueNotAboveZeroIsBlocking_5_13_2) {
  for (const Money value : {Money{}, cents(-1)}) {
    const std::vector<Finding> findings = check(purchase_with(value, 0));
    ASSERT_EQ(findings.size(), 1u) << format_hkd(value);
    EXPECT_EQ(findings[0].rule, "purchase.value");
    EXPECT_EQ(findings[0].severity, Severity::blocking);
    expect_explained(findings[0]);
  }
}

}  // namespace
}  // namespace bsap::project
