// Walks every route of the table with every role and with no session, and checks each answer
// against the route's own rule: allowed, sent to sign in, or refused with 403.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/case_repo.h"
#include "store/document_repo.h"
#include "store/matching_repo.h"
#include "store/observation_repo.h"
#include "store/organisation_repo.h"
#include "store/panel_repo.h"
#include "store/tracker_repo.h"
#include "store/user_repo.h"
#include "web/routes.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

using web::Access;
using web::Method;
using web::Route;

enum class Expected { allowed, sign_in, unauthorised, forbidden };

Expected expected_for(const Access& rule, std::optional<Role> role) {
  if (rule.kind() == Access::Kind::public_) return Expected::allowed;
  if (!role) return Expected::sign_in;
  if (rule.kind() == Access::Kind::signed_in) return Expected::allowed;
  bool holds = std::ranges::find(rule.roles(), *role) != rule.roles().end();
  return holds ? Expected::allowed : Expected::forbidden;
}

// The submitted application the panel and committee walkers review (made by
// give_members_an_application); 0 until it is made.
std::int64_t review_application_id = 0;

// A value each path parameter takes that names something the data holds: area, goal and
// framework entry 1, action 2.4, the applicant walker's application and document 1 (made by
// give_applicant_a_draft), its part "about"; under /reviews/ the members' application; project,
// instalment, report and capital item 1 (no project is opened: the project pages answer 404);
// the plan tracker's item 1.1.1 in 2026, indicator protected_area_extent, CBI indicator 1; the
// hub's layer dcca and its area A01 (none is imported: the area pages answer 404); the
// contributor walker's observation 1 and the applicant walker's case 1, with photograph 1 (none
// is stored: the photo routes answer 404).
std::string sample_target(const Route& route) {
  static const std::pair<std::string_view, std::string_view> kSamples[] = {
      {"{lang}", "en"},    {"{n}", "1"},
      {"{number}", "2.4"}, {"{id}", "1"},
      {"{part}", "about"}, {"{rid}", "1"},
      {"{cid}", "1"},      {"{item}", "1.1.1"},
      {"{year}", "2026"},  {"{code}", "protected_area_extent"},
      {"{layer}", "dcca"}, {"{area}", "A01"},
      {"{pid}", "1"}};
  std::string target(route.pattern);
  if (target.starts_with("/{lang}/reviews/{id}"))
    target.replace(target.find("{id}"), 4, std::to_string(review_application_id));
  for (auto [parameter, value] : kSamples)
    if (auto at = target.find(parameter); at != std::string::npos)
      target.replace(at, parameter.size(), value);
  if (target.ends_with('*')) target.replace(target.size() - 1, 1, "css/bsap.css");
  return target;
}

// Signing out ends the session the rest of the walk needs, so it is walked last.
std::vector<const Route*> walk_order() {
  std::vector<const Route*> routes;
  for (const Route& route : web::app_routes()) routes.push_back(&route);
  std::ranges::stable_partition(routes,
                                [](const Route* r) { return r->pattern != "/{lang}/logout"; });
  return routes;
}

// A GET carries ?id= and a POST its CSRF token and id, both naming the walker's own account,
// so that the administrator's forms are well formed and any refusal comes from the rule.
HttpResponse visit(HttpClient& client, const Route& route, std::int64_t own_id) {
  std::string target = sample_target(route);
  std::string id = std::to_string(own_id);
  if (route.method == Method::get) return client.get(target + "?id=" + id);
  std::string form_page = client.session_cookie().empty() ? "/en/login" : "/en/account";
  std::string token = client.csrf_token_from(form_page);
  if (token.empty()) token = client.csrf_token_from("/en/login");
  return client.post_form(target, {{"csrf_token", token}, {"id", id}});
}

void expect_rule(const HttpResponse& response, Expected expected, const std::string& what) {
  switch (expected) {
    case Expected::allowed:
      // The rule let the request through: the handler may still refuse the walker's bare form
      // as invalid (400, 422), but not as forbidden, and never fail.
      EXPECT_GE(response.status, 200) << what;
      EXPECT_LT(response.status, 500) << what << "\n" << response.body.substr(0, 400);
      EXPECT_NE(response.status, 401) << what;
      EXPECT_NE(response.status, 403) << what << "\n" << response.body.substr(0, 400);
      EXPECT_FALSE(response.header("location").starts_with("/en/login?")) << what;
      break;
    case Expected::unauthorised:  // the JSON API answers 401 rather than send a page to sign in
      EXPECT_EQ(response.status, 401) << what;
      break;
    case Expected::sign_in:
      EXPECT_EQ(response.status, 303) << what;
      EXPECT_TRUE(response.header("location").starts_with("/en/login")) << what;
      break;
    case Expected::forbidden:
      EXPECT_EQ(response.status, 403) << what;
      break;
  }
}

class RouteAccess : public WebSuite {
 protected:
  std::int64_t id_of(const std::string& username) {
    auto tx = server().store().begin();
    return store::find_user_by_username(*tx, username)->id;
  }

  // The applicant walker's own organisation, draft application 1, document 1 and draft
  // good-practice case 1, so that the portal's and the cases' routes have objects the walker
  // may reach.
  void give_applicant_a_draft() {
    const std::int64_t user = id_of(user_with_role(Role::applicant));
    auto tx = server().store().begin();
    if (store::organisation_of_user(*tx, user)) return;
    const std::int64_t organisation = store::create_organisation(
        *tx, {"測試機構", "Walker Trust Limited", "non_profit_company", false}, user, "Director");
    store::create_application(*tx, {organisation, "management_agreement", "Walk", "{}"}, user);
    store::store_document(*tx, organisation, "other", "walk.pdf", "%PDF-1.4\n%%EOF\n", user);
    plan::GoodPracticeCase good_case;
    good_case.organisation_id = organisation;
    good_case.owner_user_id = user;
    good_case.title.en = "Walk case";
    store::save_case(*tx, good_case, user);
    tx->commit();
  }

  // The applicant walker's second application, submitted and before the assessment panel, with
  // the walker of each body assigned and declared without conflict (§5.17.3), so that the
  // members' pages open for each of them (member_access.h).
  void give_members_an_application() {
    if (review_application_id != 0) return;
    const std::int64_t applicant = id_of(user_with_role(Role::applicant));
    const std::int64_t secretariat = id_of(user_with_role(Role::secretariat));
    std::vector<std::pair<std::int64_t, std::string_view>> members;
    for (Role body : {Role::assessment_panel, Role::approval_panel, Role::committee})
      members.emplace_back(id_of(user_with_role(body)), role_code(body));
    auto tx = server().store().begin();
    const std::int64_t organisation = store::organisation_of_user(*tx, applicant)->id;
    const std::int64_t id = store::create_application(
        *tx, {organisation, "management_agreement", "Reviewed walk", "{}"}, applicant);
    store::submit_application(*tx, id, 1, applicant, "1.8", *CivilDate::from_ymd(2026, 5, 4));
    store::record_transition(*tx, {id, "submitted", "screening", "begin_screening", "secretariat",
                                   secretariat, "", *CivilDate::from_ymd(2026, 5, 5)});
    store::record_transition(
        *tx, {id, "screening", "assessment_panel", "refer_to_assessment_panel", "secretariat",
              secretariat, "Eligible", *CivilDate::from_ymd(2026, 5, 6)});
    for (const auto& [member, body] : members) {
      store::assign_member(*tx, id, member, body, secretariat);
      store::declare_interest(*tx, id, member, body, false, "");
    }
    tx->commit();
    review_application_id = id;
  }

  // The focal point walker's department leads item 1.1.1, the tracker routes' sample item, so
  // that the item's forms are the walker's to post (another department's item is refused with
  // 403 by the handler, 000 5.1, which is not the route's rule).
  void give_focal_point_an_item() {
    const std::int64_t user = id_of(user_with_role(Role::focal_point));
    auto tx = server().store().begin();
    if (!store::departments_of_user(*tx, user).empty()) return;
    const std::int64_t department = store::upsert_department(
        *tx, {0, "walk", "巡查署", "Walk Department", "department"}, "test");
    store::add_department_member(*tx, department, user, "test");
    store::assign_item(*tx, {"1.1.1", department, true}, "test");
    tx->commit();
  }

  // The contributor walker's observation 1, awaiting review, so that the observation routes
  // reach their handlers: its submitter and the verifier get the page and the forms (a bare form
  // is refused as invalid), everyone else 404 — moderation, not the route's rule.
  void give_contributor_an_observation() {
    const std::int64_t user = id_of(user_with_role(Role::contributor));
    auto tx = server().store().begin();
    if (!store::observations_by(*tx, user).empty()) return;
    store::add_observation(
        *tx, user, {{114.1844, 22.4258}, *CivilDate::from_ymd(2026, 11, 20), 1, ""}, std::nullopt);
    tx->commit();
  }

  // The funder walker's profile and the applicant walker's proposal 1, listed, with the funder's
  // pledge 1, so that the matching pages open for their walkers (funders see only listed
  // proposals; the pledge is the applicant's to declare).
  void give_matching_a_pledge() {
    const std::int64_t applicant = id_of(user_with_role(Role::applicant));
    const std::int64_t funder = id_of(user_with_role(Role::funder));
    const std::int64_t secretariat = id_of(user_with_role(Role::secretariat));
    auto tx = server().store().begin();
    if (store::funder_of_user(*tx, funder)) return;
    const std::int64_t funder_id = store::save_funder(
        *tx, funder, {"Walk Trust", "trust", "none", {"education"}, {}, {}, {}, {}, {}});
    const std::int64_t organisation = store::organisation_of_user(*tx, applicant)->id;
    const std::int64_t proposal = store::create_proposal(*tx, organisation,
                                                         {"巡查",
                                                          "Walk",
                                                          "wetland",
                                                          "yuen_long",
                                                          "Mai Po",
                                                          Money::from_cents(100),
                                                          1,
                                                          "x",
                                                          {"2.4"},
                                                          {},
                                                          {"education"}},
                                                         applicant);
    store::review_proposal(*tx, proposal, store::ProposalState::listed, "", secretariat);
    store::record_pledge(*tx, {proposal, funder_id, Money::from_cents(100), "cash", "x"}, funder);
    tx->commit();
  }

  void walk(std::optional<Role> role) {
    std::string who = role ? user_with_role(*role) : "anonymous";
    if (role) give_applicant_a_draft();
    if (role) give_members_an_application();
    if (role) give_focal_point_an_item();
    if (role) give_contributor_an_observation();
    if (role) give_matching_a_pledge();
    HttpClient client = role ? signed_in_as(who) : anonymous();
    std::int64_t own_id = role ? id_of(who) : admin_id_;
    for (const Route* route : walk_order()) {
      std::string what = std::string(web::method_name(route->method)) + " " +
                         std::string(route->pattern) + " as " + who;
      Expected expected = expected_for(route->access, role);
      if (expected == Expected::sign_in && route->pattern.starts_with("/api/"))
        expected = Expected::unauthorised;
      expect_rule(visit(client, *route, own_id), expected, what);
    }
  }
};

TEST_F(RouteAccess, EverySampleTargetIsFullyFilledIn) {
  for (const Route& route : web::app_routes())
    EXPECT_EQ(sample_target(route).find('{'), std::string::npos) << route.pattern;
}

TEST_F(RouteAccess, TheTableHasRoutesAndEachRuleIsStated) {
  EXPECT_GE(web::app_routes().size(), 10u);
  for (const Route& route : web::app_routes()) {
    if (route.access.kind() == Access::Kind::roles) {
      EXPECT_FALSE(route.access.roles().empty()) << route.pattern;
    }
  }
}

TEST_F(RouteAccess, EveryRouteWithoutASession) { walk(std::nullopt); }

TEST_F(RouteAccess, EveryRouteWithEveryRole) {
  for (Role role : all_roles()) walk(role);
}

// The walk accepts a 404 as "let through"; the members' pages must really open for the walkers.
TEST_F(RouteAccess, TheMembersWalkersReachTheirApplication) {
  give_applicant_a_draft();
  give_members_an_application();
  const std::string page = "/en/reviews/" + std::to_string(review_application_id);
  for (Role body : {Role::assessment_panel, Role::approval_panel, Role::committee}) {
    HttpClient client = signed_in_as(user_with_role(body));
    EXPECT_EQ(client.get(page).status, 200) << role_code(body);
    EXPECT_EQ(client.get(page + "/declaration").status, 200) << role_code(body);
  }
}

}  // namespace
}  // namespace bsap::test
