#include "web/volunteer_view.h"

#include <chrono>

#include "plan/progress.h"
#include "store/organisation_repo.h"
#include "store/tracker_repo.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

std::string either(const RequestContext& ctx, const std::string& zh, const std::string& en) {
  return ctx.data_text(zh.empty() ? en : zh, en.empty() ? zh : en);
}

}  // namespace

VolunteerVisitor volunteer_visitor(RequestContext& ctx) {
  VolunteerVisitor visitor;
  if (!ctx.user()) return visitor;
  visitor.user_id = ctx.user()->id;
  visitor.reviews = visitor_holds(ctx, Role::plan_secretariat);
  visitor.volunteers = visitor_holds(ctx, Role::contributor);
  auto tx = ctx.web().store.begin();
  if (visitor_holds(ctx, Role::focal_point)) {
    const auto departments = store::departments_of_user(*tx, visitor.user_id);
    if (!departments.empty()) visitor.organiser = store::Organiser{std::nullopt, departments[0]};
  }
  if (!visitor.organiser && visitor_holds(ctx, Role::applicant))
    if (auto organisation = store::organisation_of_user(*tx, visitor.user_id))
      visitor.organiser = store::Organiser{organisation->id, std::nullopt};
  return visitor;
}

bool organises(const VolunteerVisitor& visitor, const store::StoredProgramme& programme) {
  return visitor.organiser && *visitor.organiser == programme.organiser;
}

bool may_see_programme(const VolunteerVisitor& visitor, const store::StoredProgramme& programme) {
  return volunteer::programme_is_public(programme.state) || organises(visitor, programme) ||
         visitor.reviews;
}

std::string programmes_link(const RequestContext& ctx, std::string_view rest) {
  return ctx.link("/observations/programmes" + std::string(rest));
}

std::string programme_link(const RequestContext& ctx, std::int64_t id, std::string_view rest) {
  return programmes_link(ctx, "/" + std::to_string(id) + std::string(rest));
}

std::string event_link(const RequestContext& ctx, std::int64_t id, std::string_view rest) {
  return ctx.link("/observations/events/" + std::to_string(id) + std::string(rest));
}

std::string programme_title(const RequestContext& ctx, const store::StoredProgramme& programme) {
  return either(ctx, programme.details.title_zh, programme.details.title_en);
}

std::string programme_state_name(const RequestContext& ctx, volunteer::ProgrammeState state) {
  return ctx.text("volunteer_state_" + std::string(volunteer::programme_state_code(state)));
}

std::string organiser_name(const RequestContext& ctx, const store::StoredProgramme& programme) {
  return either(ctx, programme.organiser_zh, programme.organiser_en);
}

PageData programme_row(const RequestContext& ctx, const store::StoredProgramme& programme) {
  PageData row;
  row.set("href", programme_link(ctx, programme.id));
  row.set("title", programme_title(ctx, programme));
  row.set("organiser", organiser_name(ctx, programme));
  row.set("state", programme_state_name(ctx, programme.state));
  row.set("item_id", programme.details.item_id);
  row.set("demonstration", programme.demonstration);
  return row;
}

std::string event_title(const RequestContext& ctx, const store::StoredEvent& event) {
  return either(ctx, event.details.title_zh, event.details.title_en);
}

PageData event_row(const RequestContext& ctx, const store::StoredEvent& event) {
  const auto& d = event.details;
  PageData row;
  row.set("href", event_link(ctx, event.id));
  row.set("title", event_title(ctx, event));
  row.set("held_on", format_iso(d.held_on));
  row.set("time", volunteer::format_time_of_day(d.starts_minute) + "–" +
                      volunteer::format_time_of_day(d.ends_minute));
  row.set("place", either(ctx, d.place_zh, d.place_en));
  const volunteer::EventPlaces places{d.held_on, d.places, event.confirmed, event.cancelled, true};
  row.set("places", std::to_string(d.places));
  row.set("places_left", std::to_string(volunteer::places_left(places)));
  row.set("full", volunteer::places_left(places) == 0);
  row.set("waiting", std::to_string(event.waiting));
  row.set("cancelled", event.cancelled);
  return row;
}

PageData item_options(const RequestContext& ctx, std::string_view selected) {
  PageData options{PageData::type::list};
  for (const plan::Action& action : ctx.web().domain.plan.plan.actions)
    for (const plan::ActionItem& item : action.items) {
      const std::string id = plan::item_id(action, item);
      PageData option;
      option.set("value", id);
      option.set("name", id + " " + ctx.data_text(item.text.zh, item.text.en));
      option.set("selected", id == selected);
      options.push_back(option);
    }
  return options;
}

std::vector<std::string> plan_item_ids(const RequestContext& ctx) {
  std::vector<std::string> ids;
  for (const plan::Action& action : ctx.web().domain.plan.plan.actions)
    for (const plan::ActionItem& item : action.items) ids.push_back(plan::item_id(action, item));
  return ids;
}

CivilDate volunteer_today() { return today_in_hong_kong(std::chrono::system_clock::now()); }

}  // namespace bsap::web
