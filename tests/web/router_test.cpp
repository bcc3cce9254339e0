// Route patterns and lookup, without a server.
#include <gtest/gtest.h>

#include "web/router.h"
#include "web/routes.h"

namespace bsap::web {
namespace {

TEST(Router, LanguagePatternMatchesTheThreeLanguagesOnly) {
  EXPECT_TRUE(pattern_matches("/{lang}/admin", "/zh/admin"));
  EXPECT_TRUE(pattern_matches("/{lang}/admin", "/en/admin"));
  EXPECT_TRUE(pattern_matches("/{lang}/admin", "/zh-hans/admin"));
  EXPECT_FALSE(pattern_matches("/{lang}/admin", "/fr/admin"));
  EXPECT_FALSE(pattern_matches("/{lang}/admin", "/en/admin/"));
  EXPECT_TRUE(pattern_matches("/{lang}/", "/en/"));
  EXPECT_FALSE(pattern_matches("/{lang}/", "/en"));
}

TEST(Router, WildcardNeedsARest) {
  EXPECT_TRUE(pattern_matches("/static/*", "/static/css/bsap.css"));
  EXPECT_FALSE(pattern_matches("/static/*", "/static/"));
  EXPECT_FALSE(pattern_matches("/static/*", "/staticx/a"));
}

TEST(Router, ParameterMatchesOneNonEmptySegment) {
  EXPECT_TRUE(pattern_matches("/{lang}/plan/actions/{number}", "/en/plan/actions/2.4"));
  EXPECT_FALSE(pattern_matches("/{lang}/plan/actions/{number}", "/en/plan/actions/"));
  EXPECT_FALSE(pattern_matches("/{lang}/plan/actions/{number}", "/en/plan/actions/2/4"));
  EXPECT_FALSE(pattern_matches("/{lang}/plan/actions/{number}", "/en/plan/areas/2"));
  EXPECT_FALSE(pattern_matches("/{lang}/plan/actions/{number}", "/fr/plan/actions/2.4"));
}

TEST(Router, PathParameterIsTheMatchedSegment) {
  EXPECT_EQ(path_parameter("/{lang}/plan/actions/{number}", "/zh-hans/plan/actions/2.4", "number"),
            "2.4");
  EXPECT_EQ(path_parameter("/{lang}/plan/kmgbf/{n}", "/en/plan/kmgbf/3", "n"), "3");
  EXPECT_EQ(path_parameter("/{lang}/plan/kmgbf/{n}", "/en/plan/kmgbf/3", "number"), "");
  EXPECT_EQ(path_parameter("/{lang}/plan/kmgbf/{n}", "/en/plan/sdg/3", "n"), "");
}

TEST(Router, WrongMethodListsTheAllowedOnes) {
  auto lookup = find_route(app_routes(), "GET", "/en/logout");
  EXPECT_EQ(lookup.route, nullptr);
  EXPECT_EQ(lookup.allowed, std::vector<Method>{Method::post});
  auto login = find_route(app_routes(), "DELETE", "/en/login");
  EXPECT_EQ(login.allowed.size(), 2u);
}

TEST(Router, HeadFindsTheGetRoute) {
  auto lookup = find_route(app_routes(), "HEAD", "/en/");
  ASSERT_NE(lookup.route, nullptr);
  EXPECT_EQ(lookup.route->method, Method::get);
}

TEST(Router, UnknownPathHasNoRouteAndNoMethods) {
  auto lookup = find_route(app_routes(), "GET", "/en/nothing");
  EXPECT_EQ(lookup.route, nullptr);
  EXPECT_TRUE(lookup.allowed.empty());
}

TEST(Router, EveryPathAndMethodIsDeclaredOnce) {
  auto routes = app_routes();
  for (std::size_t i = 0; i < routes.size(); ++i)
    for (std::size_t j = i + 1; j < routes.size(); ++j)
      EXPECT_FALSE(routes[i].pattern == routes[j].pattern && routes[i].method == routes[j].method)
          << routes[i].pattern;
}

TEST(Access, DecisionFollowsTheRule) {
  store::User applicant;
  applicant.roles = {Role::applicant};
  auto admins = Access::any_of({Role::administrator});
  EXPECT_EQ(decide_access(Access::public_, std::nullopt), AccessDecision::allow);
  EXPECT_EQ(decide_access(Access::signed_in, std::nullopt), AccessDecision::sign_in_first);
  EXPECT_EQ(decide_access(Access::signed_in, applicant), AccessDecision::allow);
  EXPECT_EQ(decide_access(admins, std::nullopt), AccessDecision::sign_in_first);
  EXPECT_EQ(decide_access(admins, applicant), AccessDecision::forbidden);
  applicant.roles.push_back(Role::administrator);
  EXPECT_EQ(decide_access(admins, applicant), AccessDecision::allow);
}

}  // namespace
}  // namespace bsap::web
