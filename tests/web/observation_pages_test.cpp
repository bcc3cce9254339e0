// Citizen science on the real server (issue 11; 000 優先行動 2.2 item 1, 3.5): a member of the
// public registers and submits; nothing submitted is shown to anyone but its submitter, the
// verifiers and the hub's staff before a verifier reviews it; a sensitive species' precise place
// is never shown to the public, another contributor or an applicant, on any observation or hub
// route; a verified observation is counted in its area, and a rejected one no longer is.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "biodata/temp_folder.h"
#include "store/bio_taxon_repo.h"
#include "web/test_area_layer.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

// A square of about 28 km² around Tai Po Kau: larger than a 0.01° cell, so that the frog's
// presence may be shown in it (biodata/sensitivity.h).
const char* const kLayer = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"CODE":"BIG","NAME":"Big square"},"geometry":{"type":"Polygon",
 "coordinates":[[[114.15,22.40],[114.20,22.40],[114.20,22.45],[114.15,22.45],[114.15,22.40]]]}}
]})";

// Romer's tree frog (0.01°) and the golden coin turtle (withheld), at precise places.
// Five decimals (about a metre) find the point however a page or download prints it.
const char* const kSecrets[] = {"22.43124", "114.17345", "22.42581", "114.18437", "Secret pool"};

using Fields = std::vector<std::pair<std::string, std::string>>;

class ObservationPages : public WebSuite {
 protected:
  static void SetUpTestSuite() {
    WebSuite::SetUpTestSuite();
    folder_ = std::make_unique<biodata::testing::TempFolder>();
    store::BioTaxon frog = taxon("f1", "Liuixalus romeri", "盧氏小樹蛙", "Romer's tree frog", 2);
    store::BioTaxon turtle = taxon("t1", "Cuora trifasciata", "金錢龜", "Golden coin turtle", 4);
    {
      auto tx = server().store().begin();
      store::import_checklist(*tx, "obs-test", {frog, turtle}, "test");
      tx->commit();
    }
    import_test_layer(server().store(), *folder_, "obstest", "Test square", kLayer);
  }

  static void TearDownTestSuite() {
    folder_.reset();
    WebSuite::TearDownTestSuite();
  }

  static store::BioTaxon taxon(std::string id, std::string name, std::string zh, std::string en,
                               int sensitivity) {
    store::BioTaxon t;
    t.source_taxon_id = std::move(id);
    t.scientific_name = name;
    t.canonical_name = std::move(name);
    t.rank = "species";
    t.name_zh = std::move(zh);
    t.name_en = std::move(en);
    t.sensitivity = sensitivity;
    return t;
  }

  static HttpClient contributor() { return signed_in_as(user_with_role(Role::contributor)); }
  static HttpClient verifier() { return signed_in_as(user_with_role(Role::verifier)); }

  static HttpResponse post(HttpClient& client, const std::string& target, Fields fields,
                           const std::string& form_page) {
    fields.emplace_back("csrf_token", client.csrf_token_from(form_page));
    return client.post_form(target, fields);
  }

  static Fields frog_at_the_secret_pool() {
    return {{"species", "Liuixalus romeri"}, {"latitude", "22.431246"}, {"longitude", "114.173453"},
            {"observed_on", "2026-11-20"},   {"individual_count", "3"}, {"notes", "Secret pool B"}};
  }

  // Submits as the contributor walker; returns the observation's path.
  static std::string submit(Fields fields) {
    HttpClient client = contributor();
    HttpResponse response = post(client, "/en/observations", fields, "/en/observations/new");
    EXPECT_EQ(response.status, 303) << response.body.substr(0, 2000);
    return response.header("location");
  }

  static void review(const std::string& path, const std::string& decision,
                     const std::string& species) {
    HttpClient client = verifier();
    HttpResponse response = post(
        client, path + "/review",
        {{"decision", decision}, {"species", species}, {"review_note", "Checked the photo"}}, path);
    EXPECT_EQ(response.status, 303) << response.body.substr(0, 2000);
  }

  // Another member of the public, registered through the join form.
  static HttpClient other_contributor() {
    static bool joined = false;
    HttpClient anonymous_client = anonymous();
    if (!joined) {
      HttpResponse joined_response = post(anonymous_client, "/en/observations/join",
                                          {{"display_name", "Other Walker"},
                                           {"email", "other@example.org"},
                                           {"username", "other_walker"},
                                           {"password", kPassword}},
                                          "/en/observations/join");
      EXPECT_EQ(joined_response.status, 303);
      joined = true;
    }
    return signed_in_as("other_walker");
  }

  static void expect_no_secret(HttpClient& client, const std::string& who,
                               const std::vector<std::string>& targets) {
    for (const std::string& target : targets) {
      HttpResponse response = client.get(target);
      EXPECT_LT(response.status, 500) << who << " " << target;
      for (const char* secret : kSecrets)
        EXPECT_EQ(response.body.find(secret), std::string::npos)
            << who << " " << target << " shows " << secret;
    }
  }

  static std::string frog_id() {
    auto tx = server().store().begin();
    for (const auto& entry : store::checklist_names(*tx))
      if (entry.scientific_name == "Liuixalus romeri") return std::to_string(entry.taxon);
    return "0";
  }

  // The form sent as a browser sends it with a file: multipart/form-data.
  static HttpResponse submit_with_photo(const Fields& fields, const std::string& filename,
                                        const std::string& bytes) {
    HttpClient client = contributor();
    Fields all = fields;
    all.emplace_back("csrf_token", client.csrf_token_from("/en/observations/new"));
    all.emplace_back("photo_licence", "CC-BY-4.0");
    return client.post_multipart("/en/observations", all, {"photo", filename, "image/jpeg", bytes});
  }

  // A phone's JPEG with an EXIF GPS position (the photo module's fuzz seed).
  static std::string phone_jpeg() {
    std::ifstream in(BSAP_HOME_DIR "/fuzz/corpus/photo/exif_gps_orientation6.jpg",
                     std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }

  static inline std::unique_ptr<biodata::testing::TempFolder> folder_;
};

TEST_F(ObservationPages, AMemberOfThePublicRegistersAsAContributor) {
  HttpClient client = other_contributor();
  HttpResponse page = client.get("/en/observations/new");
  EXPECT_EQ(page.status, 200);
  HttpClient visitor = anonymous();
  HttpResponse refused = post(visitor, "/en/observations/join",
                              {{"display_name", "X"},
                               {"email", "not-an-address"},
                               {"username", "x_walker"},
                               {"password", "short"}},
                              "/en/observations/join");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Enter an e-mail address"), std::string::npos);
}

// Moderation: before a verifier's review, only the submitter, verifiers and staff see it.
TEST_F(ObservationPages, NothingSubmittedIsPublicBeforeReview) {
  const std::string path = submit(frog_at_the_secret_pool());
  ASSERT_TRUE(path.starts_with("/en/observations/"));
  EXPECT_EQ(anonymous().get(path).status, 404);
  EXPECT_EQ(other_contributor().get(path).status, 404);
  EXPECT_EQ(signed_in_as(user_with_role(Role::applicant)).get(path).status, 404);
  EXPECT_EQ(anonymous().get("/en/observations").body.find(path + "\""), std::string::npos);
  HttpResponse own = contributor().get(path);
  EXPECT_EQ(own.status, 200);
  EXPECT_NE(own.body.find("22.431246"), std::string::npos);
  HttpResponse reviewing = verifier().get(path);
  EXPECT_EQ(reviewing.status, 200);
  EXPECT_NE(reviewing.body.find("22.431246"), std::string::npos);
  EXPECT_NE(verifier().get("/en/observations").body.find(path + "\""), std::string::npos);
}

TEST_F(ObservationPages, AFormWithFaultsSaysWhatToFix) {
  HttpClient client = contributor();
  Fields fields = frog_at_the_secret_pool();
  fields[3].second = "2099-01-01";
  fields[4].second = "0";
  fields[1].second = "23.0";
  HttpResponse response = post(client, "/en/observations", fields, "/en/observations/new");
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("cannot be after today"), std::string::npos);
  EXPECT_NE(response.body.find("a whole number from 1"), std::string::npos);
  EXPECT_NE(response.body.find("outside Hong Kong"), std::string::npos);
  fields = frog_at_the_secret_pool();
  fields[0].second = "Nomen ignotum";
  response = post(client, "/en/observations", fields, "/en/observations/new");
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("No species in the checklist"), std::string::npos);
}

// 000 3.5 with the hub's §6: verified, the frog is public at its 0.01° cell's centre only, and
// counted in its area; no observation or hub route shows its precise place to the public,
// another contributor or an applicant.
TEST_F(ObservationPages, AVerifiedSensitiveObservationIsPublicGeneralisedAndCounted) {
  const std::string path = submit(frog_at_the_secret_pool());
  review(path, "verified", "Liuixalus romeri");
  HttpResponse page = anonymous().get(path);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("22.435, 114.175"), std::string::npos);
  EXPECT_NE(page.body.find("sensitive species"), std::string::npos);
  HttpResponse area = anonymous().get("/en/areas/obstest/BIG");
  EXPECT_NE(area.body.find("Liuixalus romeri"), std::string::npos);
  const std::vector<std::string> targets = {
      path,
      "/en/observations",
      "/en/species/" + frog_id(),
      "/api/v1/biodata/species/" + frog_id() + "/occurrences",
      "/open-data/biodata/species/" + frog_id() + "/occurrences.csv",
      "/open-data/biodata/areas/obstest/BIG/occurrences.csv",
      "/en/areas/obstest/BIG"};
  HttpClient visitor = anonymous(), other = other_contributor(),
             applicant = signed_in_as(user_with_role(Role::applicant));
  expect_no_secret(visitor, "anonymous", targets);
  expect_no_secret(other, "another contributor", targets);
  expect_no_secret(applicant, "applicant", targets);
}

// The list's map takes each observation's place from its <li data-lat data-lon>: the public
// place, generalised for a sensitive taxon, whoever reads the page, the verifier included.
TEST_F(ObservationPages, TheMapOfObservationsHoldsOnlyTheGeneralisedPlaceOfASensitiveTaxon) {
  const std::string path = submit(frog_at_the_secret_pool());
  review(path, "verified", "Liuixalus romeri");
  HttpClient visitor = anonymous(), expert = verifier();
  for (HttpClient* client : {&visitor, &expert}) {
    const HttpResponse page = client->get("/en/observations");
    ASSERT_NE(page.body.find("id=\"observations-map\" data-list=\"published-list\""),
              std::string::npos);
    const auto item = page.body.find("data-href=\"" + path + "\"");
    ASSERT_NE(item, std::string::npos);
    const std::string map_data = page.body.substr(page.body.rfind("<li", item), 120);
    EXPECT_NE(map_data.find("data-lat=\"22.435\" data-lon=\"114.175\""), std::string::npos)
        << map_data;
  }
  for (const char* secret : kSecrets)
    EXPECT_EQ(visitor.get("/en/observations").body.find(secret), std::string::npos) << secret;
}

// The species fields offer the taxa the observation's identifications name as a <datalist>
// (species-names.js adds the hub's matches as one types); without it a name typed in any of the
// three languages is matched by the server.
TEST_F(ObservationPages, TheSpeciesFieldsOfferAChoiceListAndAcceptANameTyped) {
  Fields unknown = {{"unknown", "yes"},          {"latitude", "22.427555"},
                    {"longitude", "114.182555"}, {"observed_on", "2026-11-22"},
                    {"individual_count", "1"},   {"notes", ""}};
  const std::string path = submit(unknown);
  HttpClient expert = verifier();
  EXPECT_EQ(
      post(expert, path + "/identifications", {{"species", "Romer's tree frog"}}, path).status,
      303);
  const HttpResponse page = expert.get(path);
  EXPECT_NE(page.body.find("id=\"review_species\" name=\"species\" type=\"text\" value=\"\" "
                           "list=\"species-names\""),
            std::string::npos)
      << "the verifier's field";
  const auto list = page.body.find("<datalist id=\"species-names\">");
  ASSERT_NE(list, std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"Liuixalus romeri\">Romer", list), std::string::npos)
      << page.body.substr(list, 300);
  EXPECT_NE(page.body.find("/static/js/species-names.js"), std::string::npos);
  review(path, "verified", "盧氏小樹蛙");
  EXPECT_NE(anonymous().get(path).body.find("Liuixalus romeri"), std::string::npos);
}

TEST_F(ObservationPages, ARejectedObservationLeavesTheHubAndThePublic) {
  Fields turtle = {{"species", "Cuora trifasciata"}, {"latitude", "22.425814"},
                   {"longitude", "114.184379"},      {"observed_on", "2026-11-21"},
                   {"individual_count", "1"},        {"notes", ""}};
  const std::string path = submit(turtle);
  review(path, "verified", "Cuora trifasciata");
  HttpClient staff = signed_in_as(user_with_role(Role::secretariat));
  EXPECT_NE(staff.get("/en/areas/obstest/BIG").body.find("Golden coin turtle"), std::string::npos);
  HttpResponse page = anonymous().get(path);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Place withheld"), std::string::npos);
  review(path, "rejected", "");
  EXPECT_EQ(anonymous().get(path).status, 404);
  EXPECT_EQ(staff.get("/en/areas/obstest/BIG").body.find("Golden coin turtle"), std::string::npos);
}

// An unidentified observation published as needing an ID: once anyone names a withheld species
// in an identification, its place is withheld from the public at once.
TEST_F(ObservationPages, AnIdentificationNamingASensitiveSpeciesHidesThePlaceAtOnce) {
  Fields unknown = {{"unknown", "yes"},          {"latitude", "22.427111"},
                    {"longitude", "114.182222"}, {"observed_on", "2026-11-22"},
                    {"individual_count", "1"},   {"notes", ""}};
  const std::string path = submit(unknown);
  review(path, "needs_id", "");
  EXPECT_NE(anonymous().get(path).body.find("22.427111"), std::string::npos);
  HttpClient other = other_contributor();
  HttpResponse identified =
      post(other, path + "/identifications", {{"species", "Cuora trifasciata"}}, path);
  EXPECT_EQ(identified.status, 303);
  HttpResponse page = anonymous().get(path);
  EXPECT_EQ(page.body.find("22.427111"), std::string::npos);
  EXPECT_NE(page.body.find("Place withheld"), std::string::npos);
}

// Issue 11: a photograph is served only without its metadata (no EXIF GPS), only to whoever may
// see the observation, and it makes a verified observation research grade.
TEST_F(ObservationPages, APhotographIsServedWithoutItsGpsPositionAndOnlyOnceReviewed) {
  const std::string jpeg = phone_jpeg();
  ASSERT_NE(jpeg.find("Exif"), std::string::npos);
  HttpResponse submitted = submit_with_photo(frog_at_the_secret_pool(), "frog.jpg", jpeg);
  ASSERT_EQ(submitted.status, 303) << submitted.body.substr(0, 2000);
  const std::string path = submitted.header("location");
  HttpResponse page = contributor().get(path);
  auto at = page.body.find(path + "/photos/");
  ASSERT_NE(at, std::string::npos);
  const std::string photo = page.body.substr(at, page.body.find('"', at) - at);
  HttpResponse own = contributor().get(photo);
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(own.header("content-type"), "image/jpeg");
  EXPECT_EQ(own.header("cache-control"), "private, no-store");
  EXPECT_EQ(own.body.find("Exif"), std::string::npos);
  EXPECT_EQ(anonymous().get(photo).status, 404);
  review(path, "verified", "Liuixalus romeri");
  HttpResponse shown = anonymous().get(photo);
  EXPECT_EQ(shown.status, 200);
  EXPECT_EQ(shown.header("cache-control"), "public, max-age=300");
  EXPECT_NE(anonymous().get(path).body.find("Research grade"), std::string::npos);
}

TEST_F(ObservationPages, AFileThatIsNotAPhotographIsRefusedWithTheReason) {
  HttpResponse refused = submit_with_photo(frog_at_the_secret_pool(), "notes.jpg", "not a picture");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("not a JPEG, PNG or WebP"), std::string::npos);
}

TEST_F(ObservationPages, OnlyVerifiersReview) {
  const std::string path = submit(frog_at_the_secret_pool());
  HttpClient client = contributor();
  HttpResponse refused = post(client, path + "/review", {{"decision", "verified"}}, path);
  EXPECT_EQ(refused.status, 403);
  HttpClient expert = verifier();
  HttpResponse no_note = post(expert, path + "/review", {{"decision", "rejected"}}, path);
  EXPECT_EQ(no_note.status, 422);
  EXPECT_NE(no_note.body.find("why the observation is rejected"), std::string::npos);
}

}  // namespace
}  // namespace bsap::test
