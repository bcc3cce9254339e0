// check_kpis: §2.7.13 (at least five milestone KPIs over at least three dimensions, the named
// ones among them, each with a target level; deliverables).
#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

TEST(KpiCheck, AtLeastFiveKpis_2_7_13) {
  const Application clean = complete_ma();
  ASSERT_EQ(clean.kpis.size(), 5u);
  Application four = clean;
  four.kpis.erase(four.kpis.begin());  // still three dimensions
  EXPECT_EQ(single(check(four), "kpi.count", Severity::blocking, "§2.7.13").field, "kpis");
  EXPECT_TRUE(findings_of(check(clean), "kpi.count").empty());
  Application six = clean;
  six.kpis.push_back(clean.kpis.front());
  EXPECT_TRUE(findings_of(check(six), "kpi.count").empty());
}

TEST(KpiCheck, NoKpisAtAll_2_7_13) {
  Application a = complete_non_ma("research_activity");
  a.kpis.clear();
  const CheckResult result = check(a);
  single(result, "kpi.count", Severity::blocking, "§2.7.13");
  single(result, "kpi.dimensions", Severity::blocking, "§2.7.13");
}

TEST(KpiCheck, NamedDimensionMissingIsBlocking_2_7_13) {
  Application a = complete_ma();
  a.kpis[4].dimension = "measure_effectiveness";  // was the one public_awareness KPI
  const Finding finding = single(check(a), "kpi.dimensions", Severity::blocking, "§2.7.13");
  EXPECT_EQ(finding.field, "kpis");
  EXPECT_NE(finding.message_en.find("public_awareness"), std::string::npos) << finding.message_en;
  EXPECT_NE(finding.message_zh.find("public_awareness"), std::string::npos);
}

TEST(KpiCheck, MoreDimensionsThanTheNamedOnesPass_2_7_13) {
  Application a = complete_ma();
  a.kpis.push_back({"Papers published", "dissemination", "2 papers by month 24"});
  EXPECT_TRUE(findings_of(check(a), "kpi.dimensions").empty());
}

TEST(KpiCheck, EachKpiHasATarget_2_7_13) {
  Application a = complete_ma();
  a.kpis[2].target.clear();
  a.kpis[3].target = "  ";
  const std::vector<Finding> found = findings_of(check(a), "kpi.target");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].field, "kpis[2].target");
  EXPECT_EQ(found[1].field, "kpis[3].target");
  EXPECT_EQ(found[0].clause, "§2.7.13");
  EXPECT_EQ(found[0].severity, Severity::blocking);
  EXPECT_FALSE(found[0].message_zh.empty());
  EXPECT_FALSE(found[0].message_en.empty());
}

TEST(KpiCheck, EachKpiSaysWhatItMeasures_2_7_13) {
  Application a = complete_ma();
  a.kpis[1].indicator.clear();
  EXPECT_EQ(single(check(a), "kpi.indicator", Severity::blocking, "§2.7.13").field,
            "kpis[1].indicator");
}

TEST(KpiCheck, DeliverablesAreListed_2_7_13) {
  Application a = complete_non_ma("heritage_building");
  a.deliverables.clear();
  EXPECT_EQ(single(check(a), "kpi.deliverables", Severity::blocking, "§2.7.13").field,
            "deliverables");
  a.deliverables = {" "};
  single(check(a), "kpi.deliverables", Severity::blocking, "§2.7.13");
  a.deliverables = {"Restoration proposal"};
  EXPECT_TRUE(findings_of(check(a), "kpi.deliverables").empty());
}

}  // namespace
}  // namespace bsap::ccfs::testing
