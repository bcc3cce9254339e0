// The biodiversity hub on the real server (issue 9 §5, §6): the species search by each kind of
// name, the species, area and richness pages, the API and the downloads; and, route by route and
// role by role, that no answer to the public or an applicant holds a sensitive species' precise
// point or locality, while authorised staff get them.
#include <zip.h>

#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "biodata/occurrence_columns.h"
#include "biodata/temp_folder.h"
#include "hub/occurrence_download.h"
#include "hub/occurrence_import.h"
#include "store/bio_taxon_repo.h"
#include "web/router.h"
#include "web/routes.h"
#include "web/test_area_layer.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

using Json = nlohmann::json;

// Four species near Tai Po Kau: the golden coin turtle (withheld), Romer's tree frog (0.01°),
// the crested myna and mile-a-minute weed (not sensitive, the weed invasive).

const char* const kRows =
    "id\tname\tbasis\tdate\tlat\tlon\tdatum\tlocality\n"
    "web:1\tCuora trifasciata\tHumanObservation\t2019-04-02\t22.4258137\t114.1843791\tWGS84\t"
    "Secret stream A\n"
    "web:2\tLiuixalus romeri\tHumanObservation\t2021-06-30\t22.4312468\t114.1734529\tWGS84\t"
    "Secret pool B\n"
    "web:3\tAcridotheres cristatellus\tHumanObservation\t2020-01-01\t22.4201234\t114.1812345\t"
    "WGS84\tCar park\n"
    "web:4\tMikania micrantha\tHumanObservation\t2022-03-03\t22.4209876\t114.1798765\tWGS84\t"
    "Roadside\n";

// A big square (about 28 km²) around all four, a small one (about 0.18 km², smaller than a
// 0.01° cell) around the frog alone.
const char* const kLayer = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"CODE":"BIG","NAME":"Big square"},"geometry":{"type":"Polygon",
 "coordinates":[[[114.15,22.40],[114.20,22.40],[114.20,22.45],[114.15,22.45],[114.15,22.40]]]}},
{"type":"Feature","properties":{"CODE":"SMALL","NAME":"Small square"},"geometry":{"type":"Polygon",
 "coordinates":[[[114.171,22.429],[114.175,22.429],[114.175,22.433],[114.171,22.433],[114.171,22.429]]]}}
]})";

// The roles that read the hub as the public does (web/biodata_access.h names the staff): an
// applicant, and the public's contributors, funders and verifiers (issue 11).
const Role kPublicRoles[] = {Role::applicant, Role::contributor, Role::funder, Role::verifier};

// What only authorised staff may see: the sensitive records' precise coordinates and localities.
const char* const kSecrets[] = {"22.4258137",  "114.1843791",   "22.4312468",
                                "114.1734529", "Secret stream", "Secret pool"};

std::string zip_text(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!zip) {
    if (source) zip_source_free(source);
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&error);
    return "";
  }
  std::string text;
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) {
    zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0);
    char buffer[4096];
    for (zip_int64_t n; file && (n = zip_fread(file, buffer, sizeof buffer)) > 0;)
      text.append(buffer, static_cast<std::size_t>(n));
    if (file) zip_fclose(file);
  }
  zip_close(zip);
  return text;
}

class BiodataPages : public WebSuite {
 protected:
  static void SetUpTestSuite() {
    WebSuite::SetUpTestSuite();
    folder_ = std::make_unique<biodata::testing::TempFolder>();
    import_taxa();
    folder_->write("web/meta.xml", hub::occurrence_meta_xml(
                                       std::span(biodata::testing::kOccurrenceColumns).first(8)));
    folder_->write("web/occurrence.txt", kRows);
    hub::ImportOptions options{
        "test", "web-survey", {2026, 11, 23}, BSAP_HOME_DIR "/data/biodata/home_region.yaml", {}};
    auto imported = hub::import_occurrences(server().store(), folder_->path() / "web", options);
    ASSERT_TRUE(std::holds_alternative<hub::ImportSummary>(imported));
    import_test_layer(server().store(), *folder_, "hubtest", "Test squares", kLayer);
  }

  static void TearDownTestSuite() {
    folder_.reset();
    WebSuite::TearDownTestSuite();
  }

  static store::BioTaxon taxon(std::string id, std::string name, std::string zh, std::string en,
                               std::string establishment, std::string iucn, int sensitivity) {
    store::BioTaxon t;
    t.source_taxon_id = std::move(id);
    t.scientific_name = name;
    t.canonical_name = std::move(name);
    t.rank = "species";
    t.name_zh = std::move(zh);
    t.name_en = std::move(en);
    t.establishment = std::move(establishment);
    t.iucn_category = std::move(iucn);
    t.sensitivity = sensitivity;
    return t;
  }

  static void import_taxa() {
    std::vector<store::BioTaxon> taxa = {
        taxon("t1", "Cuora trifasciata", "金錢龜", "Golden coin turtle", "native", "CR", 4),
        taxon("t2", "Liuixalus romeri", "盧氏小樹蛙", "Romer's tree frog", "native", "EN", 2),
        taxon("t3", "Acridotheres cristatellus", "八哥", "Crested myna", "native", "LC", 0),
        taxon("t4", "Mikania micrantha", "薇甘菊", "Mile-a-minute weed", "invasive", "", 0),
        taxon("t5", "Philautus romeri", "", "", "native", "", 0)};
    taxa[4].accepted_source_id = "t2";
    taxa[4].taxonomic_status = "synonym";
    auto tx = server().store().begin();
    store::import_checklist(*tx, "web-test", taxa, "test");
    tx->commit();
  }

  static std::int64_t taxon_id(const std::string& name) {
    auto tx = server().store().begin();
    for (const auto& entry : store::checklist_names(*tx))
      if (entry.scientific_name == name) return entry.taxon;
    ADD_FAILURE() << "no taxon " << name;
    return 0;
  }

  // Every hub route with a target that names something the data holds.
  static std::vector<std::string> hub_targets() {
    std::vector<std::string> targets = {"/en/species?q=romeri",
                                        "/en/species?q=Cuora",
                                        "/en/areas",
                                        "/en/areas/hubtest",
                                        "/en/areas/hubtest/BIG",
                                        "/en/areas/hubtest/SMALL",
                                        "/en/richness",
                                        "/api/v1/biodata/species?q=romeri",
                                        "/api/v1/biodata/species?q=Cuora",
                                        "/api/v1/biodata/richness"};
    for (const char* name : {"Cuora trifasciata", "Liuixalus romeri"}) {
      std::string id = std::to_string(taxon_id(name));
      targets.push_back("/en/species/" + id);
      targets.push_back("/api/v1/biodata/species/" + id + "/occurrences");
      targets.push_back("/open-data/biodata/species/" + id + "/occurrences.csv");
      targets.push_back("/open-data/biodata/species/" + id + "/occurrences.zip");
    }
    for (const char* area : {"BIG", "SMALL"}) {
      targets.push_back("/open-data/biodata/areas/hubtest/" + std::string(area) +
                        "/occurrences.csv");
      targets.push_back("/open-data/biodata/areas/hubtest/" + std::string(area) +
                        "/occurrences.zip");
    }
    return targets;
  }

  // The answer as text to search: a zip's members unpacked.
  static std::string readable(const HttpResponse& response) {
    return response.header("content-type").starts_with("application/zip") ? zip_text(response.body)
                                                                          : response.body;
  }

  static inline std::unique_ptr<biodata::testing::TempFolder> folder_;
};

bool is_hub_route(std::string_view pattern) {
  for (std::string_view prefix : {"/{lang}/species", "/{lang}/areas", "/{lang}/richness",
                                  "/api/v1/biodata/", "/open-data/biodata/"})
    if (pattern.starts_with(prefix)) return true;
  return false;
}

TEST_F(BiodataPages, TheWalkCoversEveryHubRoute) {
  std::vector<std::string> targets = hub_targets();
  for (const web::Route& route : web::app_routes()) {
    if (!is_hub_route(route.pattern)) continue;
    bool walked = std::ranges::any_of(targets, [&](const std::string& target) {
      return web::pattern_matches(route.pattern, target.substr(0, target.find('?')));
    });
    EXPECT_TRUE(walked) << route.pattern << " is a hub route the sensitivity walk does not visit";
  }
}

// §6: for the public and applicants, no route leaks a sensitive point or locality.
TEST_F(BiodataPages, NoRouteShowsASensitivePointToThePublicOrAnApplicant) {
  std::vector<std::pair<std::string, HttpClient>> readers;
  readers.emplace_back("anonymous", anonymous());
  // Members of the public who sign in (issue 11) read the hub as the public does.
  for (Role role : kPublicRoles)
    readers.emplace_back(role_code(role), signed_in_as(user_with_role(role)));
  for (auto& [who, client] : readers) {
    for (const std::string& target : hub_targets()) {
      HttpResponse response = client.get(target);
      ASSERT_EQ(response.status, 200) << who << " " << target;
      std::string text = readable(response);
      for (const char* secret : kSecrets)
        EXPECT_EQ(text.find(secret), std::string::npos)
            << who << " " << target << " shows " << secret;
    }
  }
}

// §6: authorised staff see the precise points — the secrets are in the data, so the walk above
// could have found them.
TEST_F(BiodataPages, EveryStaffRoleSeesThePrecisePoints) {
  const std::string frog = std::to_string(taxon_id("Liuixalus romeri"));
  for (Role role : all_roles()) {
    if (std::ranges::find(kPublicRoles, role) != std::end(kPublicRoles)) continue;
    HttpClient client = signed_in_as(user_with_role(role));
    HttpResponse csv = client.get("/open-data/biodata/species/" + frog + "/occurrences.csv");
    EXPECT_NE(csv.body.find("22.4312468"), std::string::npos) << role_code(role);
    EXPECT_NE(csv.body.find("Secret pool B"), std::string::npos) << role_code(role);
    EXPECT_EQ(csv.header("cache-control"), "private, no-store");
    HttpResponse page = client.get("/en/areas/hubtest/SMALL");
    EXPECT_NE(page.body.find("Liuixalus romeri"), std::string::npos) << role_code(role);
  }
}

TEST_F(BiodataPages, TheFrogsPublicRecordIsAtItsCellCentreAndSaysSo) {
  const std::string frog = std::to_string(taxon_id("Liuixalus romeri"));
  HttpResponse csv = anonymous().get("/open-data/biodata/species/" + frog + "/occurrences.csv");
  EXPECT_NE(csv.body.find("22.435,114.175,WGS84"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("0.01° grid cell"), std::string::npos);
  EXPECT_EQ(csv.header("cache-control"), "public, max-age=300");
  HttpResponse page = anonymous().get("/en/species/" + frog);
  EXPECT_NE(page.body.find("centre of a 0.01° grid cell"), std::string::npos);
}

TEST_F(BiodataPages, TheTurtlesPublicRecordHasNoPlace) {
  const std::string turtle = std::to_string(taxon_id("Cuora trifasciata"));
  Json points =
      Json::parse(anonymous().get("/api/v1/biodata/species/" + turtle + "/occurrences").body);
  EXPECT_TRUE(points["features"].empty());
  HttpResponse csv = anonymous().get("/open-data/biodata/species/" + turtle + "/occurrences.csv");
  EXPECT_NE(csv.body.find("web:1"), std::string::npos);
  EXPECT_NE(csv.body.find("coordinates withheld"), std::string::npos);
}

// §6: a sensitive species is listed in an area only when the area is at least its cell's size.
TEST_F(BiodataPages, AnAreaListsASensitiveSpeciesOnlyWhenLargerThanItsCell) {
  HttpResponse big = anonymous().get("/en/areas/hubtest/BIG");
  EXPECT_NE(big.body.find("Liuixalus romeri"), std::string::npos);
  EXPECT_EQ(big.body.find("Cuora trifasciata"), std::string::npos);  // withheld: nowhere
  EXPECT_NE(big.body.find("Acridotheres cristatellus"), std::string::npos);
  EXPECT_NE(big.body.find("2021-06-30"), std::string::npos);  // first and last record
  HttpResponse small = anonymous().get("/en/areas/hubtest/SMALL");
  EXPECT_EQ(small.body.find("Liuixalus romeri"), std::string::npos);
  HttpResponse staff = signed_in_as(user_with_role(Role::secretariat)).get("/en/areas/hubtest/BIG");
  EXPECT_NE(staff.body.find("Cuora trifasciata"), std::string::npos);
}

TEST_F(BiodataPages, AnAreaMarksThreatenedAndInvasiveSpecies) {
  HttpResponse big = signed_in_as(user_with_role(Role::secretariat)).get("/en/areas/hubtest/BIG");
  EXPECT_NE(big.body.find("4 species recorded, 2 of them threatened and 1 invasive"),
            std::string::npos);
  EXPECT_NE(big.body.find("bsap-tag--threatened"), std::string::npos);
  EXPECT_NE(big.body.find("bsap-tag--invasive"), std::string::npos);
}

TEST_F(BiodataPages, TheRichnessMapCountsOnlyWhatTheReaderMaySee) {
  auto species_total = [](const HttpResponse& response) {
    long total = 0;
    const Json squares = Json::parse(response.body);
    for (const Json& feature : squares["features"])
      total += feature["properties"]["species"].get<long>();
    return total;
  };
  EXPECT_EQ(species_total(anonymous().get("/api/v1/biodata/richness")), 2);
  EXPECT_EQ(
      species_total(signed_in_as(user_with_role(Role::committee)).get("/api/v1/biodata/richness")),
      4);
  HttpResponse page = anonymous().get("/zh/richness");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("物種豐富度地圖"), std::string::npos);
}

TEST_F(BiodataPages, TheSearchFindsEveryKindOfName) {
  const std::string frog = "/en/species/" + std::to_string(taxon_id("Liuixalus romeri"));
  for (const char* q :
       {"romeri", "LIUIXALUS", "tree%20frog", "Tree+Frog", "%E7%9B%A7%E6%B0%8F", "Philautus"}) {
    HttpResponse page = anonymous().get(std::string("/en/species?q=") + q);
    EXPECT_NE(page.body.find("href=\"" + frog + "\""), std::string::npos) << q;
  }
  Json api = Json::parse(anonymous().get("/api/v1/biodata/species?q=weed").body);
  ASSERT_EQ(api["species"].size(), 1u);
  EXPECT_EQ(api["species"][0]["scientificName"], "Mikania micrantha");
  EXPECT_EQ(api["species"][0]["establishment"], "invasive");
  EXPECT_EQ(anonymous().get("/en/species?q=%25").body.find("Mikania"), std::string::npos);
}

// The checklist's names are Traditional; a reader of /zh-hans/ types Simplified (decision 0017).
TEST_F(BiodataPages, TheSearchFindsATraditionalNameTypedInSimplified) {
  const std::string frog = "/zh-hans/species/" + std::to_string(taxon_id("Liuixalus romeri"));
  HttpResponse page = anonymous().get(  // 卢氏小树蛙, stored 盧氏小樹蛙
      "/zh-hans/species?q=%E5%8D%A2%E6%B0%8F%E5%B0%8F%E6%A0%91%E8%9B%99");
  EXPECT_NE(page.body.find("href=\"" + frog + "\""), std::string::npos);
  Json api = Json::parse(  // 金钱龟, stored 金錢龜
      anonymous().get("/api/v1/biodata/species?q=%E9%87%91%E9%92%B1%E9%BE%9F").body);
  ASSERT_EQ(api["species"].size(), 1u);
  EXPECT_EQ(api["species"][0]["scientificName"], "Cuora trifasciata");
}

TEST_F(BiodataPages, ASynonymsPageSendsTheReaderToItsAcceptedName) {
  HttpResponse page =
      anonymous().get("/en/species/" + std::to_string(taxon_id("Philautus romeri")));
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.header("location"), "/en/species/" + std::to_string(taxon_id("Liuixalus romeri")));
  EXPECT_EQ(anonymous().get("/en/species/999999").status, 404);
  EXPECT_EQ(anonymous().get("/en/species/abc").status, 404);
  EXPECT_EQ(anonymous().get("/en/areas/hubtest/NOWHERE").status, 404);
}

TEST_F(BiodataPages, TheSpeciesPageShowsRecordsByYearAndItsDownloads) {
  const std::string myna = std::to_string(taxon_id("Acridotheres cristatellus"));
  HttpResponse page = anonymous().get("/zh/species/" + myna);
  EXPECT_NE(page.body.find("八哥"), std::string::npos);
  EXPECT_NE(page.body.find("<th scope=\"row\">2020</th>"), std::string::npos);
  EXPECT_NE(page.body.find("/open-data/biodata/species/" + myna + "/occurrences.zip"),
            std::string::npos);
  HttpResponse zip = anonymous().get("/open-data/biodata/species/" + myna + "/occurrences.zip");
  EXPECT_NE(zip_text(zip.body).find("web:3"), std::string::npos);
  EXPECT_NE(zip.header("content-disposition").find("species-" + myna + ".zip"), std::string::npos);
}

}  // namespace
}  // namespace bsap::test
