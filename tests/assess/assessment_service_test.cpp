// The assessment's steps through the service, on both backends (guidelines §2.6.4, §4.1, §4.4,
// §4.1.4, §5.17): what each step writes, who may take it, and that a refused step writes nothing.
// The clock is injected: every step and job names its day.
#include <gtest/gtest.h>

#include "assessment_fixture.h"
#include "store/assessment_repo.h"
#include "store/audit_repo.h"
#include "store/notification_repo.h"
#include "store/panel_repo.h"

namespace bsap::assess::testing {
namespace {

using ccfs::AssessmentEvent;
using ccfs::AssessmentState;

class AssessmentServiceTest : public AssessmentTest {
 protected:
  int lapse_on(const char* iso) {
    int lapsed = 0;
    store::in_transaction(*store_, [&](store::Transaction& tx) {
      lapsed = lapse_overdue_requests(tx, ruleset(), day(iso));
    });
    return lapsed;
  }

  std::int64_t requested_on(const char* iso) {
    const std::int64_t id = submit(day(iso));
    step(id, AssessmentEvent::begin_screening, secretariat(), day(iso));
    step(id, AssessmentEvent::request_information, secretariat(), day(iso), "Send the consents.");
    return id;
  }

  Step award(std::int64_t id, AssessmentEvent event, Money amount) {
    Step request;
    request.application_id = id;
    request.event = event;
    request.today = day("2026-06-01");
    request.approved_amount = amount;
    request.duration_months = 24;
    request.reason = "Part of the works only.";
    return request;
  }

  std::size_t transitions(std::int64_t id) {
    auto tx = store_->begin();
    return store::list_transitions(*tx, id).size();
  }
};

// §2.6.4: a request made on 1 March may be answered up to and on 15 March (day 14); the job
// on 15 March leaves it open, the job on 16 March deems the application withdrawn.
TEST_P(AssessmentServiceTest, UnansweredRequestLapsesOnDay15NotDay14) {
  const std::int64_t id = requested_on("2026-03-01");
  {
    auto tx = store_->begin();
    EXPECT_EQ(format_iso(store::open_request(*tx, id)->due_on), "2026-03-15");
  }
  EXPECT_EQ(lapse_on("2026-03-15"), 0);
  EXPECT_EQ(state_of(id), "information_requested");
  EXPECT_EQ(lapse_on("2026-03-16"), 1);
  EXPECT_EQ(state_of(id), "deemed_withdrawn");
  EXPECT_EQ(lapse_on("2026-03-17"), 0) << "a lapsed request lapses once";

  auto tx = store_->begin();
  const auto history = store::list_transitions(*tx, id);
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back().event, "lapse_information_request");
  EXPECT_EQ(history.back().actor_kind, "system");
  EXPECT_FALSE(history.back().user_id.has_value());
  const auto notices = store::list_organisation_notifications(*tx, organisation_);
  ASSERT_FALSE(notices.empty());
  EXPECT_EQ(notices.front().kind, "assessment.lapse_information_request");
  bool mailed = false;
  for (const auto& email : store::list_outbox(*tx)) mailed |= email.to_address == "pic@example.org";
  EXPECT_TRUE(mailed) << "the person-in-charge is e-mailed";
}

TEST_P(AssessmentServiceTest, AnAnswerOnDay14ReturnsTheApplicationToScreening) {
  const std::int64_t id = requested_on("2026-03-01");
  EXPECT_EQ(step(id, AssessmentEvent::answer_information, applicant(), day("2026-03-15"),
                 "The consents are attached."),
            AssessmentState::screening);
  EXPECT_EQ(lapse_on("2026-03-16"), 0);
  auto tx = store_->begin();
  const auto requests = store::list_information_requests(*tx, id);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].status, "answered");
  EXPECT_EQ(requests[0].answer, "The consents are attached.");
}

TEST_P(AssessmentServiceTest, AStepThatNeedsAReasonIsRefusedWithoutOneAndWritesNothing) {
  const std::int64_t id = submit(day("2026-03-01"));
  step(id, AssessmentEvent::begin_screening, secretariat(), day("2026-03-01"));
  const std::size_t before = transitions(id);
  try {
    step(id, AssessmentEvent::request_information, secretariat(), day("2026-03-02"), "  ");
    FAIL() << "a request without its question was accepted";
  } catch (const StepRefused& refused) {
    EXPECT_FALSE(refused.message_zh().empty());
    EXPECT_NE(refused.message_en().find("reason"), std::string::npos) << refused.message_en();
  }
  EXPECT_EQ(transitions(id), before);
  EXPECT_EQ(state_of(id), "screening");
}

TEST_P(AssessmentServiceTest, TheStateMachineRefusalReachesTheCaller) {
  const std::int64_t id = submit(day("2026-03-01"));
  EXPECT_THROW(step(id, AssessmentEvent::refer_to_committee, secretariat(), day("2026-03-01")),
               StepRefused);
  EXPECT_THROW(step(id, AssessmentEvent::begin_screening, applicant(), day("2026-03-01")),
               StepRefused);
  EXPECT_EQ(state_of(id), "submitted");
}

// §4.4.1 with §2.6.3: the withdrawal is the person-in-charge's letter.
TEST_P(AssessmentServiceTest, OnlyThePersonInChargeWithdraws) {
  const std::int64_t id = submit(day("2026-03-01"));
  EXPECT_THROW(step(id, AssessmentEvent::withdraw, {ccfs::TransitionActor::applicant, colleague_},
                    day("2026-03-02"), "We withdraw."),
               StepRefused);
  const std::int64_t outsider = add_test_user("outsider", {Role::applicant});
  EXPECT_THROW(step(id, AssessmentEvent::withdraw, {ccfs::TransitionActor::applicant, outsider},
                    day("2026-03-02"), "We withdraw."),
               StepRefused);
  EXPECT_EQ(step(id, AssessmentEvent::withdraw, applicant(), day("2026-03-02"), "We withdraw."),
            AssessmentState::withdrawn);
}

// §4.1.2 and §5.17.3: the committee decides through an assigned member who declared no conflict.
TEST_P(AssessmentServiceTest, OnlyAnAssignedDeclaredCommitteeMemberDecides) {
  const std::int64_t id = submit(day("2026-03-01"));
  for (const auto event :
       {AssessmentEvent::begin_screening, AssessmentEvent::refer_to_assessment_panel,
        AssessmentEvent::refer_to_approval_panel, AssessmentEvent::refer_to_committee})
    step(id, event, secretariat(), day("2026-03-01"));
  EXPECT_THROW(step(id, AssessmentEvent::reject, committee(), day("2026-06-01")), StepRefused)
      << "not assigned";
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    assign_member(tx, id, committee_, AssessmentState::committee, secretariat_);
  });
  EXPECT_THROW(step(id, AssessmentEvent::reject, committee(), day("2026-06-01")), StepRefused)
      << "assigned, not declared";
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    declare_interest(tx, id, committee_, AssessmentState::committee, false, "");
  });
  EXPECT_EQ(step(id, AssessmentEvent::reject, committee(), day("2026-06-01"), "Not a priority."),
            AssessmentState::rejected);
  auto tx = store_->begin();
  EXPECT_EQ(store::find_decision(*tx, id)->outcome, "rejected");
}

TEST_P(AssessmentServiceTest, ADeclaredConflictRemovesTheCommitteeMember) {
  const std::int64_t id = at_committee(day("2026-03-01"));
  const std::int64_t other = add_test_user("member2", {Role::committee});
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    assign_member(tx, id, other, AssessmentState::committee, secretariat_);
    declare_interest(tx, id, other, AssessmentState::committee, true, "I sit on its board.");
  });
  EXPECT_THROW(step(id, AssessmentEvent::reject, {ccfs::TransitionActor::committee, other},
                    day("2026-06-01")),
               StepRefused);
  EXPECT_THROW(store::in_transaction(*store_,
                                     [&](store::Transaction& tx) {
                                       declare_interest(tx, id, assessor1_,
                                                        AssessmentState::committee, true, " ");
                                     }),
               StepRefused)
      << "a conflict is declared with what it is";
}

// §4.1.2: an approval needs the amount and the duration; in full it may not exceed the grant
// asked for (a cent over: refused; at it: accepted); in part it must be below it (at it: refused;
// a cent under: accepted).
TEST_P(AssessmentServiceTest, ApprovedAmountsAgainstTheGrantAskedFor) {
  const Money grant = requested_grant();
  const Money cent = Money::from_cents(1);
  auto take = [&](const Step& request) {
    store::in_transaction(
        *store_, [&](store::Transaction& tx) { take_step(tx, ruleset(), committee(), request); });
  };
  const std::int64_t full = at_committee(day("2026-03-01"));
  Step missing = award(full, AssessmentEvent::approve, grant);
  missing.duration_months.reset();
  EXPECT_THROW(take(missing), StepRefused) << "no duration";
  EXPECT_THROW(take(award(full, AssessmentEvent::approve, Money::from_cents(0))), StepRefused);
  EXPECT_THROW(take(award(full, AssessmentEvent::approve, grant + cent)), StepRefused);
  take(award(full, AssessmentEvent::approve, grant));
  EXPECT_EQ(state_of(full), "approved");

  const std::int64_t part = at_committee(day("2026-03-01"));
  EXPECT_THROW(take(award(part, AssessmentEvent::approve_in_part, grant)), StepRefused);
  take(award(part, AssessmentEvent::approve_in_part, grant - cent));
  EXPECT_EQ(state_of(part), "approved_in_part");
  auto tx = store_->begin();
  const auto decision = store::find_decision(*tx, part);
  ASSERT_TRUE(decision.has_value());
  EXPECT_EQ(decision->approved_amount, grant - cent);
  EXPECT_EQ(decision->duration_months, 24);
}

// §4.1.4: a disqualification names one of the clause's grounds; after an approval the committee's
// decision stays on record and the public list no longer shows the grant.
TEST_P(AssessmentServiceTest, DisqualificationNeedsAGroundOfSection414) {
  const std::int64_t id = submit(day("2026-03-01"));
  Step request;
  request.application_id = id;
  request.event = AssessmentEvent::disqualify;
  request.reason = "Public safety at the site.";
  request.today = day("2026-03-02");
  request.ground = "not_a_ground";
  auto take = [&] {
    store::in_transaction(
        *store_, [&](store::Transaction& tx) { take_step(tx, ruleset(), secretariat(), request); });
  };
  EXPECT_THROW(take(), StepRefused);
  request.ground = ruleset().assessment.disqualification_grounds.front().id;
  take();
  EXPECT_EQ(state_of(id), "disqualified");
  auto tx = store_->begin();
  EXPECT_EQ(store::find_decision(*tx, id)->ground, request.ground);
  EXPECT_NE(store::list_transitions(*tx, id).back().reason.find(request.ground), std::string::npos);
}

TEST_P(AssessmentServiceTest, ScoresOnlyFromADeclaredMemberOnTheScaleAndCriteria) {
  const std::int64_t id = submit(day("2026-03-01"));
  step(id, AssessmentEvent::begin_screening, secretariat(), day("2026-03-01"));
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    assign_member(tx, id, assessor1_, AssessmentState::assessment_panel, secretariat_);
  });
  auto save = [&](std::vector<ScoreEntry> scores, std::int64_t member = 0) {
    store::in_transaction(*store_, [&](store::Transaction& tx) {
      save_scores(tx, ruleset(), id, member ? member : assessor1_,
                  AssessmentState::assessment_panel, scores, "support", "");
    });
  };
  EXPECT_THROW(save({{"ma_criteria.b", 3, ""}}), StepRefused) << "not yet at the panel";
  step(id, AssessmentEvent::refer_to_assessment_panel, secretariat(), day("2026-03-02"));
  EXPECT_THROW(save({{"ma_criteria.b", 3, ""}}), StepRefused) << "not declared";
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    declare_interest(tx, id, assessor1_, AssessmentState::assessment_panel, false, "");
  });
  EXPECT_THROW(save({{"ma_criteria.b", 0, ""}}), StepRefused) << "below the scale";
  EXPECT_THROW(save({{"ma_criteria.b", 6, ""}}), StepRefused) << "above the scale";
  EXPECT_THROW(save({{"non_ma_criteria.a3", 3, ""}}), StepRefused) << "not its criterion";
  save({{"ma_criteria.b", 1, "weak"}, {"ma_criteria.c", 5, "strong"}});
  EXPECT_THROW(save({{"ma_criteria.b", 3, ""}}, assessor2_), StepRefused) << "not assigned";
  auto tx = store_->begin();
  const auto scores = store::list_scores(*tx, id, "assessment_panel");
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(store::find_assignment(*tx, id, assessor1_, "assessment_panel")->recommendation,
            "support");
}

TEST_P(AssessmentServiceTest, EveryStepIsAuditedAndTheChainHolds) {
  const std::int64_t id = requested_on("2026-03-01");
  lapse_on("2026-03-16");
  auto tx = store_->begin();
  int transitions_audited = 0;
  for (const auto& record : store::load_audit_log(*tx))
    transitions_audited += record.entity == "assessment" && record.entity_id == std::to_string(id);
  EXPECT_GE(transitions_audited, 3) << "screening, the request, the lapse";
  EXPECT_TRUE(store::verify_audit_log(*tx).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, AssessmentServiceTest,
                         ::testing::Values(store::Backend::sqlite, store::Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::assess::testing
