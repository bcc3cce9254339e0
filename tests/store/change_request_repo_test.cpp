// store/change_request_repo.h: a change needing prior approval (guidelines §5.16.6) recorded as
// pending, decided once (StaleState for a second decision), the table's own checks that a
// decision names who decided and that a refusal says why, and the audit of each write.
#include "store/change_request_repo.h"

#include <gmock/gmock.h>

#include "project_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ChangeRequestRepoTest : public ProjectFixture {
 protected:
  NewChangeRequest pic_change() {
    return {application_,
            "person_in_charge",
            "黃小明，項目經理 Wong Siu Ming, Project Manager",
            "陳先生退休 Mr Chan retires",
            day(2027, 3, 1),
            chan_};
  }

  std::int64_t record(const NewChangeRequest& request) {
    std::int64_t id = 0;
    in_transaction(*store_, [&](Transaction& tx) { id = record_change_request(tx, request); });
    return id;
  }

  ChangeDecision approval(std::int64_t id) {
    ChangeDecision decision;
    decision.request_id = id;
    decision.approved = true;
    decision.decision_note = "由2027年4月1日起生效";
    decision.decided_on = day(2027, 3, 10);
    decision.user_id = secretariat_;
    return decision;
  }

  void decide(const ChangeDecision& decision) {
    in_transaction(*store_, [&](Transaction& tx) { decide_change_request(tx, decision); });
  }

  std::vector<ChangeRequestRow> requests() {
    std::vector<ChangeRequestRow> found;
    in_transaction(*store_,
                   [&](Transaction& tx) { found = list_change_requests(tx, application_); });
    return found;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, ChangeRequestRepoTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

TEST_P(ChangeRequestRepoTest, ARequestIsRecordedPendingAndAudited_5_16_6) {
  active_project();
  const auto before = audit_log().size();
  const std::int64_t id = record(pic_change());
  EXPECT_THAT(audited_since(before), ElementsAre("chan project request_change"));
  EXPECT_EQ(audit_log().back().entity_id, std::to_string(application_));
  EXPECT_THAT(audit_log().back().after_json, HasSubstr("person_in_charge"));

  const auto listed = requests();
  ASSERT_EQ(listed.size(), 1u);
  const ChangeRequestRow& row = listed.front();
  EXPECT_EQ(row.id, id);
  EXPECT_EQ(row.kind, "person_in_charge");
  EXPECT_EQ(row.status, "pending");
  EXPECT_EQ(row.requested_on, day(2027, 3, 1));
  EXPECT_FALSE(row.requested_by.empty());
  EXPECT_FALSE(row.decided_on);
  EXPECT_TRUE(row.decided_by.empty());
}

TEST_P(ChangeRequestRepoTest, RequestsAreListedOldestFirst) {
  active_project();
  const std::int64_t first = record(pic_change());
  NewChangeRequest budget = pic_change();
  budget.kind = "budget_modification";
  budget.details = "把HK$50,000由項目1移至項目2";
  const std::int64_t second = record(budget);
  const auto listed = requests();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, first);
  EXPECT_EQ(listed[1].id, second);
}

TEST_P(ChangeRequestRepoTest, AProjectIsNeeded) {
  NewChangeRequest request = pic_change();
  request.application_id = application_ + 100;
  EXPECT_THAT(refusal([&](Transaction& tx) { record_change_request(tx, request); }),
              HasSubstr("has no project"));
}

TEST_P(ChangeRequestRepoTest, ADecisionIsRecordedOnceAndAudited) {
  active_project();
  NewChangeRequest request = pic_change();
  request.kind = "transfer_to_organisation";
  const std::int64_t id = record(request);
  ChangeDecision decision = approval(id);
  decision.committee_consulted_on = day(2027, 3, 8);
  decision.committee_note = "委員會同意";
  const auto before = audit_log().size();
  decide(decision);
  EXPECT_THAT(audited_since(before), ElementsAre("officer project decide_change"));
  EXPECT_THAT(audit_log().back().before_json, HasSubstr("pending"));
  EXPECT_THAT(audit_log().back().after_json, HasSubstr("2027-03-08"));

  std::optional<ChangeRequestRow> found;
  in_transaction(*store_, [&](Transaction& tx) { found = find_change_request(tx, id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status, "approved");
  EXPECT_EQ(found->committee_consulted_on, day(2027, 3, 8));
  EXPECT_EQ(found->committee_note, "委員會同意");
  EXPECT_EQ(found->decided_on, day(2027, 3, 10));
  EXPECT_FALSE(found->decided_by.empty());

  const auto after = audit_log().size();
  ChangeDecision again = approval(id);
  again.approved = false;
  again.decision_note = "改變主意";
  EXPECT_THAT(refusal<StaleState>([&](Transaction& tx) { decide_change_request(tx, again); }),
              HasSubstr("approved"));
  EXPECT_EQ(audit_log().size(), after);
}

TEST_P(ChangeRequestRepoTest, AnUnknownRequestIsAnError) {
  active_project();
  EXPECT_THAT(refusal([&](Transaction& tx) { decide_change_request(tx, approval(999)); }),
              HasSubstr("no change request"));
}

TEST_P(ChangeRequestRepoTest, TheTableRefusesADecisionWithoutItsDecider) {
  active_project();
  const std::int64_t id = record(pic_change());
  const std::string row = std::to_string(id);
  EXPECT_THROW(execute_sql("UPDATE change_requests SET status = 'approved', decided_on = "
                           "'2027-03-10' WHERE id = " +
                           row),
               std::exception);
  EXPECT_THROW(execute_sql("UPDATE change_requests SET decided_by = " +
                           std::to_string(secretariat_) + " WHERE id = " + row),
               std::exception)
      << "a pending request has no decider";
  EXPECT_THROW(execute_sql("UPDATE change_requests SET status = 'refused', decided_on = "
                           "'2027-03-10', decided_by = " +
                           std::to_string(secretariat_) + " WHERE id = " + row),
               std::exception)
      << "a refusal says why";
  EXPECT_THROW(execute_sql("UPDATE change_requests SET kind = 'rename' WHERE id = " + row),
               std::exception);
  EXPECT_EQ(requests().front().status, "pending");
}

}  // namespace
}  // namespace bsap::store::testing
