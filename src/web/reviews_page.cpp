// GET /LANG/reviews: the panel or committee member's work list: every application the secretariat
//     assigned them to, with its declaration (§5.17.3) and where it stands, and the member's
//     notifications (assignments, applications reaching their body).
#include "web/assessment_view.h"
#include "web/notification_view.h"
#include "web/pages.h"
#include "web/review_view.h"

namespace bsap::web {
namespace {

std::string declaration_text(const RequestContext& ctx, const store::Assignment& assignment) {
  if (assignment.declaration.empty()) return ctx.text("review_declaration_none");
  return ctx.text("review_declaration_" + assignment.declaration);
}

// An undeclared member is sent to the declaration form; a conflicted one gets no link (§5.17.3).
void add_link(const RequestContext& ctx, const store::Assignment& assignment, PageData& row) {
  const std::string base = review_link(ctx, assignment.application_id);
  if (assignment.declaration.empty()) {
    row.set("href", base + "/declaration");
    row.set("link_text", ctx.text("review_link_declare"));
  } else if (assignment.may_see()) {
    row.set("href", base);
    row.set("link_text", ctx.text("review_link_open"));
  }
}

PageData assignment_rows(RequestContext& ctx, store::Transaction& tx, std::int64_t user_id) {
  PageData rows{PageData::type::list};
  for (const store::Assignment& assignment : store::list_member_assignments(tx, user_id)) {
    const auto assessment = store::find_assessment(tx, assignment.application_id);
    if (!assessment) continue;
    PageData row;
    row.set("reference", assessment->reference);
    row.set("organisation", organisation_name(ctx, *assessment));
    row.set("title", assessment->title);
    row.set("body", body_name(ctx, assignment.body));
    row.set("declaration", declaration_text(ctx, assignment));
    row.set("conflict", assignment.declaration == "conflict");
    row.set("state", state_text(ctx, assessment->state));
    add_link(ctx, assignment, row);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Response reviews_page(RequestContext& ctx) {
  const std::int64_t user_id = ctx.user()->id;
  PageData data;
  {
    auto tx = ctx.web().store.begin();
    PageData assignments = assignment_rows(ctx, *tx, user_id);
    data.set("has_assignments", !assignments.is_empty_list());
    data.set("assignments", std::move(assignments));
    PageData notifications = notification_rows(ctx, *tx, user_id);
    data.set("has_notifications", !notifications.is_empty_list());
    data.set("notifications", std::move(notifications));
  }
  if (ctx.query().get("done") == "conflict")
    data.set("done_message", ctx.text("review_done_conflict"));
  return render_page(ctx, "reviews", "review_list_title", std::move(data));
}

}  // namespace bsap::web
