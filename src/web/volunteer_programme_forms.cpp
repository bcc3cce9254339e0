// The volunteering forms on programmes (issue 11; 000 優先行動 2.2 item 1):
//   GET  /LANG/observations/programmes/new and POST /LANG/observations/programmes: an organiser (a
//        department's focal point or an organisation's applicant) submits a programme;
//   POST /LANG/observations/programmes/{id}: its organiser edits a returned programme and submits
//        it again;
//   POST .../{id}/review: the plan's secretariat publishes it or sends it back with a reason;
//   POST .../{id}/events: its organiser adds an event to a published programme;
//   POST .../{id}/close: its organiser closes it (its record stays public).
// Every refusal shows the page again with what to fix; every change is audited by the store.
#include <variant>

#include "store/volunteer_repo.h"
#include "web/error_pages.h"
#include "web/observation_view.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/volunteer_pages.h"
#include "web/volunteer_view.h"

namespace bsap::web {
namespace {

using volunteer::ProgrammeStep;

constexpr std::size_t kMostReviewNoteBytes = 2000;

volunteer::ProgrammeEntry read_programme(RequestContext& ctx) {
  const FormData& form = ctx.form();
  return {form.get("title_zh"), form.get("title_en"), form.get("summary_zh"),
          form.get("summary_en"), form.get("item_id")};
}

volunteer::EventEntry read_event(RequestContext& ctx) {
  const FormData& form = ctx.form();
  return {form.get("event_title_zh"), form.get("event_title_en"), form.get("held_on"),
          form.get("starts_at"),      form.get("ends_at"),        form.get("place_zh"),
          form.get("place_en"),       form.get("places")};
}

std::vector<FieldError> programme_errors(const RequestContext& ctx,
                                         const volunteer::CheckedProgramme& checked) {
  std::vector<FieldError> errors;
  for (const auto& fault : checked.faults)
    errors.push_back({fault.field, ctx.text(volunteer::programme_fault_key(fault.fault))});
  return errors;
}

// An organiser's role without an organisation or department to organise for: the form says
// who can make them one, rather than refusing the role the route admitted.
Response new_form(RequestContext& ctx, const volunteer::ProgrammeEntry& entry,
                  const std::vector<FieldError>& errors, bool has_organiser = true) {
  PageData data;
  if (!has_organiser) data.set("no_organiser", true);
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("action", programmes_link(ctx));
  set_programme_fields(ctx, entry, data);
  add_errors(data, errors);
  return render_page(ctx, "volunteer_programme_new", "volunteer_programme_new_title",
                     std::move(data), errors.empty() ? 200 : 422);
}

// The routed programme when the visitor may act on it as `organiser` (its organiser) or as its
// reviewer; none otherwise (answered 404, as for a programme they may not see).
enum class Actor { organiser, reviewer };
std::optional<store::StoredProgramme> routed_programme(RequestContext& ctx, store::Transaction& tx,
                                                       const VolunteerVisitor& visitor,
                                                       Actor actor) {
  auto id = parse_positive_id(ctx.path_parameter("id"));
  if (!id) return std::nullopt;
  auto programme = store::find_programme(tx, *id);
  if (!programme) return std::nullopt;
  if (actor == Actor::organiser ? !organises(visitor, *programme) : !visitor.reviews)
    return std::nullopt;
  return programme;
}

// A form refused: the programme's page again, with what was typed and what to fix.
struct Refusal {
  ProgrammeForms forms;
  std::vector<FieldError> errors;
  int status = 422;
};
using Outcome = std::variant<std::string, Refusal>;  // where to go next, or why not

// A step the programme's state does not allow (another tab took it first, say).
Refusal state_refusal(const RequestContext& ctx) {
  return {{}, {{"programme", ctx.text("volunteer_error_state")}}, 409};
}

// Runs a form on the routed programme, as `actor`, in one transaction; 404 when the visitor may
// not act on it so.
template <typename Change>
Response change_programme(RequestContext& ctx, Actor actor, Change change) {
  const VolunteerVisitor visitor = volunteer_visitor(ctx);
  auto tx = begin_for_visitor(ctx);
  auto programme = routed_programme(ctx, *tx, visitor, actor);
  if (!programme) return error_page(ctx, ErrorPage::not_found);
  Outcome outcome = change(*tx, *programme, visitor);
  if (auto* refusal = std::get_if<Refusal>(&outcome)) {
    tx.reset();
    return volunteer_programme_page_with(ctx, refusal->forms, refusal->errors, refusal->status);
  }
  tx->commit();
  return redirect_see_other(std::get<std::string>(outcome));
}

// The review form's fault, if any.
std::optional<FieldError> review_fault(const RequestContext& ctx, const std::string& decision,
                                       const std::string& note) {
  if (decision != "publish" && decision != "send_back")
    return FieldError{"decision", ctx.text("volunteer_error_decision")};
  if (decision == "send_back" && note.empty())
    return FieldError{"review_note", ctx.text("volunteer_error_return_reason")};
  if (note.size() > kMostReviewNoteBytes)
    return FieldError{"review_note", ctx.text("volunteer_error_note_long")};
  return std::nullopt;
}

}  // namespace

void set_programme_fields(const RequestContext& ctx, const volunteer::ProgrammeEntry& entry,
                          PageData& data) {
  data.set("title_zh", entry.title_zh);
  data.set("title_en", entry.title_en);
  data.set("summary_zh", entry.summary_zh);
  data.set("summary_en", entry.summary_en);
  data.set("items", item_options(ctx, entry.item_id.empty() ? "2.2.1" : entry.item_id));
}

void set_event_fields(const volunteer::EventEntry& entry, PageData& data) {
  data.set("event_title_zh", entry.title_zh);
  data.set("event_title_en", entry.title_en);
  data.set("held_on", entry.held_on);
  data.set("starts_at", entry.starts_at);
  data.set("ends_at", entry.ends_at);
  data.set("place_zh", entry.place_zh);
  data.set("place_en", entry.place_en);
  data.set("places", entry.places);
}

Response volunteer_programme_new_page(RequestContext& ctx) {
  if (!volunteer_visitor(ctx).organiser) return error_page(ctx, ErrorPage::forbidden);
  return new_form(ctx, {}, {});
}

Response volunteer_programme_submit(RequestContext& ctx) {
  const VolunteerVisitor visitor = volunteer_visitor(ctx);
  const auto entry = read_programme(ctx);
  if (!visitor.organiser)
    return new_form(ctx, entry, {{"title_zh", ctx.text("volunteer_error_no_organiser")}}, false);
  const auto checked = volunteer::check_programme(entry, plan_item_ids(ctx));
  if (!checked.details) return new_form(ctx, entry, programme_errors(ctx, checked));
  auto tx = begin_for_visitor(ctx);
  const std::int64_t id =
      store::add_programme(*tx, *visitor.organiser, *checked.details, visitor.user_id);
  tx->commit();
  return redirect_see_other(programme_link(ctx, id));
}

Response volunteer_programme_resubmit(RequestContext& ctx) {
  return change_programme(
      ctx, Actor::organiser,
      [&](store::Transaction& tx, const store::StoredProgramme& programme,
          const VolunteerVisitor& visitor) -> Outcome {
        if (!volunteer::programme_after(programme.state, ProgrammeStep::resubmit))
          return state_refusal(ctx);
        const auto entry = read_programme(ctx);
        const auto checked = volunteer::check_programme(entry, plan_item_ids(ctx));
        if (!checked.details) return Refusal{{entry, {}}, programme_errors(ctx, checked)};
        store::resubmit_programme(tx, programme.id, *checked.details, visitor.user_id);
        return programme_link(ctx, programme.id);
      });
}

Response volunteer_programme_review(RequestContext& ctx) {
  return change_programme(
      ctx, Actor::reviewer,
      [&](store::Transaction& tx, const store::StoredProgramme& programme,
          const VolunteerVisitor& visitor) -> Outcome {
        const std::string decision = ctx.form().get("decision");
        const std::string note = ctx.form().get("review_note");
        if (auto fault = review_fault(ctx, decision, note)) return Refusal{{}, {*fault}};
        const auto step = decision == "publish" ? ProgrammeStep::publish : ProgrammeStep::send_back;
        if (!volunteer::programme_after(programme.state, step)) return state_refusal(ctx);
        store::take_programme_step(tx, programme.id, step, note, visitor.user_id);
        return programme_link(ctx, programme.id);
      });
}

Response volunteer_programme_close(RequestContext& ctx) {
  return change_programme(ctx, Actor::organiser,
                          [&](store::Transaction& tx, const store::StoredProgramme& programme,
                              const VolunteerVisitor& visitor) -> Outcome {
                            if (!volunteer::programme_after(programme.state, ProgrammeStep::close))
                              return state_refusal(ctx);
                            store::take_programme_step(tx, programme.id, ProgrammeStep::close, "",
                                                       visitor.user_id);
                            return programme_link(ctx, programme.id);
                          });
}

Response volunteer_event_add(RequestContext& ctx) {
  return change_programme(
      ctx, Actor::organiser,
      [&](store::Transaction& tx, const store::StoredProgramme& programme,
          const VolunteerVisitor& visitor) -> Outcome {
        if (programme.state != volunteer::ProgrammeState::published) return state_refusal(ctx);
        const auto entry = read_event(ctx);
        const auto checked = volunteer::check_event(entry, volunteer_today());
        if (!checked.details) {
          std::vector<FieldError> errors;
          for (const auto& fault : checked.faults)
            errors.push_back({fault.field, ctx.text(volunteer::event_fault_key(fault.fault))});
          return Refusal{{std::nullopt, entry}, errors};
        }
        return event_link(ctx,
                          store::add_event(tx, programme.id, *checked.details, visitor.user_id));
      });
}

}  // namespace bsap::web
