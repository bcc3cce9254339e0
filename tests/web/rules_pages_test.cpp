// The scheme's public rules and sites pages: the ruleset in force with its clauses and money
// figures, the version diff, and the site lists searched and filtered as the registry selects.
#include <gtest/gtest.h>

#include <variant>

#include "rules/ruleset_loader.h"
#include "web/page_text.h"
#include "web/url.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

const rules::RulesetRegistry& registry() {
  static const rules::RulesetRegistry loaded =
      std::get<rules::RulesetRegistry>(rules::load_rulesets(std::string(BSAP_HOME_DIR) + "/data"));
  return loaded;
}

const rules::SiteRegistry& sites() { return *registry().versions().back()->sites; }

std::size_t site_rows(const HttpResponse& response) {
  std::size_t rows = 0;
  for (auto at = response.body.find("bsap-site-row"); at != std::string::npos;
       at = response.body.find("bsap-site-row", at + 1))
    ++rows;
  return rows;
}

class RulesPages : public WebSuite {};

TEST_F(RulesPages, RulesPageShowsClause2_5_1AndTheMaCeiling) {
  for (const char* path : {"/en/ccfs/rules", "/zh/ccfs/rules", "/zh-hans/ccfs/rules"}) {
    auto page = anonymous().get(path);
    EXPECT_EQ(page.status, 200) << path;
    EXPECT_TRUE(has(page, "§2.5.1")) << path;
    EXPECT_TRUE(has(page, "HK$15,000,000.00")) << path;
  }
}

TEST_F(RulesPages, RulesPageListsEveryRuleOfTheVersionInForce) {
  const auto& ruleset = *registry().versions().back();
  auto page = anonymous().get("/en/ccfs/rules?version=" + ruleset.version);
  EXPECT_EQ(page.status, 200);
  for (const rules::RuleEntry& entry : ruleset.entries)
    EXPECT_TRUE(has(page, escaped(entry.description.en))) << entry.key_path;
}

TEST_F(RulesPages, UnknownVersionIsNotFound) {
  EXPECT_EQ(anonymous().get("/en/ccfs/rules?version=0.1").status, 404);
}

TEST_F(RulesPages, DiffWithOneVersionSaysSo) {
  if (registry().versions().size() != 1) GTEST_SKIP() << "more than one version is loaded";
  auto page = anonymous().get("/en/ccfs/rules/diff?from=1.8&to=1.8");
  EXPECT_EQ(page.status, 200);
  std::string text = catalogue().get("rules_diff_only_one", Lang::en);
  text.replace(text.find("{version}"), 9, registry().versions().front()->version);
  EXPECT_TRUE(has(page, escaped(text)));
}

class SitePages : public WebSuite {};

TEST_F(SitePages, CategoryAListsTwelve) {
  auto page = anonymous().get("/en/ccfs/sites?category=A");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(site_rows(page), 12u);
}

TEST_F(SitePages, EveryListWithoutAFilter) {
  EXPECT_EQ(site_rows(anonymous().get("/en/ccfs/sites")), sites().sites().size());
}

TEST_F(SitePages, SearchAndFiltersSelectAsTheRegistryDoes) {
  rules::SiteFilter by_code;
  by_code.text = "B04";
  EXPECT_EQ(site_rows(anonymous().get("/en/ccfs/sites?q=B04")), sites().select(by_code).size());
  EXPECT_TRUE(has(anonymous().get("/en/ccfs/sites?q=B04"), ">B04<"));

  const rules::Site& site = sites().sites().front();
  rules::SiteFilter by_name;
  by_name.text = site.name_zh;
  auto page = anonymous().get("/zh/ccfs/sites?q=" + web::percent_encode(site.name_zh));
  EXPECT_EQ(site_rows(page), sites().select(by_name).size());

  rules::SiteFilter by_district;
  by_district.category = "B";
  by_district.district = "sai_kung";
  EXPECT_EQ(site_rows(anonymous().get("/en/ccfs/sites?category=B&district=sai_kung")),
            sites().select(by_district).size());
}

TEST_F(SitePages, SimplifiedPageShowsSimplifiedNames) {
  static const SimplifiedConverter converter;
  auto page = anonymous().get("/zh-hans/ccfs/sites?category=A");
  EXPECT_EQ(page.status, 200);
  for (const rules::Site* site : sites().select({.category = "A", .district = {}, .text = ""}))
    EXPECT_TRUE(has(page, escaped(converter.convert(site->name_zh)))) << site->code;
}

}  // namespace
}  // namespace bsap::test
