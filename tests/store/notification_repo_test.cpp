// store/notification_repo.h: notifications for an organisation or one user, read once; the
// e-mail outbox.
#include "store/notification_repo.h"

#include <gmock/gmock.h>

#include "store/audit_repo.h"
#include "store/organisation_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

NewNotification notice(std::int64_t organisation, std::optional<std::int64_t> user,
                       const std::string& subject) {
  return {organisation,     user, "test_notice", subject + "（中）", subject, "內容 " + subject,
          "Body " + subject};
}

std::vector<std::string> subjects(const std::vector<Notification>& notifications) {
  std::vector<std::string> out;
  for (const auto& notification : notifications) out.push_back(notification.subject_en);
  return out;
}

class NotificationTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    chan_ = add_test_user("chan", {Role::applicant});
    wong_ = add_test_user("wong", {Role::applicant});
    lee_ = add_test_user("lee", {Role::applicant});
    in_transaction(*store_, [&](Transaction& tx) {
      mine_ = create_organisation(tx, {"甲", "A", "non_profit_company", false}, chan_, "董事");
      add_member(tx, mine_, wong_, "", "chan");
      theirs_ = create_organisation(tx, {"乙", "B", "non_profit_company", false}, lee_, "董事");
    });
  }

  std::int64_t add(const NewNotification& notification) {
    std::int64_t id = 0;
    in_transaction(*store_,
                   [&](Transaction& tx) { id = add_notification(tx, notification, "system"); });
    return id;
  }

  std::int64_t chan_ = 0, wong_ = 0, lee_ = 0, mine_ = 0, theirs_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, NotificationTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

TEST_P(NotificationTest, AnOrganisationSeesAllItsNotificationsNewestFirst) {
  add(notice(mine_, std::nullopt, "first"));
  add(notice(mine_, wong_, "for wong"));
  add(notice(theirs_, std::nullopt, "theirs"));
  add(notice(mine_, std::nullopt, "third"));
  in_transaction(*store_, [&](Transaction& tx) {
    const auto listed = list_organisation_notifications(tx, mine_);
    EXPECT_THAT(subjects(listed), ElementsAre("third", "for wong", "first"));
    EXPECT_EQ(listed[0].subject_zh, "third（中）");
    EXPECT_EQ(listed[0].body_zh, "內容 third");
    EXPECT_EQ(listed[0].body_en, "Body third");
    EXPECT_EQ(listed[0].kind, "test_notice");
    EXPECT_EQ(listed[0].created_at.back(), 'Z');
    EXPECT_FALSE(listed[0].user_id);
    EXPECT_EQ(listed[1].user_id, wong_);
  });
}

TEST_P(NotificationTest, AUserSeesTheirOwnAndTheirOrganisationsButNoOneElses) {
  add(notice(mine_, std::nullopt, "everyone"));
  add(notice(mine_, wong_, "for wong"));
  add(notice(mine_, chan_, "for chan"));
  add(notice(theirs_, std::nullopt, "theirs"));
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_THAT(subjects(list_user_notifications(tx, wong_)), ElementsAre("for wong", "everyone"));
    EXPECT_THAT(subjects(list_user_notifications(tx, chan_)), ElementsAre("for chan", "everyone"));
    EXPECT_THAT(subjects(list_user_notifications(tx, lee_)), ElementsAre("theirs"));
  });
}

TEST_P(NotificationTest, MarkingReadKeepsTheFirstReadingAndIsAudited) {
  const auto id = add(notice(mine_, std::nullopt, "everyone"));
  in_transaction(*store_, [&](Transaction& tx) { mark_read(tx, id, wong_); });
  std::string first_read;
  in_transaction(*store_, [&](Transaction& tx) {
    const auto listed = list_user_notifications(tx, chan_);
    ASSERT_TRUE(listed[0].read_at);  // read for the whole organisation once one member read it
    first_read = *listed[0].read_at;
  });
  in_transaction(*store_, [&](Transaction& tx) { mark_read(tx, id, chan_); });
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(*list_organisation_notifications(tx, mine_)[0].read_at, first_read);
    const auto records = load_audit_log(tx);
    EXPECT_EQ(records.back().entity, "notification");
    EXPECT_EQ(records.back().action, "read");
    EXPECT_EQ(records.back().actor, "wong");
    EXPECT_TRUE(verify_audit_log(tx).ok());
  });
}

TEST_P(NotificationTest, NoOneMarksAnotherOrganisationsOrUsersNotificationRead) {
  const auto theirs = add(notice(theirs_, std::nullopt, "theirs"));
  const auto for_wong = add(notice(mine_, wong_, "for wong"));
  EXPECT_THROW(in_transaction(*store_, [&](Transaction& tx) { mark_read(tx, theirs, chan_); }),
               StoreError);
  EXPECT_THROW(in_transaction(*store_, [&](Transaction& tx) { mark_read(tx, for_wong, chan_); }),
               StoreError);
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { mark_read(tx, for_wong + 100, wong_); }),
      StoreError);
  in_transaction(*store_, [&](Transaction& tx) {
    for (const auto& notification : list_organisation_notifications(tx, mine_))
      EXPECT_FALSE(notification.read_at);
  });
}

TEST_P(NotificationTest, TheOutboxKeepsEmailsUntilSent) {
  std::int64_t first = 0, second = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    first = queue_email(tx, "chan@example.org", "認收 Acknowledgement", "內容\nBody", "chan");
    second = queue_email(tx, "wong@example.org", "Second", "Body 2", "system");
  });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto outbox = list_outbox(tx);
    ASSERT_EQ(outbox.size(), 2u);
    EXPECT_EQ(outbox[0].id, first);
    EXPECT_EQ(outbox[0].to_address, "chan@example.org");
    EXPECT_EQ(outbox[0].subject, "認收 Acknowledgement");
    EXPECT_EQ(outbox[0].body, "內容\nBody");
    EXPECT_EQ(outbox[0].created_at.back(), 'Z');
    EXPECT_FALSE(outbox[0].sent_at);
    mark_email_sent(tx, first, "mailer");
  });
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_TRUE(list_outbox(tx)[0].sent_at);
    const auto unsent = list_unsent_email(tx);
    ASSERT_EQ(unsent.size(), 1u);
    EXPECT_EQ(unsent[0].id, second);
  });
  // Sending twice would mean two e-mails: the second marking is refused.
  EXPECT_THROW(in_transaction(*store_, [&](Transaction& tx) { mark_email_sent(tx, first, "m"); }),
               StoreError);
}

TEST_P(NotificationTest, AnEmailNeedsAnAddress) {
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { queue_email(tx, "", "s", "b", "system"); }),
      StoreError);
  EXPECT_EQ(count_rows("email_outbox"), 0);
}

TEST_P(NotificationTest, NotificationsAndEmailsAreAuditedAndTheChainVerifies) {
  const auto id = add(notice(mine_, std::nullopt, "everyone"));
  std::int64_t email = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    email = queue_email(tx, "chan@example.org", "Subject", "secret body", "chan");
    mark_email_sent(tx, email, "mailer");
  });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto records = load_audit_log(tx);
    ASSERT_GE(records.size(), 3u);
    const auto& created = records[records.size() - 3];
    EXPECT_EQ(created.entity, "notification");
    EXPECT_EQ(created.entity_id, std::to_string(id));
    EXPECT_EQ(created.action, "create");
    EXPECT_EQ(created.actor, "system");
    const auto& queued = records[records.size() - 2];
    EXPECT_EQ(queued.entity, "email");
    EXPECT_EQ(queued.action, "queue");
    EXPECT_THAT(queued.after_json, HasSubstr("chan@example.org"));
    EXPECT_THAT(queued.after_json, ::testing::Not(HasSubstr("secret body")));
    EXPECT_EQ(records.back().action, "sent");
    EXPECT_EQ(records.back().actor, "mailer");
    EXPECT_TRUE(verify_audit_log(tx).ok());
  });
}

TEST_P(NotificationTest, AUserWithoutAnOrganisationGetsWhatIsAddressedToThem) {
  const auto member = add_test_user("lam", {Role::assessment_panel});  // a panel member
  const auto id =
      add({std::nullopt, member, "panel_assignment", "委派（中）", "Assigned", "內容", "Body"});
  add(notice(mine_, std::nullopt, "for the organisation"));
  in_transaction(*store_, [&](Transaction& tx) {
    const auto listed = list_user_notifications(tx, member);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].id, id);
    EXPECT_FALSE(listed[0].organisation_id);
    EXPECT_EQ(listed[0].user_id, member);
    EXPECT_THAT(subjects(list_user_notifications(tx, chan_)), ElementsAre("for the organisation"));
    EXPECT_EQ(list_organisation_notifications(tx, mine_).size(), 1u);
    mark_read(tx, id, member);
    EXPECT_THROW(mark_read(tx, id, chan_), StoreError);
  });
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_TRUE(list_user_notifications(tx, member)[0].read_at);
    std::string created;
    for (const auto& record : load_audit_log(tx))
      if (record.entity == "notification" && record.entity_id == std::to_string(id) &&
          record.action == "create")
        created = record.after_json;
    EXPECT_THAT(created, HasSubstr(R"("organisation_id":null)"));
  });
}

TEST_P(NotificationTest, ANotificationToNoOneIsRefused) {
  EXPECT_THROW(add({std::nullopt, std::nullopt, "test_notice", "無人", "No one", "", ""}),
               StoreError);
  // The database holds to it too.
  EXPECT_THROW(execute_sql("INSERT INTO notifications (kind, subject_zh, subject_en, body_zh, "
                           "body_en, created_at) VALUES ('k', 's', 's', 'b', 'b', "
                           "'2026-01-01T00:00:00.000Z')"),
               StoreError);
  EXPECT_EQ(count_rows("notifications"), 0);
}

}  // namespace
}  // namespace bsap::store::testing
