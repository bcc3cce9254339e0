// The panel and committee members' pages against the real server (guidelines §4.1.1, §4.1.2,
// §4.2, §4.3, §5.17): the work list, the declaration of interests that comes before anything of
// the application, the application with its criteria and the score form, the panels' summaries,
// the committee's decision, and who is refused what: a member who has not declared, one who
// declared a conflict, one not assigned, and the applicant, who never sees a score or comment.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ccfs/score_summary.h"
#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/notification_repo.h"
#include "store/organisation_repo.h"
#include "store/panel_repo.h"
#include "web/member_access.h"
#include "web/page_text.h"
#include "web/routes.h"
#include "web/sample_applications.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

CivilDate day(int y, unsigned m, unsigned d) { return *CivilDate::from_ymd(y, m, d); }

// The eligible management agreement at Sha Lo Tung (site A02): assessed on §4.2.1 (a1), (b)–(g).
const std::string kTitle = "Sha Lo Tung freshwater marsh and paddy stewardship";
const std::string kOrganisationEn = "Review Walkers Trust Limited";
// Words of the application's summary and site that the declaration page must not show.
const std::string kSummaryWords = "abandoned paddies and freshwater marsh";
const std::string kMapReference = "DD 17 Lots 420-486";

class ReviewPages : public WebSuite {
 protected:
  // A new user holding role, with a name of its own.
  static std::int64_t new_user(Role role, std::string& username) {
    static int count = 0;
    username = "rv_" + std::string(role_code(role)) + "_" + std::to_string(++count);
    return server().add_user(username, kPassword, {role}, "Member " + std::to_string(count));
  }
  static std::int64_t new_member(Role role) {
    std::string ignored;
    return new_user(role, ignored);
  }

  // The applicant organisation's person-in-charge, made once.
  static std::int64_t applicant() {
    static std::int64_t id = 0;
    if (id != 0) return id;
    id = server().add_user("rv_applicant", kPassword, {Role::applicant}, "Applicant");
    auto tx = server().store().begin();
    store::create_organisation(*tx, {"審評信託", kOrganisationEn, "non_profit_company", false}, id,
                               "Director");
    tx->commit();
    return id;
  }

  static std::int64_t secretariat() {
    static const std::int64_t id =
        server().add_user("rv_secretariat", kPassword, {Role::secretariat});
    return id;
  }

  // A submitted application moved on to `state` (submitted … committee).
  static std::int64_t application_at(std::string_view state) {
    const std::int64_t person_in_charge = applicant();
    std::int64_t organisation = 0;
    {
      auto tx = server().store().begin();
      organisation = store::organisation_of_user(*tx, person_in_charge)->id;
    }
    return test::application_at(server().store(),
                                {organisation, person_in_charge, secretariat(), kTitle}, state);
  }

  static void assign(std::int64_t application, std::int64_t member, std::string_view body) {
    auto tx = server().store().begin();
    store::assign_member(*tx, application, member, body, secretariat());
    tx->commit();
  }

  static void declare(std::int64_t application, std::int64_t member, std::string_view body,
                      bool conflict = false) {
    auto tx = server().store().begin();
    store::declare_interest(*tx, application, member, body, conflict,
                            conflict ? "My brother chairs the applicant" : "");
    tx->commit();
  }

  // A member of body assigned to the application and declared without conflict.
  static std::int64_t declared_member(std::int64_t application, Role body,
                                      std::string* username = nullptr) {
    std::string name;
    const std::int64_t member = new_user(body, name);
    assign(application, member, role_code(body));
    declare(application, member, role_code(body));
    if (username) *username = name;
    return member;
  }

  static store::AssessmentRow assessment(std::int64_t application) {
    auto tx = server().store().begin();
    return *store::find_assessment(*tx, application);
  }

  static std::vector<std::string> criterion_keys(std::int64_t application, HttpClient& client) {
    // The score form names each criterion's radios "score.<key>"; read them from the page.
    const HttpResponse page = client.get("/en/reviews/" + std::to_string(application));
    std::vector<std::string> keys;
    const std::string marker = "name=\"score.";
    for (auto at = page.body.find(marker); at != std::string::npos;
         at = page.body.find(marker, at + 1)) {
      const auto start = at + marker.size();
      std::string key = page.body.substr(start, page.body.find('"', start) - start);
      if (keys.empty() || keys.back() != key) keys.push_back(key);
    }
    return keys;
  }

  static std::string base(std::int64_t application, const char* lang = "en") {
    return "/" + std::string(lang) + "/reviews/" + std::to_string(application);
  }

  static HttpResponse post(HttpClient& client, const std::string& target, Fields fields) {
    fields.insert(fields.begin(), {"csrf_token", client.csrf_token_from("/en/account")});
    return client.post_form(target, fields);
  }

  // Every member's route for the application: GET and POST with a well-formed form.
  struct Visit {
    std::string what;
    HttpResponse response;
  };
  static std::vector<Visit> visit_every_route(HttpClient& client, std::int64_t application,
                                              bool with_declaration) {
    const std::string at = base(application);
    std::vector<Visit> visits;
    visits.push_back({"GET " + at, client.get(at)});
    visits.push_back(
        {"POST scores", post(client, at + "/scores", {{"recommendation", "support"}})});
    visits.push_back({"POST decision",
                      post(client, at + "/decision", {{"decision", "reject"}, {"reason", "x"}})});
    if (with_declaration) {
      visits.push_back({"GET declaration", client.get(at + "/declaration")});
      visits.push_back({"POST declaration",
                        post(client, at + "/declaration", {{"declaration", "no_conflict"}})});
    }
    return visits;
  }
};

// ---- who may see which application (member_access.h)

store::Assignment assignment(std::string body, std::string declaration) {
  store::Assignment made;
  made.body = std::move(body);
  made.declaration = std::move(declaration);
  return made;
}

TEST(MemberAccess, NoAssignmentGivesNothing) {
  EXPECT_FALSE(web::governing_assignment({}, "assessment_panel"));
}

TEST(MemberAccess, TheBodyTheApplicationIsBeforeCounts_4_1_2) {
  const auto chosen = web::governing_assignment(
      {assignment("assessment_panel", "no_conflict"), assignment("committee", "")}, "committee");
  ASSERT_TRUE(chosen);
  EXPECT_EQ(chosen->body, "committee");
  EXPECT_FALSE(chosen->may_see()) << "the committee member declares before deciding";
}

TEST(MemberAccess, ADeclaredAssignmentCountsWhileTheApplicationIsElsewhere) {
  const auto chosen = web::governing_assignment(
      {assignment("committee", ""), assignment("assessment_panel", "no_conflict")},
      "approval_panel");
  ASSERT_TRUE(chosen);
  EXPECT_EQ(chosen->body, "assessment_panel");
  EXPECT_TRUE(chosen->may_see());
}

TEST(MemberAccess, AConflictForAnyBodyRemovesTheMember_5_17_3) {
  const auto chosen = web::governing_assignment(
      {assignment("assessment_panel", "conflict"), assignment("committee", "no_conflict")},
      "committee");
  ASSERT_TRUE(chosen);
  EXPECT_EQ(chosen->declaration, "conflict");
  EXPECT_FALSE(chosen->may_see());
}

TEST(MemberAccess, TheTextsPagesBuildFromCodesExist) {
  for (const char* key :
       {"review_declaration_no_conflict", "review_declaration_conflict", "review_done_conflict",
        "review_done_declared", "review_done_scores", "review_done_decision", "review_score_1",
        "review_score_2", "review_score_3", "review_score_4", "review_score_5",
        "review_body_assessment_panel", "review_body_approval_panel", "review_body_committee"}) {
    EXPECT_TRUE(catalogue().has(key)) << key;
    EXPECT_NE(catalogue().get(key, Lang::zh_hant), catalogue().get(key, Lang::en)) << key;
  }
}

// ---- the work list

TEST_F(ReviewPages, TheWorkListShowsEachAssignmentItsDeclarationAndTheNotifications) {
  std::string username;
  const std::int64_t member = new_user(Role::assessment_panel, username);
  const std::int64_t declared = application_at("assessment_panel");
  const std::int64_t undeclared = application_at("assessment_panel");
  assign(declared, member, "assessment_panel");
  declare(declared, member, "assessment_panel");
  assign(undeclared, member, "assessment_panel");
  {
    auto tx = server().store().begin();
    store::NewNotification notice;
    notice.user_id = member;
    notice.kind = "member_assigned";
    notice.subject_zh = "新指派（測試）";
    notice.subject_en = "You are assigned (test)";
    notice.body_zh = "請申報利益。";
    notice.body_en = "Declare your interests.";
    store::add_notification(*tx, notice, "test");
    tx->commit();
  }
  HttpClient client = signed_in_as(username);
  const HttpResponse page = client.get("/en/reviews");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 400);
  for (std::int64_t id : {declared, undeclared})
    EXPECT_TRUE(has(page, assessment(id).reference)) << id;
  EXPECT_TRUE(has(page, kOrganisationEn));
  EXPECT_TRUE(has(page, kTitle));
  EXPECT_TRUE(has(page, "href=\"" + base(declared) + "\""));
  EXPECT_TRUE(has(page, "href=\"" + base(undeclared) + "/declaration\""));
  EXPECT_TRUE(shows(page, "review_declaration_no_conflict", Lang::en));
  EXPECT_TRUE(shows(page, "review_declaration_none", Lang::en));
  EXPECT_TRUE(has(page, "You are assigned (test)"));
  EXPECT_TRUE(has(page, "<caption"));
  EXPECT_TRUE(has(page, "scope=\"col\""));

  const HttpResponse chinese = client.get("/zh/reviews");
  EXPECT_TRUE(has(chinese, "新指派（測試）"));
  EXPECT_TRUE(shows(chinese, "review_list_title", Lang::zh_hant));
}

// ---- the declaration (§5.17)

TEST_F(ReviewPages, TheDeclarationShowsOnlyTheReferenceOrganisationAndType_5_17) {
  std::string username;
  const std::int64_t member = new_user(Role::assessment_panel, username);
  const std::int64_t id = application_at("assessment_panel");
  assign(id, member, "assessment_panel");
  HttpClient client = signed_in_as(username);
  const HttpResponse page = client.get(base(id) + "/declaration");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 400);
  EXPECT_TRUE(has(page, assessment(id).reference));
  EXPECT_TRUE(has(page, kOrganisationEn));
  EXPECT_TRUE(has(page, "<legend class=\"bsap-fieldset__legend\">" +
                            escaped(catalogue().get("review_declaration_legend", Lang::en))));
  for (const std::string& hidden : {kTitle, kSummaryWords, kMapReference})
    EXPECT_FALSE(has(page, hidden)) << hidden;
}

TEST_F(ReviewPages, DeclaringNoConflictOpensTheApplicationAndIsFinal_5_17_3) {
  std::string username;
  const std::int64_t member = new_user(Role::assessment_panel, username);
  const std::int64_t id = application_at("assessment_panel");
  assign(id, member, "assessment_panel");
  HttpClient client = signed_in_as(username);

  const HttpResponse unchosen = post(client, base(id) + "/declaration", {});
  EXPECT_EQ(unchosen.status, 422);
  EXPECT_TRUE(has(unchosen, "href=\"#declaration\""));

  const HttpResponse declared =
      post(client, base(id) + "/declaration", {{"declaration", "no_conflict"}});
  EXPECT_EQ(declared.status, 303);
  EXPECT_TRUE(declared.header("location").starts_with(base(id) + "?"))
      << declared.header("location");

  const HttpResponse page = client.get(base(id));
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 400);
  EXPECT_TRUE(has(page, kTitle));
  EXPECT_TRUE(has(page, kSummaryWords)) << "the application's answers, read-only";
  EXPECT_TRUE(has(page, "§4.2.1")) << "the criteria with their clause";
  EXPECT_TRUE(has(page, "name=\"score.ma_criteria.b\"")) << "the score form";
  EXPECT_TRUE(shows(page, "app_findings_title", Lang::en)) << "the checker's findings";
  EXPECT_FALSE(has(page, "name=\"decision\"")) << "only the committee decides";

  const HttpResponse again =
      post(client, base(id) + "/declaration", {{"declaration", "conflict"}, {"note", "changed"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(shows(again, "review_error_already_declared", Lang::en));
  EXPECT_EQ(client.get(base(id)).status, 200) << "the first declaration stands";
}

TEST_F(ReviewPages, AConflictNeedsItsNatureAndRemovesTheMember_5_17_3) {
  std::string username;
  const std::int64_t member = new_user(Role::approval_panel, username);
  const std::int64_t id = application_at("assessment_panel");
  assign(id, member, "approval_panel");
  HttpClient client = signed_in_as(username);

  const HttpResponse bare =
      post(client, base(id, "zh") + "/declaration", {{"declaration", "conflict"}, {"note", "  "}});
  EXPECT_EQ(bare.status, 422);
  EXPECT_TRUE(has(bare, "§5.17.3: ")) << bare.body.substr(0, 2000);
  EXPECT_TRUE(has(bare, "value=\"conflict\" checked")) << "the choice is kept";
  EXPECT_TRUE(has(bare, "href=\"#note\""));

  const HttpResponse declared =
      post(client, base(id) + "/declaration",
           {{"declaration", "conflict"}, {"note", "A director is my son"}});
  EXPECT_EQ(declared.status, 303);
  EXPECT_EQ(declared.header("location"), "/en/reviews?done=conflict");

  const HttpResponse list = client.get("/en/reviews?done=conflict");
  EXPECT_TRUE(shows(list, "review_done_conflict", Lang::en));
  EXPECT_TRUE(shows(list, "review_declaration_conflict", Lang::en));
  EXPECT_FALSE(has(list, "href=\"" + base(id) + "\""));
  EXPECT_FALSE(has(list, "href=\"" + base(id) + "/declaration\""));

  const HttpResponse refused = client.get(base(id));
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(shows(refused, "review_refused_conflict", Lang::en));
}

// ---- who is refused: every route of the application

TEST_F(ReviewPages, AMemberWhoHasNotDeclaredSeesOnlyTheDeclaration_5_17_3) {
  std::string username;
  const std::int64_t member = new_user(Role::committee, username);
  const std::int64_t id = application_at("committee");
  assign(id, member, "committee");
  HttpClient client = signed_in_as(username);
  for (const Visit& visit : visit_every_route(client, id, false)) {
    EXPECT_EQ(visit.response.status, 403) << visit.what;
    EXPECT_FALSE(has(visit.response, kSummaryWords)) << visit.what;
    EXPECT_TRUE(has(visit.response, "href=\"" + base(id) + "/declaration\"")) << visit.what;
    EXPECT_TRUE(shows(visit.response, "review_refused_undeclared", Lang::en)) << visit.what;
  }
  EXPECT_EQ(client.get(base(id) + "/declaration").status, 200);
  auto tx = server().store().begin();
  EXPECT_FALSE(store::find_decision(*tx, id)) << "the refused decision wrote nothing";
}

TEST_F(ReviewPages, AMemberWhoDeclaredAConflictIsRefusedEverything_5_17_3) {
  std::string username;
  const std::int64_t member = new_user(Role::assessment_panel, username);
  const std::int64_t id = application_at("assessment_panel");
  assign(id, member, "assessment_panel");
  declare(id, member, "assessment_panel", true);
  HttpClient client = signed_in_as(username);
  for (const Visit& visit : visit_every_route(client, id, true)) {
    EXPECT_EQ(visit.response.status, 403) << visit.what;
    EXPECT_FALSE(has(visit.response, kSummaryWords)) << visit.what;
    EXPECT_TRUE(shows(visit.response, "review_refused_conflict", Lang::en)) << visit.what;
  }
  auto tx = server().store().begin();
  EXPECT_TRUE(store::list_scores(*tx, id, "assessment_panel").empty());
  EXPECT_EQ(store::find_assignment(*tx, id, member, "assessment_panel")->declaration, "conflict");
}

TEST_F(ReviewPages, AMemberNotAssignedGets403AndNoSuchApplication404) {
  std::string username;
  new_user(Role::assessment_panel, username);
  const std::int64_t id = application_at("assessment_panel");
  HttpClient client = signed_in_as(username);
  for (const Visit& visit : visit_every_route(client, id, true))
    EXPECT_EQ(visit.response.status, 403) << visit.what;

  std::int64_t draft = 0;
  {
    auto tx = server().store().begin();
    const std::int64_t organisation = store::organisation_of_user(*tx, applicant())->id;
    draft = store::create_application(*tx, {organisation, "management_agreement", "Draft", "{}"},
                                      applicant());
    tx->commit();
  }
  for (std::int64_t missing : {draft, std::int64_t{987654}}) {
    EXPECT_EQ(client.get(base(missing)).status, 404) << missing;
    EXPECT_EQ(client.get(base(missing) + "/declaration").status, 404) << missing;
  }
  EXPECT_EQ(client.get("/en/reviews/not-a-number").status, 404);
}

TEST_F(ReviewPages, TheApplicantIsRefusedEveryMembersRoute) {
  applicant();
  const std::int64_t id = application_at("assessment_panel");
  HttpClient client = signed_in_as("rv_applicant");
  EXPECT_EQ(client.get("/en/reviews").status, 403);
  for (const Visit& visit : visit_every_route(client, id, true))
    EXPECT_EQ(visit.response.status, 403) << visit.what;
}

TEST_F(ReviewPages, TheApplicantNeverSeesAScoreOrAComment) {
  const std::int64_t id = application_at("assessment_panel");
  std::string username;
  declared_member(id, Role::assessment_panel, &username);
  HttpClient member = signed_in_as(username);
  const std::vector<std::string> keys = criterion_keys(id, member);
  ASSERT_FALSE(keys.empty());
  const HttpResponse saved = post(member, base(id) + "/scores",
                                  {{"score." + keys.front(), "2"},
                                   {"comment." + keys.front(), "PANEL-ONLY-COMMENT"},
                                   {"recommendation", "not_support"},
                                   {"recommendation_note", "PANEL-ONLY-NOTE"}});
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);

  HttpClient owner = signed_in_as("rv_applicant");
  std::vector<std::string> targets = {"/en/portal"};
  for (const web::Route& route : web::app_routes()) {
    if (route.method != web::Method::get || !route.pattern.starts_with("/{lang}/portal/")) continue;
    std::string target(route.pattern);
    for (auto [parameter, value] : {std::pair<std::string, std::string>{"{lang}", "en"},
                                    {"{id}", std::to_string(id)},
                                    {"{part}", "about"}})
      if (auto at = target.find(parameter); at != std::string::npos)
        target.replace(at, parameter.size(), value);
    targets.push_back(target);
  }
  for (const std::string& target : targets)
    for (const char* lang : {"/en/", "/zh/"}) {
      const std::string localised = lang + target.substr(4);
      const HttpResponse page = owner.get(localised);
      EXPECT_LT(page.status, 500) << localised;
      EXPECT_FALSE(has(page, "PANEL-ONLY-COMMENT")) << localised;
      EXPECT_FALSE(has(page, "PANEL-ONLY-NOTE")) << localised;
    }
}

// ---- scores (§4.1.1, §4.2, §4.3)

TEST_F(ReviewPages, ScoresAreSavedAndTheirSpreadSummarised_4_1_1) {
  const std::int64_t id = application_at("assessment_panel");
  std::string first_name, second_name;
  declared_member(id, Role::assessment_panel, &first_name);
  declared_member(id, Role::assessment_panel, &second_name);
  HttpClient first = signed_in_as(first_name);
  HttpClient second = signed_in_as(second_name);
  const std::vector<std::string> keys = criterion_keys(id, first);
  ASSERT_GE(keys.size(), 2u);

  Fields all{{"recommendation", "support"}, {"recommendation_note", "Sound plan"}};
  for (const std::string& key : keys) {
    all.emplace_back("score." + key, "4");
    all.emplace_back("comment." + key, "Well argued");
  }
  const HttpResponse saved = post(first, base(id) + "/scores", all);
  EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  EXPECT_EQ(post(second, base(id) + "/scores",
                 {{"score." + keys.front(), "2"}, {"comment." + keys.front(), "Thin evidence"}})
                .status,
            303);

  const HttpResponse page = second.get(base(id) + "?done=scores");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(shows(page, "review_done_scores", Lang::en));
  EXPECT_TRUE(has(page, "1 of 2 members have scored every criterion."));
  EXPECT_TRUE(has(page, "<td>2</td><td>2</td><td>4</td><td>3.0</td><td>2</td>"))
      << "count, lowest, highest, mean and spread of the first criterion";
  EXPECT_TRUE(
      has(page, escaped(std::string(ccfs::recommendation_name_en(ccfs::Recommendation::support)))));
  EXPECT_TRUE(has(page, "Well argued")) << "each member's comments, to the panel";
  EXPECT_TRUE(has(page, "Thin evidence"));
  EXPECT_TRUE(has(page, "Sound plan"));
  EXPECT_TRUE(has(page, "value=\"2\" checked")) << "the member's own score in the form";
}

TEST_F(ReviewPages, AScoreOffTheScaleIsRefusedWithTheValuesKept) {
  const std::int64_t id = application_at("assessment_panel");
  std::string username;
  declared_member(id, Role::assessment_panel, &username);
  HttpClient client = signed_in_as(username);
  const std::vector<std::string> keys = criterion_keys(id, client);
  ASSERT_FALSE(keys.empty());
  const HttpResponse refused = post(client, base(id) + "/scores",
                                    {{"score." + keys.front(), "7"},
                                     {"comment." + keys.front(), "Kept as typed"},
                                     {"recommendation_note", "Kept note"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, "bsap-error-summary"));
  EXPECT_TRUE(has(refused, "Kept as typed"));
  EXPECT_TRUE(has(refused, "Kept note"));
  EXPECT_TRUE(has(refused, "href=\"#recommendation\""));
  auto tx = server().store().begin();
  EXPECT_TRUE(store::list_scores(*tx, id, "assessment_panel").empty());
}

TEST_F(ReviewPages, ARefusedStepIsShownWithItsClauseInThePagesLanguage) {
  // The approval panel may not score while the assessment panel assesses (§4.1.1, §4.1.2).
  const std::int64_t id = application_at("assessment_panel");
  std::string username;
  declared_member(id, Role::approval_panel, &username);
  HttpClient client = signed_in_as(username);
  const HttpResponse page = client.get(base(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(has(page, "name=\"score.")) << "no form while the application is elsewhere";

  const Fields scores{{"score.ma_criteria.b", "3"}, {"comment.ma_criteria.b", "Early"}};
  const HttpResponse english = post(client, base(id, "en") + "/scores", scores);
  EXPECT_EQ(english.status, 422);
  EXPECT_TRUE(has(english, "§4.1.1, §4.1.2: The application is not before your panel"))
      << english.body.substr(0, 3000);
  const HttpResponse traditional = post(client, base(id, "zh") + "/scores", scores);
  EXPECT_EQ(traditional.status, 422);
  EXPECT_TRUE(has(traditional, "§4.1.1, §4.1.2: 此申請現時不在你所屬小組的評審階段"));
  const HttpResponse simplified = post(client, base(id, "zh-hans") + "/scores", scores);
  EXPECT_EQ(simplified.status, 422);
  EXPECT_TRUE(has(simplified, "§4.1.1, §4.1.2: 此申请"));
}

// ---- the committee (§4.1.2)

TEST_F(ReviewPages, TheCommitteeSeesBothPanelsAndRecordsItsDecision_4_1_2) {
  const std::int64_t id = application_at("assessment_panel");
  const std::int64_t assessor = declared_member(id, Role::assessment_panel);
  const std::int64_t approver = declared_member(id, Role::approval_panel);
  std::string username;
  const std::int64_t member = new_user(Role::committee, username);
  assign(id, member, "committee");
  declare(id, member, "committee");
  {
    auto tx = server().store().begin();
    store::save_score(
        *tx, {id, assessor, "assessment_panel", "ma_criteria.b", 5, "ASSESSOR-COMMENT", ""});
    store::save_recommendation(*tx, id, assessor, "assessment_panel", "support", "Fund it");
    store::record_transition(
        *tx, {id, "assessment_panel", "approval_panel", "refer_to_approval_panel", "secretariat",
              secretariat(), "Assessed", day(2026, 6, 1)});
    store::save_recommendation(*tx, id, approver, "approval_panel", "support_in_part",
                               "Trim the budget");
    store::record_transition(*tx, {id, "approval_panel", "committee", "refer_to_committee",
                                   "secretariat", secretariat(), "Recommended", day(2026, 7, 1)});
    tx->commit();
  }
  HttpClient client = signed_in_as(username);
  const HttpResponse page = client.get(base(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "id=\"results-assessment_panel\""));
  EXPECT_TRUE(has(page, "id=\"results-approval_panel\""));
  EXPECT_TRUE(has(page, "Fund it"));
  EXPECT_TRUE(has(page, "Trim the budget"));
  EXPECT_FALSE(has(page, "ASSESSOR-COMMENT")) << "the panels' comments stay with the panels";
  EXPECT_TRUE(has(page, "name=\"decision\" type=\"radio\" value=\"approve_in_part\""));
  EXPECT_FALSE(has(page, "name=\"score.")) << "the committee decides, it does not score";
  const HttpResponse scored = post(client, base(id) + "/scores",
                                   {{"score.ma_criteria.b", "5"}, {"recommendation", "support"}});
  EXPECT_EQ(scored.status, 422);
  EXPECT_TRUE(shows(scored, "review_error_committee_scores", Lang::en));

  const HttpResponse unchosen = post(client, base(id) + "/decision", {{"conditions", "Kept"}});
  EXPECT_EQ(unchosen.status, 422);
  EXPECT_TRUE(has(unchosen, "href=\"#decision\""));
  EXPECT_TRUE(has(unchosen, ">Kept</textarea>"));

  const HttpResponse no_amount =
      post(client, base(id) + "/decision",
           {{"decision", "approve"}, {"conditions", "Quarterly reports"}});
  EXPECT_EQ(no_amount.status, 422);
  EXPECT_TRUE(has(no_amount, "§4.1.2: ")) << no_amount.body.substr(0, 3000);
  EXPECT_TRUE(has(no_amount, "Quarterly reports"));

  const HttpResponse bad_amount =
      post(client, base(id) + "/decision", {{"decision", "approve"}, {"amount", "lots"}});
  EXPECT_EQ(bad_amount.status, 422);
  EXPECT_TRUE(has(bad_amount, "href=\"#amount\""));
  EXPECT_TRUE(has(bad_amount, "value=\"lots\""));

  const HttpResponse rejected = post(client, base(id) + "/decision",
                                     {{"decision", "reject"}, {"reason", "Not value for money"}});
  EXPECT_EQ(rejected.status, 303) << rejected.body.substr(0, 3000);
  EXPECT_EQ(rejected.header("location"), base(id) + "?done=decision");
  {
    auto tx = server().store().begin();
    const auto decision = store::find_decision(*tx, id);
    ASSERT_TRUE(decision);
    EXPECT_EQ(decision->outcome, "rejected");
    EXPECT_EQ(decision->decided_by, member);
    EXPECT_EQ(store::find_assessment(*tx, id)->state, "rejected");
  }
  const HttpResponse decided = client.get(base(id));
  EXPECT_TRUE(has(decided, "Not value for money"));
  EXPECT_FALSE(has(decided, "name=\"decision\"")) << "a decision is recorded once";
}

TEST_F(ReviewPages, APanelMemberCannotDecide_4_1_2) {
  const std::int64_t id = application_at("committee");
  std::string username;
  declared_member(id, Role::approval_panel, &username);
  HttpClient client = signed_in_as(username);
  const HttpResponse refused =
      post(client, base(id) + "/decision", {{"decision", "reject"}, {"reason", "No"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, "§5.17.3: ")) << refused.body.substr(0, 3000);
  auto tx = server().store().begin();
  EXPECT_FALSE(store::find_decision(*tx, id));
}

}  // namespace
}  // namespace bsap::test
