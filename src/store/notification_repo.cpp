#include "store/notification_repo.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/user_repo.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

template <typename... Uses>
std::vector<Notification> select_notifications(Transaction& tx, const std::string& condition,
                                               Uses... uses) {
  Notification row;
  std::int64_t organisation_id = 0, user_id = 0;
  std::string read_at;
  soci::indicator organisation_present = soci::i_null, user_present = soci::i_null,
                  read_present = soci::i_null;
  const std::string query =
      "SELECT id, organisation_id, user_id, kind, subject_zh, subject_en, body_zh, body_en, "
      "created_at, read_at FROM notifications " +
      condition + " ORDER BY id DESC";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id),
       soci::into(organisation_id, organisation_present), soci::into(user_id, user_present),
       soci::into(row.kind), soci::into(row.subject_zh), soci::into(row.subject_en),
       soci::into(row.body_zh), soci::into(row.body_en), soci::into(row.created_at),
       soci::into(read_at, read_present));
  select.execute();
  std::vector<Notification> notifications;
  while (select.fetch()) {
    row.organisation_id =
        organisation_present == soci::i_ok ? std::optional(organisation_id) : std::nullopt;
    row.user_id = user_present == soci::i_ok ? std::optional(user_id) : std::nullopt;
    row.read_at = read_present == soci::i_ok ? std::optional(read_at) : std::nullopt;
    notifications.push_back(row);
  }
  return notifications;
}

template <typename... Uses>
std::vector<OutboxEmail> select_outbox(Transaction& tx, const std::string& condition,
                                       Uses... uses) {
  OutboxEmail row;
  std::string sent_at;
  soci::indicator sent_present = soci::i_null;
  const std::string query =
      "SELECT id, to_address, subject, body, created_at, sent_at FROM email_outbox " + condition +
      " ORDER BY id";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id), soci::into(row.to_address),
       soci::into(row.subject), soci::into(row.body), soci::into(row.created_at),
       soci::into(sent_at, sent_present));
  select.execute();
  std::vector<OutboxEmail> emails;
  while (select.fetch()) {
    row.sent_at = sent_present == soci::i_ok ? std::optional(sent_at) : std::nullopt;
    emails.push_back(row);
  }
  return emails;
}

// The notification if the user may see it: addressed to them, or to their whole organisation.
std::optional<Notification> visible_notification(Transaction& tx, std::int64_t id,
                                                 std::int64_t user_id) {
  auto found = select_notifications(
      tx,
      "WHERE id = :id AND (user_id = :user_id OR (user_id IS NULL AND organisation_id IN "
      "(SELECT organisation_id FROM organisation_members WHERE user_id = :member_id)))",
      soci::use(id), soci::use(user_id), soci::use(user_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::string username_of(Transaction& tx, std::int64_t user_id) {
  auto user = find_user(tx, user_id);
  if (!user) throw StoreError("no user with id " + std::to_string(user_id));
  return user->username;
}

}  // namespace

std::int64_t add_notification(Transaction& tx, const NewNotification& notification,
                              std::string_view actor) {
  if (!notification.organisation_id && !notification.user_id)
    throw StoreError("a notification must be addressed to an organisation or a user; \"" +
                     notification.subject_en + "\" names neither");
  const std::string created_at = utc_timestamp();
  const std::int64_t organisation_id = notification.organisation_id.value_or(0);
  const std::int64_t user_id = notification.user_id.value_or(0);
  soci::indicator organisation_present = notification.organisation_id ? soci::i_ok : soci::i_null;
  soci::indicator user_present = notification.user_id ? soci::i_ok : soci::i_null;
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO notifications (organisation_id, user_id, kind, subject_zh, "
              "subject_en, body_zh, body_en, created_at) VALUES (:organisation_id, :user_id, "
              ":kind, :subject_zh, :subject_en, :body_zh, :body_en, :created_at) RETURNING id",
      soci::use(organisation_id, organisation_present), soci::use(user_id, user_present),
      soci::use(notification.kind), soci::use(notification.subject_zh),
      soci::use(notification.subject_en), soci::use(notification.body_zh),
      soci::use(notification.body_en), soci::use(created_at), soci::into(id);
  const json after = {
      {"organisation_id", notification.organisation_id ? json(organisation_id) : json(nullptr)},
      {"user_id", notification.user_id ? json(user_id) : json(nullptr)},
      {"kind", notification.kind},
      {"subject_en", notification.subject_en}};
  append_audit(
      tx, {std::string(actor), "notification", std::to_string(id), "create", "null", after.dump()});
  return id;
}

std::vector<Notification> list_organisation_notifications(Transaction& tx,
                                                          std::int64_t organisation_id) {
  return select_notifications(tx, "WHERE organisation_id = :organisation_id",
                              soci::use(organisation_id));
}

std::vector<Notification> list_user_notifications(Transaction& tx, std::int64_t user_id) {
  return select_notifications(
      tx,
      "WHERE user_id = :user_id OR (user_id IS NULL AND organisation_id IN "
      "(SELECT organisation_id FROM organisation_members WHERE user_id = :member_id))",
      soci::use(user_id), soci::use(user_id));
}

void mark_read(Transaction& tx, std::int64_t notification_id, std::int64_t user_id) {
  const auto notification = visible_notification(tx, notification_id, user_id);
  if (!notification)
    throw StoreError("notification " + std::to_string(notification_id) +
                     " is not addressed to user " + std::to_string(user_id) +
                     " or their organisation");
  if (notification->read_at) return;  // read already: the first reading is the one kept
  const std::string read_at = utc_timestamp();
  tx.sql() << "UPDATE notifications SET read_at = :read_at WHERE id = :id AND read_at IS NULL",
      soci::use(read_at), soci::use(notification_id);
  append_audit(tx, {username_of(tx, user_id), "notification", std::to_string(notification_id),
                    "read", R"({"read_at":null})", json({{"read_at", read_at}}).dump()});
}

std::int64_t queue_email(Transaction& tx, std::string_view to_address, std::string_view subject,
                         std::string_view body, std::string_view actor) {
  const std::string to(to_address), subject_text(subject), body_text(body);
  if (to.empty() || to.find('@') == std::string::npos)
    throw StoreError("cannot queue an e-mail to \"" + to + "\": it is not an e-mail address");
  const std::string created_at = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO email_outbox (to_address, subject, body, created_at) "
              "VALUES (:to_address, :subject, :body, :created_at) RETURNING id",
      soci::use(to), soci::use(subject_text), soci::use(body_text), soci::use(created_at),
      soci::into(id);
  // The body stays out of the audit record: the outbox keeps it, and the record says enough.
  append_audit(tx, {std::string(actor), "email", std::to_string(id), "queue", "null",
                    json({{"to", to}, {"subject", subject_text}}).dump()});
  return id;
}

std::vector<OutboxEmail> list_outbox(Transaction& tx) { return select_outbox(tx, ""); }

std::vector<OutboxEmail> list_unsent_email(Transaction& tx) {
  return select_outbox(tx, "WHERE sent_at IS NULL");
}

void mark_email_sent(Transaction& tx, std::int64_t id, std::string_view actor) {
  const std::string sent_at = utc_timestamp();
  soci::statement update = (tx.sql().prepare << "UPDATE email_outbox SET sent_at = :sent_at "
                                                "WHERE id = :id AND sent_at IS NULL",
                            soci::use(sent_at), soci::use(id));
  update.execute(true);
  if (update.get_affected_rows() == 0)
    throw StoreError("e-mail " + std::to_string(id) + " is not in the outbox or was sent already");
  append_audit(tx, {std::string(actor), "email", std::to_string(id), "sent", R"({"sent_at":null})",
                    json({{"sent_at", sent_at}}).dump()});
}

}  // namespace bsap::store
