// Per-client budgets (docs/security.md "Rate limits"): the bucket's arithmetic, which address
// stands for the client, and the real server refusing a client's sign-in posts and API calls
// with 429, Retry-After and a text in the request's language, while another client goes on.
#include "web/rate_limit.h"

#include <gtest/gtest.h>

#include "web/web_suite.h"

namespace bsap::test {
namespace {

using web::RateLimiter;
using namespace std::chrono_literals;

const RateLimiter::Clock::time_point kStart{};

TEST(RateLimiter, AFullMinutesWorthAtOnceThenTheNextIsRefused) {
  RateLimiter limiter({.per_minute = 10});
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(limiter.take("203.0.113.7", kStart).allowed) << i;
  const web::RateVerdict refused = limiter.take("203.0.113.7", kStart);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 6) << "one request every 6 s at 10 a minute";
}

TEST(RateLimiter, TheBucketRefillsWithTime) {
  RateLimiter limiter({.per_minute = 10});
  for (int i = 0; i < 10; ++i) limiter.take("203.0.113.7", kStart);
  EXPECT_FALSE(limiter.take("203.0.113.7", kStart + 5s).allowed) << "just under 6 s";
  EXPECT_TRUE(limiter.take("203.0.113.7", kStart + 6s).allowed) << "at 6 s";
  EXPECT_FALSE(limiter.take("203.0.113.7", kStart + 6s).allowed) << "and only one";
  for (int i = 0; i < 10; ++i)
    EXPECT_TRUE(limiter.take("203.0.113.7", kStart + 2min).allowed) << "full again: " << i;
}

TEST(RateLimiter, EachClientHasItsOwnBucket) {
  RateLimiter limiter({.per_minute = 1});
  EXPECT_TRUE(limiter.take("203.0.113.7", kStart).allowed);
  EXPECT_FALSE(limiter.take("203.0.113.7", kStart).allowed);
  EXPECT_TRUE(limiter.take("198.51.100.2", kStart).allowed);
}

TEST(RateLimiter, ZeroSwitchesTheLimitOff) {
  RateLimiter limiter({.per_minute = 0});
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.take("203.0.113.7", kStart).allowed);
}

TEST(ClientAddress, ThePeerUnlessTheOperatorTrustsTheProxysHeader) {
  const web::ClientSettings direct;
  EXPECT_EQ(web::client_address(direct, "203.0.113.7", "198.51.100.2"), "203.0.113.7")
      << "a client may write X-Forwarded-For itself";
  web::ClientSettings proxied;
  proxied.trust_forwarded_for = true;
  EXPECT_EQ(web::client_address(proxied, "127.0.0.1", "10.1.1.1, 198.51.100.2 "), "198.51.100.2")
      << "the last entry is the one our proxy appended";
  EXPECT_EQ(web::client_address(proxied, "127.0.0.1", ""), "127.0.0.1");
}

// A server with small budgets: 3 sign-in posts and 2 API calls a minute.
class RateLimitedServer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>();
    server_->add_user("someone", kPassword, {Role::applicant});
    ASSERT_TRUE(server_->start({"--sign-in-per-minute", "3", "--api-per-minute", "2"}))
        << server_->server_output();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->terminate(), 0) << server_->server_output();
    server_.reset();
  }

  static HttpResponse wrong_password(HttpClient& client, const std::string& lang = "en") {
    const std::string token = client.csrf_token_from("/" + lang + "/login");
    return client.post_form(
        "/" + lang + "/login",
        {{"csrf_token", token}, {"username", "someone"}, {"password", "not the password"}});
  }

  static inline std::unique_ptr<ServerProcess> server_;
};

TEST_F(RateLimitedServer, TheFourthSignInPostInAMinuteIsRefusedWith429) {
  HttpClient client(server_->port());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(wrong_password(client).status, 200) << i;
  const HttpResponse refused = wrong_password(client, "zh");
  EXPECT_EQ(refused.status, 429);
  EXPECT_GE(std::stoi(refused.header("retry-after")), 1);
  EXPECT_NE(refused.body.find("要求太頻密"), std::string::npos) << refused.body.substr(0, 600);
  EXPECT_NE(refused.body.find("Too many requests"), std::string::npos) << "the other language";
  // Reading the form is not a sign-in: it costs nothing.
  EXPECT_EQ(client.get("/en/login").status, 200);
  // Nor does a made-up X-Forwarded-For buy a new budget: the server trusts it only when told.
  RawRequest spoofed{.method = "POST",
                     .target = "/en/login",
                     .headers = {{"X-Forwarded-For", "198.51.100.99"},
                                 {"Content-Type", "application/x-www-form-urlencoded"}},
                     .body = "username=someone&password=x"};
  EXPECT_EQ(client.send(spoofed).status, 429);
}

TEST_F(RateLimitedServer, TheThirdApiCallInAMinuteIsRefusedInJson) {
  HttpClient client(server_->port());
  EXPECT_EQ(client.get("/api/v1/biodata/species?q=a").status, 200);
  EXPECT_EQ(client.get("/api/v1/biodata/species?q=b").status, 200);
  const HttpResponse refused = client.get("/api/v1/biodata/species?q=c");
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.header("content-type"), "application/json; charset=utf-8");
  EXPECT_NE(refused.body.find("too many requests of this kind"), std::string::npos) << refused.body;
  EXPECT_GE(std::stoi(refused.header("retry-after")), 1);
  // The pages are not the API's budget.
  EXPECT_EQ(client.get("/en/plan").status, 200);
}

}  // namespace
}  // namespace bsap::test
