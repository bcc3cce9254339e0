// Every answer carries the security headers of docs/security.md: pages, static files, the API,
// downloads, redirects and refusals alike; Strict-Transport-Security only when the operator says
// a TLS proxy fronts the server (--secure-cookies), since over plain HTTP a browser ignores it.
#include <gtest/gtest.h>

#include "web/web_suite.h"

namespace bsap::test {
namespace {

void expect_security_headers(const HttpResponse& response, const std::string& what) {
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff") << what;
  EXPECT_EQ(response.header("referrer-policy"), "same-origin") << what;
  EXPECT_EQ(response.header("x-frame-options"), "DENY") << what;
  const std::string policy = response.header("content-security-policy");
  EXPECT_NE(policy.find("default-src 'self'"), std::string::npos) << what;
  EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << what;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << what;
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << what << ": no inline script";
  EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos) << what;
}

// One of each kind of answer: a page, a static file, the API, open data, a redirect to sign in,
// a 404, a 405 and a form post refused for its missing CSRF token.
const char* const kTargets[] = {"/en/",
                                "/zh-hans/plan",
                                "/static/css/bsap.css",
                                "/api/v1/biodata/species?q=a",
                                "/open-data/plan-progress.json",
                                "/en/account",
                                "/en/no-such-page",
                                "/healthz"};

class SecurityHeaders : public WebSuite {};

TEST_F(SecurityHeaders, EveryKindOfAnswerCarriesThem) {
  HttpClient client = anonymous();
  for (const char* target : kTargets) {
    const HttpResponse response = client.get(target);
    EXPECT_NE(response.status, 0) << target;
    expect_security_headers(response, target);
    EXPECT_EQ(response.header("strict-transport-security"), "") << target << ": plain HTTP";
  }
  expect_security_headers(client.post_form("/en/plan", {}), "405");
  expect_security_headers(client.post_form("/en/login", {{"username", "x"}}), "CSRF refusal");
  RawRequest head;
  head.method = "HEAD";
  head.target = "/en/plan";
  expect_security_headers(client.send(head), "HEAD");
}

TEST(SecurityHeadersBehindHttps, StrictTransportSecurityIsSentWhenTheOperatorSaysSo) {
  ServerProcess server;
  ASSERT_TRUE(server.start({"--secure-cookies"})) << server.server_output();
  HttpClient client(server.port());
  for (const char* target : kTargets) {
    const HttpResponse response = client.get(target);
    expect_security_headers(response, target);
    EXPECT_EQ(response.header("strict-transport-security"), "max-age=31536000; includeSubDomains")
        << target;
  }
  EXPECT_NE(client.get("/en/login").header("set-cookie").find("; Secure"), std::string::npos);
  EXPECT_EQ(server.terminate(), 0) << server.server_output();
}

}  // namespace
}  // namespace bsap::test
