// check_procurement (§5.13): a single-source procurement states its supplier, the relationship
// and its reasons (§5.13.5); the others get a note of the quotations §5.13.2 asks at their value.
#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

Procurement single_source() {
  Procurement procurement;
  procurement.description = "Repair of the sluice gate";
  procurement.value = hkd(30'000);
  procurement.single_source = true;
  procurement.supplier = "Wing Kee Engineering";
  procurement.relationship = "None";
  procurement.justification = "The only contractor who built these gates";
  return procurement;
}

Procurement competitive(Money value) {
  Procurement procurement;
  procurement.description = "Water pump";
  procurement.value = value;
  return procurement;
}

TEST(ProcurementCheck, CompleteSingleSourcePasses_5_13_5) {
  Application a = complete_ma();
  a.procurements = {single_source()};
  const CheckResult result = check(a);
  EXPECT_TRUE(clean_of(result, "procurement.single_source")) << describe(result);
  EXPECT_TRUE(clean_of(result, "procurement.quotations"));
}

TEST(ProcurementCheck, SingleSourceNeedsSupplierRelationshipAndReasons_5_13_5) {
  Application a = complete_ma();
  Procurement bare = single_source();
  bare.supplier.clear();
  bare.relationship = " ";
  bare.justification.clear();
  a.procurements = {competitive(hkd(1'000)), bare};
  const std::vector<Finding> found = findings_of(check(a), "procurement.single_source");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].field, "procurements[1].supplier");
  EXPECT_EQ(found[1].field, "procurements[1].relationship");
  EXPECT_EQ(found[2].field, "procurements[1].justification");
  for (const Finding& finding : found) {
    EXPECT_EQ(finding.severity, Severity::blocking);
    EXPECT_EQ(finding.clause, "§5.13.5");
  }
}

TEST(ProcurementCheck, NoQuotationNoteAt5000OrLess_5_13_2a) {
  Application a = complete_ma();
  a.procurements = {competitive(hkd(5'000))};
  EXPECT_TRUE(clean_of(check(a), "procurement.quotations"));
}

TEST(ProcurementCheck, TwoQuotationsJustAbove5000_5_13_2b) {
  Application a = complete_ma();
  a.procurements = {competitive(hkd(5'000) + cent())};
  const std::vector<Finding> found = findings_of(check(a), "procurement.quotations");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::info);
  EXPECT_EQ(found[0].clause, "§5.13.2(b)");
  EXPECT_EQ(found[0].field, "procurements[0].value");
  EXPECT_NE(found[0].message_en.find("at least 2 quotations"), std::string::npos);
}

TEST(ProcurementCheck, ThreeQuotationsFrom50000_5_13_2c) {
  Application a = complete_ma();
  a.procurements = {competitive(hkd(50'000) - cent()), competitive(hkd(50'000))};
  const std::vector<Finding> found = findings_of(check(a), "procurement.quotations");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].clause, "§5.13.2(b)");
  EXPECT_EQ(found[1].clause, "§5.13.2(c)");
  EXPECT_NE(found[1].message_en.find("at least 3 quotations"), std::string::npos);
}

TEST(ProcurementCheck, OpenTenderFrom1Point4Million_5_13_2e) {
  Application a = complete_ma();
  a.procurements = {competitive(hkd(1'400'000) - cent()), competitive(hkd(1'400'000))};
  const std::vector<Finding> found = findings_of(check(a), "procurement.quotations");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].clause, "§5.13.2(d)");
  EXPECT_EQ(found[1].clause, "§5.13.2(e)");
  EXPECT_NE(found[1].message_en.find("open tender"), std::string::npos);
  EXPECT_NE(found[1].message_zh.find("公開招標"), std::string::npos);
}

TEST(ProcurementCheck, NegativeValueIsBlocking_5_13_2) {
  Application a = complete_ma();
  a.procurements = {competitive(-cent())};
  const std::vector<Finding> found = findings_of(check(a), "procurement.value");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::blocking);
}

}  // namespace
}  // namespace bsap::ccfs::testing
