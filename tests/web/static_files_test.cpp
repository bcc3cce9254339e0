// Static files: served with Cache-Control and an ETag that a revalidation answers with 304;
// no path leaves the static folder.
#include <gtest/gtest.h>

#include "web/web_suite.h"

namespace bsap::test {
namespace {

class StaticFiles : public WebSuite {};

TEST_F(StaticFiles, ServedWithCachingHeaders) {
  auto css = anonymous().get("/static/css/bsap.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(css.header("cache-control").find("max-age"), std::string::npos);
  EXPECT_FALSE(css.header("etag").empty());
  EXPECT_NE(css.body.find(".bsap-header"), std::string::npos);
}

TEST_F(StaticFiles, MatchingEtagGets304WithoutBody) {
  HttpClient client = anonymous();
  std::string etag = client.get("/static/css/bsap.css").header("etag");
  auto again = client.get("/static/css/bsap.css", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), etag);
  auto changed = client.get("/static/css/bsap.css", {{"If-None-Match", "\"other\""}});
  EXPECT_EQ(changed.status, 200);
}

TEST_F(StaticFiles, PathTraversalIsRefused) {
  HttpClient client = anonymous();
  for (const char* target :
       {"/static/../data/i18n/messages.yaml", "/static/%2e%2e/data/i18n/messages.yaml",
        "/static/css/../../CMakeLists.txt", "/static/..%2f..%2fCMakeLists.txt",
        "/static//etc/passwd", "/static/%2Fetc%2Fpasswd"}) {
    auto response = client.get(target);
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_EQ(response.body.find("cmake_minimum_required"), std::string::npos) << target;
    EXPECT_EQ(response.body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(StaticFiles, UnknownFileIs404) {
  EXPECT_EQ(anonymous().get("/static/css/none.css").status, 404);
}

}  // namespace
}  // namespace bsap::test
