// The funded projects' pages against the real server (guidelines §5): the secretariat opens a
// project from an approved application and sees its schedule (§5.5.1); the agreement, the first
// instalment and a refused release (§5.5.1: the inception report of §5.1.2 first); the grantee's
// report and the secretariat's review; money typed wrong named by its field; a reduction shown
// before it is confirmed (§5.5.4); and who is refused: another organisation (403), no session.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/change_request_repo.h"
#include "store/document_repo.h"
#include "store/ledger_repo.h"
#include "store/organisation_repo.h"
#include "store/project_repo.h"
#include "web/page_text.h"
#include "web/sample_applications.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

CivilDate today() { return today_in_hong_kong(std::chrono::system_clock::now()); }

const std::string kTitle = "Sha Lo Tung freshwater marsh and paddy stewardship";
const std::string kFirstPart = "HK$150,000.00";  // 25 % of kApprovedAmount (§5.5.1)

class ProjectPages : public WebSuite {
 protected:
  void SetUp() override {
    grantee();
    outsider();
    officer();
  }

  static std::int64_t organisation_member(const std::string& username, const std::string& name) {
    const std::int64_t id = server().add_user(username, kPassword, {Role::applicant}, name);
    auto tx = server().store().begin();
    store::create_organisation(*tx, {name + "（中）", name, "non_profit_company", false}, id,
                               "Director");
    tx->commit();
    return id;
  }
  // The grantee's person-in-charge, and an applicant of another organisation; made once.
  static std::int64_t grantee() {
    static const std::int64_t id = organisation_member("pp_grantee", "Marsh Keepers Limited");
    return id;
  }
  static std::int64_t outsider() {
    static const std::int64_t id = organisation_member("pp_outsider", "Other Hills Limited");
    return id;
  }
  static std::int64_t officer() {
    static const std::int64_t id =
        server().add_user("pp_secretariat", kPassword, {Role::secretariat}, "Project Officer");
    return id;
  }
  static std::int64_t organisation_of(std::int64_t user) {
    auto tx = server().store().begin();
    return store::organisation_of_user(*tx, user)->id;
  }

  // A submitted application the committee approved: HK$600,000 over 24 months.
  static std::int64_t approved_application() {
    return test::approved_application(server().store(),
                                      {organisation_of(grantee()), grantee(), officer(), kTitle});
  }

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

  static std::string page(std::int64_t id, const char* lang = "en") {
    return "/" + std::string(lang) + "/projects/" + std::to_string(id);
  }

  // Opens the project through the secretariat's form, starting today. A first share above 25 %
  // pays its rest as instalment 2, once the inception report is accepted (§5.5.1).
  static std::int64_t opened_project(HttpClient& secretariat, const std::string& first_share = "25",
                                     CivilDate start = today()) {
    const std::int64_t id = approved_application();
    const HttpResponse opened = post(secretariat, "/en/projects",
                                     {{"application_id", std::to_string(id)},
                                      {"start_on", format_iso(start)},
                                      {"first_share", first_share}});
    EXPECT_EQ(opened.status, 303) << opened.body.substr(0, 3000);
    EXPECT_EQ(opened.header("location"), page(id) + "?done=opened");
    return id;
  }

  // The agreement confirmed with a bank statement the grantee uploaded (§5.1.1, §5.6.1).
  static void sign(HttpClient& secretariat, std::int64_t id) {
    std::int64_t statement = 0;
    const std::int64_t organisation = organisation_of(grantee());
    {
      auto tx = server().store().begin();
      statement = store::store_document(*tx, organisation, "bank_statement", "statement.pdf",
                                        "%PDF-1.4\n%%EOF\n", grantee());
      tx->commit();
    }
    const HttpResponse signed_ =
        post(secretariat, page(id) + "/agreement",
             {{"signed_on", format_iso(today())}, {"bank_statement", std::to_string(statement)}});
    ASSERT_EQ(signed_.status, 303) << signed_.body.substr(0, 3000);
  }

  static store::ReportRow report_of(std::int64_t id, const std::string& kind) {
    auto tx = server().store().begin();
    for (const store::ReportRow& report : store::list_reports(*tx, id))
      if (report.kind == kind) return report;
    ADD_FAILURE() << "no " << kind;
    return {};
  }
};

TEST_F(ProjectPages, TheSecretariatOpensAnApprovedApplicationAndSeesItsSchedule_5_5_1) {
  HttpClient secretariat = signed_in_as("pp_secretariat");
  const std::int64_t id = approved_application();
  const HttpResponse list = secretariat.get("/en/projects");
  ASSERT_EQ(list.status, 200) << list.body.substr(0, 400);
  EXPECT_TRUE(has(list, "id=\"open-" + std::to_string(id) + "\"")) << "the open form";
  EXPECT_TRUE(shows(list, "project_first_share", Lang::en));

  const HttpResponse bad = post(secretariat, "/en/projects",
                                {{"application_id", std::to_string(id)},
                                 {"start_on", "next week"},
                                 {"first_share", "a quarter"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, "href=\"#start_on-" + std::to_string(id) + "\""));
  EXPECT_TRUE(has(bad, "href=\"#first_share-" + std::to_string(id) + "\""));
  EXPECT_TRUE(has(bad, "value=\"a quarter\"")) << "the values as typed";

  const HttpResponse too_much = post(secretariat, "/en/projects",
                                     {{"application_id", std::to_string(id)},
                                      {"start_on", format_iso(today())},
                                      {"first_share", "60"}});
  EXPECT_EQ(too_much.status, 422);
  EXPECT_TRUE(has(too_much, "§5.5.1")) << too_much.body.substr(0, 3000);

  ASSERT_EQ(post(secretariat, "/en/projects",
                 {{"application_id", std::to_string(id)},
                  {"start_on", format_iso(today())},
                  {"first_share", "25"}})
                .status,
            303);
  const HttpResponse project = secretariat.get(page(id) + "?done=opened");
  ASSERT_EQ(project.status, 200) << project.body.substr(0, 400);
  EXPECT_TRUE(shows(project, "project_done_opened", Lang::en));
  EXPECT_TRUE(has(project, kTitle));
  EXPECT_TRUE(has(project, "HK$600,000.00")) << "the approved amount";
  EXPECT_TRUE(has(project, kFirstPart)) << "25 % a month before the start";
  EXPECT_TRUE(has(project, "Inception report"));
  EXPECT_TRUE(shows(project, "project_schedule_heading", Lang::en));
  EXPECT_TRUE(has(project, "name=\"bank_statement\"")) << "the agreement form";
  EXPECT_FALSE(has(project, "id=\"release-1\"")) << "nothing is paid before the agreement";

  const HttpResponse chinese = secretariat.get(page(id, "zh"));
  EXPECT_EQ(chinese.status, 200);
  EXPECT_TRUE(shows(chinese, "project_schedule_heading", Lang::zh_hant));
  EXPECT_TRUE(has(chinese, "初始報告"));

  const HttpResponse listed = secretariat.get("/en/projects");
  EXPECT_TRUE(has(listed, "href=\"" + page(id) + "\""));
  EXPECT_FALSE(has(listed, "id=\"open-" + std::to_string(id) + "\"")) << "opened once only";
  // Nothing is owed before the agreement makes the applicant the grantee (§5.1.1), so the
  // calendar lists none of its reports yet.
  EXPECT_FALSE(has(listed, "id=\"calendar-table\"")) << "no report owed before the agreement";
}

TEST_F(ProjectPages, AnotherOrganisationIsRefusedThePageAndEveryForm) {
  HttpClient secretariat = signed_in_as("pp_secretariat");
  const std::int64_t id = opened_project(secretariat);
  outsider();
  HttpClient other = signed_in_as("pp_outsider");
  EXPECT_EQ(other.get(page(id)).status, 403);
  EXPECT_EQ(post(other, page(id) + "/income",
                 {{"income_kind", "sponsorship"},
                  {"income_amount", "100"},
                  {"income_date", format_iso(today())}})
                .status,
            403);
  const store::ReportRow inception = report_of(id, "inception_report");
  EXPECT_EQ(post(other, page(id) + "/reports/" + std::to_string(inception.id),
                 {{"summary", "Not mine"}, {"spent_to_date", "0"}, {"forecast", "0"}})
                .status,
            403);
  const HttpResponse list = other.get("/en/projects");
  EXPECT_EQ(list.status, 200);
  EXPECT_FALSE(has(list, kTitle)) << "another organisation's project is not listed";

  HttpClient own = signed_in_as("pp_grantee");
  const HttpResponse mine = own.get(page(id));
  EXPECT_EQ(mine.status, 200);
  EXPECT_FALSE(has(mine, "name=\"bank_statement\"")) << "the secretariat confirms the agreement";
  EXPECT_TRUE(has(own.get("/en/projects"), kTitle));
  auto tx = server().store().begin();
  EXPECT_TRUE(store::list_income(*tx, id).empty()) << "the refused form wrote nothing";
}

TEST_F(ProjectPages, AVisitorWithoutASessionIsSentToSignIn) {
  HttpClient secretariat = signed_in_as("pp_secretariat");
  const std::int64_t id = opened_project(secretariat);
  HttpClient visitor = anonymous();
  for (const std::string& target : {std::string("/en/projects"), page(id)}) {
    const HttpResponse response = visitor.get(target);
    EXPECT_EQ(response.status, 303) << target;
    EXPECT_TRUE(response.header("location").starts_with("/en/login")) << target;
  }
}

TEST_F(ProjectPages, TheSecondInstalmentWaitsForTheInceptionReport_5_5_1) {
  HttpClient secretariat = signed_in_as("pp_secretariat");
  const std::int64_t id = opened_project(secretariat, "40");
  sign(secretariat, id);
  const HttpResponse signed_page = secretariat.get(page(id));
  EXPECT_TRUE(has(signed_page, "id=\"release-1\""));
  EXPECT_TRUE(has(signed_page, "HK$90,000.00")) << "the rest of a 40 % first share";

  const HttpResponse first = post(secretariat, page(id) + "/instalments/1/release", {});
  EXPECT_EQ(first.status, 303) << first.body.substr(0, 3000);
  EXPECT_EQ(first.header("location"), page(id) + "?done=released#schedule");

  const HttpResponse second = post(secretariat, page(id) + "/instalments/2/release", {});
  EXPECT_EQ(second.status, 422);
  EXPECT_TRUE(has(second, "§5.5.1")) << second.body.substr(0, 3000);
  EXPECT_TRUE(has(second, "href=\"#schedule\""));
  const HttpResponse traditional = post(secretariat, page(id, "zh") + "/instalments/2/release", {});
  EXPECT_TRUE(has(traditional, "§5.5.1, §5.8.1: 此期款項")) << traditional.body.substr(0, 3000);

  auto tx = server().store().begin();
  const auto instalments = store::list_instalments(*tx, id);
  ASSERT_GE(instalments.size(), 2u);
  EXPECT_TRUE(instalments[0].released_on.has_value());
  EXPECT_FALSE(instalments[1].released_on.has_value());
}

TEST_F(ProjectPages, TheGranteeReportsAndTheSecretariatAcceptsThenReleases_5_1_2) {
  HttpClient secretariat = signed_in_as("pp_secretariat");
  const std::int64_t id = opened_project(secretariat, "40");
  sign(secretariat, id);
  const store::ReportRow inception = report_of(id, "inception_report");
  const std::string report = page(id) + "/reports/" + std::to_string(inception.id);

  HttpClient own = signed_in_as("pp_grantee");
  const HttpResponse form = own.get(page(id));
  EXPECT_TRUE(has(form, "id=\"summary-" + std::to_string(inception.id) + "\""));
  EXPECT_TRUE(has(form, "Marsh and paddy under wet management (ha)")) << "one input per KPI";

  const HttpResponse bad = post(own, report, {{"summary", "Plan"}, {"spent_to_date", "lots"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, escaped(catalogue().get("project_spent_to_date", Lang::en)) +
                           ": enter an amount in HK$"))
      << "the error names the field";

  const HttpResponse submitted =
      post_with_file(own, report,
                     {{"summary", "Working arrangements, team chart, partners"},
                      {"spent_to_date", "12,000.50"},
                      {"forecast", "580,000"},
                      {"kpi_0", "0.5 ha"}},
                     "report_file", "inception.pdf", "%PDF-1.4\n%%EOF\n");
  EXPECT_EQ(submitted.status, 303) << submitted.body.substr(0, 3000);

  const HttpResponse reviewed =
      post(secretariat, report + "/review", {{"decision", "accept"}, {"note", ""}});
  EXPECT_EQ(reviewed.status, 303) << reviewed.body.substr(0, 3000);
  EXPECT_EQ(post(secretariat, page(id) + "/instalments/1/release", {}).status, 303);
  EXPECT_EQ(post(secretariat, page(id) + "/instalments/2/release", {}).status, 303)
      << "the inception report is accepted";

  const HttpResponse after = own.get(page(id));
  EXPECT_TRUE(has(after, "HK$12,000.50"));
  EXPECT_TRUE(has(after, "0.5 ha"));
  EXPECT_TRUE(shows(after, "project_report_status_accepted", Lang::en));
  auto tx = server().store().begin();
  EXPECT_TRUE(store::find_report(*tx, inception.id)->document_id.has_value());
}

TEST_F(ProjectPages, AReductionIsShownBeforeItIsConfirmed_5_5_4) {
  HttpClient secretariat = signed_in_as("pp_secretariat");
  const std::int64_t id = opened_project(secretariat);
  sign(secretariat, id);
  // §5.5.4(c): 8 of 10 activities held, on a base of HK$100,000: HK$20,000.00 less.
  const Fields reduction{{"reduction_ground", "activities"},
                         {"reduction_base", "100,000"},
                         {"reduction_target", "10"},
                         {"reduction_actual", "8"},
                         {"reduction_note", "Two site visits cancelled"}};
  Fields preview = reduction;
  preview.emplace_back("preview", "yes");
  const HttpResponse shown = post(secretariat, page(id) + "/reductions", preview);
  ASSERT_EQ(shown.status, 200) << shown.body.substr(0, 3000);
  EXPECT_TRUE(has(shown, "HK$20,000.00"));
  EXPECT_TRUE(has(shown, "id=\"confirm-reduction\""));
  {
    auto tx = server().store().begin();
    EXPECT_TRUE(store::list_reductions(*tx, id).empty()) << "a preview records nothing";
  }
  Fields confirm = reduction;
  confirm.emplace_back("confirm", "yes");
  const HttpResponse confirmed = post(secretariat, page(id) + "/reductions", confirm);
  EXPECT_EQ(confirmed.status, 303) << confirmed.body.substr(0, 3000);
  auto tx = server().store().begin();
  const auto reductions = store::list_reductions(*tx, id);
  ASSERT_EQ(reductions.size(), 1u);
  EXPECT_EQ(reductions[0].amount, Money::from_cents(20'000'00));
}

TEST_F(ProjectPages, ALateReportIsFollowedUpAndSuspensionIsNoticed_5_8_11_5_16) {
  HttpClient secretariat = signed_in_as("pp_secretariat");
  // Started seven months ago: the inception report (due after one month) is six months late.
  const std::int64_t id = opened_project(secretariat, "25", today().plus_months(-7));
  sign(secretariat, id);
  const store::ReportRow inception = report_of(id, "inception_report");
  const std::string late = std::to_string(days_between(inception.due_on, today()));

  const HttpResponse calendar = secretariat.get("/en/projects");
  EXPECT_TRUE(has(calendar, "<strong class=\"bsap-tag bsap-tag--red\">" + late + "</strong>"))
      << "days overdue";
  EXPECT_TRUE(has(calendar, "Consider suspension or termination")) << "the rung 90 days suggest";

  const std::string follow_up =
      page(id) + "/reports/" + std::to_string(inception.id) + "/escalation";
  const HttpResponse recorded =
      post(secretariat, follow_up, {{"rung", "warning_letter"}, {"escalation_note", "Sent"}});
  EXPECT_EQ(recorded.status, 303) << recorded.body.substr(0, 3000);
  EXPECT_TRUE(has(secretariat.get(page(id)), "Warning letter"));
  EXPECT_EQ(post(secretariat, follow_up, {{"rung", "shouting"}}).status, 422);

  // §5.16.2's grounds alone end the funding at once.
  const HttpResponse immediate = post(secretariat, page(id) + "/state",
                                      {{"state_event", "terminate"},
                                       {"state_ground", "§5.16.1(b)"},
                                       {"state_note", "No inception report"},
                                       {"state_immediate", "yes"}});
  EXPECT_EQ(immediate.status, 422);
  EXPECT_TRUE(shows(immediate, "project_error_immediate_ground", Lang::en));
  const HttpResponse notice = post(secretariat, page(id) + "/state",
                                   {{"state_event", "suspend"},
                                    {"state_ground", "§5.16.1(b)"},
                                    {"state_note", "No inception report"}});
  EXPECT_EQ(notice.status, 303) << notice.body.substr(0, 3000);
  const HttpResponse after = secretariat.get(page(id));
  EXPECT_TRUE(has(after, "§5.16.1(b): No inception report"));
  EXPECT_TRUE(has(after, format_iso(today().plus_months(1)))) << "a month's notice (§5.16.3)";
}

// §5.16.6: the grantee asks for a new person-in-charge; the secretariat approves a budget
// modification only with the committee's consultation recorded.
TEST_F(ProjectPages, ChangesNeedApprovalAndMajorOnesTheCommittee_5_16_6) {
  HttpClient secretariat = signed_in_as("pp_secretariat");
  const std::int64_t id = opened_project(secretariat);
  sign(secretariat, id);
  HttpClient own = signed_in_as("pp_grantee");
  const HttpResponse before = own.get(page(id));
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(has(before, "id=\"changes\""));
  EXPECT_TRUE(has(before, "Dr Wong Ka-yan, Executive Director")) << "the application's";
  EXPECT_TRUE(has(before, "name=\"change_kind\"")) << "the grantee's request form";

  const HttpResponse blank = post(own, page(id) + "/changes",
                                  {{"change_kind", "person_in_charge"},
                                   {"change_details", ""},
                                   {"change_reason", "Dr Wong retires"}});
  EXPECT_EQ(blank.status, 422);
  EXPECT_TRUE(has(blank, "href=\"#change_details\"")) << blank.body.substr(0, 3000);
  const HttpResponse asked = post(own, page(id) + "/changes",
                                  {{"change_kind", "person_in_charge"},
                                   {"change_details", "Chan Siu Ming, Project Manager"},
                                   {"change_reason", "Dr Wong retires"}});
  EXPECT_EQ(asked.status, 303) << asked.body.substr(0, 3000);
  EXPECT_EQ(post(own, page(id) + "/changes",
                 {{"change_kind", "budget_modification"},
                  {"change_details", "Move HK$50,000 from item 1 to item 2"},
                  {"change_reason", "Fewer workers, more tools"}})
                .status,
            303);
  std::vector<store::ChangeRequestRow> requests;
  {
    auto tx = server().store().begin();
    requests = store::list_change_requests(*tx, id);
  }
  ASSERT_EQ(requests.size(), 2u);
  const std::string pic_change = page(id) + "/changes/" + std::to_string(requests[0].id);
  const std::string budget_change = page(id) + "/changes/" + std::to_string(requests[1].id);
  EXPECT_EQ(post(own, budget_change + "/decision", {{"decision", "approve"}}).status, 403);

  const HttpResponse listed = secretariat.get(page(id));
  EXPECT_TRUE(has(listed, "id=\"decide-change-" + std::to_string(requests[1].id) + "\""));
  EXPECT_TRUE(shows(listed, "project_change_required_major", Lang::en));
  const HttpResponse unconsulted =
      post(secretariat, budget_change + "/decision", {{"decision", "approve"}});
  EXPECT_EQ(unconsulted.status, 422);
  EXPECT_TRUE(has(unconsulted, "§5.16.6")) << unconsulted.body.substr(0, 3000);
  const HttpResponse consulted = post(secretariat, budget_change + "/decision",
                                      {{"decision", "approve"},
                                       {"committee_consulted_on", format_iso(today())},
                                       {"committee_note", "Agreed at meeting 12"}});
  EXPECT_EQ(consulted.status, 303) << consulted.body.substr(0, 3000);
  EXPECT_EQ(post(secretariat, pic_change + "/decision", {{"decision", "approve"}}).status, 303);

  const HttpResponse after = own.get(page(id));
  EXPECT_TRUE(has(after, "id=\"change-status-" + std::to_string(requests[1].id) + "\">" +
                             escaped(catalogue().get("project_change_status_approved", Lang::en))))
      << after.body.substr(0, 3000);
  EXPECT_TRUE(has(after, "Agreed at meeting 12"));
  EXPECT_TRUE(has(after, "id=\"person-in-charge\">Chan Siu Ming, Project Manager"))
      << "the approved person-in-charge";
  EXPECT_EQ(
      post(secretariat, page(id) + "/changes/999999/decision", {{"decision", "approve"}}).status,
      404);
}

TEST_F(ProjectPages, TheGranteeMayNotTakeTheSecretariatsSteps) {
  HttpClient secretariat = signed_in_as("pp_secretariat");
  const std::int64_t id = opened_project(secretariat);
  HttpClient own = signed_in_as("pp_grantee");
  for (const char* step : {"/agreement", "/instalments/1/release", "/state", "/close",
                           "/reductions", "/refunds", "/increases"})
    EXPECT_EQ(post(own, page(id) + step, {}).status, 403) << step;
  EXPECT_EQ(post(own, "/en/projects", {{"application_id", std::to_string(id)}}).status, 403);
}

}  // namespace
}  // namespace bsap::test
