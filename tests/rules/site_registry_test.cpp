// The site registry of 附錄1a/1b and the eligibility of §2.1, on the repository's data.
#include <gtest/gtest.h>

#include <algorithm>

#include "rules/site_eligibility.h"
#include "rules_test_data.h"

namespace bsap::rules {
namespace {

using testing::ruleset_1_8;

const SiteRegistry& sites() { return *ruleset_1_8().sites; }

std::vector<std::string> eligible_at(const std::string& code) {
  const Site* site = sites().find(code);
  if (!site) throw std::runtime_error("no site " + code);
  return eligible_types(ruleset_1_8(), *site);
}

SiteFilter text_filter(const std::string& text) {
  SiteFilter filter;
  filter.text = text;
  return filter;
}

SiteFilter list_and_district(const std::string& category, const std::string& district) {
  SiteFilter filter;
  filter.category = category;
  filter.district = district;
  return filter;
}

const std::vector<std::string> kSiteTypes{"management_agreement", "heritage_building"};
const std::vector<std::string> kRemoteVillageTypes{"cultural_revitalisation", "research_activity"};

TEST(SiteRegistry, ListsHold12PrioritySites77Enclaves24CountryParks92Villages_Appendix1) {
  EXPECT_EQ(sites().count_in("A"), 12u);
  EXPECT_EQ(sites().count_in("B"), 77u);
  EXPECT_EQ(sites().count_in("C"), 24u);
  EXPECT_EQ(sites().count_in("D"), 92u);
  EXPECT_EQ(sites().sites().size(), 205u);
}

TEST(SiteRegistry, NoLantauSiteIsEligibleForAnyType_2_1_1_2_1_2_Appendix1aNote) {
  int lantau_sites = 0;
  for (const Site& site : sites().sites()) {
    if (!site.on_lantau) continue;
    ++lantau_sites;
    EXPECT_TRUE(eligible_types(ruleset_1_8(), site).empty()) << site.code;
  }
  EXPECT_EQ(lantau_sites, 22);  // README Ambiguities 1: A03, B16–B23, B65–B74, C06–C08
}

TEST(SiteRegistry, ListsABCAreForManagementAgreementAndHeritage_2_1_1) {
  EXPECT_EQ(eligible_at("A01"), kSiteTypes);  // 拉姆薩爾濕地
  EXPECT_EQ(eligible_at("B04"), kSiteTypes);  // *沙羅洞
  EXPECT_EQ(eligible_at("C01"), kSiteTypes);  // 香港仔郊野公園
}

TEST(SiteRegistry, ListDIsForCulturalAndResearch_2_1_2) {
  EXPECT_EQ(eligible_at("D01"), kRemoteVillageTypes);  // 沙埔 (Lamma)
  EXPECT_EQ(eligible_at("D92"), kRemoteVillageTypes);
}

TEST(SiteRegistry, EveryOffLantauSiteIsEligibleForItsListsTypes_2_1) {
  for (const Site& site : sites().sites()) {
    if (site.on_lantau) continue;
    EXPECT_EQ(eligible_types(ruleset_1_8(), site),
              site.category == "D" ? kRemoteVillageTypes : kSiteTypes)
        << site.code;
  }
}

TEST(SiteRegistry, TaiHoPrioritySiteIsOnLantauSoIneligible_Appendix1aNote) {
  const Site* tai_ho = sites().find("A03");
  ASSERT_NE(tai_ho, nullptr);
  EXPECT_EQ(tai_ho->name_zh, "大蠔");
  EXPECT_TRUE(tai_ho->on_lantau);
  EXPECT_TRUE(eligible_at("A03").empty());
}

TEST(SiteRegistry, EnclavesCarryAreaAndMarkers_Appendix1aB) {
  const Site* sha_lo_tung = sites().find("B04");
  ASSERT_NE(sha_lo_tung, nullptr);
  EXPECT_EQ(sha_lo_tung->area_ha, 56);
  EXPECT_TRUE(sha_lo_tung->also_priority_site);  // `*`
  EXPECT_EQ(sha_lo_tung->related_priority_site, "A02");
  EXPECT_TRUE(sites().find("B71")->incorporated_into_country_park);  // `^` 位於南山附近
  for (const Site& site : sites().sites())
    EXPECT_EQ(site.area_ha.has_value(), site.category == "B") << site.code;
}

TEST(SiteRegistry, SearchesChineseAndEnglishNames) {
  const auto by_zh = sites().select(text_filter("沙羅洞"));
  ASSERT_EQ(by_zh.size(), 2u);  // A02 and the enclave B04
  EXPECT_EQ(by_zh[0]->code, "A02");
  EXPECT_EQ(by_zh[1]->code, "B04");
  // The seed writes the Tai Po villages D68/D69 沙螺洞; English names them all alike.
  const auto by_en = sites().select(text_filter("sha lo tung"));
  ASSERT_EQ(by_en.size(), 4u);
  EXPECT_EQ(by_en[2]->code, "D68");
}

TEST(SiteRegistry, FiltersByCategoryAndDistrict) {
  const auto sai_kung_villages = sites().select(list_and_district("D", "sai_kung"));
  EXPECT_EQ(sai_kung_villages.size(), 21u);  // README Ambiguities 2
  for (const Site* site : sai_kung_villages) EXPECT_EQ(site->category, "D");
  EXPECT_EQ(sites().select(list_and_district("D", "tsuen_wan")).size(), 4u);
  EXPECT_EQ(sites().district("sai_kung")->name.zh, "西貢");
}

}  // namespace
}  // namespace bsap::rules
