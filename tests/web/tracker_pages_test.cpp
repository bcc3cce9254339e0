// The plan tracker's working pages against the real server (000_e0ccae9882b7fb64.txt 5.1: the
// departments report the progress of the items they lead; the working group's secretariat
// reviews and publishes): who may open them; the departments, focal points and assignments set
// on the departments page; a focal point refused on another department's item; a focal point's
// draft, its refused evidence and its submission; the secretariat's return with a note, review
// and publication; the City Biodiversity Index's bands, which only an administrator enters; and an
// item's volunteering in the page's year.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "store/tracker_repo.h"
#include "store/user_repo.h"
#include "store/volunteering_fixture.h"
#include "web/page_text.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

const std::string kYear = "2026";
const std::string kItemOfA = "1.5.1";  // led by department A
const std::string kItemOfB = "1.5.2";  // led by department B, supported by A
const std::string kDepartmentB = "Tracker Test Department B";

// A catalogue text with its {name} placeholder filled, as the page fills it.
std::string filled(std::string text, const std::string& name, const std::string& value) {
  const std::string placeholder = "{" + name + "}";
  if (const auto at = text.find(placeholder); at != std::string::npos)
    text.replace(at, placeholder.size(), value);
  return text;
}

class TrackerPages : public WebSuite {
 protected:
  void SetUp() override { departments(); }

  static HttpResponse post(HttpClient& client, const std::string& target, Fields fields) {
    fields.insert(fields.begin(), {"csrf_token", client.csrf_token_from("/en/account")});
    return client.post_form(target, fields);
  }

  // A multipart/form-data POST with one file, the way a browser sends an upload.
  static HttpResponse post_with_file(HttpClient& client, const std::string& target,
                                     const Fields& fields, const std::string& file_field,
                                     const std::string& filename, const std::string& bytes) {
    Fields all = fields;
    all.insert(all.begin(), {"csrf_token", client.csrf_token_from("/en/account")});
    return client.post_multipart(target, all, {file_field, filename, "application/pdf", bytes});
  }

  static std::string item_page(const std::string& item) {
    return "/en/tracker/items/" + item + "/" + kYear;
  }

  static std::int64_t department_id(const std::string& code) {
    auto tx = server().store().begin();
    return store::find_department_by_code(*tx, code)->id;
  }

  static std::optional<store::ProgressReport> report_of(const std::string& item) {
    auto tx = server().store().begin();
    return store::find_progress_of(*tx, item, std::stoi(kYear));
  }

  // Two departments, each with its focal point, each leading one item of action 1.5; A also
  // supports B's item. Set up once, through the departments page, by the plan secretariat and
  // an administrator.
  static void departments() {
    static const bool done = [] {
      server().add_user("tp_focal_a", kPassword, {Role::focal_point}, "Focal Point A");
      server().add_user("tp_focal_b", kPassword, {Role::focal_point}, "Focal Point B");
      HttpClient admin = signed_in_as("admin");
      HttpClient secretariat = signed_in_as(user_with_role(Role::plan_secretariat));
      EXPECT_EQ(post(admin, "/en/tracker/departments",
                     {{"dept_code", "tp_a"},
                      {"dept_name_zh", "測試部門甲"},
                      {"dept_name_en", "Tracker Test Department A"},
                      {"dept_kind", "department"}})
                    .status,
                303);
      EXPECT_EQ(post(secretariat, "/en/tracker/departments",
                     {{"dept_code", "tp_b"},
                      {"dept_name_zh", "測試部門乙"},
                      {"dept_name_en", kDepartmentB},
                      {"dept_kind", "department"}})
                    .status,
                303);
      const std::string a = std::to_string(department_id("tp_a"));
      const std::string b = std::to_string(department_id("tp_b"));
      for (const auto& [department, user] :
           {std::pair{a, "tp_focal_a"}, std::pair{b, "tp_focal_b"}})
        EXPECT_EQ(post(secretariat, "/en/tracker/members",
                       {{"member_department", department},
                        {"member_username", user},
                        {"member_change", "add"}})
                      .status,
                  303);
      for (const auto& [item, department, role] :
           {std::tuple{kItemOfA, a, "lead"}, std::tuple{kItemOfB, b, "lead"},
            std::tuple{kItemOfB, a, "supporting"}})
        EXPECT_EQ(post(admin, "/en/tracker/assignments",
                       {{"assignment_item", item},
                        {"assignment_department", department},
                        {"assignment_role", role},
                        {"assignment_change", "add"}})
                      .status,
                  303);
      return true;
    }();
    (void)done;
  }

  static Fields good_draft() {
    return {{"status", "on_track"},
            {"narrative_zh", "已與三個村落簽訂管理協議。"},
            {"narrative_en", "Management agreements signed with three villages."},
            {"output_count", "3"},
            {"output_0_label_zh", "管理協議"},
            {"output_0_label_en", "Management agreements"},
            {"output_0_value", "3"},
            {"output_0_unit", "count"},
            {"milestone_count", "3"},
            {"milestone_0_title_en", "First agreement signed"},
            {"milestone_0_due_on", "2026-06-30"},
            {"milestone_0_done_on", "2026-06-12"},
            {"link_count", "3"},
            {"link_0_label", "AFCD press release"},
            {"link_0_url", "https://www.afcd.gov.hk/"}};
  }
};

const char* const kGetRoutes[] = {"/en/tracker",
                                  "/en/tracker/items/1.5.1/2026",
                                  "/en/tracker/review",
                                  "/en/tracker/departments",
                                  "/en/tracker/indicators",
                                  "/en/tracker/cbi/2026",
                                  "/en/tracker/projects"};
const char* const kPostRoutes[] = {"/en/tracker/items/1.5.1/2026",
                                   "/en/tracker/items/1.5.1/2026/evidence",
                                   "/en/tracker/items/1.5.1/2026/submit",
                                   "/en/tracker/items/1.5.1/2026/review",
                                   "/en/tracker/items/1.5.1/2026/return",
                                   "/en/tracker/items/1.5.1/2026/publish",
                                   "/en/tracker/departments",
                                   "/en/tracker/members",
                                   "/en/tracker/assignments",
                                   "/en/tracker/cbi/2026",
                                   "/en/tracker/cbi-bands/1",
                                   "/en/tracker/projects"};

TEST_F(TrackerPages, WithoutASessionEveryPageSendsToSignIn_5_1) {
  HttpClient visitor = anonymous();
  for (const char* route : kGetRoutes) {
    const HttpResponse page = visitor.get(route);
    EXPECT_EQ(page.status, 303) << route;
    EXPECT_TRUE(page.header("location").starts_with("/en/login")) << route;
  }
}

TEST_F(TrackerPages, AnApplicantIsRefusedEveryTrackerRoute_5_1) {
  HttpClient applicant = signed_in_as(user_with_role(Role::applicant));
  for (const char* route : kGetRoutes) EXPECT_EQ(applicant.get(route).status, 403) << route;
  for (const char* route : kPostRoutes) EXPECT_EQ(post(applicant, route, {}).status, 403) << route;
}

TEST_F(TrackerPages, TheDepartmentsPageListsDepartmentsFocalPointsAndAssignments_5_1) {
  HttpClient secretariat = signed_in_as(user_with_role(Role::plan_secretariat));
  const HttpResponse page = secretariat.get("/en/tracker/departments");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, kDepartmentB));
  EXPECT_TRUE(has(page, "tp_focal_a"));
  EXPECT_TRUE(has(page, kItemOfB));
}

TEST_F(TrackerPages, AnUnknownItemIdIsRefusedWithWhatToEnter_5_1) {
  HttpClient admin = signed_in_as("admin");
  const HttpResponse refused =
      post(admin, "/en/tracker/assignments",
           {{"assignment_item", "9.9.9"},
            {"assignment_department", std::to_string(department_id("tp_a"))},
            {"assignment_role", "lead"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, escaped(filled(catalogue().get("tracker_error_item_unknown", Lang::en),
                                          "item", "9.9.9"))));
  auto tx = server().store().begin();
  EXPECT_TRUE(store::assignments_of_item(*tx, "9.9.9").empty());
}

TEST_F(TrackerPages, AFocalPointSeesTheItemsItsDepartmentLeadsAndSupports_5_1) {
  HttpClient focal = signed_in_as("tp_focal_a");
  const HttpResponse page = focal.get("/en/tracker?year=" + kYear);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, item_page(kItemOfA)));
  EXPECT_TRUE(has(page, item_page(kItemOfB)));
  EXPECT_TRUE(shows(page, "tracker_supporting_tag", Lang::en));
  EXPECT_FALSE(has(page, item_page("1.1.1")));  // neither led nor supported
}

TEST_F(TrackerPages, AFocalPointCannotSaveOrSubmitAnotherDepartmentsItem_5_1) {
  HttpClient focal = signed_in_as("tp_focal_a");
  const HttpResponse saved = post(focal, item_page(kItemOfB), good_draft());
  EXPECT_EQ(saved.status, 403);
  EXPECT_TRUE(has(saved, kDepartmentB));  // who leads it, and so who reports it
  EXPECT_FALSE(report_of(kItemOfB).has_value());
  const HttpResponse submitted = post(focal, item_page(kItemOfB) + "/submit", {});
  EXPECT_EQ(submitted.status, 403);
  EXPECT_TRUE(has(submitted, kDepartmentB));
  const HttpResponse uploaded =
      post_with_file(focal, item_page(kItemOfB) + "/evidence", {{"evidence_label", "Minutes"}},
                     "evidence_file", "minutes.pdf", "%PDF-1.4\n%%EOF\n");
  EXPECT_EQ(uploaded.status, 403);
  EXPECT_FALSE(report_of(kItemOfB).has_value());
  // The item page reads, without the form.
  const HttpResponse page = focal.get(item_page(kItemOfB));
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(has(page, "id=\"progress-form\""));
}

TEST_F(TrackerPages, ALinkThatIsNotHttpsIsRefusedAndTheValuesAreKept_5_1) {
  HttpClient focal = signed_in_as("tp_focal_b");
  Fields draft = good_draft();
  draft.back() = {"link_0_url", "javascript:alert(1)"};
  const HttpResponse refused = post(focal, item_page(kItemOfB), draft);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(shows(refused, "tracker_error_link_url", Lang::en));
  EXPECT_TRUE(has(refused, "Management agreements signed with three villages."));
  EXPECT_FALSE(report_of(kItemOfB).has_value());
}

TEST_F(TrackerPages, AFileThatIsNotAPdfPngOrJpegIsRefused_5_1) {
  HttpClient focal = signed_in_as("tp_focal_b");
  const HttpResponse refused =
      post_with_file(focal, item_page(kItemOfB) + "/evidence", {{"evidence_label", "Minutes"}},
                     "evidence_file", "minutes.pdf", "#!/bin/sh\necho not a pdf\n");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(shows(refused, "upload_error_type", Lang::en));
  EXPECT_FALSE(report_of(kItemOfB).has_value());
}

TEST_F(TrackerPages, TheReportGoesFromDraftToPublicationThroughTheSecretariat_5_1) {
  HttpClient focal = signed_in_as("tp_focal_a");
  HttpClient secretariat = signed_in_as(user_with_role(Role::plan_secretariat));
  const std::string page = item_page(kItemOfA);

  const HttpResponse saved = post(focal, page, good_draft());
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  EXPECT_EQ(saved.header("location"), page + "?done=saved");
  auto report = report_of(kItemOfA);
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->state, plan::ReportState::draft);
  EXPECT_EQ(report->status, plan::ItemStatus::on_track);
  ASSERT_EQ(report->outputs.size(), 1u);
  EXPECT_DOUBLE_EQ(report->outputs[0].value, 3);
  ASSERT_EQ(report->milestones.size(), 1u);
  EXPECT_EQ(report->milestones[0].done_on, "2026-06-12");
  ASSERT_EQ(report->evidence.size(), 1u);
  EXPECT_EQ(report->evidence[0].url, "https://www.afcd.gov.hk/");

  const HttpResponse uploaded =
      post_with_file(focal, page + "/evidence", {{"evidence_label", "Signed agreement"}},
                     "evidence_file", "agreement.pdf", "%PDF-1.4\n%%EOF\n");
  ASSERT_EQ(uploaded.status, 303) << uploaded.body.substr(0, 3000);
  report = report_of(kItemOfA);
  ASSERT_EQ(report->evidence.size(), 2u);
  EXPECT_TRUE(report->evidence[1].file_id.has_value());

  ASSERT_EQ(post(focal, page + "/submit", {}).status, 303);
  EXPECT_EQ(report_of(kItemOfA)->state, plan::ReportState::submitted);
  // Submitted: the focal point reads it and cannot change it.
  const HttpResponse late = post(focal, page, good_draft());
  EXPECT_EQ(late.status, 422);
  EXPECT_EQ(report_of(kItemOfA)->state, plan::ReportState::submitted);
  EXPECT_FALSE(has(focal.get(page), "id=\"progress-form\""));

  const HttpResponse queue = secretariat.get("/en/tracker/review?year=" + kYear);
  ASSERT_EQ(queue.status, 200);
  EXPECT_TRUE(has(queue, page));

  const HttpResponse no_note = post(secretariat, page + "/return", {{"return_note", " "}});
  EXPECT_EQ(no_note.status, 422);
  EXPECT_TRUE(shows(no_note, "tracker_error_return_note", Lang::en));
  EXPECT_EQ(report_of(kItemOfA)->state, plan::ReportState::submitted);
  ASSERT_EQ(post(secretariat, page + "/return", {{"return_note", "Give the hectares too."}}).status,
            303);
  report = report_of(kItemOfA);
  EXPECT_EQ(report->state, plan::ReportState::draft);
  EXPECT_EQ(report->review_note, "Give the hectares too.");
  EXPECT_TRUE(has(focal.get(page), "Give the hectares too."));

  ASSERT_EQ(post(focal, page + "/submit", {}).status, 303);
  ASSERT_EQ(post(secretariat, page + "/review", {}).status, 303);
  EXPECT_EQ(report_of(kItemOfA)->state, plan::ReportState::reviewed);
  ASSERT_EQ(post(secretariat, page + "/publish", {}).status, 303);
  report = report_of(kItemOfA);
  EXPECT_EQ(report->state, plan::ReportState::published);
  EXPECT_FALSE(report->published_at.empty());
  // A focal point cannot take the secretariat's steps.
  EXPECT_EQ(post(focal, page + "/return", {{"return_note", "x"}}).status, 403);
}

TEST_F(TrackerPages, OnlyAnAdministratorEntersCbiBandsAndOnlyWithASource_5_2) {
  HttpClient secretariat = signed_in_as(user_with_role(Role::plan_secretariat));
  HttpClient admin = signed_in_as("admin");
  const Fields bands = {{"year", kYear},       {"band_0_max", "1"},
                        {"band_1_min", "1"},   {"band_1_min_inclusive", "yes"},
                        {"band_1_max", "6.9"}, {"band_1_max_inclusive", "yes"},
                        {"band_4_min", "20"},  {"band_4_min_inclusive", "yes"}};
  Fields sourced = bands;
  sourced.emplace_back("bands_source", "CBD-TS-98 p. 25 (tracker test)");
  EXPECT_EQ(post(secretariat, "/en/tracker/cbi-bands/1", sourced).status, 403);

  const HttpResponse unsourced = post(admin, "/en/tracker/cbi-bands/1", bands);
  EXPECT_EQ(unsourced.status, 422);
  EXPECT_TRUE(shows(unsourced, "tracker_error_source", Lang::en));
  {
    auto tx = server().store().begin();
    EXPECT_TRUE(store::list_cbi_bands(*tx).empty());
  }
  const HttpResponse saved = post(admin, "/en/tracker/cbi-bands/1", sourced);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  {
    auto tx = server().store().begin();
    const auto stored = store::list_cbi_bands(*tx);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].indicator, 1);
    EXPECT_EQ(stored[0].bands.size(), 3u);
    EXPECT_EQ(stored[0].source, "CBD-TS-98 p. 25 (tracker test)");
  }
  EXPECT_TRUE(has(admin.get("/en/tracker/cbi/" + kYear), "CBD-TS-98 p. 25 (tracker test)"));
}

TEST_F(TrackerPages, AnIndicatorValueNeedsItsSourceAndComputedOnesSaySo_5_2) {
  HttpClient secretariat = signed_in_as(user_with_role(Role::plan_secretariat));
  const std::string target = "/en/tracker/indicators/greening_coverage";
  const HttpResponse unsourced =
      post(secretariat, target, {{"year", kYear}, {"value", "41.5"}, {"source", " "}});
  EXPECT_EQ(unsourced.status, 422);
  EXPECT_TRUE(shows(unsourced, "tracker_error_source", Lang::en));
  EXPECT_TRUE(has(unsourced, "value=\"41.5\""));  // the value as typed stays
  const HttpResponse recorded = post(
      secretariat, target, {{"year", kYear}, {"value", "41.5"}, {"source", "LCSD tracker test"}});
  ASSERT_EQ(recorded.status, 303) << recorded.body.substr(0, 3000);
  {
    // Closed before the next request: an open SQLite transaction would hold the server up.
    auto tx = server().store().begin();
    const auto series = store::indicator_series(*tx, "greening_coverage");
    ASSERT_EQ(series.size(), 1u);
    EXPECT_DOUBLE_EQ(series[0].value, 41.5);
    EXPECT_EQ(series[0].source, "LCSD tracker test");
  }
  const HttpResponse page = secretariat.get("/en/tracker/indicators");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "LCSD tracker test"));
  EXPECT_TRUE(shows(page, "tracker_indicator_computed", Lang::en));
  // A computed indicator takes no typed value.
  EXPECT_EQ(post(secretariat, "/en/tracker/indicators/ccfs_grants_approved",
                 {{"year", kYear}, {"value", "3"}, {"source", "typed"}})
                .status,
            422);
}

TEST_F(TrackerPages, AProjectTagNamesOneOfThePlansItems_PriorityAction1_5) {
  HttpClient secretariat = signed_in_as(user_with_role(Role::secretariat));
  ASSERT_EQ(secretariat.get("/en/tracker/projects").status, 200);
  const HttpResponse refused =
      post(secretariat, "/en/tracker/projects", {{"application_id", "1"}, {"tag_item", "1.5.99"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, escaped(filled(catalogue().get("tracker_error_item_unknown", Lang::en),
                                          "item", "1.5.99"))));
  EXPECT_TRUE(shows(refused, "tracker_error_project", Lang::en));  // no project 1 either
}

TEST_F(TrackerPages, AnItemPageShowsItsProgrammesAndTheYearsAttendance_PriorityAction2_2_1) {
  const std::int64_t ada = server().add_user("tp_volunteer_a", kPassword, {Role::contributor}, "");
  const std::int64_t ben = server().add_user("tp_volunteer_b", kPassword, {Role::contributor}, "");
  const std::int64_t department = department_id("tp_a");
  {
    auto tx = server().store().begin();
    const std::int64_t focal = store::find_user_by_username(*tx, "tp_focal_a")->id;
    const std::int64_t programme = store::testing::published_programme(
        *tx, department, "Tracker Test Wetland Volunteers", "2.2.1", focal);
    store::testing::served_at_event(*tx, programme, "2026-03-01", {{ada, 150}, {ben, 0}}, focal);
    store::testing::served_at_event(*tx, programme, "2026-04-12", {{ada, 90}, {ben, 45}}, focal);
    store::testing::served_at_event(*tx, programme, "2027-01-03", {{ben, 600}}, focal);
    tx->commit();
  }
  HttpClient focal = signed_in_as("tp_focal_a");
  const HttpResponse page = focal.get(item_page("2.2.1"));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(shows(page, "tracker_volunteering_heading", Lang::en));
  EXPECT_TRUE(has(page, "<li>Tracker Test Wetland Volunteers</li>"));
  EXPECT_TRUE(has(page, "id=\"volunteering-people\">2<"));
  EXPECT_TRUE(has(page, "id=\"volunteering-hours\">4.75<"));  // 150 + 90 + 45 minutes
  EXPECT_TRUE(has(page, "id=\"volunteering-events\">2<"));
  // An item no programme serves has no such section.
  EXPECT_FALSE(shows(focal.get(item_page(kItemOfA)), "tracker_volunteering_heading", Lang::en));
}

}  // namespace
}  // namespace bsap::test
