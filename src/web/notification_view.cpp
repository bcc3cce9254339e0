#include "web/notification_view.h"

#include "store/notification_repo.h"

namespace bsap::web {

PageData notification_rows(RequestContext& ctx, store::Transaction& tx, std::int64_t user_id) {
  PageData rows{PageData::type::list};
  for (const store::Notification& note : store::list_user_notifications(tx, user_id)) {
    PageData row;
    row.set("subject", ctx.data_text(note.subject_zh, note.subject_en));
    row.set("body", ctx.data_text(note.body_zh, note.body_en));
    row.set("created_at", note.created_at);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace bsap::web
