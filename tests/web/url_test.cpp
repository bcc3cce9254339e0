// URL helpers, cookies and ETags, without a server.
#include <gtest/gtest.h>

#include "web/cookies.h"
#include "web/static_files.h"
#include "web/url.h"

namespace bsap::web {
namespace {

TEST(Url, PercentDecoding) {
  EXPECT_EQ(percent_decode("/a%20b"), "/a b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_FALSE(percent_decode("%zz"));
  EXPECT_FALSE(percent_decode("%2"));
  EXPECT_FALSE(percent_decode("a%00b")) << "an encoded NUL is refused";
  // Found by fuzzing (fuzz/form_fuzz.cpp): a raw NUL went through where an encoded one did not.
  EXPECT_FALSE(percent_decode(std::string_view("a\0b", 3))) << "so is a raw one";
  const FormData form = FormData::parse(std::string_view("a=1&b\0=2&c=3\0", 13));
  EXPECT_EQ(form.get("a"), "1");
  EXPECT_TRUE(form.all("b").empty() && form.all("c").empty());
}

TEST(Url, FormKeepsRepeatedFields) {
  auto form = FormData::parse("roles=a&roles=b&name=%E9%A6%99%E6%B8%AF&empty=");
  EXPECT_EQ(form.all("roles"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(form.get("name"), "香港");
  EXPECT_EQ(form.get("empty"), "");
  EXPECT_EQ(form.get("missing"), "");
  EXPECT_TRUE(form.all("missing").empty());
}

TEST(Url, PercentEncodingRoundTrips) {
  std::string text = "a b&c=d/香";
  EXPECT_EQ(percent_decode(percent_encode(text)), text);
}

TEST(Url, SafeLocalPaths) {
  EXPECT_TRUE(is_safe_local_path("/en/account"));
  EXPECT_FALSE(is_safe_local_path("//evil.example/"));
  EXPECT_FALSE(is_safe_local_path("/\\evil.example/"));
  EXPECT_FALSE(is_safe_local_path("https://evil.example/"));
  EXPECT_FALSE(is_safe_local_path("/en/\r\nSet-Cookie:x"));
  EXPECT_FALSE(is_safe_local_path(""));
}

TEST(Cookies, FindsTheSessionCookie) {
  EXPECT_EQ(find_cookie("a=1; bsap_session=xyz; b=2", "bsap_session"), "xyz");
  EXPECT_FALSE(find_cookie("a=1", "bsap_session"));
  EXPECT_FALSE(find_cookie("xbsap_session=1", "bsap_session"));
}

TEST(Cookies, SessionCookieAttributes) {
  EXPECT_EQ(session_cookie("s", "v", {}), "s=v; Path=/; HttpOnly; SameSite=Lax");
  EXPECT_EQ(session_cookie("s", "v", {.secure = true}),
            "s=v; Path=/; HttpOnly; SameSite=Lax; Secure");
  EXPECT_EQ(session_cookie("s", "", {.expire_now = true}),
            "s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

TEST(Etag, MatchesListsWeakAndStar) {
  EXPECT_TRUE(etag_matches("\"abc\"", "\"abc\""));
  EXPECT_TRUE(etag_matches("\"x\", W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(etag_matches("*", "\"abc\""));
  EXPECT_FALSE(etag_matches("\"abd\"", "\"abc\""));
  EXPECT_FALSE(etag_matches("", "\"abc\""));
}

}  // namespace
}  // namespace bsap::web
