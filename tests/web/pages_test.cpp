// The pages: three languages on the home page, the language switch keeping the path, escaping
// of what users typed, the administrator's user pages, and the error pages.
#include <gtest/gtest.h>

#include "store/audit_repo.h"
#include "store/user_repo.h"
#include "web/page_text.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

class Pages : public WebSuite {};

TEST_F(Pages, RootSendsToTheLanguageTheBrowserPrefers) {
  HttpClient client = anonymous();
  EXPECT_EQ(client.get("/").header("location"), "/zh/");
  EXPECT_EQ(client.get("/", {{"Accept-Language", "en-GB,en;q=0.9,zh-HK;q=0.5"}}).header("location"),
            "/en/");
  EXPECT_EQ(client.get("/", {{"Accept-Language", "zh-HK,en;q=0.8"}}).header("location"), "/zh/");
  EXPECT_EQ(client.get("/", {{"Accept-Language", "zh-CN"}}).header("location"), "/zh-hans/");
  EXPECT_EQ(client.get("/en").header("location"), "/en/");
}

TEST_F(Pages, HomePageInAllThreeLanguages) {
  HttpClient client = anonymous();
  struct Case {
    const char* path;
    Lang lang;
    const char* html_lang;
  };
  for (Case c : {Case{"/zh/", Lang::zh_hant, "zh-Hant-HK"}, Case{"/en/", Lang::en, "en-HK"},
                 Case{"/zh-hans/", Lang::zh_hans, "zh-Hans"}}) {
    auto page = client.get(c.path);
    EXPECT_EQ(page.status, 200) << c.path;
    EXPECT_TRUE(has(page, "<html lang=\"" + std::string(c.html_lang) + "\"")) << c.path;
    for (const char* key :
         {"home_title", "home_bsap_heading", "home_ccfs_heading", "home_hub_text"})
      EXPECT_TRUE(shows(page, key, c.lang)) << c.path << " " << key;
  }
  EXPECT_NE(catalogue().get("home_title", Lang::zh_hans),
            catalogue().get("home_title", Lang::zh_hant))
      << "Simplified differs from Traditional";
}

// Issue 11: "The three parts live under /LANG/cases, /LANG/matching and /LANG/observations,
// linked from the home page in every language."
TEST_F(Pages, HomePageLinksTheWaysOfTakingPartInEveryLanguage) {
  HttpClient client = anonymous();
  for (std::string lang : {"zh", "en", "zh-hans"}) {
    const auto home = client.get("/" + lang + "/");
    for (std::string part : {"cases", "matching", "observations", "observations/programmes"}) {
      const std::string href = "/" + lang + "/" + part;
      EXPECT_TRUE(has(home, "href=\"" + href + "\"")) << href;
      EXPECT_EQ(client.get(href).status, 200) << href;
    }
  }
}

TEST_F(Pages, EveryPageHasTheLayoutLandmarks) {
  HttpClient client = anonymous();
  auto page = client.get("/en/login");
  for (std::string_view part :
       {"class=\"bsap-skip-link\"", "<header", "role=\"banner\"", "bsap-phase-banner", "<main",
        "id=\"main-content\"", "<footer", "<label class=\"bsap-label\" for=\"username\""})
    EXPECT_TRUE(has(page, part)) << part;
}

TEST_F(Pages, LanguageSwitchKeepsThePath) {
  HttpClient admin = signed_in_as("admin");
  auto page = admin.get("/en/admin/users");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "href=\"/zh/admin/users\""));
  EXPECT_FALSE(has(page, "href=\"/zh-hans/admin/users\"")) << "Simplified on public pages only";
  auto chinese = admin.get("/zh/admin/users");
  EXPECT_TRUE(has(chinese, "href=\"/en/admin/users\""));

  auto home = anonymous().get("/zh/");
  EXPECT_TRUE(has(home, "href=\"/en/\""));
  EXPECT_TRUE(has(home, "href=\"/zh-hans/\""));
}

TEST_F(Pages, WhatUsersTypeIsEscaped) {
  server().add_user("script_name", kPassword, {Role::applicant}, "<script>alert(1)</script>");
  HttpClient user = signed_in_as("script_name");
  auto account = user.get("/en/account");
  EXPECT_EQ(account.status, 200);
  EXPECT_FALSE(has(account, "<script>alert(1)</script>"));
  EXPECT_TRUE(has(account, "&lt;script&gt;alert(1)&lt;/script&gt;"));

  auto list = signed_in_as("admin").get("/en/admin/users");
  EXPECT_FALSE(has(list, "<script>alert(1)</script>"));
  EXPECT_TRUE(has(list, "&lt;script&gt;"));
}

TEST_F(Pages, AccountShowsNameAndRoles) {
  auto page = signed_in_as("admin").get("/zh/account");
  EXPECT_TRUE(has(page, "Site Administrator"));
  EXPECT_TRUE(shows(page, "role_administrator", Lang::zh_hant));
}

TEST_F(Pages, AdministratorAddsAUserWithAuditAndSeesErrorsForBadInput) {
  HttpClient admin = signed_in_as("admin");
  std::string token = admin.csrf_token_from("/en/admin/users");
  auto bad = admin.post_form("/en/admin/users", {{"csrf_token", token},
                                                 {"username", "Bad Name"},
                                                 {"display_name", ""},
                                                 {"password", "short"}});
  EXPECT_EQ(bad.status, 200);
  EXPECT_TRUE(has(bad, "There is a problem"));
  EXPECT_TRUE(has(bad, "href=\"#username\""));
  EXPECT_TRUE(has(bad, "href=\"#roles\""));
  EXPECT_TRUE(has(bad, "href=\"#password\""));

  auto good = admin.post_form("/en/admin/users", {{"csrf_token", token},
                                                  {"username", "new.officer"},
                                                  {"display_name", "New Officer"},
                                                  {"roles", "secretariat"},
                                                  {"roles", "committee"},
                                                  {"password", "a long enough password"}});
  EXPECT_EQ(good.status, 303);
  {
    // Closed before the next post: an open transaction here would hold the server's write.
    auto tx = server().store().begin();
    auto user = store::find_user_by_username(*tx, "new.officer");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->roles.size(), 2u);
    bool audited = false;
    for (const auto& record : store::load_audit_log(*tx))
      audited |= record.entity_id == std::to_string(user->id) && record.actor == "admin" &&
                 record.action == "create";
    EXPECT_TRUE(audited);
  }

  auto taken = admin.post_form("/en/admin/users", {{"csrf_token", token},
                                                   {"username", "new.officer"},
                                                   {"display_name", "Again"},
                                                   {"roles", "secretariat"},
                                                   {"password", "a long enough password"}});
  EXPECT_TRUE(has(taken, "This username is already taken"));
}

TEST_F(Pages, AdministratorChangesRolesAndDisablesButNotThemselves) {
  auto id = server().add_user("to_manage", kPassword, {Role::applicant});
  HttpClient admin = signed_in_as("admin");
  std::string page = "/en/admin/user?id=" + std::to_string(id);
  std::string token = admin.csrf_token_from(page);
  auto roles = admin.post_form(
      "/en/admin/user/roles",
      {{"csrf_token", token}, {"id", std::to_string(id)}, {"roles", "focal_point"}});
  EXPECT_EQ(roles.status, 303);
  auto disable =
      admin.post_form("/en/admin/user/state",
                      {{"csrf_token", token}, {"id", std::to_string(id)}, {"disabled", "1"}});
  EXPECT_EQ(disable.status, 303);
  {
    auto tx = server().store().begin();
    auto user = store::find_user(*tx, id);
    EXPECT_TRUE(user->disabled);
    EXPECT_EQ(user->roles, std::vector<Role>{Role::focal_point});
  }
  auto self = admin.post_form(
      "/en/admin/user/state",
      {{"csrf_token", token}, {"id", std::to_string(admin_id_)}, {"disabled", "1"}});
  EXPECT_TRUE(has(self, "You cannot disable your own account"));
  auto own_role = admin.post_form("/en/admin/user/roles",
                                  {{"csrf_token", token}, {"id", std::to_string(admin_id_)}});
  EXPECT_TRUE(has(own_role, "You cannot remove your own administrator role"));
  EXPECT_EQ(admin.get("/en/admin/user?id=999999").status, 404);
}

TEST_F(Pages, DisabledUserLosesTheirSession) {
  auto id = server().add_user("soon_disabled", kPassword, {Role::applicant});
  HttpClient user = signed_in_as("soon_disabled");
  EXPECT_EQ(user.get("/en/account").status, 200);
  {
    auto tx = server().store().begin();
    store::set_user_disabled(*tx, id, true, "test");
    tx->commit();
  }
  EXPECT_EQ(user.get("/en/account").status, 303);
}

TEST_F(Pages, ForbiddenPageIsBilingual) {
  auto page = signed_in_as("only_applicant").get("/en/admin");
  EXPECT_EQ(page.status, 403);
  EXPECT_TRUE(shows(page, "error_forbidden_title", Lang::en));
  EXPECT_TRUE(shows(page, "error_forbidden_title", Lang::zh_hant));
}

TEST_F(Pages, NotFoundPage) {
  auto page = anonymous().get("/en/no-such-page");
  EXPECT_EQ(page.status, 404);
  EXPECT_TRUE(has(page, "Page not found"));
  EXPECT_TRUE(shows(page, "error_not_found_title", Lang::zh_hant));
  EXPECT_EQ(anonymous().get("/no-language/here").status, 404);
}

TEST_F(Pages, MethodNotAllowedPage) {
  HttpClient client = anonymous();
  auto get_logout = client.get("/en/logout");
  EXPECT_EQ(get_logout.status, 405);
  EXPECT_EQ(get_logout.header("allow"), "POST");
  auto put_home = client.send({.method = "PUT", .target = "/en/", .headers = {}, .body = ""});
  EXPECT_EQ(put_home.status, 405);
  EXPECT_EQ(put_home.header("allow"), "GET, HEAD");
  EXPECT_TRUE(shows(put_home, "error_method_title", Lang::en));
}

TEST_F(Pages, TooLargeBodyGetsThe413Page) {
  HttpClient client = anonymous();
  auto response = client.send({.method = "POST",
                               .target = "/en/login",
                               .headers = {{"Content-Type", "application/x-www-form-urlencoded"}},
                               .body = std::string(12 * 1024 * 1024, 'a')});
  EXPECT_EQ(response.status, 413);
  EXPECT_TRUE(shows(response, "error_too_large_title", Lang::en));
}

TEST_F(Pages, HeadAnswersWithoutABody) {
  auto response = anonymous().send({.method = "HEAD", .target = "/en/", .headers = {}, .body = ""});
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.body.empty());
}

TEST_F(Pages, HealthCheck) {
  auto response = anonymous().get("/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "ok");
}

TEST_F(Pages, KeepAliveServesSeveralRequestsOnOneConnection) {
  RawRequest health{.method = "GET", .target = "/healthz", .headers = {}, .body = ""};
  RawRequest home{.method = "GET", .target = "/en/", .headers = {}, .body = ""};
  auto responses = send_on_one_connection(server().port(), {health, home, health});
  ASSERT_EQ(responses.size(), 3u);
  for (const auto& response : responses) EXPECT_EQ(response.status, 200);
}

TEST_F(Pages, SecurityHeaders) {
  auto response = anonymous().get("/en/");
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_NE(response.header("content-security-policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(response.header("cache-control"), "no-store");
}

}  // namespace
}  // namespace bsap::test
