// The plan's published progress (000 5.2) on the real server: the dashboard in every language,
// unpublished progress on no public route, published progress on all of them, the open data, the
// CBD export's 23 targets, the annual report's charts each with its table and its volunteering,
// the evidence files' rule, the KMGBF target page's progress, the navigation and ECharts served
// from node_modules.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <variant>

#include "plan/crosswalk.h"
#include "plan/plan_loader.h"
#include "store/tracker_repo.h"
#include "store/user_repo.h"
#include "store/volunteering_fixture.h"
#include "web/page_text.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

using Json = nlohmann::json;

const plan::PlanData& plan_data() {
  static const plan::PlanData data =
      std::get<plan::PlanData>(plan::load_plan_data(std::string(BSAP_HOME_DIR) + "/data"));
  return data;
}

class DashboardPages : public WebSuite {
 protected:
  // The item's 2026 report straight through the store, published or left as a draft; returns
  // its id. Each test uses items of its own: the suite shares one server and database.
  static std::int64_t report(const std::string& item, const std::string& narrative, bool publish,
                             std::optional<std::int64_t> evidence_file = {}) {
    auto tx = server().store().begin();
    const std::int64_t user =
        store::find_user_by_username(*tx, user_with_role(Role::plan_secretariat))->id;
    store::Department afcd;
    afcd.code = "afcd";
    afcd.name_zh = "漁農自然護理署";
    afcd.name_en = "AFCD";
    afcd.kind = "department";
    store::ProgressReport draft;
    draft.item_id = item;
    draft.year = 2026;
    draft.department_id = store::upsert_department(*tx, afcd, "test");
    draft.status = plan::ItemStatus::on_track;
    draft.narrative_zh = narrative + " 中文";
    draft.narrative_en = narrative;
    if (evidence_file) {
      store::Evidence evidence;
      evidence.label = "Survey";
      evidence.file_id = evidence_file;
      draft.evidence.push_back(evidence);
    }
    const std::int64_t id = store::save_progress_draft(*tx, draft, user);
    if (publish) {
      store::set_progress_state(*tx, id, plan::ReportState::draft, plan::ReportState::submitted, "",
                                user);
      store::set_progress_state(*tx, id, plan::ReportState::submitted, plan::ReportState::reviewed,
                                "", user);
      store::set_progress_state(*tx, id, plan::ReportState::reviewed, plan::ReportState::published,
                                "", user);
    }
    tx->commit();
    return id;
  }

  static std::int64_t evidence_file(const std::string& name) {
    auto tx = server().store().begin();
    const std::int64_t user =
        store::find_user_by_username(*tx, user_with_role(Role::plan_secretariat))->id;
    store::ProgressFile file;
    file.filename = name;
    file.media_type = "application/pdf";
    file.content = "%PDF-1.4";
    const std::int64_t id = store::store_progress_file(*tx, file, user);
    tx->commit();
    return id;
  }

  // Every public route that shows progress.
  static std::vector<std::string> public_routes() {
    return {"/en/dashboard?year=2026",
            "/zh/dashboard?year=2026",
            "/zh-hans/dashboard?year=2026",
            "/en/reports/annual/2026",
            "/zh/reports/annual/2026",
            "/open-data/plan-progress.json",
            "/open-data/plan-progress.csv",
            "/api/v1/cbd/national-report/2026",
            "/en/plan/kmgbf/3",
            "/en/plan/actions/2.1"};
  }
};

TEST_F(DashboardPages, AnonymousSeesTheDashboardInEveryLanguage_Clause5_2) {
  for (const std::string lang : {"en", "zh", "zh-hans"}) {
    auto page = anonymous().get("/" + lang + "/dashboard");
    EXPECT_EQ(page.status, 200) << lang;
    EXPECT_TRUE(has(page, "class=\"chart\"")) << lang;
    EXPECT_TRUE(has(page, "<table")) << lang;
    EXPECT_TRUE(has(page, "href=\"/" + lang + "/plan/kmgbf/23\"")) << lang;
    EXPECT_TRUE(has(page, "/open-data/plan-progress.csv")) << lang;
  }
  EXPECT_TRUE(shows(anonymous().get("/en/dashboard"), "dash_by_kmgbf", Lang::en));
}

TEST_F(DashboardPages, UnpublishedProgressIsOnNoPublicRoute_Clause5_1) {
  report("2.1.1", "H5 marker never published", false);
  report("2.1.2", "H5 marker published for all", true);
  for (const std::string& route : public_routes()) {
    auto page = anonymous().get(route);
    EXPECT_EQ(page.status, 200) << route;
    EXPECT_FALSE(has(page, "H5 marker never published")) << route;
  }
  for (const char* route : {"/en/reports/annual/2026", "/open-data/plan-progress.json",
                            "/open-data/plan-progress.csv", "/api/v1/cbd/national-report/2026"})
    EXPECT_TRUE(has(anonymous().get(route), "H5 marker published for all")) << route;
}

TEST_F(DashboardPages, OpenDataHoldsOnlyPublishedReports_Clause5_2) {
  report("2.2.1", "Open data draft", false);
  report("2.2.2", "Open data published", true);
  auto response = anonymous().get("/open-data/plan-progress.json");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.header("access-control-allow-origin"), "*");
  const Json document = Json::parse(response.body);
  bool found = false;
  for (const Json& row : document["reports"]) {
    EXPECT_NE(row["narrative_en"], "Open data draft");
    if (row["item"] == "2.2.2") {
      found = true;
      EXPECT_EQ(row["action"], "2.2");
      EXPECT_EQ(row["year"], 2026);
      EXPECT_EQ(row["status"], "on_track");
    }
  }
  EXPECT_TRUE(found);
  auto csv = anonymous().get("/open-data/plan-progress.csv");
  EXPECT_TRUE(csv.header("content-type").starts_with("text/csv"));
  EXPECT_TRUE(csv.body.starts_with("year,item,action,status"));
  auto indicators = anonymous().get("/open-data/plan-indicators.json");
  ASSERT_EQ(indicators.status, 200);
  EXPECT_GT(Json::parse(indicators.body)["indicators"].size(), 0u);
  EXPECT_TRUE(anonymous().get("/open-data/plan-indicators.csv").body.starts_with("code,"));
}

TEST_F(DashboardPages, CbdExportHas23Targets_Clause5_2) {
  auto response = anonymous().get("/api/v1/cbd/national-report/2026");
  ASSERT_EQ(response.status, 200);
  EXPECT_TRUE(response.header("content-type").starts_with("application/json"));
  const Json document = Json::parse(response.body);
  EXPECT_EQ(document["section_iii"].size(), 23u);
  EXPECT_EQ(anonymous().get("/api/v1/cbd/national-report/1999").status, 404);
}

TEST_F(DashboardPages, AnnualReportHasEachChartWithItsTable_Clause5_1) {
  auto page = anonymous().get("/en/reports/annual/2026");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "2026"));
  const std::string chart = "<div class=\"chart\" data-chart=";
  std::size_t charts = 0;
  for (auto at = page.body.find(chart); at != std::string::npos;
       at = page.body.find(chart, at + 1)) {
    ++charts;
    auto table = page.body.find("<table", at);
    auto figure_end = page.body.find("</figure>", at);
    EXPECT_LT(table, figure_end) << "chart " << charts << " has no table in its figure";
  }
  EXPECT_GE(charts, 1u);
  for (const plan::Action& action : plan_data().plan.actions)
    EXPECT_TRUE(has(page, "Action " + action.number + " ")) << action.number;
  EXPECT_EQ(anonymous().get("/en/reports/annual/2025").status, 404);
  EXPECT_EQ(anonymous().get("/en/reports/annual/abcd").status, 404);
}

TEST_F(DashboardPages, AnnualReportCountsTheYearsVolunteering_PriorityAction2_2) {
  const std::int64_t volunteer = server().add_user("dp_volunteer", kPassword, {Role::contributor});
  {
    auto tx = server().store().begin();
    const std::int64_t user =
        store::find_user_by_username(*tx, user_with_role(Role::plan_secretariat))->id;
    const std::int64_t department =
        store::upsert_department(*tx, {0, "afcd", "漁農自然護理署", "AFCD", "department"}, "test");
    const std::int64_t programme = store::testing::published_programme(
        *tx, department, "Dashboard Test Trail Volunteers", "2.2.1", user);
    store::testing::served_at_event(*tx, programme, "2026-10-04", {{volunteer, 210}}, user);
    tx->commit();
  }
  auto page = anonymous().get("/en/reports/annual/2026");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(shows(page, "report_volunteering_heading", Lang::en));
  EXPECT_TRUE(shows(page, "report_citizen_scientists", Lang::en));
  EXPECT_TRUE(has(page, "<li>Dashboard Test Trail Volunteers</li>"));
  EXPECT_TRUE(has(page, "<td>3.5</td>"));  // 210 minutes served
  EXPECT_TRUE(shows(anonymous().get("/zh/reports/annual/2026"), "report_volunteering_heading",
                    Lang::zh_hant));
}

TEST_F(DashboardPages, EvidenceOfAnUnpublishedReportIsHidden_Clause5_1) {
  const std::int64_t hidden = evidence_file("hidden.pdf");
  report("2.3.1", "Evidence draft", false, hidden);
  const std::string hidden_path = "/en/plan/evidence/" + std::to_string(hidden);
  EXPECT_EQ(anonymous().get(hidden_path).status, 404);
  EXPECT_EQ(signed_in_as(user_with_role(Role::applicant)).get(hidden_path).status, 404);
  EXPECT_EQ(signed_in_as(user_with_role(Role::plan_secretariat)).get(hidden_path).status, 200);

  const std::int64_t shown = evidence_file("survey 2026.pdf");
  report("2.3.2", "Evidence published", true, shown);
  auto file = anonymous().get("/en/plan/evidence/" + std::to_string(shown));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, "%PDF-1.4");
  EXPECT_EQ(file.header("content-type"), "application/pdf");
  EXPECT_TRUE(file.header("content-disposition").starts_with("attachment;"));
  EXPECT_EQ(file.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(anonymous().get("/en/plan/evidence/999999").status, 404);
}

TEST_F(DashboardPages, KmgbfTargetPageShowsPublishedProgress_Clause5_2) {
  const auto serving = plan::actions_serving(plan_data().plan, plan::Framework::kmgbf, 3);
  ASSERT_FALSE(serving.empty());
  const plan::Action& action = *serving.back();
  report(plan::item_id(action, action.items.front()), "Target 3 progress", true);
  auto page = anonymous().get("/en/plan/kmgbf/3");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(shows(page, "dash_crosswalk_progress", Lang::en));
  EXPECT_TRUE(has(page, "bsap-status--on_track"));
}

TEST_F(DashboardPages, IndicatorPagesAndUnknownCode) {
  EXPECT_EQ(anonymous().get("/en/indicators").status, 200);
  auto page = anonymous().get("/zh-hans/indicators/protected_area_extent");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "href=\"/zh-hans/plan/kmgbf/3\""));
  EXPECT_EQ(anonymous().get("/en/indicators/no_such_indicator").status, 404);
  EXPECT_EQ(anonymous().get("/en/cbi").status, 200);
  EXPECT_EQ(anonymous().get("/en/cbi/1999").status, 404);
}

TEST_F(DashboardPages, NavigationLinksDashboardAndTrackerByRole) {
  auto home = anonymous().get("/en/");
  EXPECT_TRUE(has(home, "href=\"/en/dashboard\""));
  EXPECT_FALSE(has(home, "href=\"/en/tracker\""));
  EXPECT_TRUE(
      has(signed_in_as(user_with_role(Role::focal_point)).get("/en/"), "href=\"/en/tracker\""));
  EXPECT_TRUE(has(signed_in_as(user_with_role(Role::plan_secretariat)).get("/en/"),
                  "href=\"/en/tracker\""));
  EXPECT_FALSE(
      has(signed_in_as(user_with_role(Role::applicant)).get("/en/"), "href=\"/en/tracker\""));
}

TEST_F(DashboardPages, EChartsIsServedLocallyBesideTheChartScript) {
  auto echarts = anonymous().get("/static/vendor/echarts.min.js");
  EXPECT_EQ(echarts.status, 200);
  EXPECT_TRUE(echarts.header("content-type").starts_with("text/javascript"));
  EXPECT_EQ(anonymous().get("/static/js/charts.js").status, 200);
}

}  // namespace
}  // namespace bsap::test
