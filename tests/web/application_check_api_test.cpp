// POST /api/v1/applications/check against the real server: applicants and the secretariat get
// the checker's findings; everyone else, a body that is not an application, a body that is not
// JSON or one over 1 MiB gets a JSON refusal with its status.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "web/web_suite.h"

namespace bsap::test {
namespace {

using Json = nlohmann::json;

const std::string kTarget = "/api/v1/applications/check";

// A small management-agreement application whose disbursement schedule pays HK$50,000 of a
// HK$100,000 grant: at least that is blocking (§3.10.7, §5.5.1).
const std::string kApplication = R"({
  "project_type": "management_agreement",
  "language": "en",
  "title": "Stream restoration",
  "site_codes": ["B01"],
  "budget": [{"kind": "project_staff", "year": 1, "quantity": 1, "unit_cost": "HK$100,000"}],
  "disbursement_schedule": [{"milestone": "On signing", "amount": "50000.00"}],
  "checked_on": "2026-11-22"
})";

class ApplicationCheckApi : public WebSuite {
 protected:
  struct Caller {
    HttpClient client;
    std::string token;  // the session's CSRF token, sent as X-CSRF-Token
  };

  static Caller signed_in(Role role) {
    HttpClient client = signed_in_as(user_with_role(role));
    std::string token = client.csrf_token_from("/en/account");
    return {std::move(client), std::move(token)};
  }

  static HttpResponse post(Caller& caller, std::string body,
                           const std::string& content_type = "application/json") {
    return caller.client.send(
        {.method = "POST",
         .target = kTarget,
         .headers = {{"Content-Type", content_type}, {"X-CSRF-Token", caller.token}},
         .body = std::move(body)});
  }

  static Json json_of(const HttpResponse& response) {
    EXPECT_TRUE(response.header("content-type").starts_with("application/json"))
        << response.header("content-type") << "\n"
        << response.body.substr(0, 300);
    return Json::parse(response.body, nullptr, false);
  }

  // A refusal: the status, and the JSON error naming path and saying why in both languages.
  static Json expect_refusal(const HttpResponse& response, int status) {
    EXPECT_EQ(response.status, status) << response.body.substr(0, 300);
    const Json json = json_of(response);
    EXPECT_TRUE(json.contains("error")) << response.body.substr(0, 300);
    if (!json.contains("error")) return Json::object();
    EXPECT_TRUE(json["error"]["path"].is_string());
    EXPECT_FALSE(json["error"]["message_en"].get<std::string>().empty());
    EXPECT_FALSE(json["error"]["message_zh"].get<std::string>().empty());
    return json["error"];
  }

  static void expect_findings(const HttpResponse& response) {
    EXPECT_EQ(response.status, 200) << response.body.substr(0, 300);
    const Json json = json_of(response);
    ASSERT_TRUE(json["findings"].is_array()) << response.body;
    EXPECT_EQ(json["eligible"], false);
    EXPECT_EQ(json["ruleset"], "1.8");
    EXPECT_EQ(json["checked_on"], "2026-11-22");
    EXPECT_EQ(json["totals"]["expenditure"], "HK$100,000.00");
    bool schedule_blocked = false;
    for (const Json& finding : json["findings"])
      schedule_blocked |=
          finding["severity"] == "blocking" && finding["field"] == "disbursement_schedule";
    EXPECT_TRUE(schedule_blocked) << json.dump(2);
    EXPECT_EQ(response.header("cache-control"), "no-store");
  }
};

TEST_F(ApplicationCheckApi, AnApplicantGetsTheFindings) {
  Caller applicant = signed_in(Role::applicant);
  expect_findings(post(applicant, kApplication));
}

TEST_F(ApplicationCheckApi, TheSecretariatGetsTheFindings) {
  Caller secretariat = signed_in(Role::secretariat);
  expect_findings(post(secretariat, kApplication, "application/json; charset=utf-8"));
}

TEST_F(ApplicationCheckApi, AnonymousIsRefusedWith401NotSentToTheSignInPage) {
  HttpClient client = anonymous();
  const std::string token = client.csrf_token_from("/en/login");  // a session, but no user
  const HttpResponse response =
      client.send({.method = "POST",
                   .target = kTarget,
                   .headers = {{"Content-Type", "application/json"}, {"X-CSRF-Token", token}},
                   .body = kApplication});
  const Json error = expect_refusal(response, 401);
  EXPECT_NE(error["message_en"].get<std::string>().find("Sign in"), std::string::npos);
  EXPECT_TRUE(response.header("location").empty());
}

TEST_F(ApplicationCheckApi, OtherRolesAreRefusedWith403) {
  for (Role role : all_roles()) {
    if (role == Role::applicant || role == Role::secretariat) continue;
    SCOPED_TRACE(std::string(role_code(role)));
    Caller caller = signed_in(role);
    expect_refusal(post(caller, kApplication), 403);
  }
}

TEST_F(ApplicationCheckApi, WithoutTheCsrfHeaderTheCheckIsRefused) {
  Caller applicant = signed_in(Role::applicant);
  applicant.token.clear();
  const Json error = expect_refusal(post(applicant, kApplication), 403);
  EXPECT_NE(error["message_en"].get<std::string>().find("X-CSRF-Token"), std::string::npos);
  applicant.token = "not-the-session-token";
  expect_refusal(post(applicant, kApplication), 403);
}

TEST_F(ApplicationCheckApi, TextThatIsNotJsonIs400WithTheByteOffset) {
  Caller applicant = signed_in(Role::applicant);
  const Json error = expect_refusal(post(applicant, R"({"title": "a",})"), 400);
  EXPECT_EQ(error["path"], "");
  EXPECT_NE(error["message_en"].get<std::string>().find("at byte 15"), std::string::npos)
      << error.dump();
}

TEST_F(ApplicationCheckApi, AnInvalidApplicationIs400WithThePath) {
  Caller applicant = signed_in(Role::applicant);
  EXPECT_EQ(expect_refusal(post(applicant, R"({"budget":[{"unit_cost":12.5}]})"), 400)["path"],
            "budget[0].unit_cost");
  EXPECT_EQ(expect_refusal(post(applicant, R"({"titel":"x"})"), 400)["path"], "titel");
  EXPECT_EQ(expect_refusal(post(applicant, R"({"checked_on":"2024-08-31"})"), 400)["path"],
            "checked_on");
}

TEST_F(ApplicationCheckApi, ABodyThatIsNotDeclaredJsonIs415) {
  Caller applicant = signed_in(Role::applicant);
  expect_refusal(post(applicant, kApplication, "text/plain"), 415);
  expect_refusal(
      post(applicant, "csrf_token=" + applicant.token, "application/x-www-form-urlencoded"), 415);
  expect_refusal(post(applicant, kApplication, ""), 415);
}

TEST_F(ApplicationCheckApi, ABodyOverOneMebibyteIs413) {
  Caller applicant = signed_in(Role::applicant);
  const std::string huge = "{}" + std::string(1024 * 1024 - 1, ' ');
  expect_refusal(post(applicant, huge), 413);
}

TEST_F(ApplicationCheckApi, AGetIs405WithAllow) {
  Caller applicant = signed_in(Role::applicant);
  const HttpResponse response = applicant.client.get(kTarget);
  expect_refusal(response, 405);
  EXPECT_EQ(response.header("allow"), "POST");
}

}  // namespace
}  // namespace bsap::test
