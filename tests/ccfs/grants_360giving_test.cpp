// The public list of approved projects (§4.1.3) as 360Giving open data: every field the standard
// requires, amounts exact to the cent, the standard's CSV titles with RFC 4180 quoting, grants in
// reference order. The package of sample_grants() is checked in as
// tests/fixtures/open-data/ccfs-grants-sample.json, which the browser suite validates against the
// 360Giving schema with a real JSON Schema validator (tests/browser/open-data.test.mjs).
#include "ccfs/grants_360giving.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace bsap::ccfs::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

CivilDate day(int year, unsigned month, unsigned d) { return *CivilDate::from_ymd(year, month, d); }

PublicGrant lai_chi_wo() {
  PublicGrant grant;
  grant.reference = "CCFS-2026-0001";
  grant.title = "荔枝窩及沙埔濕地保育管理協議";
  grant.description = "Managing the freshwater marsh of Lai Chi Wo and Sha Po with the villagers.";
  grant.organisation_name_zh = "綠野保育有限公司";
  grant.organisation_name_en = "Green Fields Conservation Limited";
  grant.organisation_identifier = "360G-hkccfs-org-1";
  grant.project_type = "management_agreement";
  grant.project_type_zh = "自然保育管理協議項目";
  grant.project_type_en = "Nature Conservation Management Agreement project";
  grant.site_codes = {"D01", "D02"};
  grant.site_names_zh = {"沙埔", "大園"};
  grant.site_names_en = {"Sha Po", "Tai Yuen"};
  grant.amount = Money::from_cents(123456789);  // HK$1,234,567.89
  grant.duration_months = 36;
  grant.planned_start = day(2026, 9, 1);
  grant.decided_on = day(2026, 6, 30);
  grant.status = "approved";
  return grant;
}

PublicGrant oral_history() {
  PublicGrant grant;
  grant.reference = "CCFS-2026-0002";
  grant.title = "Voices of the village, \"before and after\"";
  grant.description = "Oral history,\nin two parts.";
  grant.organisation_name_zh = "鄉郊口述歷史學會";
  grant.organisation_identifier = "360G-hkccfs-org-7";
  grant.project_type = "cultural_revitalisation";
  grant.project_type_zh = "文化復興／復育項目";
  grant.project_type_en = "Cultural revitalisation project";
  grant.amount = Money::from_cents(10);  // HK$0.10
  grant.decided_on = day(2026, 7, 2);
  grant.status = "approved_in_part";
  return grant;
}

// Out of reference order on purpose.
std::vector<PublicGrant> sample_grants() { return {oral_history(), lai_chi_wo()}; }

fs::path fixture_path() {
  return fs::path(BSAP_HOME_DIR) / "tests" / "fixtures" / "open-data" / "ccfs-grants-sample.json";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What the printf family makes of the cents, independently of the code under test.
std::string printf_amount(std::int64_t cents) {
  char text[40];
  const long long magnitude = std::llabs(cents);
  std::snprintf(text, sizeof text, "%s%lld.%02lld", cents < 0 ? "-" : "", magnitude / 100,
                magnitude % 100);
  return text;
}

std::string package_with_amount(std::int64_t cents) {
  PublicGrant grant = lai_chi_wo();
  grant.amount = Money::from_cents(cents);
  return grants_package_json({grant});
}

TEST(Grants360Giving, GrantIdIsThePrefixAndTheReference) {
  EXPECT_EQ(grant_id("CCFS-2026-0001"), "360G-hkccfs-CCFS-2026-0001");
  // The standard's guidance: anything but letters, digits, hyphens and underscores becomes "_".
  EXPECT_EQ(grant_id("CCFS 2026/7"), "360G-hkccfs-CCFS_2026_7");
}

TEST(Grants360Giving, EveryRequiredFieldOfTheStandardIsThere) {
  const Json package = Json::parse(grants_package_json({lai_chi_wo()}));
  EXPECT_EQ(package["version"], "1.4");
  ASSERT_EQ(package["grants"].size(), 1u);
  const Json& grant = package["grants"][0];
  EXPECT_EQ(grant["id"], "360G-hkccfs-CCFS-2026-0001");
  EXPECT_EQ(grant["title"], "荔枝窩及沙埔濕地保育管理協議");
  EXPECT_EQ(grant["description"], lai_chi_wo().description);
  EXPECT_EQ(grant["currency"], "HKD");
  EXPECT_TRUE(grant["amountAwarded"].is_number());
  EXPECT_EQ(grant["awardDate"], "2026-06-30");
  EXPECT_EQ(grant["recipientOrganization"][0]["id"], "360G-hkccfs-org-1");
  EXPECT_EQ(grant["recipientOrganization"][0]["name"], "Green Fields Conservation Limited");
  EXPECT_EQ(grant["recipientOrganization"][0]["alternateName"], "綠野保育有限公司");
  EXPECT_EQ(grant["fundingOrganization"][0]["id"], "360G-hkccfs-org-CCO");
  EXPECT_FALSE(grant["fundingOrganization"][0]["name"].get<std::string>().empty());
  EXPECT_EQ(grant["grantProgramme"][0]["title"], "Countryside Conservation Funding Scheme");
}

TEST(Grants360Giving, PlannedDatesAndSitesWhenKnown) {
  const Json grant = Json::parse(grants_package_json({lai_chi_wo()}))["grants"][0];
  EXPECT_EQ(grant["plannedDates"], Json::parse(R"([{"startDate":"2026-09-01","duration":36}])"));
  EXPECT_EQ(grant["beneficiaryLocation"], Json::parse(R"([{"name":"Sha Po","countryCode":"HK"},
                            {"name":"Tai Yuen","countryCode":"HK"}])"));
  EXPECT_EQ(grant["additional_data"]["site_codes"], Json::parse(R"(["D01","D02"])"));
  EXPECT_EQ(grant["additional_data"]["reference"], "CCFS-2026-0001");
  EXPECT_EQ(grant["additional_data"]["status"], "approved");
}

TEST(Grants360Giving, NoPlannedDatesOrLocationsWhenUnknown) {
  const Json grant = Json::parse(grants_package_json({oral_history()}))["grants"][0];
  EXPECT_FALSE(grant.contains("plannedDates"));
  EXPECT_FALSE(grant.contains("beneficiaryLocation"));
  // Only a Chinese name: it is the name, and there is no alternate.
  EXPECT_EQ(grant["recipientOrganization"][0]["name"], "鄉郊口述歷史學會");
  EXPECT_FALSE(grant["recipientOrganization"][0].contains("alternateName"));
}

TEST(Grants360Giving, AmountAwardedIsTheCentsExactly) {
  EXPECT_NE(package_with_amount(123456789).find("\"amountAwarded\": 1234567.89,"),
            std::string::npos);
  EXPECT_NE(package_with_amount(10).find("\"amountAwarded\": 0.10,"), std::string::npos);
  EXPECT_NE(package_with_amount(150000000).find("\"amountAwarded\": 1500000.00,"),
            std::string::npos);
  EXPECT_EQ(Json::parse(package_with_amount(123456789))["grants"][0]["amountAwarded"].get<double>(),
            1234567.89);
}

TEST(Grants360Giving, AmountAwardedHasNoFloatingPointDriftOverManyAmounts) {
  std::vector<std::int64_t> amounts;
  for (std::int64_t cents = 0; cents < 1000; ++cents) amounts.push_back(cents);
  for (std::int64_t cents = 150'000'000 - 500; cents < 150'000'000 + 500; ++cents)
    amounts.push_back(cents);
  amounts.push_back(9'007'199'254'740'993);  // beyond a double's exact integers
  for (std::int64_t cents : amounts) {
    const std::string expected = "\"amountAwarded\": " + printf_amount(cents) + ",";
    EXPECT_NE(package_with_amount(cents).find(expected), std::string::npos) << cents;
  }
}

TEST(Grants360Giving, AKeyLikeTextInATitleStaysText) {
  PublicGrant grant = lai_chi_wo();
  grant.title = "x\"amountAwarded\": \"1\", \"amountAwarded\": \"2";
  const Json parsed = Json::parse(grants_package_json({grant}));
  EXPECT_EQ(parsed["grants"][0]["title"], grant.title);
  EXPECT_EQ(parsed["grants"][0]["amountAwarded"].get<double>(), 1234567.89);
}

TEST(Grants360Giving, GrantsInReferenceOrder) {
  const Json package = Json::parse(grants_package_json(sample_grants()));
  ASSERT_EQ(package["grants"].size(), 2u);
  EXPECT_EQ(package["grants"][0]["id"], "360G-hkccfs-CCFS-2026-0001");
  EXPECT_EQ(package["grants"][1]["id"], "360G-hkccfs-CCFS-2026-0002");
  const std::string csv = grants_csv(sample_grants());
  EXPECT_LT(csv.find("360G-hkccfs-CCFS-2026-0001"), csv.find("360G-hkccfs-CCFS-2026-0002"));
}

TEST(Grants360Giving, ReferencePast9999ComesAfter9999) {
  PublicGrant later = lai_chi_wo(), earlier = lai_chi_wo(), last_year = lai_chi_wo();
  later.reference = "CCFS-2026-10000";
  earlier.reference = "CCFS-2026-9999";
  last_year.reference = "CCFS-2025-12000";
  const Json package = Json::parse(grants_package_json({later, earlier, last_year}));
  EXPECT_EQ(package["grants"][0]["id"], "360G-hkccfs-CCFS-2025-12000");
  EXPECT_EQ(package["grants"][1]["id"], "360G-hkccfs-CCFS-2026-9999");
  EXPECT_EQ(package["grants"][2]["id"], "360G-hkccfs-CCFS-2026-10000");
}

TEST(Grants360Giving, EmptyPackageHasAnEmptyList) {
  EXPECT_EQ(grants_package_json({}), "{\n  \"version\": \"1.4\",\n  \"grants\": []\n}\n");
}

TEST(Grants360Giving, CsvHeaderHasTheStandardsTitlesEvenWithNoGrants) {
  EXPECT_EQ(grants_csv({}),
            "Identifier,Title,Description,Currency,Amount Awarded,Award Date,"
            "Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,"
            "Planned Dates:Start Date,Planned Dates:Duration (months),Grant Programme:Title,"
            "Beneficiary Location:Name,CCFS:Reference,CCFS:Status,CCFS:Project Type,"
            "CCFS:Project Type (Chinese),CCFS:Recipient Org Name (Chinese),CCFS:Site Codes,"
            "CCFS:Site Names (Chinese)\r\n");
}

TEST(Grants360Giving, CsvRowCarriesTheGrant) {
  const std::string csv = grants_csv({lai_chi_wo()});
  const std::string row = csv.substr(csv.find("\r\n") + 2);
  EXPECT_EQ(row,
            "360G-hkccfs-CCFS-2026-0001,荔枝窩及沙埔濕地保育管理協議,"
            "Managing the freshwater marsh of Lai Chi Wo and Sha Po with the villagers.,HKD,"
            "1234567.89,2026-06-30,360G-hkccfs-org-1,Green Fields Conservation Limited,"
            "360G-hkccfs-org-CCO,"
            "\"Countryside Conservation Office, Environment and Ecology Bureau, HKSAR Government\","
            "2026-09-01,36,Countryside Conservation Funding Scheme,Sha Po; Tai Yuen,CCFS-2026-0001,"
            "approved,Nature Conservation Management Agreement project,自然保育管理協議項目,"
            "綠野保育有限公司,D01; D02,沙埔; 大園\r\n");
}

TEST(Grants360Giving, CsvQuotesCommasQuotesAndLineBreaks_Rfc4180) {
  const std::string csv = grants_csv({oral_history()});
  EXPECT_NE(csv.find(",\"Voices of the village, \"\"before and after\"\"\","), std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",\"Oral history,\nin two parts.\","), std::string::npos) << csv;
  EXPECT_NE(csv.find(",HKD,0.10,2026-07-02,"), std::string::npos) << csv;
  // Unknown planned start and duration are empty fields.
  EXPECT_NE(csv.find(",,,Countryside Conservation Funding Scheme,,CCFS-2026-0002,"),
            std::string::npos)
      << csv;
  EXPECT_TRUE(csv.ends_with("\r\n"));
}

// The checked-in sample is what the code writes today; the browser suite validates that file
// against the 360Giving schema. BSAP_UPDATE_FIXTURES=1 rewrites it after a deliberate change.
TEST(Grants360Giving, SamplePackageMatchesTheCheckedInFixture) {
  const std::string package = grants_package_json(sample_grants());
  if (std::getenv("BSAP_UPDATE_FIXTURES")) {
    fs::create_directories(fixture_path().parent_path());
    std::ofstream(fixture_path(), std::ios::binary) << package;
  }
  EXPECT_EQ(read_file(fixture_path()), package)
      << "the package differs from " << fixture_path()
      << "; after a deliberate change, run the test with BSAP_UPDATE_FIXTURES=1";
}

}  // namespace
}  // namespace bsap::ccfs::testing
