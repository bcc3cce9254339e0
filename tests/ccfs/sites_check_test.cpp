// check_sites: §2.1.1–§2.1.3 with 附錄1a/1b (known site, eligible list, not on Lantau, the 500 m
// rule of §2.1.2) and §2.7.6 (map, photos, habitat map, public transport on the map).
#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

Application cultural() { return complete_non_ma("cultural_revitalisation"); }

TEST(SiteCheck, AtLeastOneSite_2_1_1) {
  Application a = complete_ma();
  a.site_codes.clear();
  EXPECT_EQ(single(check(a), "site.none", Severity::blocking, "§2.1.1").field, "site_codes");
}

TEST(SiteCheck, UnknownSiteCodeIsBlocking_2_1_3) {
  Application a = cultural();
  a.site_codes = {"D01", "X01"};
  const Finding finding = single(check(a), "site.unknown", Severity::blocking, "§2.1.2");
  EXPECT_EQ(finding.field, "site_codes[1]");
  EXPECT_NE(finding.message_en.find("X01"), std::string::npos);
}

TEST(SiteCheck, LantauSiteIsBlocking_2_1_1) {
  Application a = complete_ma();
  a.site_codes = {"B16"};  // 分流村 Fan Lau, an enclave on Lantau
  const CheckResult result = check(a);
  const Finding finding =
      single(result, "site.lantau", Severity::blocking, "§2.1.1, §2.1.2, 附錄1a 註");
  EXPECT_EQ(finding.field, "site_codes[0]");
  EXPECT_NE(finding.message_zh.find("B16 分流村"), std::string::npos);
  EXPECT_NE(finding.message_en.find("B16 Fan Lau Tsuen"), std::string::npos);
  EXPECT_TRUE(findings_of(result, "site.category").empty()) << "one finding per site";
}

TEST(SiteCheck, SiteOfAnotherListIsBlocking_2_1_1) {
  Application a = complete_ma();
  a.site_codes = {"B01", "D01"};  // a remote village is no site for an MA project
  const Finding finding = single(check(a), "site.category", Severity::blocking, "§2.1.1");
  EXPECT_EQ(finding.field, "site_codes[1]");
  EXPECT_NE(finding.message_en.find("D01"), std::string::npos);
}

TEST(SiteCheck, RemoteVillageTypesOnlyAtListD_2_1_2) {
  Application a = cultural();
  a.site_codes = {"A02"};
  single(check(a), "site.category", Severity::blocking, "§2.1.2");
}

void expect_walk(const std::string& type, std::optional<int> metres, bool passes) {
  Application a = complete_non_ma(type);
  a.walk_to_public_transport_m = metres;
  const CheckResult result = check(a);
  if (passes) {
    EXPECT_TRUE(findings_of(result, "site.public_transport").empty()) << describe(result);
    return;
  }
  EXPECT_EQ(single(result, "site.public_transport", Severity::blocking, "§2.1.2").field,
            "walk_to_public_transport_m");
}

TEST(SiteCheck, PublicTransportMustBeMoreThan500mAway_2_1_2) {
  for (const std::string type : {"cultural_revitalisation", "research_activity"}) {
    expect_walk(type, 499, false);
    expect_walk(type, 500, false);  // transport at 500 m is within 500 m walking distance
    expect_walk(type, 501, true);
  }
}

TEST(SiteCheck, WalkToPublicTransportMustBeGiven_2_1_2) {
  expect_walk("research_activity", std::nullopt, false);
}

TEST(SiteCheck, The500mRuleIsNotForSitesOfList1a_2_1_1) {
  Application a = complete_non_ma("heritage_building");
  a.walk_to_public_transport_m = 100;
  EXPECT_TRUE(findings_of(check(a), "site.public_transport").empty());
}

TEST(SiteCheck, SiteMapAndReferenceAreRequired_2_7_6) {
  Application a = complete_non_ma("heritage_building");
  a.site_map = false;
  EXPECT_EQ(single(check(a), "site.map", Severity::blocking, "§2.7.6").field, "site_map");
  a = complete_non_ma("heritage_building");
  a.map_reference.clear();
  EXPECT_EQ(single(check(a), "site.map", Severity::blocking, "§2.7.6").field, "map_reference");
}

TEST(SiteCheck, SitePhotosAreRequired_2_7_6) {
  Application a = complete_ma();
  a.site_photos = false;
  single(check(a), "site.photos", Severity::blocking, "§2.7.6");
}

TEST(SiteCheck, HabitatMapForManagementAgreementsOnly_2_7_6) {
  Application ma = complete_ma();
  ma.habitat_map = false;
  single(check(ma), "site.habitat_map", Severity::blocking, "§2.7.6");
  const Application heritage = complete_non_ma("heritage_building");  // has no habitat map
  EXPECT_TRUE(findings_of(check(heritage), "site.habitat_map").empty());
}

TEST(SiteCheck, MapShowsPublicTransportForRemoteVillages_2_7_6) {
  Application a = complete_non_ma("research_activity");
  a.map_shows_public_transport = false;
  EXPECT_EQ(single(check(a), "site.transport_map", Severity::blocking, "§2.7.6").field,
            "map_shows_public_transport");
  const Application ma = complete_ma();  // MA: no transport on its map, none needed
  EXPECT_TRUE(findings_of(check(ma), "site.transport_map").empty());
}

TEST(SiteCheck, UnknownProjectTypeLeavesSitesUnjudged_2_7_1) {
  Application a = complete_ma();
  a.project_type = "garden";
  a.site_codes = {"B16"};
  const CheckResult result = check(a);
  EXPECT_TRUE(findings_of(result, "site.lantau").empty()) << describe(result);
  EXPECT_FALSE(findings_of(result, "complete.project_type").empty());
}

}  // namespace
}  // namespace bsap::ccfs::testing
