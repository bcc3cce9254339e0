// GET /LANG/observations/events/{id}: one volunteer event (issue 11; 000 優先行動 2.2 item 1): its
// day, time, place and places left for everyone; for a volunteer, their sign-up and the button
// to sign up or cancel; for its organiser, who signed up and the attendance form.
// POST .../sign-up and .../cancel-sign-up: a volunteer (volunteer/sign_up.h decides);
// POST .../attendance: the organiser records who came and the hours each served;
// POST .../cancel: the organiser cancels the event.
#include <set>

#include "store/notification_repo.h"
#include "store/volunteer_repo.h"
#include "web/error_pages.h"
#include "web/observation_view.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/volunteer_pages.h"
#include "web/volunteer_view.h"

namespace bsap::web {
namespace {

using volunteer::SignUpState;

// The routed event and its programme, when the visitor may see them.
struct RoutedEvent {
  store::StoredEvent event;
  store::StoredProgramme programme;
};
std::optional<RoutedEvent> routed_event(RequestContext& ctx, store::Transaction& tx,
                                        const VolunteerVisitor& visitor) {
  auto id = parse_positive_id(ctx.path_parameter("id"));
  if (!id) return std::nullopt;
  auto event = store::find_event(tx, *id);
  if (!event) return std::nullopt;
  auto programme = store::find_programme(tx, event->programme_id);
  if (!programme || !may_see_programme(visitor, *programme)) return std::nullopt;
  return RoutedEvent{std::move(*event), std::move(*programme)};
}

volunteer::EventPlaces places_of(const RoutedEvent& routed) {
  return {routed.event.details.held_on, routed.event.details.places, routed.event.confirmed,
          routed.event.cancelled, routed.programme.state == volunteer::ProgrammeState::published};
}

std::string sign_up_state_name(const RequestContext& ctx, SignUpState state) {
  return ctx.text("volunteer_sign_up_" + std::string(volunteer::sign_up_state_code(state)));
}

// The volunteer's own sign-up and what they may do about it.
void set_volunteer_part(RequestContext& ctx, store::Transaction& tx, const RoutedEvent& routed,
                        const VolunteerVisitor& visitor, PageData& data) {
  const auto mine = store::find_sign_up(tx, routed.event.id, visitor.user_id);
  const auto existing = mine ? std::optional(mine->state) : std::nullopt;
  if (existing && *existing != SignUpState::cancelled) {
    data.set("my_state", sign_up_state_name(ctx, *existing));
    if (mine->minutes_served && *mine->minutes_served > 0)
      data.set("my_hours", volunteer::format_hours(*mine->minutes_served));
    if (!volunteer::attendance_open(routed.event.details.held_on, volunteer_today()))
      data.set("cancel_sign_up_action", event_link(ctx, routed.event.id, "/cancel-sign-up"));
    return;
  }
  const auto decision = volunteer::decide_sign_up(places_of(routed), volunteer_today(), existing);
  if (decision.refusal)
    data.set("sign_up_closed", ctx.text(volunteer::sign_up_refusal_key(*decision.refusal)));
  else {
    data.set("sign_up_action", event_link(ctx, routed.event.id, "/sign-up"));
    data.set("joins_waiting_list", decision.state == SignUpState::waiting);
  }
}

// The organiser's list of who signed up, and the attendance form once the day has come.
void set_organiser_part(RequestContext& ctx, store::Transaction& tx, const RoutedEvent& routed,
                        PageData& data) {
  data.set("organiser_view", true);
  const bool attendance =
      volunteer::attendance_open(routed.event.details.held_on, volunteer_today()) &&
      !routed.event.cancelled;
  const std::string default_hours = volunteer::format_hours(routed.event.details.minutes());
  PageData rows{PageData::type::list};
  for (const store::StoredSignUp& sign_up : store::sign_ups_of(tx, routed.event.id)) {
    PageData row;
    row.set("user_id", std::to_string(sign_up.user_id));
    row.set("name", sign_up.user_name);
    row.set("state", sign_up_state_name(ctx, sign_up.state));
    const bool confirmed = sign_up.state == SignUpState::confirmed;
    row.set("recordable", confirmed && attendance);
    row.set("attended", !sign_up.minutes_served || *sign_up.minutes_served > 0);
    row.set("hours", sign_up.minutes_served && *sign_up.minutes_served > 0
                         ? volunteer::format_hours(*sign_up.minutes_served)
                         : default_hours);
    if (sign_up.minutes_served)
      row.set("recorded", *sign_up.minutes_served > 0
                              ? volunteer::format_hours(*sign_up.minutes_served)
                              : ctx.text("volunteer_absent"));
    rows.push_back(row);
  }
  data.set("has_sign_ups", rows.is_non_empty_list());
  data.set("sign_ups", rows);
  if (attendance) data.set("attendance_action", event_link(ctx, routed.event.id, "/attendance"));
  if (!routed.event.cancelled &&
      !volunteer::attendance_open(routed.event.details.held_on, volunteer_today()))
    data.set("cancel_action", event_link(ctx, routed.event.id, "/cancel"));
}

// Tells a volunteer what happened to their place, where their own page shows it.
void tell(store::Transaction& tx, std::int64_t user_id, const RoutedEvent& routed, std::string kind,
          std::string_view what_zh, std::string_view what_en, std::string_view actor) {
  const auto& d = routed.event.details;
  const std::string day =
      format_iso(d.held_on) + " " + volunteer::format_time_of_day(d.starts_minute);
  const std::string title_zh = d.title_zh.empty() ? d.title_en : d.title_zh;
  const std::string title_en = d.title_en.empty() ? d.title_zh : d.title_en;
  store::add_notification(
      tx,
      {std::nullopt, user_id, std::move(kind), std::string(what_zh) + "：" + title_zh,
       std::string(what_en) + ": " + title_en, title_zh + "（" + day + "）",
       title_en + " (" + day + ")"},
      actor);
}

// Runs a change on the routed event in one transaction, then shows the event again.
template <typename Change>
Response change_event(RequestContext& ctx, Change change) {
  const VolunteerVisitor visitor = volunteer_visitor(ctx);
  auto tx = begin_for_visitor(ctx);
  auto routed = routed_event(ctx, *tx, visitor);
  if (!routed) return error_page(ctx, ErrorPage::not_found);
  std::optional<FieldError> refused = change(*tx, *routed, visitor);
  if (refused) {
    tx.reset();
    return volunteer_event_page_with(ctx, {*refused}, 409);
  }
  tx->commit();
  return redirect_see_other(event_link(ctx, routed->event.id));
}

}  // namespace

Response volunteer_event_page_with(RequestContext& ctx, const std::vector<FieldError>& errors,
                                   int status) {
  const VolunteerVisitor visitor = volunteer_visitor(ctx);
  auto tx = begin_for_visitor(ctx);
  auto routed = routed_event(ctx, *tx, visitor);
  if (!routed) return error_page(ctx, ErrorPage::not_found);
  PageData data = event_row(ctx, routed->event);
  data.set("programme", programme_title(ctx, routed->programme));
  data.set("programme_href", programme_link(ctx, routed->programme.id));
  data.set("organiser", organiser_name(ctx, routed->programme));
  data.set("last_sign_up_day",
           format_iso(volunteer::last_sign_up_day(routed->event.details.held_on)));
  data.set("demonstration", routed->programme.demonstration);
  if (ctx.user()) data.set("csrf_token", ctx.session().csrf_token());
  if (visitor.volunteers) set_volunteer_part(ctx, *tx, *routed, visitor, data);
  if (!ctx.user()) data.set("join_href", ctx.link("/observations/join"));
  if (organises(visitor, routed->programme)) set_organiser_part(ctx, *tx, *routed, data);
  add_errors(data, errors);
  return render_titled_page(ctx, "volunteer_event", event_title(ctx, routed->event),
                            std::move(data), status);
}

Response volunteer_event_page(RequestContext& ctx) {
  return volunteer_event_page_with(ctx, {}, 200);
}

Response volunteer_sign_up(RequestContext& ctx) {
  return change_event(
      ctx,
      [&](store::Transaction& tx, const RoutedEvent& routed,
          const VolunteerVisitor& visitor) -> std::optional<FieldError> {
        const auto mine = store::find_sign_up(tx, routed.event.id, visitor.user_id);
        const auto decision = volunteer::decide_sign_up(
            places_of(routed), volunteer_today(), mine ? std::optional(mine->state) : std::nullopt);
        if (decision.refusal)
          return FieldError{"sign-up", ctx.text(volunteer::sign_up_refusal_key(*decision.refusal))};
        store::add_sign_up(tx, routed.event.id, visitor.user_id, *decision.state);
        return std::nullopt;
      });
}

Response volunteer_cancel_sign_up(RequestContext& ctx) {
  return change_event(
      ctx,
      [&](store::Transaction& tx, const RoutedEvent& routed,
          const VolunteerVisitor& visitor) -> std::optional<FieldError> {
        const auto mine = store::find_sign_up(tx, routed.event.id, visitor.user_id);
        if (!mine || mine->state == SignUpState::cancelled)
          return FieldError{"sign-up", ctx.text("volunteer_error_no_sign_up")};
        if (volunteer::attendance_open(routed.event.details.held_on, volunteer_today()))
          return FieldError{"sign-up", ctx.text("volunteer_error_event_begun")};
        if (auto promoted = store::cancel_sign_up(tx, routed.event.id, visitor.user_id))
          tell(tx, *promoted, routed, "volunteer_place_confirmed", "名額已確認",
               "Your place is confirmed", ctx.user()->username);
        return std::nullopt;
      });
}

Response volunteer_event_cancel(RequestContext& ctx) {
  return change_event(
      ctx,
      [&](store::Transaction& tx, const RoutedEvent& routed,
          const VolunteerVisitor& visitor) -> std::optional<FieldError> {
        if (!organises(visitor, routed.programme))
          return FieldError{"cancel", ctx.text("volunteer_error_not_organiser")};
        if (routed.event.cancelled ||
            volunteer::attendance_open(routed.event.details.held_on, volunteer_today()))
          return FieldError{"cancel", ctx.text("volunteer_error_event_begun")};
        store::cancel_event(tx, routed.event.id, visitor.user_id);
        for (const store::StoredSignUp& sign_up : store::sign_ups_of(tx, routed.event.id))
          if (sign_up.state != SignUpState::cancelled)
            tell(tx, sign_up.user_id, routed, "volunteer_event_cancelled", "活動已取消",
                 "Event cancelled", ctx.user()->username);
        return std::nullopt;
      });
}

Response volunteer_attendance(RequestContext& ctx) {
  return change_event(
      ctx,
      [&](store::Transaction& tx, const RoutedEvent& routed,
          const VolunteerVisitor& visitor) -> std::optional<FieldError> {
        if (!organises(visitor, routed.programme))
          return FieldError{"attendance", ctx.text("volunteer_error_not_organiser")};
        if (routed.event.cancelled ||
            !volunteer::attendance_open(routed.event.details.held_on, volunteer_today()))
          return FieldError{"attendance", ctx.text("volunteer_error_attendance_early")};
        // Each confirmed person: a tick for "came" and the hours served (volunteer/sign_up.h).
        std::vector<store::Served> served;
        for (const store::StoredSignUp& sign_up : store::sign_ups_of(tx, routed.event.id)) {
          if (sign_up.state != SignUpState::confirmed) continue;
          const std::string key = std::to_string(sign_up.user_id);
          if (ctx.form().get("came_" + key) != "yes") {
            served.push_back({sign_up.user_id, 0});
            continue;
          }
          auto minutes = volunteer::parse_hours_served(ctx.form().get("hours_" + key));
          if (!minutes)
            return FieldError{"hours_" + key,
                              fill(ctx.text("volunteer_error_hours"), "name", sign_up.user_name)};
          served.push_back({sign_up.user_id, *minutes});
        }
        store::record_attendance(tx, routed.event.id, served, visitor.user_id);
        return std::nullopt;
      });
}

}  // namespace bsap::web
