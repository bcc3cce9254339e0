// store/application_repo.h: drafts with revisions, optimistic concurrency, submission by the
// person-in-charge (§2.6.3) with a gapless reference number and its acknowledgement (§2.7.5).
#include "store/application_repo.h"

#include <gmock/gmock.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "core/crypto.h"
#include "store/audit_repo.h"
#include "store/notification_repo.h"
#include "store/organisation_repo.h"
#include "store/user_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view kRuleset = "1.8";

CivilDate day(int year, unsigned month, unsigned d) { return *CivilDate::from_ymd(year, month, d); }

// An organisation whose person-in-charge is chan, with wong as an ordinary member.
struct Team {
  std::int64_t id = 0;
  std::int64_t chan = 0;  // person-in-charge
  std::int64_t wong = 0;  // member
};

class Portal {
 public:
  explicit Portal(Store& store) : store_(store) {}

  std::int64_t create(std::int64_t organisation, std::int64_t user,
                      const std::string& json = R"({"title":"荔枝窩梯田復耕"})") {
    std::int64_t id = 0;
    in_transaction(store_, [&](Transaction& tx) {
      id = create_application(tx, {organisation, "management_agreement", "荔枝窩梯田復耕", json},
                              user);
    });
    return id;
  }

  int save(std::int64_t id, int expected, const std::string& part, const std::string& json,
           std::int64_t user, const std::string& title = "荔枝窩梯田復耕") {
    int revision = 0;
    in_transaction(store_, [&](Transaction& tx) {
      revision = save_application(tx, id, expected, part, json, title, user);
    });
    return revision;
  }

  std::string submit(std::int64_t id, int expected, std::int64_t user, CivilDate on) {
    std::string reference;
    in_transaction(store_, [&](Transaction& tx) {
      reference = submit_application(tx, id, expected, user, kRuleset, on);
    });
    return reference;
  }

  StoredApplication find(std::int64_t id) {
    std::optional<StoredApplication> found;
    in_transaction(store_, [&](Transaction& tx) { found = find_application(tx, id); });
    if (!found) throw std::runtime_error("application " + std::to_string(id) + " not found");
    return *found;
  }

  std::vector<RevisionSummary> history(std::int64_t id) {
    std::vector<RevisionSummary> revisions;
    in_transaction(store_, [&](Transaction& tx) { revisions = list_revisions(tx, id); });
    return revisions;
  }

 private:
  Store& store_;
};

class ApplicationTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    organisation_ = make_organisation("chan", "wong");
  }

  Team make_organisation(const std::string& in_charge, const std::string& member) {
    Team made;
    made.chan = add_test_user(in_charge, {Role::applicant});
    made.wong = add_test_user(member, {Role::applicant});
    in_transaction(*store_, [&](Transaction& tx) {
      made.id = create_organisation(
          tx, {"荔枝窩村公所", "Lai Chi Wo Village Office", "non_profit_company", false}, made.chan,
          "董事 Director");
      add_member(tx, made.id, made.wong, "項目主任 Project officer", in_charge);
    });
    return made;
  }

  std::vector<AuditRecord> audit_log() {
    std::vector<AuditRecord> records;
    in_transaction(*store_, [&](Transaction& tx) { records = load_audit_log(tx); });
    return records;
  }

  Team organisation_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ApplicationTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

TEST(ApplicationReference, IsCcfsYearAndAFourDigitSequence) {
  EXPECT_EQ(format_reference(2026, 1), "CCFS-2026-0001");
  EXPECT_EQ(format_reference(2027, 42), "CCFS-2027-0042");
  EXPECT_EQ(format_reference(2026, 9999), "CCFS-2026-9999");
  EXPECT_EQ(format_reference(2026, 10000), "CCFS-2026-10000");  // still unique
}

TEST_P(ApplicationTest, ACreatedApplicationIsADraftAtRevisionOne) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.wong);
  const auto application = portal.find(id);
  EXPECT_EQ(application.organisation_id, organisation_.id);
  EXPECT_EQ(application.project_type, "management_agreement");
  EXPECT_EQ(application.title, "荔枝窩梯田復耕");
  EXPECT_EQ(application.state, ApplicationState::draft);
  EXPECT_EQ(application.revision, 1);
  EXPECT_EQ(application.document_json, R"({"title":"荔枝窩梯田復耕"})");
  EXPECT_EQ(application.created_by, organisation_.wong);
  EXPECT_EQ(application.created_at, application.updated_at);
  EXPECT_FALSE(application.reference);
  EXPECT_FALSE(application.submitted_at);
  EXPECT_FALSE(application.ruleset_version);

  const auto history = portal.history(id);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].revision, 1);
  EXPECT_EQ(history[0].part, "created");
  EXPECT_EQ(history[0].user_display_name, "Name of wong");

  std::vector<StoredApplication> listed;
  in_transaction(*store_,
                 [&](Transaction& tx) { listed = list_applications(tx, organisation_.id); });
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, id);
}

TEST_P(ApplicationTest, EachSaveIsARevisionShowingWhoChangedWhichPartAndWhen) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.chan);
  EXPECT_EQ(portal.save(id, 1, "budget", R"({"budget":[1]})", organisation_.wong), 2);
  EXPECT_EQ(portal.save(id, 2, "site", R"({"budget":[1],"site":"荔枝窩"})", organisation_.chan,
                        "荔枝窩梯田復耕計劃"),
            3);

  const auto application = portal.find(id);
  EXPECT_EQ(application.revision, 3);
  EXPECT_EQ(application.document_json, R"({"budget":[1],"site":"荔枝窩"})");
  EXPECT_EQ(application.title, "荔枝窩梯田復耕計劃");
  EXPECT_GE(application.updated_at, application.created_at);

  const auto history = portal.history(id);
  ASSERT_EQ(history.size(), 3u);
  std::vector<std::string> parts, people;
  for (const auto& line : history) {
    parts.push_back(line.part);
    people.push_back(line.user_display_name);
    EXPECT_EQ(line.saved_at.back(), 'Z');
  }
  EXPECT_THAT(parts, ElementsAre("created", "budget", "site"));
  EXPECT_THAT(people, ElementsAre("Name of chan", "Name of wong", "Name of chan"));
  EXPECT_EQ(history[1].user_id, organisation_.wong);

  in_transaction(*store_, [&](Transaction& tx) {
    const auto second = load_revision(tx, id, 2);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->document_json, R"({"budget":[1]})");
    EXPECT_EQ(second->summary.part, "budget");
    EXPECT_EQ(load_revision(tx, id, 1)->document_json, R"({"title":"荔枝窩梯田復耕"})");
    EXPECT_FALSE(load_revision(tx, id, 4));
  });
}

TEST_P(ApplicationTest, ASaveFromAStaleRevisionIsRefusedAndOverwritesNothing) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.chan);
  // Both opened revision 1; wong saves first.
  portal.save(id, 1, "budget", R"({"by":"wong"})", organisation_.wong);
  try {
    portal.save(id, 1, "budget", R"({"by":"chan"})", organisation_.chan);
    FAIL() << "a stale save overwrote another's work";
  } catch (const RevisionConflict& e) {
    EXPECT_EQ(e.expected_revision(), 1);
    EXPECT_EQ(e.current_revision(), 2);
    EXPECT_THAT(e.what(), HasSubstr("revision 2"));
  }
  EXPECT_EQ(portal.find(id).document_json, R"({"by":"wong"})");
  EXPECT_EQ(portal.history(id).size(), 2u);
  // A revision from the future is as stale as one from the past.
  EXPECT_THROW(portal.save(id, 7, "budget", "{}", organisation_.chan), RevisionConflict);
}

TEST_P(ApplicationTest, TwoSavesAtOnceFromTheSameRevisionNeverBothSucceed) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.chan);
  std::atomic<bool> first_saved{false};
  std::thread first([&] {
    auto tx = store_->begin();
    save_application(*tx, id, 1, "budget", R"({"by":"wong"})", "t", organisation_.wong);
    first_saved = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the second is waiting now
    tx->commit();
  });
  while (!first_saved) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // SQLite makes this wait at BEGIN, PostgreSQL at the row; either way it then sees revision 2.
  EXPECT_THROW(portal.save(id, 1, "budget", R"({"by":"chan"})", organisation_.chan),
               RevisionConflict);
  first.join();
  EXPECT_EQ(portal.find(id).document_json, R"({"by":"wong"})");
  EXPECT_EQ(portal.find(id).revision, 2);
}

TEST_P(ApplicationTest, SubmissionFreezesTheApplicationAndRecordsWhoWhenAndByWhichRules) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.wong);
  portal.save(id, 1, "budget", R"({"budget":[1]})", organisation_.wong);
  const auto reference = portal.submit(id, 2, organisation_.chan, day(2026, 3, 2));
  EXPECT_EQ(reference, "CCFS-2026-0001");

  const auto application = portal.find(id);
  EXPECT_EQ(application.state, ApplicationState::submitted);
  EXPECT_EQ(application.reference, "CCFS-2026-0001");
  EXPECT_EQ(application.submitted_by, organisation_.chan);
  EXPECT_EQ(application.submitted_on, "2026-03-02");
  ASSERT_TRUE(application.submitted_at);
  EXPECT_EQ(application.submitted_at->back(), 'Z');
  EXPECT_EQ(application.ruleset_version, "1.8");
  EXPECT_EQ(application.revision, 3);
  EXPECT_EQ(application.document_json, R"({"budget":[1]})");
  EXPECT_EQ(portal.history(id).back().part, "submitted");
  EXPECT_EQ(portal.history(id).back().user_display_name, "Name of chan");
}

TEST_P(ApplicationTest, ASubmittedApplicationCanNeitherBeSavedNorSubmittedAgain) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.chan);
  portal.submit(id, 1, organisation_.chan, day(2026, 3, 2));
  try {
    portal.save(id, 2, "budget", R"({"late":true})", organisation_.chan);
    FAIL() << "a submitted application was changed";
  } catch (const ApplicationFrozen& e) {
    EXPECT_THAT(e.what(), HasSubstr("CCFS-2026-0001"));
  }
  EXPECT_THROW(portal.submit(id, 2, organisation_.chan, day(2026, 3, 3)), ApplicationFrozen);
  // Even with the revision it had before submission, the answer is "frozen", not "conflict".
  EXPECT_THROW(portal.save(id, 1, "budget", "{}", organisation_.chan), ApplicationFrozen);
  EXPECT_EQ(portal.find(id).document_json, R"({"title":"荔枝窩梯田復耕"})");
  EXPECT_EQ(count_rows("application_reference_counters"), 1);
  EXPECT_EQ(count_rows("email_outbox"), 1);
}

TEST_P(ApplicationTest, ReferencesRunInSequenceWithinAYearAndRestartInTheNext) {
  Portal portal(*store_);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 4; ++i) ids.push_back(portal.create(organisation_.id, organisation_.chan));
  EXPECT_EQ(portal.submit(ids[0], 1, organisation_.chan, day(2026, 12, 30)), "CCFS-2026-0001");
  EXPECT_EQ(portal.submit(ids[1], 1, organisation_.chan, day(2026, 12, 31)), "CCFS-2026-0002");
  EXPECT_EQ(portal.submit(ids[2], 1, organisation_.chan, day(2027, 1, 1)), "CCFS-2027-0001");
  // A late entry for 2026 (a day's submission recorded after midnight) continues 2026's numbers.
  EXPECT_EQ(portal.submit(ids[3], 1, organisation_.chan, day(2026, 12, 31)), "CCFS-2026-0003");
}

TEST_P(ApplicationTest, ARolledBackSubmissionLeavesNoGapInTheNumbers) {
  Portal portal(*store_);
  const auto abandoned = portal.create(organisation_.id, organisation_.chan);
  const auto kept = portal.create(organisation_.id, organisation_.chan);
  {
    auto tx = store_->begin();
    EXPECT_EQ(submit_application(*tx, abandoned, 1, organisation_.chan, kRuleset, day(2026, 5, 1)),
              "CCFS-2026-0001");
  }  // not committed: rolled back
  EXPECT_EQ(portal.find(abandoned).state, ApplicationState::draft);
  EXPECT_EQ(portal.submit(kept, 1, organisation_.chan, day(2026, 5, 1)), "CCFS-2026-0001");
  EXPECT_EQ(count_rows("notifications"), 1);
  EXPECT_EQ(count_rows("email_outbox"), 1);
}

TEST_P(ApplicationTest, SubmissionsAtTheSameTimeGetDistinctNumbersWithoutGaps) {
  Portal portal(*store_);
  constexpr int kCount = 6;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < kCount; ++i)
    ids.push_back(portal.create(organisation_.id, organisation_.chan));
  std::vector<std::string> references(kCount);
  std::vector<std::thread> threads;
  for (int i = 0; i < kCount; ++i)
    threads.emplace_back([&, i] {
      references[i] = Portal(*store_).submit(ids[i], 1, organisation_.chan, day(2026, 6, 30));
    });
  for (auto& thread : threads) thread.join();
  const std::set<std::string> distinct(references.begin(), references.end());
  EXPECT_THAT(distinct, ElementsAre("CCFS-2026-0001", "CCFS-2026-0002", "CCFS-2026-0003",
                                    "CCFS-2026-0004", "CCFS-2026-0005", "CCFS-2026-0006"));
}

TEST_P(ApplicationTest, OnlyThePersonInChargeSubmits) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.wong);
  try {
    portal.submit(id, 1, organisation_.wong, day(2026, 3, 2));
    FAIL() << "a member who is not the person-in-charge submitted";
  } catch (const NotPersonInCharge& e) {
    EXPECT_THAT(e.what(), HasSubstr("§2.6.3"));
  }
  const auto outsider = add_test_user("outsider", {Role::applicant});
  EXPECT_THROW(portal.submit(id, 1, outsider, day(2026, 3, 2)), NotAMember);
  EXPECT_EQ(portal.find(id).state, ApplicationState::draft);
  EXPECT_EQ(count_rows("application_reference_counters"), 0);

  in_transaction(*store_, [&](Transaction& tx) {
    set_person_in_charge(tx, organisation_.id, organisation_.wong, "chan");
  });
  EXPECT_EQ(portal.submit(id, 1, organisation_.wong, day(2026, 3, 2)), "CCFS-2026-0001");
}

TEST_P(ApplicationTest, OnlyMembersCreateOrSave) {
  Portal portal(*store_);
  const auto other = make_organisation("cheung", "ho");
  const auto id = portal.create(organisation_.id, organisation_.chan);
  EXPECT_THROW(portal.create(organisation_.id, other.chan), NotAMember);
  EXPECT_THROW(portal.save(id, 1, "budget", "{}", other.wong), NotAMember);
  EXPECT_EQ(portal.find(id).revision, 1);
}

TEST_P(ApplicationTest, AStaleSubmissionIsRefusedBeforeANumberIsTaken) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.chan);
  portal.save(id, 1, "budget", R"({"budget":[2]})", organisation_.wong);
  // chan reviewed revision 1; wong changed it since: chan must see the change before submitting.
  EXPECT_THROW(portal.submit(id, 1, organisation_.chan, day(2026, 3, 2)), RevisionConflict);
  EXPECT_EQ(count_rows("application_reference_counters"), 0);
  EXPECT_EQ(portal.submit(id, 2, organisation_.chan, day(2026, 3, 2)), "CCFS-2026-0001");
}

TEST_P(ApplicationTest, ASubmitterWithoutAnEmailAddressIsToldToAddOne) {
  std::int64_t no_mail = 0, organisation = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    no_mail = add_user(tx, {"no.mail", "No Mail", "", "$argon2id$placeholder", {Role::applicant}},
                       "test");
    organisation = create_organisation(tx, {"無郵", "No Mail Ltd", "non_profit_company", false},
                                       no_mail, "董事");
  });
  Portal portal(*store_);
  const auto id = portal.create(organisation, no_mail);
  try {
    portal.submit(id, 1, no_mail, day(2026, 3, 2));
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("e-mail address"));
    EXPECT_THAT(e.what(), HasSubstr("§2.7.5"));
  }
  EXPECT_EQ(portal.find(id).state, ApplicationState::draft);
}

TEST_P(ApplicationTest, DocumentsThatAreNotJsonObjectsAndMalformedKeysAreRefused) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.chan);
  EXPECT_THROW(portal.save(id, 1, "budget", "{not json", organisation_.chan), StoreError);
  EXPECT_THROW(portal.save(id, 1, "budget", "[1,2]", organisation_.chan), StoreError);
  EXPECT_THROW(portal.save(id, 1, "Budget page", "{}", organisation_.chan), StoreError);
  EXPECT_THROW(portal.create(organisation_.id, organisation_.chan, "null"), StoreError);
  EXPECT_THROW(portal.save(id + 100, 1, "budget", "{}", organisation_.chan), StoreError);
}

TEST_P(ApplicationTest, TheDatabaseRefusesASubmittedStateWithoutItsReference) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.chan);
  EXPECT_THROW(
      execute_sql("UPDATE applications SET state = 'submitted' WHERE id = " + std::to_string(id)),
      StoreError);
}

TEST_P(ApplicationTest, SubmissionNotifiesTheOrganisationAndQueuesTheAcknowledgement) {
  Portal portal(*store_);
  const auto id = portal.create(organisation_.id, organisation_.wong);
  portal.submit(id, 1, organisation_.chan, day(2026, 3, 2));
  in_transaction(*store_, [&](Transaction& tx) {
    const auto notifications = list_organisation_notifications(tx, organisation_.id);
    ASSERT_EQ(notifications.size(), 1u);
    const auto& notice = notifications[0];
    EXPECT_EQ(notice.kind, "application_submitted");
    EXPECT_FALSE(notice.user_id);  // for every member
    EXPECT_THAT(notice.subject_zh, HasSubstr("CCFS-2026-0001"));
    EXPECT_THAT(notice.subject_en, HasSubstr("CCFS-2026-0001"));
    EXPECT_THAT(notice.body_zh, HasSubstr("2026年3月2日"));
    EXPECT_THAT(notice.body_zh, HasSubstr("荔枝窩梯田復耕"));
    EXPECT_THAT(notice.body_en, HasSubstr("2026-03-02"));
    EXPECT_THAT(notice.body_en, HasSubstr("CCFS-2026-0001"));
    EXPECT_FALSE(notice.read_at);

    const auto outbox = list_outbox(tx);
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0].to_address, "chan@example.org");  // the submitter (§2.7.5)
    EXPECT_THAT(outbox[0].subject, HasSubstr("CCFS-2026-0001"));
    EXPECT_THAT(outbox[0].body, HasSubstr("CCFS-2026-0001"));
    EXPECT_THAT(outbox[0].body, HasSubstr("§2.6.4"));
    EXPECT_FALSE(outbox[0].sent_at);
  });
}

TEST_P(ApplicationTest, EveryWriteIsAuditedAndTheChainStillVerifies) {
  Portal portal(*store_);
  const auto before = audit_log().size();
  const auto id = portal.create(organisation_.id, organisation_.wong);
  portal.save(id, 1, "budget", R"({"budget":[3]})", organisation_.wong);
  portal.submit(id, 2, organisation_.chan, day(2026, 3, 2));

  const auto records = audit_log();
  ASSERT_EQ(records.size(), before + 6);
  std::vector<std::string> what;
  for (auto i = before; i < records.size(); ++i)
    what.push_back(records[i].actor + " " + records[i].entity + " " + records[i].action);
  EXPECT_THAT(what, ElementsAre("wong application create", "wong application save",
                                "chan application submit", "chan assessment create",
                                "chan notification create", "chan email queue"));
  const auto& save = records[before + 1];
  EXPECT_EQ(save.entity_id, std::to_string(id));
  EXPECT_EQ(save.before_json, R"({"revision":1})");
  EXPECT_THAT(save.after_json, HasSubstr("\"part\":\"budget\""));
  EXPECT_THAT(save.after_json, HasSubstr(sha256_hex(R"({"budget":[3]})")));
  EXPECT_THAT(records[before + 2].after_json, HasSubstr("\"reference\":\"CCFS-2026-0001\""));
  EXPECT_THAT(records[before + 2].after_json, HasSubstr("\"ruleset_version\":\"1.8\""));
  in_transaction(*store_, [&](Transaction& tx) {
    const auto verification = verify_audit_log(tx);
    EXPECT_TRUE(verification.ok());
    EXPECT_EQ(verification.records_checked, static_cast<std::int64_t>(records.size()));
  });
}

}  // namespace
}  // namespace bsap::store::testing
