// The funding-matching pages (000 優先行動 2.4 優先項目 2, 2.7; 002 §3.11) through the real server:
// moderation (funders see no proposal before the secretariat lists it), the ranking shown with its
// explanation, interest and pledges, and a pledge declared as sponsorship of a draft CCFS
// application, counted in its §3.11.4 contribution ratio or refused under §3.11.3; another
// organisation can neither read the proposal nor declare its pledge; a returned proposal is
// edited and resubmitted by its owner's organisation only.
#include <gtest/gtest.h>

#include "store/application_repo.h"
#include "store/audit_repo.h"
#include "store/matching_repo.h"
#include "store/organisation_repo.h"
#include "store/panel_repo.h"
#include "web/page_text.h"
#include "web/sample_applications.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

// A draft whose budget totals HK$100,000 with no income: 5 % is HK$5,000 (§3.11.4).
const std::string kDraft =
    R"({"project_type": "research_activity", "title": "Mai Po survey", "budget": [{"kind": )"
    R"("publicity", "description": "Survey", "quantity": 1, "unit_cost": "100000.00"}]})";

class MatchingPages : public WebSuite {
 protected:
  static void SetUpTestSuite() {
    WebSuite::SetUpTestSuite();
    owner_ = server().add_user("mx_owner", kPassword, {Role::applicant});
    stranger_ = server().add_user("mx_stranger", kPassword, {Role::applicant});
    trust_user_ = server().add_user("mx_trust", kPassword, {Role::funder});
    brewer_user_ = server().add_user("mx_brewer", kPassword, {Role::funder});
    secretariat_ = server().add_user("mx_secretariat", kPassword, {Role::secretariat});
    panel_member_ = server().add_user("mx_panel", kPassword, {Role::assessment_panel});
    auto tx = server().store().begin();
    organisation_ = store::create_organisation(
        *tx, {"綠野", "Green Fields", "non_profit_company", false}, owner_, "Director");
    store::create_organisation(*tx, {"他方", "Elsewhere", "non_profit_company", false}, stranger_,
                               "Director");
    draft_ = store::create_application(
        *tx, {organisation_, "research_activity", "Mai Po survey", kDraft}, owner_);
    trust_ = store::save_funder(*tx, trust_user_,
                                {"Harbour Trust",
                                 "trust",
                                 "none",
                                 {"habitat_restoration"},
                                 {"wetland"},
                                 {"yuen_long"},
                                 {2},
                                 hkd(10'000),
                                 hkd(500'000)});
    brewer_ = store::save_funder(*tx, brewer_user_,
                                 {"Valley Brewery",
                                  "company",
                                  "alcohol_youth",
                                  {"education"},
                                  {"woodland"},
                                  {"sai_kung"},
                                  {},
                                  std::nullopt,
                                  std::nullopt});
    tx->commit();
  }

  // The proposal form, filled in, with the token of the page that shows it.
  static Fields proposal_form(const std::string& csrf_token, const std::string& title) {
    return {{"csrf_token", csrf_token},
            {"title_en", title},
            {"habitat", "wetland"},
            {"district", "yuen_long"},
            {"place", "Mai Po"},
            {"budget", "100,000.00"},
            {"duration_months", "12"},
            {"outcomes", "Ponds restored"},
            {"themes", "habitat_restoration"},
            {"plan_actions", "2.4"},
            {"kmgbf_targets", "2"}};
  }

  static std::int64_t post_proposal(const std::string& title) {
    HttpClient owner = signed_in_as("mx_owner");
    const HttpResponse posted = owner.post_form(
        "/en/matching/proposals", proposal_form(owner.csrf_token_from("/en/matching"), title));
    EXPECT_EQ(posted.status, 303) << posted.body.substr(0, 2000);
    auto tx = server().store().begin();
    return store::list_proposals_of(*tx, organisation_).back().id;
  }

  static std::int64_t listed(const std::string& title) {
    const std::int64_t id = post_proposal(title);
    HttpClient secretariat = signed_in_as("mx_secretariat");
    const std::string page = "/en/matching/proposals/" + std::to_string(id);
    EXPECT_EQ(secretariat
                  .post_form(page + "/review", {{"csrf_token", secretariat.csrf_token_from(page)},
                                                {"decision", "listed"}})
                  .status,
              303);
    return id;
  }

  static std::int64_t pledge(std::int64_t proposal, std::int64_t funder, Money amount) {
    auto tx = server().store().begin();
    const std::int64_t id = store::record_pledge(*tx, {proposal, funder, amount, "cash", "Walks"},
                                                 funder == trust_ ? trust_user_ : brewer_user_);
    tx->commit();
    return id;
  }

  static HttpResponse declare(std::int64_t pledge_id, const std::string& under_18) {
    HttpClient client = signed_in_as("mx_owner");
    return client.post_form("/en/matching/pledges/" + std::to_string(pledge_id) + "/sponsorship",
                            {{"csrf_token", client.csrf_token_from("/en/matching")},
                             {"application_id", std::to_string(draft_)},
                             {"under_18", under_18}});
  }

  static std::int64_t audit_head() {
    auto tx = server().store().begin();
    return store::audit_head_seq(*tx);
  }

  static inline std::int64_t owner_ = 0, stranger_ = 0, trust_user_ = 0, brewer_user_ = 0,
                             secretariat_ = 0, organisation_ = 0, draft_ = 0, trust_ = 0,
                             brewer_ = 0, panel_member_ = 0;
};

TEST_F(MatchingPages, FundersDoNotSeeAProposalBeforeTheSecretariatListsIt_Moderation) {
  const std::int64_t id = post_proposal("Unreviewed pond plan");
  const std::string page = "/en/matching/proposals/" + std::to_string(id);
  HttpClient funder = signed_in_as("mx_trust");
  EXPECT_EQ(funder.get(page).status, 404);
  EXPECT_FALSE(has(funder.get("/en/matching"), "Unreviewed pond plan"));
  EXPECT_EQ(
      funder
          .post_form(page + "/pledges", {{"csrf_token", funder.csrf_token_from("/en/matching")},
                                         {"amount", "1000"},
                                         {"form", "cash"},
                                         {"description", "x"}})
          .status,
      404);
  EXPECT_FALSE(has(anonymous().get("/en/matching"), "Unreviewed pond plan"));
  EXPECT_EQ(signed_in_as("mx_stranger").get(page).status, 403);
  EXPECT_EQ(signed_in_as("mx_owner").get(page).status, 200);
  const HttpResponse review = signed_in_as("mx_secretariat").get(page);
  EXPECT_EQ(review.status, 200);
  EXPECT_TRUE(has(review, "review-form"));
  EXPECT_TRUE(has(signed_in_as("mx_secretariat").get("/en/matching"), "Unreviewed pond plan"));
}

TEST_F(MatchingPages, AReturnedProposalNeedsANoteSayingWhy) {
  const std::int64_t id = post_proposal("Pond plan to return");
  HttpClient secretariat = signed_in_as("mx_secretariat");
  const std::string page = "/en/matching/proposals/" + std::to_string(id);
  const HttpResponse refused = secretariat.post_form(
      page + "/review",
      {{"csrf_token", secretariat.csrf_token_from(page)}, {"decision", "returned"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, escaped(catalogue().get("matching_error_note", Lang::en))));
}

TEST_F(MatchingPages, TheOwnerEditsAReturnedProposalAndResubmitsItForReview) {
  const std::int64_t id = post_proposal("Pond plan sent back");
  const std::string page = "/en/matching/proposals/" + std::to_string(id);
  const std::string edit = page + "/edit";
  HttpClient owner = signed_in_as("mx_owner");
  EXPECT_EQ(owner.get(edit).status, 303) << "only a returned proposal is edited";
  HttpClient secretariat = signed_in_as("mx_secretariat");
  ASSERT_EQ(secretariat
                .post_form(page + "/review", {{"csrf_token", secretariat.csrf_token_from(page)},
                                              {"decision", "returned"},
                                              {"note", "Name the ponds"}})
                .status,
            303);
  EXPECT_TRUE(has(owner.get(page), "edit-proposal"));
  const HttpResponse form = owner.get(edit);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, "Name the ponds"));
  EXPECT_TRUE(has(form, "value=\"Pond plan sent back\""));
  EXPECT_TRUE(has(form, "value=\"HK$100,000.00\""));

  const std::string token = owner.csrf_token_from(edit);
  EXPECT_EQ(owner.post_form(edit, proposal_form(token, "")).status, 422);
  const std::int64_t head = audit_head();
  const HttpResponse resubmitted = owner.post_form(edit, proposal_form(token, "Ponds 1 to 4"));
  ASSERT_EQ(resubmitted.status, 303) << resubmitted.body.substr(0, 2000);
  EXPECT_EQ(resubmitted.header("location"), page + "?done=resubmitted");
  EXPECT_EQ(audit_head(), head + 1) << "the resubmission is audited";
  {
    auto tx = server().store().begin();
    const auto proposal = store::find_proposal(*tx, id);
    EXPECT_EQ(proposal->state, store::ProposalState::submitted);
    EXPECT_EQ(proposal->details.title_en, "Ponds 1 to 4");
  }
  const HttpResponse listing = secretariat.get("/en/matching");
  const auto awaiting_at = listing.body.find("awaiting-review");
  ASSERT_NE(awaiting_at, std::string::npos);
  EXPECT_NE(listing.body.find("Ponds 1 to 4", awaiting_at), std::string::npos);
  EXPECT_EQ(owner.post_form(edit, proposal_form(token, "Again")).status, 422)
      << "resubmitted, it waits for the review";
}

TEST_F(MatchingPages, OnlyTheOwnersOrganisationEditsAReturnedProposal) {
  const std::int64_t id = post_proposal("Returned, not theirs");
  {
    auto tx = server().store().begin();
    store::review_proposal(*tx, id, store::ProposalState::returned, "Why", secretariat_);
    tx->commit();
  }
  const std::string edit = "/en/matching/proposals/" + std::to_string(id) + "/edit";
  for (const char* user : {"mx_stranger", "mx_secretariat", "mx_trust"}) {
    HttpClient client = signed_in_as(user);
    EXPECT_EQ(client.get(edit).status, 403) << user;
    const std::string token = client.csrf_token_from("/en/matching");
    EXPECT_EQ(client.post_form(edit, proposal_form(token, "Taken over")).status, 403) << user;
  }
  EXPECT_EQ(anonymous().get(edit).status, 303);
  auto tx = server().store().begin();
  EXPECT_EQ(store::find_proposal(*tx, id)->details.title_en, "Returned, not theirs");
  EXPECT_EQ(store::find_proposal(*tx, id)->state, store::ProposalState::returned);
}

TEST_F(MatchingPages, TheFunderSeesListedProposalsRankedWithTheirExplanation_2_4) {
  listed("Mai Po pond restoration");
  const HttpResponse page = signed_in_as("mx_trust").get("/en/matching");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Mai Po pond restoration"));
  EXPECT_TRUE(has(page, "Match score 100"));
  EXPECT_TRUE(
      has(page, escaped("The proposal's habitat, Wetland, is one the funder named (20 of 20 "
                        "points)")))
      << page.body.substr(0, 3000);
  const HttpResponse zh = signed_in_as("mx_trust").get("/zh/matching");
  EXPECT_TRUE(has(zh, "項目的生境「濕地」是資助者關注的(20／20分)"));
}

TEST_F(MatchingPages, TheOwnerSeesFundersRankedAndRecordsInterest_2_4) {
  const std::int64_t id = listed("Ranked for owner");
  const std::string page = "/en/matching/proposals/" + std::to_string(id);
  HttpClient owner = signed_in_as("mx_owner");
  const HttpResponse shown = owner.get(page);
  ASSERT_EQ(shown.status, 200);
  const auto trust_at = shown.body.find("Harbour Trust");
  const auto brewer_at = shown.body.find("Valley Brewery");
  ASSERT_NE(trust_at, std::string::npos);
  ASSERT_NE(brewer_at, std::string::npos);
  EXPECT_LT(trust_at, brewer_at) << "the better match first";
  const HttpResponse interest = owner.post_form(
      page + "/interest",
      {{"csrf_token", owner.csrf_token_from(page)}, {"funder_id", std::to_string(trust_)}});
  EXPECT_EQ(interest.status, 303);
  HttpClient funder = signed_in_as("mx_trust");
  EXPECT_TRUE(
      has(funder.get(page), escaped(catalogue().get("matching_owner_interested", Lang::en))));
}

TEST_F(MatchingPages, APledgeDeclaredAsSponsorshipCountsInTheContributionRatio_3_11_4) {
  const std::int64_t id = listed("Sponsored survey");
  const std::int64_t pledge_id = pledge(id, trust_, hkd(5'000));
  const HttpResponse declared = declare(pledge_id, "no");
  EXPECT_EQ(declared.status, 303) << declared.body.substr(0, 2000);
  const HttpResponse page =
      signed_in_as("mx_owner").get("/en/matching/proposals/" + std::to_string(id));
  EXPECT_TRUE(has(page,
                  "HK$0.00 (0.00%) before, HK$5,000.00 (5.00%) after, of the total budget "
                  "HK$100,000.00; the contribution asked for is 5% (§3.11.4)"))
      << page.body.substr(0, 4000);
  auto tx = server().store().begin();
  const auto application = store::find_application(*tx, draft_);
  EXPECT_NE(application->document_json.find("Harbour Trust"), std::string::npos);
  EXPECT_NE(application->document_json.find("confirmed"), std::string::npos);
  // Declared once only.
  tx.reset();
  EXPECT_EQ(declare(pledge_id, "no").status, 422);
}

TEST_F(MatchingPages, TheLiquorTradeIsRefusedForUnder18ActivitiesAndTheSecretariatSeesIt_3_11_3_d) {
  const std::int64_t id = listed("Youth nature camp");
  const std::int64_t pledge_id = pledge(id, brewer_, hkd(8'000));
  std::string before;
  {
    auto tx = server().store().begin();
    before = store::find_application(*tx, draft_)->document_json;
  }
  const HttpResponse refused = declare(pledge_id, "yes");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, "§3.11.3(d)"));
  EXPECT_TRUE(has(refused, "Remove this sponsorship"));
  {
    auto tx = server().store().begin();
    EXPECT_EQ(store::find_application(*tx, draft_)->document_json, before) << "not declared";
  }
  const HttpResponse secretariat =
      signed_in_as("mx_secretariat").get("/en/matching/proposals/" + std::to_string(id));
  EXPECT_TRUE(has(secretariat, "Refused: §3.11.3(d)"));
  const HttpResponse listing = signed_in_as("mx_secretariat").get("/en/matching");
  const auto refused_at = listing.body.find("refused-sponsorships");
  ASSERT_NE(refused_at, std::string::npos);
  EXPECT_NE(listing.body.find("Valley Brewery", refused_at), std::string::npos);
  EXPECT_NE(listing.body.find("§3.11.3(d)", refused_at), std::string::npos);
  const HttpResponse application =
      signed_in_as("mx_owner").get("/en/portal/applications/" + std::to_string(draft_));
  const auto findings_at = application.body.find("sponsorship-findings");
  ASSERT_NE(findings_at, std::string::npos) << "the refusal on the applicant's application page";
  EXPECT_NE(application.body.find("Refused: §3.11.3(d)", findings_at), std::string::npos);
  // Not for under-18s: the liquor trade is not prohibited (§3.11.3(d)).
  EXPECT_EQ(declare(pledge_id, "no").status, 303);
}

// 002 §3.11: what the matching found of the sponsorship declared for a submitted application is
// shown where it is assessed: to the applicant, the secretariat and the panel (which may not open
// the proposal, so is not linked to it).
TEST_F(MatchingPages, TheApplicationsAssessmentPagesShowItsDeclaredAndRefusedSponsorships) {
  const std::int64_t application =
      application_at(server().store(), {organisation_, owner_, secretariat_}, "assessment_panel");
  const std::int64_t proposal = listed("Marsh stewardship sponsors");
  const std::int64_t counted = pledge(proposal, trust_, hkd(30'000));
  const std::int64_t refused = pledge(proposal, brewer_, hkd(8'000));
  {
    auto tx = server().store().begin();
    store::record_sponsorship(*tx, counted,
                              {store::SponsorshipState::declared, application, false, "", hkd(0),
                               hkd(30'000), hkd(600'000)},
                              owner_);
    store::record_sponsorship(
        *tx, refused,
        {store::SponsorshipState::refused, application, true, "§3.11.3(d)", {}, {}, {}}, owner_);
    store::assign_member(*tx, application, panel_member_, "assessment_panel", secretariat_);
    store::declare_interest(*tx, application, panel_member_, "assessment_panel", false, "");
    tx->commit();
  }
  const std::string id = std::to_string(application);
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"mx_owner", "/en/portal/applications/" + id + "/assessment"},
      {"mx_secretariat", "/en/portal/applications/" + id + "/assessment"},
      {"mx_secretariat", "/en/assessment/applications/" + id},
      {"mx_panel", "/en/reviews/" + id}};
  for (const auto& [user, target] : pages) {
    const HttpResponse page = signed_in_as(user).get(target);
    ASSERT_EQ(page.status, 200) << user << " " << target;
    const auto at = page.body.find("sponsorship-findings");
    ASSERT_NE(at, std::string::npos) << user << " " << target;
    EXPECT_NE(page.body.find("Harbour Trust", at), std::string::npos) << target;
    EXPECT_NE(page.body.find("HK$30,000.00 (5.00%) after", at), std::string::npos) << target;
    EXPECT_NE(page.body.find("Valley Brewery", at), std::string::npos) << target;
    EXPECT_NE(page.body.find("Refused: §3.11.3(d)", at), std::string::npos) << target;
    EXPECT_EQ(page.body.find("/en/matching/proposals/", at) == std::string::npos,
              user == "mx_panel")
        << user << ": the proposal is linked for whoever may open it";
  }
  EXPECT_FALSE(has(signed_in_as("mx_owner")
                       .get("/en/portal/applications/" + std::to_string(draft_) + "/assessment"),
                   "Marsh stewardship sponsors"));
}

TEST_F(MatchingPages, AnotherOrganisationCannotDeclareAPledgeNotMadeToIt) {
  const std::int64_t id = listed("Not theirs");
  const std::int64_t pledge_id = pledge(id, trust_, hkd(1'000));
  HttpClient stranger = signed_in_as("mx_stranger");
  const std::string page = "/en/matching/proposals/" + std::to_string(id);
  const std::string token = stranger.csrf_token_from("/en/matching");
  const std::int64_t head = audit_head();  // after the sign-in, which is audited
  EXPECT_EQ(stranger
                .post_form("/en/matching/pledges/" + std::to_string(pledge_id) + "/sponsorship",
                           {{"csrf_token", token},
                            {"application_id", std::to_string(draft_)},
                            {"under_18", "no"}})
                .status,
            403);
  EXPECT_EQ(stranger.get(page).status, 403);
  EXPECT_EQ(stranger
                .post_form(page + "/interest",
                           {{"csrf_token", token}, {"funder_id", std::to_string(trust_)}})
                .status,
            403);
  EXPECT_EQ(audit_head(), head) << "a refused request wrote something";
}

TEST_F(MatchingPages, AFunderKeepsItsProfileWithItsDeclaration_3_11_3) {
  HttpClient funder = signed_in_as("mx_trust");
  const HttpResponse form = funder.get("/en/matching/profile");
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, "§3.11.3(d)"));
  const HttpResponse refused = funder.post_form(
      "/en/matching/profile", {{"csrf_token", funder.csrf_token_from("/en/matching/profile")},
                               {"name", "Harbour Trust"},
                               {"kind", "trust"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, escaped(catalogue().get("matching_error_declaration", Lang::en))));
  const HttpResponse saved = funder.post_form(
      "/en/matching/profile", {{"csrf_token", funder.csrf_token_from("/en/matching/profile")},
                               {"name", "Harbour Trust"},
                               {"kind", "trust"},
                               {"declaration", "none"},
                               {"themes", "habitat_restoration"},
                               {"habitats", "wetland"},
                               {"districts", "yuen_long"},
                               {"kmgbf_targets", "2"},
                               {"budget_min", "10,000"},
                               {"budget_max", "500,000"}});
  EXPECT_EQ(saved.status, 303);
}

}  // namespace
}  // namespace bsap::test
