// store/matching_repo.h: funders, proposals (reviewed before funders see them), interests and
// pledges with their sponsorship declarations (000 2.4, 2.7; 002 §3.11), on both backends.
#include "store/matching_repo.h"

#include <gmock/gmock.h>

#include "store/application_repo.h"
#include "store/audit_repo.h"
#include "store/organisation_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

FunderProfile trust() {
  return {"Harbour Trust", "trust",       "none", {"education", "research"},
          {"wetland"},     {"yuen_long"}, {2, 3}, hkd(100'000),
          std::nullopt};
}

ProposalDetails wetland() {
  return {"濕地修復",  "Wetland restoration",  "wetland",
          "yuen_long", "Nam Sang Wai",         hkd(450'000),
          24,          "3 ha restored",        {"1.1", "2.4"},
          {2, 3},      {"habitat_restoration"}};
}

std::vector<std::string> audit_actions(Store& store, const std::string& entity) {
  std::vector<std::string> actions;
  in_transaction(store, [&](Transaction& tx) {
    for (const AuditRecord& record : load_audit_log(tx))
      if (record.entity == entity) actions.push_back(record.action);
  });
  return actions;
}

class MatchingRepoTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    m_.owner = add_test_user("owner", {Role::applicant});
    m_.funder_user = add_test_user("giver", {Role::funder});
    m_.secretariat = add_test_user("sec", {Role::secretariat});
    in_transaction(*store_, [&](Transaction& tx) {
      m_.organisation = create_organisation(
          tx, {"綠野", "Green Fields", "non_profit_company", false}, m_.owner, "Director");
    });
  }
  std::int64_t listed_proposal() {
    std::int64_t id = 0;
    in_transaction(*store_, [&](Transaction& tx) {
      id = create_proposal(tx, m_.organisation, wetland(), m_.owner);
      review_proposal(tx, id, ProposalState::listed, "", m_.secretariat);
    });
    return id;
  }
  std::int64_t funder() {
    std::int64_t id = 0;
    in_transaction(*store_,
                   [&](Transaction& tx) { id = save_funder(tx, m_.funder_user, trust()); });
    return id;
  }
  struct {
    std::int64_t owner = 0, funder_user = 0, secretariat = 0, organisation = 0;
  } m_;
};

TEST_P(MatchingRepoTest, AFunderProfileIsSavedReadAndReplacedAudited) {
  const std::int64_t id = funder();
  FunderProfile changed = trust();
  changed.declaration = "alcohol_youth";
  changed.budget_max = hkd(900'000);
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(save_funder(tx, m_.funder_user, changed), id);
    const auto found = funder_of_user(tx, m_.funder_user);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->profile.name, "Harbour Trust");
    EXPECT_EQ(found->profile.declaration, "alcohol_youth");
    EXPECT_THAT(found->profile.themes, ElementsAre("education", "research"));
    EXPECT_THAT(found->profile.kmgbf_targets, ElementsAre(2, 3));
    EXPECT_EQ(found->profile.budget_min, hkd(100'000));
    EXPECT_EQ(found->profile.budget_max, hkd(900'000));
    EXPECT_EQ(list_funders(tx).size(), 1u);
  });
  EXPECT_THAT(audit_actions(*store_, "funder"), ElementsAre("create", "update"));
}

TEST_P(MatchingRepoTest, ABadProfileIsRefused) {
  FunderProfile bad = trust();
  bad.budget_min = hkd(2);
  bad.budget_max = hkd(1);
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { save_funder(tx, m_.funder_user, bad); }),
      StoreError);
  bad = trust();
  bad.kind = "bank";
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { save_funder(tx, m_.funder_user, bad); }),
      StoreError);
}

TEST_P(MatchingRepoTest, AProposalWaitsForReviewBeforeInterestOrPledges) {
  const std::int64_t funder_id = funder();
  std::int64_t id = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    id = create_proposal(tx, m_.organisation, wetland(), m_.owner);
    const auto proposal = find_proposal(tx, id);
    ASSERT_TRUE(proposal);
    EXPECT_EQ(proposal->state, ProposalState::submitted);
    EXPECT_EQ(proposal->details.budget, hkd(450'000));
    EXPECT_THAT(proposal->details.plan_actions, ElementsAre("1.1", "2.4"));
    EXPECT_TRUE(list_proposals_in(tx, ProposalState::listed).empty());
    EXPECT_EQ(list_proposals_of(tx, m_.organisation).size(), 1u);
  });
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                record_interest(tx, id, funder_id,
                                                InterestDirection::funder_to_proposal,
                                                m_.funder_user);
                              }),
               StoreError);
  EXPECT_THROW(
      in_transaction(*store_,
                     [&](Transaction& tx) {
                       record_pledge(tx, {id, funder_id, hkd(1), "cash", "x"}, m_.funder_user);
                     }),
      StoreError);
  in_transaction(*store_, [&](Transaction& tx) {
    review_proposal(tx, id, ProposalState::listed, "", m_.secretariat);
    EXPECT_EQ(list_proposals_in(tx, ProposalState::listed).size(), 1u);
  });
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                review_proposal(tx, id, ProposalState::returned, "again",
                                                m_.secretariat);
                              }),
               StoreError);
  EXPECT_THAT(audit_actions(*store_, "match_proposal"), ElementsAre("create", "review"));
}

TEST_P(MatchingRepoTest, OnlyAMemberOfTheOrganisationPostsItsProposal) {
  const auto stranger = add_test_user("stranger", {Role::applicant});
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                create_proposal(tx, m_.organisation, wetland(), stranger);
                              }),
               NotAMember);
}

TEST_P(MatchingRepoTest, AReturnedProposalIsEditedAndSubmittedAgainByItsOrganisation) {
  std::int64_t id = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    id = create_proposal(tx, m_.organisation, wetland(), m_.owner);
    EXPECT_THROW(resubmit_proposal(tx, id, wetland(), m_.owner), StoreError) << "not returned";
    review_proposal(tx, id, ProposalState::returned, "Name the ponds", m_.secretariat);
  });
  const auto stranger = add_test_user("outsider", {Role::applicant});
  EXPECT_THROW(
      in_transaction(*store_,
                     [&](Transaction& tx) { resubmit_proposal(tx, id, wetland(), stranger); }),
      NotAMember);
  ProposalDetails edited = wetland();
  edited.title_en = "Ponds 1 to 4";
  edited.budget = hkd(300'000);
  in_transaction(*store_, [&](Transaction& tx) { resubmit_proposal(tx, id, edited, m_.owner); });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto proposal = find_proposal(tx, id);
    EXPECT_EQ(proposal->state, ProposalState::submitted);
    EXPECT_EQ(proposal->details.title_en, "Ponds 1 to 4");
    EXPECT_EQ(proposal->details.budget, hkd(300'000));
    EXPECT_EQ(proposal->review_note, "Name the ponds") << "kept for the next review";
  });
  EXPECT_THAT(audit_actions(*store_, "match_proposal"),
              ElementsAre("create", "review", "resubmit"));
}

TEST_P(MatchingRepoTest, InterestIsRecordedOnceEachWay) {
  const std::int64_t funder_id = funder();
  const std::int64_t id = listed_proposal();
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_TRUE(
        record_interest(tx, id, funder_id, InterestDirection::funder_to_proposal, m_.funder_user));
    EXPECT_FALSE(
        record_interest(tx, id, funder_id, InterestDirection::funder_to_proposal, m_.funder_user));
    EXPECT_TRUE(record_interest(tx, id, funder_id, InterestDirection::owner_to_funder, m_.owner));
    EXPECT_EQ(list_interests(tx, id).size(), 2u);
  });
  EXPECT_THAT(audit_actions(*store_, "match_proposal"),
              ElementsAre("create", "review", "interest", "interest"));
}

TEST_P(MatchingRepoTest, APledgeIsDeclaredOnceWithTheRatioBeforeAndAfter) {
  const std::int64_t funder_id = funder();
  const std::int64_t id = listed_proposal();
  std::int64_t pledge = 0, application = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    pledge =
        record_pledge(tx, {id, funder_id, hkd(30'000), "cash", "Guided visits"}, m_.funder_user);
    application =
        create_application(tx, {m_.organisation, "research_activity", "", "{}"}, m_.owner);
    const auto found = find_pledge(tx, pledge);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->pledge.amount, hkd(30'000));
    EXPECT_FALSE(found->sponsorship);
  });
  in_transaction(*store_, [&](Transaction& tx) {
    record_sponsorship(tx, pledge,
                       {SponsorshipState::refused, application, true, "§3.11.3(d)", Money{},
                        Money{}, hkd(100'000)},
                       m_.owner);
    EXPECT_EQ(list_pledges_in(tx, SponsorshipState::refused).size(), 1u);
    EXPECT_TRUE(list_pledges_in(tx, SponsorshipState::declared).empty());
    record_sponsorship(
        tx, pledge,
        {SponsorshipState::declared, application, false, "", Money{}, hkd(30'000), hkd(100'000)},
        m_.owner);
    EXPECT_TRUE(list_pledges_in(tx, SponsorshipState::refused).empty());
    EXPECT_EQ(list_sponsorships_of(tx, application).size(), 1u);
    EXPECT_TRUE(list_sponsorships_of(tx, application + 1).empty());
    const auto found = list_pledges(tx, id);
    ASSERT_EQ(found.size(), 1u);
    ASSERT_TRUE(found[0].sponsorship);
    EXPECT_EQ(found[0].sponsorship->state, SponsorshipState::declared);
    EXPECT_EQ(found[0].sponsorship->application_id, application);
    EXPECT_EQ(found[0].sponsorship->contribution_after, hkd(30'000));
    EXPECT_EQ(found[0].sponsorship->expenditure, hkd(100'000));
  });
  try {
    in_transaction(*store_, [&](Transaction& tx) {
      record_sponsorship(
          tx, pledge,
          {SponsorshipState::declared, application, false, "", Money{}, Money{}, Money{}},
          m_.owner);
    });
    FAIL() << "declared twice";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("already declared"));
  }
  EXPECT_THAT(audit_actions(*store_, "match_pledge"),
              ElementsAre("create", "sponsorship", "sponsorship"));
}

INSTANTIATE_TEST_SUITE_P(Backends, MatchingRepoTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

}  // namespace
}  // namespace bsap::store::testing
