// Every form post must carry the CSRF token of the visitor's session; without it, or with
// another, the server refuses with 403 and a page saying to reload the form.
#include <gtest/gtest.h>

#include "store/user_repo.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

class Csrf : public WebSuite {
 protected:
  static void expect_refused(const HttpResponse& response) {
    EXPECT_EQ(response.status, 403);
    EXPECT_NE(response.body.find("Reload the form"), std::string::npos) << response.body;
    EXPECT_NE(response.body.find("表格已過期"), std::string::npos) << "bilingual";
  }

  bool user_exists(const std::string& username) {
    auto tx = server().store().begin();
    return store::find_user_by_username(*tx, username).has_value();
  }
};

TEST_F(Csrf, LoginFormCarriesATokenAndAnAnonymousSession) {
  HttpClient client = anonymous();
  auto page = client.get("/en/login");
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(extract_csrf_token(page.body).empty());
  EXPECT_FALSE(client.session_cookie().empty());
}

TEST_F(Csrf, LoginWithoutTokenIsRefused) {
  HttpClient client = anonymous();
  client.get("/en/login");
  expect_refused(client.post_form("/en/login", {{"username", "admin"}, {"password", kPassword}}));
}

TEST_F(Csrf, LoginWithAnotherSessionsTokenIsRefused) {
  HttpClient mine = anonymous();
  HttpClient theirs = anonymous();
  mine.get("/en/login");
  std::string their_token = theirs.csrf_token_from("/en/login");
  expect_refused(mine.post_form(
      "/en/login", {{"csrf_token", their_token}, {"username", "admin"}, {"password", kPassword}}));
}

TEST_F(Csrf, PostWithoutAnySessionIsRefused) {
  HttpClient client = anonymous();
  expect_refused(client.post_form(
      "/en/login", {{"csrf_token", "made-up"}, {"username", "admin"}, {"password", kPassword}}));
}

TEST_F(Csrf, AdministratorFormWithoutOrWithWrongTokenChangesNothing) {
  HttpClient admin = signed_in_as("admin");
  Fields user = {{"username", "csrf_victim"},
                 {"display_name", "Victim"},
                 {"roles", "applicant"},
                 {"password", "a long enough password"}};
  expect_refused(admin.post_form("/en/admin/users", user));
  Fields wrong = user;
  wrong.emplace_back("csrf_token", "wrong-token");
  expect_refused(admin.post_form("/en/admin/users", wrong));
  EXPECT_FALSE(user_exists("csrf_victim"));

  Fields right = user;
  right.emplace_back("csrf_token", admin.csrf_token_from("/en/admin/users"));
  EXPECT_EQ(admin.post_form("/en/admin/users", right).status, 303);
  EXPECT_TRUE(user_exists("csrf_victim"));
}

TEST_F(Csrf, SignOutWithoutTokenKeepsTheSession) {
  HttpClient client = signed_in_as("only_applicant");
  expect_refused(client.post_form("/en/logout", {}));
  EXPECT_EQ(client.get("/en/account").status, 200);
}

}  // namespace
}  // namespace bsap::test
