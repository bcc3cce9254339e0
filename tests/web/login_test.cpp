// Signing in and out: the lock-out after 5 failures, the session token replaced at sign-in,
// the session ended at sign-out, the return to the page that asked, and the audit records.
#include <gtest/gtest.h>

#include <algorithm>

#include "store/audit_repo.h"
#include "store/user_repo.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

class Login : public WebSuite {
 protected:
  static HttpResponse try_password(HttpClient& client, const std::string& username,
                                   const std::string& password) {
    std::string token = client.csrf_token_from("/en/login");
    return client.post_form(
        "/en/login", {{"csrf_token", token}, {"username", username}, {"password", password}});
  }

  std::vector<std::string> audit_actions(const std::string& entity_id) {
    auto tx = server().store().begin();
    std::vector<std::string> actions;
    for (const auto& record : store::load_audit_log(*tx))
      if (record.entity_id == entity_id) actions.push_back(record.action);
    return actions;
  }

  static bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::ranges::find(list, item) != list.end();
  }
};

constexpr std::string_view kLocked = "This account is locked";
constexpr std::string_view kRefused = "The username or password is not correct";

TEST_F(Login, FiveFailuresLockTheAccountAndTheRightPasswordIsThenRefused) {
  auto id = server().add_user("locked_out", kPassword, {Role::applicant});
  HttpClient client = anonymous();
  for (int attempt = 1; attempt <= 4; ++attempt) {
    auto response = try_password(client, "locked_out", "wrong password");
    EXPECT_EQ(response.status, 200);
    EXPECT_NE(response.body.find(kRefused), std::string::npos) << "attempt " << attempt;
  }
  auto fifth = try_password(client, "locked_out", "wrong password");
  EXPECT_NE(fifth.body.find(kLocked), std::string::npos);
  EXPECT_NE(fifth.body.find("Hong Kong time"), std::string::npos);

  auto right = try_password(client, "locked_out", kPassword);
  EXPECT_EQ(right.status, 200);
  EXPECT_NE(right.body.find(kLocked), std::string::npos);
  EXPECT_EQ(client.get("/en/account").status, 303) << "not signed in";

  auto actions = audit_actions(std::to_string(id));
  EXPECT_EQ(std::ranges::count(actions, "login_failed"), 4);
  EXPECT_TRUE(contains(actions, "locked"));
  EXPECT_FALSE(contains(actions, "login"));
}

TEST_F(Login, UnknownUsernameGetsTheSameAnswerAsAWrongPassword) {
  HttpClient client = anonymous();
  auto unknown = try_password(client, "nobody_at_all", "whatever password");
  auto wrong = try_password(client, "only_committee", "wrong password");
  EXPECT_NE(unknown.body.find(kRefused), std::string::npos);
  EXPECT_NE(wrong.body.find(kRefused), std::string::npos);
}

TEST_F(Login, EmptyFieldsShowTheErrorSummary) {
  HttpClient client = anonymous();
  auto response = try_password(client, "", "");
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("There is a problem"), std::string::npos);
  EXPECT_NE(response.body.find("href=\"#username\""), std::string::npos);
  EXPECT_NE(response.body.find("Enter your password"), std::string::npos);
}

TEST_F(Login, SignInReplacesTheSessionTokenAndAudits) {
  auto id = server().add_user("rotating", kPassword, {Role::secretariat});
  HttpClient client = anonymous();
  std::string token = client.csrf_token_from("/en/login");
  std::string anonymous_cookie = client.session_cookie();
  auto response = client.post_form(
      "/en/login", {{"csrf_token", token}, {"username", "rotating"}, {"password", kPassword}});
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(response.header("location"), "/en/account");
  EXPECT_NE(client.session_cookie(), anonymous_cookie);
  std::string set_cookie = response.header("set-cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(set_cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(client.get("/en/account").status, 200);

  HttpClient fixated = anonymous();
  fixated.set_session_cookie(anonymous_cookie);
  EXPECT_EQ(fixated.get("/en/account").status, 303) << "the old token is no session";
  EXPECT_TRUE(contains(audit_actions(std::to_string(id)), "login"));
}

TEST_F(Login, SignOutEndsTheSession) {
  auto id = server().add_user("leaving", kPassword, {Role::focal_point});
  HttpClient client = signed_in_as("leaving");
  std::string cookie = client.session_cookie();
  std::string token = client.csrf_token_from("/en/account");
  auto response = client.post_form("/en/logout", {{"csrf_token", token}});
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(response.header("location"), "/en/");
  HttpClient replay = anonymous();
  replay.set_session_cookie(cookie);
  EXPECT_EQ(replay.get("/en/account").status, 303);
  EXPECT_TRUE(contains(audit_actions(std::to_string(id)), "logout"));
}

TEST_F(Login, ReturnsToThePageThatAskedButOnlyOnThisSite) {
  HttpClient client = anonymous();
  auto asked = client.get("/zh/admin/users");
  EXPECT_EQ(asked.status, 303);
  EXPECT_EQ(asked.header("location"), "/zh/login?next=/zh/admin/users");

  std::string token = client.csrf_token_from("/zh/login?next=/zh/admin/users");
  auto back = client.post_form("/zh/login", {{"csrf_token", token},
                                             {"username", "admin"},
                                             {"password", kPassword},
                                             {"next", "/zh/admin/users"}});
  EXPECT_EQ(back.header("location"), "/zh/admin/users");

  HttpClient other = anonymous();
  token = other.csrf_token_from("/en/login");
  auto offsite = other.post_form("/en/login", {{"csrf_token", token},
                                               {"username", "admin"},
                                               {"password", kPassword},
                                               {"next", "//evil.example/"}});
  EXPECT_EQ(offsite.header("location"), "/en/account");
}

TEST_F(Login, DisabledAccountCannotSignIn) {
  auto id = server().add_user("disabled_one", kPassword, {Role::applicant});
  {
    auto tx = server().store().begin();
    store::set_user_disabled(*tx, id, true, "test");
    tx->commit();
  }
  HttpClient client = anonymous();
  auto response = try_password(client, "disabled_one", kPassword);
  EXPECT_NE(response.body.find(kRefused), std::string::npos);
}

}  // namespace
}  // namespace bsap::test
