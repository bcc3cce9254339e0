// The plan's public pages against the plan's own data: the home with its goals and areas, an
// action with its items and mappings, a cross-walk, the KMGBF matrix, 404 for what the plan does
// not hold, and Simplified Chinese derived from the Traditional text.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <variant>

#include "plan/crosswalk.h"
#include "plan/plan_loader.h"
#include "web/page_text.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

const plan::PlanData& plan_data() {
  static const plan::PlanData data =
      std::get<plan::PlanData>(plan::load_plan_data(std::string(BSAP_HOME_DIR) + "/data"));
  return data;
}

std::size_t count(const HttpResponse& response, std::string_view text) {
  std::size_t found = 0;
  for (auto at = response.body.find(text); at != std::string::npos;
       at = response.body.find(text, at + text.size()))
    ++found;
  return found;
}

class PlanPages : public WebSuite {};

TEST_F(PlanPages, PlanHomeListsTenGoalsAndFourAreas) {
  auto page = anonymous().get("/en/plan");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(count(page, "href=\"/en/plan/goals/"), 10u);
  EXPECT_EQ(count(page, "href=\"/en/plan/areas/"), 4u);
  EXPECT_TRUE(has(page, escaped(plan_data().plan.vision.en)));
}

TEST_F(PlanPages, Action2_4ShowsItsItemsAndMappingsPerTheData) {
  const plan::Action& action = *plan::find_action(plan_data().plan, "2.4");
  auto page = anonymous().get("/en/plan/actions/2.4");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, escaped(action.title.en)));
  ASSERT_FALSE(action.items.empty());
  for (const plan::ActionItem& item : action.items) {
    EXPECT_TRUE(has(page, "2.4." + std::to_string(item.number))) << item.number;
    EXPECT_TRUE(has(page, escaped(item.text.en))) << item.number;
  }
  for (auto [framework, segment] : {std::pair{plan::Framework::goal, "goals"},
                                    {plan::Framework::nbsap, "nbsap"},
                                    {plan::Framework::kmgbf, "kmgbf"},
                                    {plan::Framework::sdg, "sdg"}}) {
    const auto& numbers = plan::mapping_of(action, framework);
    EXPECT_EQ(count(page, "href=\"/en/plan/" + std::string(segment) + "/"), numbers.size())
        << segment;
    for (int number : numbers)
      EXPECT_TRUE(has(
          page, "href=\"/en/plan/" + std::string(segment) + "/" + std::to_string(number) + "\""))
          << segment << " " << number;
  }
}

TEST_F(PlanPages, Kmgbf3CrossWalkListsActions1_1To1_3) {
  auto page = anonymous().get("/en/plan/kmgbf/3");
  EXPECT_EQ(page.status, 200);
  for (const char* action : {"1.1", "1.2", "1.3"})
    EXPECT_TRUE(has(page, "href=\"/en/plan/actions/" + std::string(action) + "\"")) << action;
  auto serving = plan::actions_serving(plan_data().plan, plan::Framework::kmgbf, 3);
  EXPECT_EQ(count(page, "href=\"/en/plan/actions/"), serving.size());
}

TEST_F(PlanPages, EveryCrossWalkAnswersForItsNumbers) {
  HttpClient client = anonymous();
  EXPECT_EQ(client.get("/zh/plan/goals/10").status, 200);
  EXPECT_EQ(client.get("/zh/plan/nbsap/27").status, 200);
  EXPECT_EQ(client.get("/zh/plan/sdg/17").status, 200);
  EXPECT_EQ(client.get("/zh/plan/kmgbf/23").status, 200);
  EXPECT_EQ(client.get("/zh/plan/areas/4").status, 200);
}

TEST_F(PlanPages, MatrixHas30RowsAndATextMarkForEachServedTarget) {
  auto page = anonymous().get("/en/plan/matrix");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "<caption"));
  EXPECT_EQ(count(page, "<th scope=\"row\""), 30u);
  auto matrix = plan::mapping_matrix(plan_data(), plan::Framework::kmgbf);
  EXPECT_EQ(count(page, "<th scope=\"col\""), matrix.columns.size() + 1);
  std::size_t served = 0;
  for (const auto& row : matrix.serves) served += std::ranges::count(row, true);
  EXPECT_EQ(count(page, escaped(catalogue().get("plan_matrix_serves", Lang::en))), served);
}

TEST_F(PlanPages, UnknownActionAreaOrTargetIsNotFound) {
  HttpClient client = anonymous();
  for (const char* path :
       {"/en/plan/actions/9.9", "/en/plan/actions/2.4.1", "/en/plan/areas/5", "/en/plan/areas/01",
        "/en/plan/kmgbf/24", "/en/plan/sdg/0", "/en/plan/goals/11", "/en/plan/nbsap/x"}) {
    auto page = client.get(path);
    EXPECT_EQ(page.status, 404) << path;
    EXPECT_TRUE(shows(page, "error_not_found_title", Lang::en)) << path;
  }
}

TEST_F(PlanPages, SimplifiedChineseIsDerivedFromTheTraditionalText) {
  static const SimplifiedConverter converter;
  const plan::Plan& plan = plan_data().plan;
  auto page = anonymous().get("/zh-hans/plan");
  EXPECT_EQ(page.status, 200);
  std::string simplified = converter.convert(plan.title.zh);
  ASSERT_NE(simplified, plan.title.zh);
  EXPECT_TRUE(has(page, escaped(simplified)));
  EXPECT_FALSE(has(page, escaped(plan.title.zh)));
  auto traditional = anonymous().get("/zh/plan");
  EXPECT_TRUE(has(traditional, escaped(plan.title.zh)));
}

TEST_F(PlanPages, EnglishSaysItIsAnUnofficialTranslation) {
  EXPECT_TRUE(shows(anonymous().get("/en/plan"), "unofficial_translation", Lang::en));
  EXPECT_TRUE(shows(anonymous().get("/en/plan/actions/1.1"), "unofficial_translation", Lang::en));
  EXPECT_FALSE(shows(anonymous().get("/zh/plan"), "unofficial_translation", Lang::zh_hant));
}

// A catalogue key the catalogue lacks shows as "[key]".
TEST_F(PlanPages, PlanAndSchemePagesLackNoCatalogueText) {
  const std::regex missing_text(R"(\[[a-z][a-z0-9_]*_[a-z0-9_]*\])");
  HttpClient client = anonymous();
  for (const char* lang : {"zh", "en", "zh-hans"})
    for (const char* path : {"/plan", "/plan/areas/1", "/plan/actions/1.1", "/plan/goals/2",
                             "/plan/nbsap/3", "/plan/kmgbf/4", "/plan/sdg/5", "/plan/matrix",
                             "/ccfs/rules", "/ccfs/rules/diff", "/ccfs/sites"}) {
      auto page = client.get("/" + std::string(lang) + path);
      EXPECT_EQ(page.status, 200) << lang << path;
      EXPECT_FALSE(std::regex_search(page.body, missing_text)) << lang << path;
    }
}

TEST_F(PlanPages, HeaderLinksToThePlanAndTheSchemeRulesAndSites) {
  auto page = anonymous().get("/zh/");
  for (const char* href : {"/zh/plan", "/zh/ccfs/rules", "/zh/ccfs/sites"})
    EXPECT_TRUE(has(page, "href=\"" + std::string(href) + "\"")) << href;
}

}  // namespace
}  // namespace bsap::test
