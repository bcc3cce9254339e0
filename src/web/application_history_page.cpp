// GET /LANG/portal/applications/{id}/history: every saved revision: which part, who, when
// (several members work on one application; this is how they see who changed what).
#include "store/application_repo.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/portal_access.h"

namespace bsap::web {

Response application_history_page(RequestContext& ctx) {
  auto tx = ctx.web().store.begin();
  auto opened = open_application(ctx, *tx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const store::StoredApplication& application = std::get<OpenedApplication>(opened).application;
  PageData rows{PageData::type::list};
  for (const store::RevisionSummary& revision : store::list_revisions(*tx, application.id)) {
    PageData row;
    row.set("revision", std::to_string(revision.revision));
    const std::string part_key = "app_part_" + revision.part;
    row.set("part", ctx.web().messages.has(part_key) ? ctx.text(part_key) : revision.part);
    row.set("who", revision.user_display_name);
    row.set("when", revision.saved_at);
    rows.push_back(row);
  }
  tx.reset();
  PageData data;
  data.set("revisions", rows);
  data.set("application_title", application.title);
  data.set("tasks_href", ctx.link("/portal/applications/" + std::to_string(application.id)));
  return render_page(ctx, "application_history", "app_history_title", std::move(data));
}

}  // namespace bsap::web
