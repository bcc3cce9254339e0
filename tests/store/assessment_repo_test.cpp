// store/assessment_repo.h: the assessment that begins with a submission (guidelines §2.6, §4):
// its round, its states and transitions, requests for information (§2.6.4), the decision once
// (§4.1.2, §4.1.4), the public list of approved grants (§4.1.3), and resubmission to a later
// round (§4.5.1).
#include "store/assessment_repo.h"

#include <gmock/gmock.h>

#include "assessment_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class AssessmentTest : public AssessmentFixture {
 protected:
  AssessmentRow assessment(std::int64_t id) {
    std::optional<AssessmentRow> found;
    in_transaction(*store_, [&](Transaction& tx) { found = find_assessment(tx, id); });
    if (!found) throw std::runtime_error("no assessment of application " + std::to_string(id));
    return *found;
  }

  // Moves the application as the secretariat (the store records; the state machine is not
  // asked here).
  void move(std::int64_t id, const std::string& from, const std::string& to,
            const std::string& event, CivilDate on = day(2026, 6, 10)) {
    in_transaction(*store_, [&](Transaction& tx) {
      record_transition(tx, {id, from, to, event, "secretariat", secretariat_, "", on});
    });
  }

  void decide(const Decision& decision) {
    in_transaction(*store_, [&](Transaction& tx) { record_decision(tx, decision); });
  }

  Decision approval(std::int64_t id, std::int64_t cents, const std::string& outcome = "approved") {
    Decision decision;
    decision.application_id = id;
    decision.outcome = outcome;
    decision.approved_amount = Money::from_cents(cents);
    decision.duration_months = 24;
    decision.conditions = "每季提交進度報告";
    decision.reason = "符合第4.2節準則";
    decision.decided_by = secretariat_;
    decision.decided_on = day(2026, 9, 30);
    return decision;
  }

  Decision rejection(std::int64_t id) {
    Decision decision;
    decision.application_id = id;
    decision.outcome = "rejected";
    decision.reason = "預算不合理";
    decision.decided_by = secretariat_;
    decision.decided_on = day(2026, 9, 30);
    return decision;
  }

  // An application submitted on `on` and then rejected.
  std::int64_t rejected(CivilDate on) {
    const auto id = submitted(on, "被拒的申請");
    move(id, "submitted", "rejected", "reject");
    decide(rejection(id));
    return id;
  }

  std::int64_t resubmit(std::int64_t rejected_id, std::int64_t user) {
    std::int64_t id = 0;
    in_transaction(*store_,
                   [&](Transaction& tx) { id = create_resubmission(tx, rejected_id, user); });
    return id;
  }

  std::string submit_refusal(std::int64_t id, CivilDate on) {
    try {
      submit(id, on);
    } catch (const NotALaterRound& e) {
      return e.what();
    }
    return "(accepted)";
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, AssessmentTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

// ---- submission begins the assessment

TEST_P(AssessmentTest, SubmissionBeginsTheAssessmentInTheRoundOpenThatDay_2_6_1) {
  const auto round = new_round("Round 1 of 2026", day(2026, 3, 1), day(2026, 5, 31));
  const auto id = new_draft();
  const auto before = audit_log().size();
  const auto reference = submit(id, day(2026, 5, 31));

  const auto row = assessment(id);
  EXPECT_EQ(row.application_id, id);
  EXPECT_EQ(row.round_id, round);
  EXPECT_EQ(row.state, "submitted");
  EXPECT_EQ(row.reference, reference);
  EXPECT_EQ(row.title, "荔枝窩梯田復耕");
  EXPECT_EQ(row.project_type, "management_agreement");
  EXPECT_EQ(row.organisation_id, organisation_);
  EXPECT_EQ(row.organisation_name_zh, "荔枝窩村公所");
  EXPECT_EQ(row.organisation_name_en, "Lai Chi Wo Village Office");
  EXPECT_EQ(row.submitted_on, "2026-05-31");
  EXPECT_FALSE(row.resubmission_of);
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(row.state_since, find_application(tx, id)->submitted_at);
    EXPECT_TRUE(list_transitions(tx, id).empty());
  });
  EXPECT_THAT(audited_since(before),
              ElementsAre("chan application submit", "chan assessment create",
                          "chan notification create", "chan email queue"));
}

TEST_P(AssessmentTest, ADraftHasNoAssessment) {
  const auto id = new_draft();
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_FALSE(find_assessment(tx, id));
    EXPECT_FALSE(find_assessment(tx, id + 100));
    EXPECT_TRUE(list_assessments(tx).empty());
  });
}

TEST_P(AssessmentTest, ASubmissionOutsideAnyRoundWaitsForTheSecretariatToAssignOne) {
  const auto id = submitted(day(2026, 6, 15));
  EXPECT_FALSE(assessment(id).round_id);

  const auto round = new_round("Round 2 of 2026", day(2026, 7, 1), day(2026, 8, 31));
  const auto other = new_round("Round 3 of 2026", day(2026, 9, 1), day(2026, 10, 31));
  const auto before = audit_log().size();
  in_transaction(*store_, [&](Transaction& tx) { assign_round(tx, id, round, secretariat_); });
  EXPECT_EQ(assessment(id).round_id, round);
  EXPECT_THAT(audited_since(before), ElementsAre("officer assessment assign_round"));

  // Once in a round, it stays there; assigning the same round again changes nothing.
  in_transaction(*store_, [&](Transaction& tx) { assign_round(tx, id, round, secretariat_); });
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { assign_round(tx, id, other, secretariat_); }),
      StoreError);
  EXPECT_EQ(assessment(id).round_id, round);
  EXPECT_EQ(audit_log().size(), before + 1);
}

TEST_P(AssessmentTest, TheDashboardListsNewestSubmissionFirstFilteredByRoundAndState) {
  const auto round = new_round("Round 1 of 2026", day(2026, 3, 1), day(2026, 5, 31));
  submitted(day(2026, 3, 2), "first");
  const auto second = submitted(day(2026, 4, 2), "second");
  submitted(day(2026, 6, 2), "outside");
  move(second, "submitted", "screening", "begin_screening");

  const auto titles = [&](std::optional<std::int64_t> round_id, std::optional<std::string> state) {
    std::vector<std::string> out;
    in_transaction(*store_, [&](Transaction& tx) {
      for (const auto& row : list_assessments(tx, round_id, state)) out.push_back(row.title);
    });
    return out;
  };
  EXPECT_THAT(titles(std::nullopt, std::nullopt), ElementsAre("outside", "second", "first"));
  EXPECT_THAT(titles(round, std::nullopt), ElementsAre("second", "first"));
  EXPECT_THAT(titles(std::nullopt, "submitted"), ElementsAre("outside", "first"));
  EXPECT_THAT(titles(round, "screening"), ElementsAre("second"));
  EXPECT_THAT(titles(round + 1, std::nullopt), ElementsAre());
}

// ---- transitions

TEST_P(AssessmentTest, ATransitionMovesTheStateAndIsKeptWithItsActorAndReason) {
  const auto id = submitted(day(2026, 3, 2));
  const auto before = audit_log().size();
  std::int64_t transition = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    transition = record_transition(tx, {id, "submitted", "screening", "begin_screening",
                                        "secretariat", secretariat_, "開始審查", day(2026, 3, 3)});
    record_transition(tx, {id, "screening", "information_requested", "request_information",
                           "secretariat", secretariat_, "請提供地圖", day(2026, 3, 4)});
    record_transition(
        tx, {id, "information_requested", "deemed_withdrawn", "lapse_information_request", "system",
             std::nullopt, "", day(2026, 3, 19)});
  });

  const auto row = assessment(id);
  EXPECT_EQ(row.state, "deemed_withdrawn");
  EXPECT_EQ(row.state_since.back(), 'Z');
  in_transaction(*store_, [&](Transaction& tx) {
    const auto transitions = list_transitions(tx, id);
    ASSERT_EQ(transitions.size(), 3u);
    EXPECT_EQ(transitions[0].id, transition);
    EXPECT_EQ(transitions[0].application_id, id);
    EXPECT_EQ(transitions[0].from_state, "submitted");
    EXPECT_EQ(transitions[0].to_state, "screening");
    EXPECT_EQ(transitions[0].event, "begin_screening");
    EXPECT_EQ(transitions[0].actor_kind, "secretariat");
    EXPECT_EQ(transitions[0].user_id, secretariat_);
    EXPECT_EQ(transitions[0].actor_name, "Name of officer");
    EXPECT_EQ(transitions[0].reason, "開始審查");
    EXPECT_EQ(transitions[0].on, day(2026, 3, 3));
    EXPECT_EQ(transitions[0].at.back(), 'Z');
    EXPECT_EQ(transitions[2].actor_kind, "system");
    EXPECT_FALSE(transitions[2].user_id);
    EXPECT_EQ(transitions[2].actor_name, "system");
    EXPECT_EQ(transitions[2].on, day(2026, 3, 19));
  });

  const auto records = audit_log();
  EXPECT_THAT(audited_since(before), ElementsAre("officer assessment begin_screening",
                                                 "officer assessment request_information",
                                                 "system assessment lapse_information_request"));
  EXPECT_EQ(records[before].entity_id, std::to_string(id));
  EXPECT_EQ(records[before].before_json, R"({"state":"submitted"})");
  EXPECT_THAT(records[before].after_json,
              AllOf(HasSubstr(R"("state":"screening")"), HasSubstr("開始審查")));
}

TEST_P(AssessmentTest, ATransitionFromAStateNoLongerCurrentIsStaleAndRecordsNothing) {
  const auto id = submitted(day(2026, 3, 2));
  move(id, "submitted", "screening", "begin_screening");
  const auto before = audit_log().size();
  // A second officer, still looking at "submitted", acts too.
  try {
    move(id, "submitted", "screening", "begin_screening");
    FAIL() << "a stale transition was recorded";
  } catch (const StaleState& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("\"screening\""), HasSubstr("\"submitted\"")));
  }
  EXPECT_EQ(assessment(id).state, "screening");
  EXPECT_EQ(count_rows("assessment_transitions"), 1);
  EXPECT_EQ(audit_log().size(), before);
}

TEST_P(AssessmentTest, ATransitionOfADraftOrWithMalformedCodesIsRefused) {
  const auto draft = new_draft();
  EXPECT_THROW(move(draft, "submitted", "screening", "begin_screening"), StoreError);
  const auto id = submitted(day(2026, 3, 2));
  EXPECT_THROW(move(id, "submitted", "Screening!", "begin_screening"), StoreError);
  EXPECT_THROW(move(id, "submitted", "screening", ""), StoreError);
  EXPECT_EQ(assessment(id).state, "submitted");
}

// ---- requests for information (§2.6.4)

TEST_P(AssessmentTest, ARequestIsOpenUntilAnswered_2_6_4) {
  const auto id = submitted(day(2026, 3, 2));
  const auto before = audit_log().size();
  std::int64_t request = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    request = open_information_request(tx, id, "請提供地段圖", secretariat_, day(2026, 3, 4),
                                       day(2026, 3, 18));
  });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto open = open_request(tx, id);
    ASSERT_TRUE(open);
    EXPECT_EQ(open->id, request);
    EXPECT_EQ(open->application_id, id);
    EXPECT_EQ(open->question, "請提供地段圖");
    EXPECT_EQ(open->requested_by, secretariat_);
    EXPECT_EQ(open->requested_on, day(2026, 3, 4));
    EXPECT_EQ(open->due_on, day(2026, 3, 18));
    EXPECT_EQ(open->status, "open");
    EXPECT_FALSE(open->answered_by);
    EXPECT_FALSE(open->answered_on);
    answer_information_request(tx, id, "地段圖已上載", chan_, day(2026, 3, 18));
  });
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_FALSE(open_request(tx, id));
    const auto requests = list_information_requests(tx, id);
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].status, "answered");
    EXPECT_EQ(requests[0].answer, "地段圖已上載");
    EXPECT_EQ(requests[0].answered_by, chan_);
    EXPECT_EQ(requests[0].answered_on, day(2026, 3, 18));
  });
  EXPECT_THAT(audited_since(before),
              ElementsAre("officer information_request open", "chan information_request answer"));
  EXPECT_EQ(audit_log()[before].entity_id, std::to_string(request));
}

TEST_P(AssessmentTest, AnApplicationHasAtMostOneOpenRequest_2_6_4) {
  const auto id = submitted(day(2026, 3, 2));
  const auto ask = [&](CivilDate on) {
    in_transaction(*store_, [&](Transaction& tx) {
      open_information_request(tx, id, "問題", secretariat_, on, on.plus_days(14));
    });
  };
  ask(day(2026, 3, 4));
  try {
    ask(day(2026, 3, 5));
    FAIL() << "a second open request was made";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("already has an open request"), HasSubstr("2026-03-18")));
  }
  // The database holds to it too, for a writer that skips the check.
  EXPECT_THROW(execute_sql("INSERT INTO information_requests (application_id, question, "
                           "requested_by, requested_on, due_on, status) VALUES (" +
                           std::to_string(id) + ", 'q', " + std::to_string(secretariat_) +
                           ", '2026-03-05', '2026-03-19', 'open')"),
               StoreError);
  EXPECT_EQ(count_rows("information_requests"), 1);

  // Once answered, another may be made.
  in_transaction(*store_, [&](Transaction& tx) {
    answer_information_request(tx, id, "答覆", chan_, day(2026, 3, 6));
  });
  ask(day(2026, 3, 10));
  EXPECT_EQ(count_rows("information_requests"), 2);
}

TEST_P(AssessmentTest, AnUnansweredRequestLapsesAsTheSystem_2_6_4) {
  const auto late = submitted(day(2026, 3, 2), "late");
  const auto early = submitted(day(2026, 3, 3), "early");
  in_transaction(*store_, [&](Transaction& tx) {
    open_information_request(tx, late, "問題甲", secretariat_, day(2026, 3, 10), day(2026, 3, 24));
    open_information_request(tx, early, "問題乙", secretariat_, day(2026, 3, 5), day(2026, 3, 19));
  });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto open = list_open_requests(tx);
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0].application_id, early);  // the earliest due first
    EXPECT_EQ(open[1].application_id, late);
  });
  const auto before = audit_log().size();
  in_transaction(*store_, [&](Transaction& tx) { lapse_information_request(tx, early); });
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_FALSE(open_request(tx, early));
    EXPECT_EQ(list_information_requests(tx, early)[0].status, "lapsed");
    EXPECT_FALSE(list_information_requests(tx, early)[0].answered_on);
    ASSERT_EQ(list_open_requests(tx).size(), 1u);
  });
  EXPECT_THAT(audited_since(before), ElementsAre("system information_request lapse"));

  // A lapsed request can be neither answered nor lapsed again.
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                answer_information_request(tx, early, "遲來", chan_,
                                                           day(2026, 3, 20));
                              }),
               StoreError);
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { lapse_information_request(tx, early); }),
      StoreError);
}

TEST_P(AssessmentTest, ARequestNeedsASubmittedApplicationAQuestionAndADueDayNotBeforeIt) {
  const auto draft = new_draft();
  const auto id = submitted(day(2026, 3, 2));
  const auto ask = [&](std::int64_t application, const std::string& question, CivilDate due) {
    in_transaction(*store_, [&](Transaction& tx) {
      open_information_request(tx, application, question, secretariat_, day(2026, 3, 4), due);
    });
  };
  EXPECT_THROW(ask(draft, "問題", day(2026, 3, 18)), StoreError);
  EXPECT_THROW(ask(id, "", day(2026, 3, 18)), StoreError);
  EXPECT_THROW(ask(id, "問題", day(2026, 3, 3)), StoreError);
  EXPECT_EQ(count_rows("information_requests"), 0);
}

// ---- decisions

TEST_P(AssessmentTest, ADecisionIsRecordedOnce_4_1_2) {
  const auto id = submitted(day(2026, 3, 2));
  const auto before = audit_log().size();
  decide(approval(id, 150'000'000, "approved_in_part"));
  in_transaction(*store_, [&](Transaction& tx) {
    const auto decision = find_decision(tx, id);
    ASSERT_TRUE(decision);
    EXPECT_EQ(decision->application_id, id);
    EXPECT_EQ(decision->outcome, "approved_in_part");
    EXPECT_EQ(decision->approved_amount, Money::from_cents(150'000'000));
    EXPECT_EQ(decision->duration_months, 24);
    EXPECT_EQ(decision->conditions, "每季提交進度報告");
    EXPECT_EQ(decision->reason, "符合第4.2節準則");
    EXPECT_EQ(decision->decided_by, secretariat_);
    EXPECT_EQ(decision->decided_on, day(2026, 9, 30));
  });
  EXPECT_THAT(audited_since(before), ElementsAre("officer decision record"));
  EXPECT_THAT(audit_log().back().after_json, HasSubstr(R"("approved_amount_cents":150000000)"));

  try {
    decide(rejection(id));
    FAIL() << "a second decision was recorded";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(),
                AllOf(HasSubstr("already has its decision"), HasSubstr("approved_in_part")));
  }
  EXPECT_EQ(count_rows("assessment_decisions"), 1);
}

TEST_P(AssessmentTest, OnlyAnApprovalCarriesAnAmountAndADurationAndItNeedsBoth) {
  const auto id = submitted(day(2026, 3, 2));
  Decision rejected_with_amount = rejection(id);
  rejected_with_amount.approved_amount = Money::from_cents(100);
  EXPECT_THROW(decide(rejected_with_amount), StoreError);
  Decision approved_without_amount = approval(id, 100);
  approved_without_amount.approved_amount.reset();
  EXPECT_THROW(decide(approved_without_amount), StoreError);
  Decision approved_without_duration = approval(id, 100);
  approved_without_duration.duration_months.reset();
  EXPECT_THROW(decide(approved_without_duration), StoreError);
  Decision unknown = rejection(id);
  unknown.outcome = "maybe";
  EXPECT_THROW(decide(unknown), StoreError);
  EXPECT_THROW(decide(rejection(new_draft())), StoreError);
  EXPECT_EQ(count_rows("assessment_decisions"), 0);

  Decision disqualified = rejection(id);
  disqualified.outcome = "disqualified";
  disqualified.ground = "national_security";
  decide(disqualified);
  in_transaction(*store_, [&](Transaction& tx) {
    const auto decision = find_decision(tx, id);
    ASSERT_TRUE(decision);
    EXPECT_EQ(decision->ground, "national_security");
    EXPECT_FALSE(decision->approved_amount);
    EXPECT_FALSE(decision->duration_months);
  });
}

TEST_P(AssessmentTest, ThePublicListHoldsOnlyApprovedGrantsInReferenceOrder_4_1_3) {
  const auto approved = submitted(day(2026, 3, 2), "approved");
  const auto in_part = submitted(day(2026, 3, 3), "in part");
  const auto refused = submitted(day(2026, 3, 4), "rejected");
  submitted(day(2026, 3, 5), "pending");
  move(in_part, "submitted", "approved_in_part", "approve_in_part");
  decide(approval(in_part, 80'000'000, "approved_in_part"));
  move(approved, "submitted", "approved", "approve");
  decide(approval(approved, 120'000'000));
  move(refused, "submitted", "rejected", "reject");
  decide(rejection(refused));

  in_transaction(*store_, [&](Transaction& tx) {
    const auto grants = list_approved_grants(tx);
    ASSERT_EQ(grants.size(), 2u);
    EXPECT_EQ(grants[0].application_id, approved);
    EXPECT_EQ(grants[0].reference, "CCFS-2026-0001");
    EXPECT_EQ(grants[0].title, "approved");
    EXPECT_EQ(grants[0].state, "approved");
    EXPECT_EQ(grants[0].project_type, "management_agreement");
    EXPECT_EQ(grants[0].organisation_id, organisation_);
    EXPECT_EQ(grants[0].organisation_name_en, "Lai Chi Wo Village Office");
    EXPECT_EQ(grants[0].decision.approved_amount, Money::from_cents(120'000'000));
    EXPECT_EQ(grants[0].document_json, R"({"title":"approved"})");
    EXPECT_EQ(grants[1].application_id, in_part);
    EXPECT_EQ(grants[1].state, "approved_in_part");
    EXPECT_EQ(grants[1].decision.outcome, "approved_in_part");
    EXPECT_EQ(grants[1].decision.duration_months, 24);
  });
}

// ---- resubmission (§4.5.1)

TEST_P(AssessmentTest, ARejectedApplicationIsCopiedIntoANewDraftThatRecordsWhatItRevises_4_5_1) {
  const auto old_id = rejected(day(2026, 3, 2));
  const auto before = audit_log().size();
  const auto id = resubmit(old_id, chan_);
  EXPECT_NE(id, old_id);
  in_transaction(*store_, [&](Transaction& tx) {
    const auto draft = find_application(tx, id);
    const auto old_application = find_application(tx, old_id);
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->state, ApplicationState::draft);
    EXPECT_EQ(draft->organisation_id, organisation_);
    EXPECT_EQ(draft->title, "被拒的申請");
    EXPECT_EQ(draft->project_type, "management_agreement");
    EXPECT_EQ(draft->document_json, old_application->document_json);
    EXPECT_EQ(draft->revision, 1);
    EXPECT_EQ(draft->created_by, chan_);
    EXPECT_EQ(draft->resubmission_of, old_id);
    EXPECT_FALSE(draft->reference);
    EXPECT_FALSE(old_application->resubmission_of);
    EXPECT_EQ(resubmission_of(tx, id), old_id);
    EXPECT_FALSE(resubmission_of(tx, old_id));
    EXPECT_FALSE(find_assessment(tx, id));
    const auto history = list_revisions(tx, id);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].part, "resubmitted from CCFS-2026-0001");
  });
  EXPECT_THAT(audited_since(before), ElementsAre("chan application create_resubmission"));
  EXPECT_THAT(audit_log().back().after_json, HasSubstr(R"("resubmitted_from":"CCFS-2026-0001")"));

  // The copy is an ordinary draft: it can be saved.
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(save_application(tx, id, 1, "budget", R"({"title":"修改後"})", "修改後", chan_), 2);
  });
}

TEST_P(AssessmentTest, OnlyARejectedApplicationOfYourOwnOrganisationIsResubmitted) {
  const auto pending = submitted(day(2026, 3, 2));
  EXPECT_THROW(resubmit(pending, chan_), StoreError);
  EXPECT_THROW(resubmit(new_draft(), chan_), StoreError);
  const auto old_id = rejected(day(2026, 3, 3));
  const auto stranger = add_test_user("stranger", {Role::applicant});
  EXPECT_THROW(resubmit(old_id, stranger), NotAMember);
  EXPECT_EQ(count_rows("applications"), 3);
}

TEST_P(AssessmentTest, AResubmissionGoesToALaterRoundNotTheRejectedOnesRound_4_5_1) {
  new_round("Round 1 of 2026", day(2026, 3, 1), day(2026, 5, 31));
  const auto old_id = rejected(day(2026, 3, 2));  // rejected while round 1 is still open
  const auto id = resubmit(old_id, chan_);

  EXPECT_THAT(submit_refusal(id, day(2026, 5, 31)),
              AllOf(HasSubstr("CCFS-2026-0001"), HasSubstr("Round 1 of 2026"),
                    HasSubstr("later round"), HasSubstr("§4.5.1")));
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(find_application(tx, id)->state, ApplicationState::draft);
    EXPECT_FALSE(find_assessment(tx, id));
  });

  // A round opening the day after the rejected one closes is the next round.
  const auto round_2 = new_round("Round 2 of 2026", day(2026, 6, 1), day(2026, 8, 31));
  EXPECT_EQ(submit_refusal(id, day(2026, 6, 1)), "(accepted)");
  const auto row = assessment(id);
  EXPECT_EQ(row.round_id, round_2);
  EXPECT_EQ(row.resubmission_of, old_id);
}

TEST_P(AssessmentTest, AResubmissionOutsideAnyRoundMayNotBeAssignedToTheRejectedOnesRound) {
  const auto round_1 = new_round("Round 1 of 2026", day(2026, 3, 1), day(2026, 5, 31));
  const auto old_id = rejected(day(2026, 3, 2));
  const auto id = resubmit(old_id, chan_);
  submit(id, day(2026, 6, 10));  // no round is open
  EXPECT_FALSE(assessment(id).round_id);

  EXPECT_THROW(in_transaction(
                   *store_, [&](Transaction& tx) { assign_round(tx, id, round_1, secretariat_); }),
               NotALaterRound);
  const auto round_2 = new_round("Round 2 of 2026", day(2026, 7, 1), day(2026, 8, 31));
  in_transaction(*store_, [&](Transaction& tx) { assign_round(tx, id, round_2, secretariat_); });
  EXPECT_EQ(assessment(id).round_id, round_2);
}

}  // namespace
}  // namespace bsap::store::testing
