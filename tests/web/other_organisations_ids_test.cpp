// Every id in a URL is checked against the caller's rights, not only the route's role
// (docs/security.md "Whose ids"). Two of everything: two applicant organisations, each with a
// draft, a submitted application, a document and a funded project with its reports, a capital
// item and a change request; two panel members, each assigned to one organisation's application;
// two departments, one leading the tracker's item 1.1.1 with an unpublished report and its
// evidence; a draft good-practice case of each organisation (000 2.7.1). Every route that takes an
// id is then walked by the other side's people with the first side's ids (and, under a project,
// with their own project and the first side's report, item or request): each answer is 403 or 404,
// shows none of the first side's words, and nothing is written. A GET of the same target by the
// first side's own person opens, so that the refusals come from whose the id is, not from a target
// that names nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "core/civil_date.h"
#include "store/application_repo.h"
#include "store/audit_repo.h"
#include "store/case_repo.h"
#include "store/change_request_repo.h"
#include "store/document_repo.h"
#include "store/ledger_repo.h"
#include "store/organisation_repo.h"
#include "store/panel_repo.h"
#include "store/photo_repo.h"
#include "store/project_repo.h"
#include "store/tracker_repo.h"
#include "store/user_repo.h"
#include "web/routes.h"
#include "web/sample_applications.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

using web::Access;
using web::Method;
using web::Route;

CivilDate today() { return today_in_hong_kong(std::chrono::system_clock::now()); }

// The words of the first side that no one of the other side may read.
const std::string kDraftTitle = "Owner draft: Lai Chi Wo mangrove survey";
const std::string kProjectTitle = "Owner project: Sha Lo Tung marsh stewardship";
const std::string kDocumentName = "owner-bank-statement.pdf";
const std::string kEvidenceName = "owner-evidence-photos.pdf";
const std::string kNarrative = "Owner department's unpublished narrative";
const std::string kCaseTitle = "Owner case: Tai O salt pan wetland";

// One side: its people and what they own.
struct Side {
  std::string applicant, member, focal_point;
  std::int64_t draft = 0, submitted = 0, project = 0, document = 0;
  std::int64_t report = 0, capital_item = 0, change_request = 0, evidence = 0;
  std::int64_t good_case = 0;  // a draft good-practice case
  std::int64_t photo = 0;      // the case's photograph
};

class OtherOrganisationsIds : public WebSuite {
 protected:
  static void SetUpTestSuite() {
    WebSuite::SetUpTestSuite();
    secretariat_ = server().add_user("xo_secretariat", kPassword, {Role::secretariat});
    owner_ = make_side("xo_owner", kDraftTitle, kProjectTitle);
    other_ = make_side("xo_other", "Other draft", "Other project");
    give_owner_the_item();
  }

  static std::int64_t new_user(const std::string& username, Role role) {
    return server().add_user(username, kPassword, {role}, username);
  }

  static Side make_side(const std::string& prefix, const std::string& draft_title,
                        const std::string& project_title) {
    Side side{prefix + "_applicant", prefix + "_member", prefix + "_focal"};
    const std::int64_t applicant = new_user(side.applicant, Role::applicant);
    const std::int64_t member = new_user(side.member, Role::assessment_panel);
    new_user(side.focal_point, Role::focal_point);
    auto& store = server().store();
    std::int64_t organisation = 0;
    {
      auto tx = store.begin();
      organisation = store::create_organisation(
          *tx, {prefix + "（中）", prefix + " Trust Limited", "non_profit_company", false},
          applicant, "Director");
      side.draft = store::create_application(
          *tx, {organisation, "management_agreement", draft_title, marsh_application_document()},
          applicant);
      side.document = store::store_document(*tx, organisation, "bank_statement",
                                            prefix == "xo_owner" ? kDocumentName : "other.pdf",
                                            "%PDF-1.4\n%%EOF\n", applicant);
      plan::GoodPracticeCase good_case;
      good_case.organisation_id = organisation;
      good_case.owner_user_id = applicant;
      good_case.title.en = prefix == "xo_owner" ? kCaseTitle : "Other case";
      side.good_case = store::save_case(*tx, good_case, applicant);
      side.photo = store::add_photo(*tx, {"\xFF\xD8 jpeg", "\xFF\xD8 thumbnail", 4, 3}, "Credit",
                                    "CC-BY-4.0", applicant);
      store::add_case_photo(*tx, side.good_case, side.photo, applicant);
      tx->commit();
    }
    const ApplicationOwner owner{organisation, applicant, secretariat_, project_title};
    side.submitted = application_at(store, owner, "assessment_panel");
    {
      auto tx = store.begin();
      store::assign_member(*tx, side.submitted, member, "assessment_panel", secretariat_);
      store::declare_interest(*tx, side.submitted, member, "assessment_panel", false, "");
      tx->commit();
    }
    side.project = opened_project(owner);
    auto tx = store.begin();
    side.report = store::list_reports(*tx, side.project).front().id;
    store::CapitalItemRow item;
    item.name = "Water pump";
    item.cost = Money::from_cents(12'000'00);
    item.acquired_on = today();
    side.capital_item = store::record_capital_item(*tx, side.project, item, applicant);
    side.change_request = store::record_change_request(
        *tx, {side.project, "budget_modification", "Move HK$1,000", "Prices", today(), applicant});
    tx->commit();
    return side;
  }

  // Approved and opened by the secretariat's form, as in the project pages' suite.
  static std::int64_t opened_project(const ApplicationOwner& owner) {
    const std::int64_t id = approved_application(server().store(), owner);
    HttpClient secretariat = signed_in_as("xo_secretariat");
    const HttpResponse opened = secretariat.post_form(
        "/en/projects", {{"csrf_token", secretariat.csrf_token_from("/en/account")},
                         {"application_id", std::to_string(id)},
                         {"start_on", format_iso(today())},
                         {"first_share", "25"}});
    EXPECT_EQ(opened.status, 303) << opened.body.substr(0, 2000);
    return id;
  }

  // The owner's department leads item 1.1.1 and has drafted its 2026 progress with a file; the
  // other department leads nothing.
  static void give_owner_the_item() {
    auto tx = server().store().begin();
    const std::int64_t mine = store::upsert_department(
        *tx, {0, "xo_owner", "甲署", "Owner Department", "department"}, "test");
    const std::int64_t theirs = store::upsert_department(
        *tx, {0, "xo_other", "乙署", "Other Department", "department"}, "test");
    const std::int64_t owner_focal = store::find_user_by_username(*tx, owner_.focal_point)->id;
    const std::int64_t other_focal = store::find_user_by_username(*tx, other_.focal_point)->id;
    store::add_department_member(*tx, mine, owner_focal, "test");
    store::add_department_member(*tx, theirs, other_focal, "test");
    store::assign_item(*tx, {"1.1.1", mine, true}, "test");
    owner_.evidence = store::store_progress_file(
        *tx, {0, kEvidenceName, "application/pdf", "", "%PDF-1.4\n%%EOF\n"}, owner_focal);
    store::ProgressReport draft;
    draft.item_id = "1.1.1";
    draft.year = 2026;
    draft.department_id = mine;
    draft.narrative_en = kNarrative;
    draft.evidence = {{"Photographs", "", owner_.evidence}};
    store::save_progress_draft(*tx, draft, owner_focal);
    tx->commit();
  }

  static std::int64_t audit_head() {
    auto tx = server().store().begin();
    return store::audit_head_seq(*tx);
  }

  static inline std::int64_t secretariat_ = 0;
  static inline Side owner_, other_;
};

// What {id} names on each kind of route, for one side.
std::int64_t id_for(const Route& route, const Side& side, bool draft) {
  const std::string_view pattern = route.pattern;
  if (pattern.starts_with("/{lang}/portal/documents/")) return side.document;
  if (pattern.starts_with("/{lang}/portal/applications/"))
    return draft ? side.draft : side.submitted;
  if (pattern.starts_with("/{lang}/projects/")) return side.project;
  if (pattern.starts_with("/{lang}/plan/evidence/")) return side.evidence;
  if (pattern.starts_with("/{lang}/cases/")) return side.good_case;
  return side.submitted;  // the assessment's and the members' pages
}

void replace(std::string& target, std::string_view parameter, const std::string& value) {
  if (auto at = target.find(parameter); at != std::string::npos)
    target.replace(at, parameter.size(), value);
}

// The route's target with the side's ids; `parent`, when given, the project {id} instead.
std::string target_for(const Route& route, const Side& side, bool draft,
                       std::optional<std::int64_t> parent = std::nullopt) {
  std::string target(route.pattern);
  replace(target, "{lang}", "en");
  replace(target, "{id}", std::to_string(parent.value_or(id_for(route, side, draft))));
  replace(target, "{rid}", std::to_string(side.report));
  const bool capital = route.pattern.find("/capital-items/") != std::string_view::npos;
  replace(target, "{cid}", std::to_string(capital ? side.capital_item : side.change_request));
  replace(target, "{n}", "1");
  replace(target, "{part}", "about");
  replace(target, "{item}", "1.1.1");
  replace(target, "{year}", "2026");
  replace(target, "{code}", "protected_area_extent");
  replace(target, "{pid}", std::to_string(side.photo));
  return target;
}

bool takes_an_id(const Route& route) {
  std::string rest(route.pattern);
  replace(rest, "{lang}", "");
  return rest.find('{') != std::string::npos;
}

// Public routes show public data whatever the id; the evidence route and a case's page and
// photographs are public but guard an unpublished report's file and an unpublished case
// themselves, so they are walked too.
bool walked(const Route& route) {
  return takes_an_id(route) &&
         (route.access.kind() != Access::Kind::public_ ||
          route.pattern == "/{lang}/plan/evidence/{id}" || route.pattern == "/{lang}/cases/{id}" ||
          route.pattern == "/{lang}/cases/{id}/photos/{pid}");
}

// Reads the other side may do by design: the plan's focal points form one working group and
// read one another's drafts and their evidence (000 5.1); each department edits only its own.
bool shared_by_design(const Route& route, const std::string& who) {
  if (who != "xo_other_focal" || route.method != Method::get) return false;
  return route.pattern == "/{lang}/tracker/items/{item}/{year}" ||
         route.pattern == "/{lang}/plan/evidence/{id}";
}

HttpResponse request(HttpClient& client, const Route& route, const std::string& target) {
  if (route.method == Method::get) return client.get(target);
  return client.post_form(target, {{"csrf_token", client.csrf_token_from("/en/account")},
                                   {"summary", "Not mine"},
                                   {"note", "Not mine"}});
}

void expect_refused(const HttpResponse& response, const std::string& what) {
  EXPECT_TRUE(response.status == 403 || response.status == 404)
      << what << " answered " << response.status << "\n"
      << response.body.substr(0, 300);
  for (const std::string& secret :
       {kDraftTitle, kProjectTitle, kDocumentName, kEvidenceName, kNarrative, kCaseTitle})
    EXPECT_EQ(response.body.find(secret), std::string::npos) << what << " shows " << secret;
}

TEST_F(OtherOrganisationsIds, TheOwnersOwnGetsOpenSoTheRefusalsMeanSomething) {
  const std::map<std::string_view, std::string> owner_of = {
      {"/{lang}/portal/", owner_.applicant},
      {"/{lang}/projects/", owner_.applicant},
      {"/{lang}/reviews/", owner_.member},
      {"/{lang}/tracker/items/", owner_.focal_point},
      {"/{lang}/plan/evidence/", owner_.focal_point},
      {"/{lang}/cases/", owner_.applicant}};
  std::map<std::string, HttpClient> clients;
  int opened = 0;
  for (const Route& route : web::app_routes()) {
    // The differences page compares two submissions; these applications have one.
    if (!walked(route) || route.method != Method::get || route.pattern.ends_with("/differences"))
      continue;
    for (const auto& [prefix, who] : owner_of) {
      if (!route.pattern.starts_with(prefix)) continue;
      if (!clients.contains(who)) clients.emplace(who, signed_in_as(who));
      const int draft = clients.at(who).get(target_for(route, owner_, true)).status;
      const int submitted = clients.at(who).get(target_for(route, owner_, false)).status;
      EXPECT_TRUE(draft == 200 || submitted == 200)
          << route.pattern << " as " << who << ": " << draft << ", " << submitted;
      ++opened;
    }
  }
  EXPECT_GE(opened, 12) << "the walk reaches the portal, projects, reviews and tracker";
}

TEST_F(OtherOrganisationsIds, TheOtherSideGets403Or404AndNothingIsWritten) {
  std::vector<std::pair<std::string, HttpClient>> others;
  for (const std::string& who : {other_.applicant, other_.member, other_.focal_point})
    others.emplace_back(who, signed_in_as(who));
  const std::int64_t head_before = audit_head();  // after the sign-ins, which are audited
  std::set<std::string> walked_patterns;
  for (auto& [who, client] : others) {
    for (const Route& route : web::app_routes()) {
      if (!walked(route) || shared_by_design(route, who)) continue;
      walked_patterns.insert(std::string(route.pattern));
      for (bool draft : {true, false}) {
        const std::string target = target_for(route, owner_, draft);
        expect_refused(request(client, route, target),
                       std::string(web::method_name(route.method)) + " " + target + " as " + who);
      }
    }
  }
  EXPECT_EQ(audit_head(), head_before) << "a refused request wrote something";
  EXPECT_GE(walked_patterns.size(), 40u);
}

// Their own project in the URL, the owner's report, capital item or change request after it.
TEST_F(OtherOrganisationsIds, TheirOwnProjectDoesNotOpenTheOwnersReportsItemsOrRequests) {
  HttpClient client = signed_in_as(other_.applicant);
  const std::int64_t head_before = audit_head();  // after the sign-in, which is audited
  int mixed = 0;
  for (const Route& route : web::app_routes()) {
    const std::string_view pattern = route.pattern;
    if (!pattern.starts_with("/{lang}/projects/{id}/") ||
        (pattern.find("{rid}") == std::string_view::npos &&
         pattern.find("{cid}") == std::string_view::npos))
      continue;
    const std::string target = target_for(route, owner_, false, other_.project);
    expect_refused(request(client, route, target),
                   std::string(web::method_name(route.method)) + " " + target);
    ++mixed;
  }
  EXPECT_GE(mixed, 5);
  EXPECT_EQ(audit_head(), head_before) << "a refused request wrote something";
}

}  // namespace
}  // namespace bsap::test
