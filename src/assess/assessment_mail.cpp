#include "assess/assessment_mail.h"

#include "store/notification_repo.h"
#include "store/organisation_repo.h"
#include "store/user_repo.h"

namespace bsap::assess {
namespace {

constexpr std::string_view kActor = "system";

store::NewNotification notification_of(const ccfs::Notice& notice) {
  store::NewNotification notification;
  notification.kind = notice.kind;
  notification.subject_zh = notice.subject_zh;
  notification.subject_en = notice.subject_en;
  notification.body_zh = notice.body_zh;
  notification.body_en = notice.body_en;
  return notification;
}

// users.language holds "zh-Hant", "en" or "zh-Hans" (user_repo.h).
Lang language_of(const store::User& user) {
  if (user.language == "en") return Lang::en;
  if (user.language == "zh-Hans") return Lang::zh_hans;
  return Lang::zh_hant;
}

void queue_for(store::Transaction& tx, const store::User& user, const ccfs::Notice& notice) {
  if (user.email.empty() || user.disabled) return;
  const Lang lang = language_of(user);
  store::queue_email(tx, user.email, notice.subject(lang), notice.body(lang), kActor);
}

}  // namespace

void notify_organisation(store::Transaction& tx, std::int64_t organisation_id,
                         const ccfs::Notice& notice) {
  store::NewNotification notification = notification_of(notice);
  notification.organisation_id = organisation_id;
  store::add_notification(tx, notification, kActor);
  for (const store::Member& member : store::list_members(tx, organisation_id))
    if (auto user = store::find_user(tx, member.user_id)) queue_for(tx, *user, notice);
}

void notify_user(store::Transaction& tx, std::int64_t user_id, const ccfs::Notice& notice) {
  store::NewNotification notification = notification_of(notice);
  notification.user_id = user_id;
  store::add_notification(tx, notification, kActor);
  if (auto user = store::find_user(tx, user_id)) queue_for(tx, *user, notice);
}

}  // namespace bsap::assess
