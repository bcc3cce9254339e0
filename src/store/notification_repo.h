// Notifications shown in the portal and e-mails waiting to be sent. Both are written in the
// transaction of the event they report (a submission, later a request for information), so a
// rolled-back event leaves neither; both are audited. The acknowledgement of an application
// (guidelines §2.7.5) is one of each; see submit_application in application_repo.h.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace bsap::store {

// Addressed to an organisation (every member), to one user of it, or to one user who has no
// organisation (a panel member): organisation_id, user_id, or both.
struct NewNotification {
  std::optional<std::int64_t> organisation_id;
  std::optional<std::int64_t> user_id;  // nullopt: for every member of the organisation
  std::string kind;                     // "application_submitted", ...
  std::string subject_zh;
  std::string subject_en;
  std::string body_zh;
  std::string body_en;
};

struct Notification {
  std::int64_t id = 0;
  std::optional<std::int64_t> organisation_id;
  std::optional<std::int64_t> user_id;
  std::string kind;
  std::string subject_zh;
  std::string subject_en;
  std::string body_zh;
  std::string body_en;
  std::string created_at;              // UTC ISO 8601
  std::optional<std::string> read_at;  // nullopt while unread
};

struct OutboxEmail {
  std::int64_t id = 0;
  std::string to_address;
  std::string subject;
  std::string body;
  std::string created_at;              // UTC ISO 8601
  std::optional<std::string> sent_at;  // nullopt until the mailer has sent it
};

// Throws StoreError when the notification names neither an organisation nor a user.
std::int64_t add_notification(Transaction& tx, const NewNotification& notification,
                              std::string_view actor);
// All of the organisation's notifications, newest first.
std::vector<Notification> list_organisation_notifications(Transaction& tx,
                                                          std::int64_t organisation_id);
// What a user sees: those addressed to them (with or without an organisation) and those for their
// whole organisation, newest first.
std::vector<Notification> list_user_notifications(Transaction& tx, std::int64_t user_id);
// Marks the notification read, once (a second call keeps the first time). A notification for the
// whole organisation is read for all its members once one has read it. Throws StoreError if the
// notification is neither the user's nor their organisation's.
void mark_read(Transaction& tx, std::int64_t notification_id, std::int64_t user_id);

// Queues an e-mail; whatever delivers mail sends it later and calls mark_email_sent.
std::int64_t queue_email(Transaction& tx, std::string_view to_address, std::string_view subject,
                         std::string_view body, std::string_view actor);
// Every queued e-mail, oldest first, sent or not.
std::vector<OutboxEmail> list_outbox(Transaction& tx);
// Those not yet sent, oldest first.
std::vector<OutboxEmail> list_unsent_email(Transaction& tx);
void mark_email_sent(Transaction& tx, std::int64_t id, std::string_view actor);

}  // namespace bsap::store
