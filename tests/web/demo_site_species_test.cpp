// The demo data (`bsap demo load`, what `make run` serves) shows the hub's feed to the funding
// scheme (issue 9 §7, decision 0012 §1): its scheme_site layer draws the demo applications' sites,
// B39 and D22, so the secretariat sees the species recorded there beside each application.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/application_repo.h"
#include "store/organisation_repo.h"
#include "store/user_repo.h"
#include "support/run_program.h"
#include "web/http_client.h"
#include "web/page_text.h"
#include "web/server_process.h"

namespace bsap::test {
namespace {

namespace fs = std::filesystem;

class DemoSiteSpecies : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    char pattern[] = "/tmp/bsap-demo-sites-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    folder_ = pattern;
    const std::string url = "sqlite:" + (folder_ / "bsap.db").string();
    const auto loaded = test_support::run_bsap({"--db", url, "demo", "load"});
    ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
    // Every part of the demo hub loaded: a failed import says so on standard error.
    ASSERT_EQ(loaded.err.find("did not load"), std::string::npos) << loaded.err;
    server_ = std::make_unique<ServerProcess>(url);
    ASSERT_TRUE(server_->start()) << server_->server_output();
  }

  static void TearDownTestSuite() {
    server_.reset();
    fs::remove_all(folder_);
  }

  // The demo application whose title begins with `title`.
  static std::string application_id(const std::string& title) {
    auto tx = server_->store().begin();
    const auto ngo = store::find_user_by_username(*tx, "ngo");
    const auto organisation = store::organisation_of_user(*tx, ngo->id);
    for (const auto& application : store::list_applications(*tx, organisation->id))
      if (application.title.starts_with(title)) return std::to_string(application.id);
    ADD_FAILURE() << "no demo application titled " << title;
    return "0";
  }

  // The demo secretariat's assessment page of the demo application titled `title`.
  static HttpResponse assessment_page(const std::string& title) {
    HttpClient client(server_->port());
    EXPECT_TRUE(client.sign_in("secretariat", "bsap-demo-2026"));
    return client.get("/en/assessment/applications/" + application_id(title));
  }

  static inline fs::path folder_;
  static inline std::unique_ptr<ServerProcess> server_;
};

TEST_F(DemoSiteSpecies, TheApprovedLaiChiWoApplicationShowsSiteB39sSpecies_Issue9S7) {
  const HttpResponse page = assessment_page("荔枝窩梯田復耕");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "id=\"site-species\""));
  // The turtle (CR), the birdwing, the newt and the invasive weed; only the turtle threatened.
  EXPECT_TRUE(has(page, "4 species recorded, 1 of them threatened."));
  EXPECT_TRUE(has(page, "Cuora trifasciata (Bell, 1825)"));
  EXPECT_TRUE(has(page, "Mikania micrantha Kunth"));
  // Recorded at So Lo Pun only: not this site's.
  EXPECT_FALSE(has(page, "Aquilaria sinensis"));
}

TEST_F(DemoSiteSpecies, TheSoLoPunApplicationInScreeningShowsSiteD22sSpecies_Issue9S7) {
  const HttpResponse page = assessment_page("So Lo Pun remembered");
  ASSERT_EQ(page.status, 200);
  // The incense tree and the giant spiny frog are vulnerable; the mormon and the egret are not.
  EXPECT_TRUE(has(page, "4 species recorded, 2 of them threatened."));
  EXPECT_TRUE(has(page, "Aquilaria sinensis (Lour.) Spreng."));
  EXPECT_FALSE(has(page, "Cuora trifasciata"));
}

}  // namespace
}  // namespace bsap::test
