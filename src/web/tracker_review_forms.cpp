// The working group's secretariat's steps on a report (000_e0ccae9882b7fb64.txt 5.1: the
// secretariat reviews what the departments report and publishes it):
// POST /LANG/tracker/items/{item}/{year}/review: submitted → reviewed.
// POST /LANG/tracker/items/{item}/{year}/return: submitted or reviewed → draft, with a note
//      (required) saying what the department should change.
// POST /LANG/tracker/items/{item}/{year}/publish: reviewed → published; the public pages show it.
// Each answers 303 back to the item page, or the page (422) with what refused it.
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

using Step = void (*)(store::Transaction&, std::int64_t, const track::TrackerActor&);

struct ReportRoute {
  std::string item_id;
  int year = 0;
  std::int64_t report_id = 0;
};

std::optional<ReportRoute> report_route(RequestContext& ctx) {
  const auto year = tracker_plan_year(ctx.path_parameter("year"));
  std::string item_id = ctx.path_parameter("item");
  if (!year || !plan::find_item(ctx.web().domain.plan.plan, item_id)) return std::nullopt;
  auto tx = ctx.web().store.begin();
  const auto report = store::find_progress_of(*tx, item_id, *year);
  if (!report) return std::nullopt;
  return ReportRoute{std::move(item_id), *year, report->id};
}

Response refused(RequestContext& ctx, const ReportRoute& route, FieldError error,
                 std::string note = "") {
  ItemPageState state;
  state.errors.push_back(std::move(error));
  state.return_note = std::move(note);
  return tracker_item_view(ctx, route.item_id, route.year, state, 422);
}

Response take_step(RequestContext& ctx, Step step, std::string_view done) {
  const auto route = report_route(ctx);
  if (!route) return error_page(ctx, ErrorPage::not_found);
  const track::TrackerActor actor = tracker_actor(ctx);
  if (auto refusal =
          run_tracker_step(ctx, [&](store::Transaction& tx) { step(tx, route->report_id, actor); }))
    return refused(ctx, *route, {"secretariat-steps", *refusal});
  return redirect_see_other(tracker_item_link(ctx, route->item_id, route->year) +
                            "?done=" + std::string(done));
}

}  // namespace

Response tracker_item_review(RequestContext& ctx) {
  return take_step(ctx, &track::review_progress, "reviewed");
}

Response tracker_item_publish(RequestContext& ctx) {
  return take_step(ctx, &track::publish_progress, "published");
}

Response tracker_item_return(RequestContext& ctx) {
  const auto route = report_route(ctx);
  if (!route) return error_page(ctx, ErrorPage::not_found);
  const std::string note = trim_text(ctx.form().get("return_note"));
  if (note.empty())
    return refused(ctx, *route, {"return_note", ctx.text("tracker_error_return_note")});
  const track::TrackerActor actor = tracker_actor(ctx);
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        track::return_progress(tx, route->report_id, note, actor);
      }))
    return refused(ctx, *route, {"return_note", *refusal}, note);
  return redirect_see_other(tracker_item_link(ctx, route->item_id, route->year) + "?done=returned");
}

}  // namespace bsap::web
