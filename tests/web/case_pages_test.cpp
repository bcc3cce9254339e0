// The good-practice case pages against the real server (000_e0ccae9882b7fb64.txt 優先行動 2.7,
// item 2.7.1): an organisation's case saved, checked, submitted, returned with a reason,
// resubmitted and published by the working group's secretariat; nothing unpublished is public or
// shown to another organisation (404); the public list's server-side filters; the open data; and
// every catalogue key the cases' code builds.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "media/test_images.h"
#include "store/bio_area_repo.h"
#include "store/case_repo.h"
#include "store/organisation_repo.h"
#include "web/page_text.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

const std::string kTitle = "Sha Lo Tung stream restoration";

class CasePages : public WebSuite {
 protected:
  static void SetUpTestSuite() {
    WebSuite::SetUpTestSuite();
    for (const auto& [user, name] :
         {std::pair{"gp_owner", "GP Owner Trust"}, {"gp_other", "GP Other Trust"}}) {
      const std::int64_t id = server().add_user(user, kPassword, {Role::applicant}, user);
      auto tx = server().store().begin();
      store::create_organisation(*tx, {name, name, "non_profit_company", false}, id, "Director");
      tx->commit();
    }
  }

  static HttpResponse post(HttpClient& client, const std::string& target, Fields fields) {
    fields.insert(fields.begin(), {"csrf_token", client.csrf_token_from("/en/account")});
    return client.post_form(target, fields);
  }

  static Fields complete_form(const std::string& title) {
    return {{"title_zh", "沙螺洞溪流修復"},
            {"title_en", title},
            {"latitude", "22.4630"},
            {"longitude", "114.1830"},
            {"district", "tai_po"},
            {"habitat", "stream"},
            {"nbs_kind", "restoration"},
            {"work_zh", "移除堰壩，恢復溪流連貫。"},
            {"work_en", "Removed weirs so the stream flows freely again."},
            {"outcome_count", "2"},
            {"outcome_0_what", "Stream reopened"},
            {"outcome_0_value", "850"},
            {"outcome_0_unit", "metres"},
            {"outcome_0_on", "2025-11-30"},
            {"funding_count", "2"},
            {"funding_0_source", "CCFS"},
            {"funding_0_amount", "HK$320,000.50"},
            {"actions", "1.4"},
            {"actions", "2.7"},
            {"kmgbf", "2"},
            {"sdgs", "15"}};
  }

  // Creates the case through the form; its id from the redirect to its page.
  static std::int64_t create(HttpClient& client, const Fields& form) {
    const HttpResponse created = post(client, "/en/cases/new", form);
    EXPECT_EQ(created.status, 303) << created.body.substr(0, 3000);
    const std::string location = created.header("location");
    const std::smatch match = [&] {
      std::smatch m;
      std::regex_search(location, m, std::regex(R"(/en/cases/(\d+)\?done=saved)"));
      return m;
    }();
    return match.empty() ? 0 : std::stoll(match[1]);
  }

  // A multipart/form-data POST with one file, the way a browser sends the photo form.
  static HttpResponse post_photo(HttpClient& client, const std::string& target,
                                 const std::string& bytes,
                                 const std::string& licence = "CC-BY-4.0") {
    return client.post_multipart(target,
                                 {{"csrf_token", client.csrf_token_from("/en/account")},
                                  {"photo_credit", "Chan Tai Man"},
                                  {"photo_licence", licence}},
                                 {"photo", "IMG_0001.jpg", "image/jpeg", bytes});
  }

  static std::string page(std::int64_t id, const std::string& lang = "en") {
    return "/" + lang + "/cases/" + std::to_string(id);
  }
};

TEST_F(CasePages, ACaseGoesFromDraftToPublishedAndOnlyThenIsPublic_2_7_1) {
  HttpClient owner = signed_in_as("gp_owner");
  HttpClient other = signed_in_as("gp_other");
  HttpClient plansec = signed_in_as(user_with_role(Role::plan_secretariat));
  HttpClient funder = signed_in_as(user_with_role(Role::funder));
  HttpClient public_ = anonymous();
  const std::int64_t id = create(owner, complete_form(kTitle));
  ASSERT_GT(id, 0);

  // A draft: its owner sees it; the public, another organisation, a funder and the secretariat
  // do not (404, with nothing of it shown).
  EXPECT_EQ(owner.get(page(id)).status, 200);
  EXPECT_TRUE(has(owner.get(page(id)), kTitle));
  for (HttpClient* client : {&public_, &other, &funder, &plansec}) {
    const HttpResponse refused = client->get(page(id));
    EXPECT_EQ(refused.status, 404);
    EXPECT_FALSE(has(refused, kTitle));
    EXPECT_NE(client->get(page(id) + "/edit").status, 200);
  }
  EXPECT_FALSE(has(public_.get("/en/cases"), kTitle));
  // Another organisation cannot edit, submit or withdraw it.
  EXPECT_EQ(post(other, page(id) + "/edit", complete_form("Taken over")).status, 404);
  EXPECT_EQ(post(other, page(id) + "/submit", {}).status, 404);
  EXPECT_EQ(post(other, page(id) + "/withdraw", {}).status, 404);

  // Submitted: the secretariat sees it in its queue; the public still does not.
  EXPECT_EQ(post(owner, page(id) + "/submit", {}).status, 303);
  EXPECT_EQ(public_.get(page(id)).status, 404);
  EXPECT_TRUE(has(plansec.get("/en/cases/review"), kTitle));
  EXPECT_EQ(plansec.get(page(id)).status, 200);
  EXPECT_EQ(post(owner, page(id) + "/edit", complete_form(kTitle)).status, 404);  // not editable

  // Returned without a reason: refused with what to do; with one, the owner reads it.
  const HttpResponse no_reason = post(plansec, page(id) + "/return", {{"return_reason", " "}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(shows(no_reason, "case_error_return_reason", Lang::en));
  EXPECT_EQ(post(plansec, page(id) + "/return", {{"return_reason", "Add the survey day."}}).status,
            303);
  EXPECT_TRUE(has(owner.get(page(id)), "Add the survey day."));
  EXPECT_EQ(public_.get(page(id)).status, 404);

  // Edited, resubmitted and published: now public, listed, and in the open data.
  EXPECT_EQ(post(owner, page(id) + "/edit", complete_form(kTitle)).status, 303);
  EXPECT_EQ(post(owner, page(id) + "/submit", {}).status, 303);
  EXPECT_EQ(post(plansec, page(id) + "/publish", {}).status, 303);
  const HttpResponse published = public_.get(page(id));
  EXPECT_EQ(published.status, 200);
  EXPECT_TRUE(has(published, kTitle));
  EXPECT_TRUE(has(published, "HK$320,000.50"));
  EXPECT_TRUE(has(public_.get(page(id, "zh")), "沙螺洞溪流修復"));
  EXPECT_TRUE(has(public_.get(page(id, "zh-hans")), "沙螺洞溪流修复"));  // derived Simplified
  EXPECT_TRUE(has(public_.get("/en/cases"), kTitle));
  const HttpResponse json = public_.get("/open-data/good-practice-cases.json");
  EXPECT_EQ(json.status, 200);
  EXPECT_TRUE(has(json, kTitle));
  EXPECT_TRUE(has(json, "\"amount_cents\": 32000050"));
  const HttpResponse csv = public_.get("/open-data/good-practice-cases.csv");
  EXPECT_TRUE(has(csv, kTitle));
  EXPECT_TRUE(has(csv, "320000.50"));

  auto tx = server().store().begin();
  EXPECT_EQ(store::find_case(*tx, id)->state, plan::CaseState::published);
}

TEST_F(CasePages, TheFiltersNarrowTheListOnTheServer_2_7_1) {
  HttpClient owner = signed_in_as("gp_owner");
  HttpClient plansec = signed_in_as(user_with_role(Role::plan_secretariat));
  const std::string woodland = "Filter test woodland case";
  Fields form = complete_form(woodland);
  for (auto& [name, value] : form) {
    if (name == "habitat") value = "woodland";
    if (name == "district") value = "sai_kung";
    if (name == "latitude") value = "22.3800";
    if (name == "longitude") value = "114.2700";
  }
  const std::int64_t id = create(owner, form);
  ASSERT_EQ(post(owner, page(id) + "/submit", {}).status, 303);
  ASSERT_EQ(post(plansec, page(id) + "/publish", {}).status, 303);
  HttpClient public_ = anonymous();
  EXPECT_TRUE(has(public_.get("/en/cases?habitat=woodland"), woodland));
  EXPECT_FALSE(has(public_.get("/en/cases?habitat=stream"), woodland));
  EXPECT_TRUE(has(public_.get("/en/cases?district=sai_kung&kmgbf=2&action=2.7"), woodland));
  EXPECT_FALSE(has(public_.get("/en/cases?kmgbf=3"), woodland));
  EXPECT_FALSE(has(public_.get("/en/cases?action=4.5"), woodland));
  // An unknown value is no filter, not an error.
  const HttpResponse unknown = public_.get("/en/cases?habitat=lava&kmgbf=99");
  EXPECT_EQ(unknown.status, 200);
  EXPECT_TRUE(has(unknown, woodland));
}

TEST_F(CasePages, AFaultyFormIsShownAgainWithWhatToFix) {
  HttpClient owner = signed_in_as("gp_owner");
  Fields form = complete_form("Out of bounds");
  for (auto& [name, value] : form) {
    if (name == "latitude") value = "23.5";
    if (name == "funding_0_amount") value = "lots";
    if (name == "outcome_0_on") value = "2999-01-01";
  }
  const HttpResponse refused = post(owner, "/en/cases/new", form);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(shows(refused, "case_error_place", Lang::en));
  EXPECT_TRUE(shows(refused, "case_error_funding_amount", Lang::en));
  EXPECT_TRUE(shows(refused, "case_error_outcome_date", Lang::en));
  EXPECT_TRUE(has(refused, "value=\"Out of bounds\""));  // the values as typed

  // A draft with only a title saves, but does not submit.
  const std::int64_t id = create(owner, {{"title_en", "Only a title"}});
  const HttpResponse incomplete = post(owner, page(id) + "/submit", {});
  EXPECT_EQ(incomplete.status, 422);
  EXPECT_TRUE(shows(incomplete, "case_error_outcome_missing", Lang::en));
  EXPECT_TRUE(shows(incomplete, "case_error_action_missing", Lang::en));
}

TEST_F(CasePages, AFunderMakesCasesOfTheirOwn_2_7) {
  HttpClient funder = signed_in_as(user_with_role(Role::funder));
  const std::int64_t id = create(funder, complete_form("Funder's ESG case"));
  ASSERT_GT(id, 0);
  EXPECT_TRUE(has(funder.get("/en/cases/mine"), "Funder&apos;s ESG case"));
  HttpClient owner = signed_in_as("gp_owner");
  EXPECT_EQ(owner.get(page(id)).status, 404);
  EXPECT_FALSE(has(owner.get("/en/cases/mine"), "Funder&apos;s ESG case"));
}

// A rectangle as WKB (little-endian Polygon), the form the hub keeps its areas in.
std::string rectangle_wkb(double west, double south, double east, double north) {
  std::string wkb("\x01\x03\x00\x00\x00\x01\x00\x00\x00\x05\x00\x00\x00", 13);
  for (auto [x, y] :
       {std::pair{west, south}, {east, south}, {east, north}, {west, north}, {west, south}})
    for (double value : {x, y}) wkb.append(reinterpret_cast<const char*>(&value), sizeof value);
  return wkb;
}

// The district comes from the hub's district layer when the point falls in one of its areas,
// matched by the area's name ("Sai Kung District"), whatever the form chose; elsewhere the form's.
TEST_F(CasePages, TheHubsDistrictLayerPlacesThePoint_2_7_1) {
  {
    auto tx = server().store().begin();
    store::BioLayer layer;
    layer.code = "districts_test";
    layer.name_zh = "地區";
    layer.name_en = "Districts";
    layer.kind = "district";
    store::BioArea area;
    area.code = "SK";
    area.name_zh = "西貢";
    area.name_en = "Sai Kung District";
    area.wkb = rectangle_wkb(114.25, 22.35, 114.30, 22.40);
    store::replace_layer(*tx, layer, {area}, "test");
    tx->commit();
  }
  HttpClient owner = signed_in_as("gp_owner");
  Fields inside = complete_form("Placed by the hub");  // district tai_po on the form
  for (auto& [name, value] : inside) {
    if (name == "latitude") value = "22.3800";
    if (name == "longitude") value = "114.2700";
  }
  const std::int64_t placed = create(owner, inside);
  const std::int64_t chosen = create(owner, complete_form("Placed by the form"));  // outside it
  auto tx = server().store().begin();
  EXPECT_EQ(store::find_case(*tx, placed)->district, "sai_kung");
  EXPECT_EQ(store::find_case(*tx, chosen)->district, "tai_po");
}

// Issue 11: uploads are checked, resized and stripped of location metadata before they are
// served publicly; a case's photograph is private until the case is published.
TEST_F(CasePages, APhotographLosesItsGpsPositionAndIsPublicOnlyOnceTheCaseIs) {
  HttpClient owner = signed_in_as("gp_owner");
  HttpClient plansec = signed_in_as(user_with_role(Role::plan_secretariat));
  HttpClient public_ = anonymous();
  const std::int64_t id = create(owner, complete_form("Photographed case"));
  const std::string exif = std::string("Exif\0\0", 6);
  const std::string uploaded = with_exif(marked_jpeg(2400, 1200), 1);
  ASSERT_NE(uploaded.find(exif), std::string::npos);  // so that the test is able to fail

  // Refused: not a photograph, no licence; each says what to do.
  const HttpResponse not_photo = post_photo(owner, page(id) + "/photos", "%PDF-1.4\n%%EOF\n");
  EXPECT_EQ(not_photo.status, 422);
  EXPECT_TRUE(shows(not_photo, "photo_fault_unsupported_type", Lang::en));
  const HttpResponse no_licence = post_photo(owner, page(id) + "/photos", uploaded, "CC-BY-9.9");
  EXPECT_EQ(no_licence.status, 422);
  EXPECT_TRUE(shows(no_licence, "case_error_photo_licence", Lang::en));
  // Another organisation cannot add one.
  HttpClient other = signed_in_as("gp_other");
  EXPECT_EQ(post_photo(other, page(id) + "/photos", uploaded).status, 404);

  ASSERT_EQ(post_photo(owner, page(id) + "/photos", uploaded).status, 303);
  std::int64_t photo = 0;
  {
    auto tx = server().store().begin();
    const auto c = store::find_case(*tx, id);
    ASSERT_EQ(c->photo_ids.size(), 1u);
    photo = c->photo_ids.front();
  }
  const std::string href = page(id) + "/photos/" + std::to_string(photo);
  EXPECT_TRUE(has(owner.get(page(id)), href + "?size=thumbnail"));
  const HttpResponse private_copy = owner.get(href);
  ASSERT_EQ(private_copy.status, 200);
  EXPECT_EQ(private_copy.header("content-type"), "image/jpeg");
  EXPECT_EQ(private_copy.header("cache-control"), "private, no-store");
  EXPECT_EQ(private_copy.body.find(exif), std::string::npos);        // no metadata at all
  EXPECT_EQ(size_of(private_copy.body), std::make_pair(1600, 800));  // scaled to 1,600 px
  EXPECT_EQ(size_of(owner.get(href + "?size=thumbnail").body), std::make_pair(400, 200));
  EXPECT_EQ(public_.get(href).status, 404);
  EXPECT_EQ(other.get(href).status, 404);
  // A photograph of another case is not served under this one.
  EXPECT_EQ(public_.get(page(id + 1000) + "/photos/" + std::to_string(photo)).status, 404);

  ASSERT_EQ(post(owner, page(id) + "/submit", {}).status, 303);
  ASSERT_EQ(post(plansec, page(id) + "/publish", {}).status, 303);
  const HttpResponse public_copy = public_.get(href);
  ASSERT_EQ(public_copy.status, 200);
  EXPECT_EQ(public_copy.header("cache-control"), "public, max-age=300");
  EXPECT_EQ(public_copy.body, private_copy.body);
  const HttpResponse published = public_.get(page(id));
  EXPECT_TRUE(has(published, "Chan Tai Man"));
  EXPECT_TRUE(shows(published, "photo_licence_cc_by", Lang::en));
}

// The keys the cases' code builds from codes (states, steps, the domain's faults), which the
// catalogue test's scan of src/web cannot see.
TEST(CaseMessages, EveryBuiltKeyHasItsTexts) {
  std::ifstream in(std::string(BSAP_HOME_DIR) + "/src/plan/good_practice.cpp");
  std::ostringstream source;
  source << in.rdbuf();
  const std::string text = source.str();
  std::vector<std::string> keys;
  const std::regex key(R"re("(case_error_[a-z_]+)")re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator();
       ++it)
    keys.push_back((*it)[1]);
  EXPECT_GT(keys.size(), 20u);
  for (const char* state : {"draft", "submitted", "returned", "published", "withdrawn"})
    keys.push_back(std::string("case_state_") + state);
  for (const char* done : {"saved", "submitted", "withdrawn", "published", "returned"})
    keys.push_back(std::string("case_done_") + done);
  for (const std::string& k : keys) EXPECT_TRUE(catalogue().has(k)) << k;
}

}  // namespace
}  // namespace bsap::test
