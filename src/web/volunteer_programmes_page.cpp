// GET /LANG/observations/programmes: volunteering (issue 11; 000 優先行動 2.2 item 1): the coming
// events of published programmes and the programmes themselves for everyone; an organiser's own
// programmes in every state; those awaiting the plan's secretariat, for the secretariat.
// GET /LANG/observations/programmes/{id}: one programme with its events, and the forms its
// state allows the visitor (volunteer_programme_forms.cpp takes them).
#include "store/volunteer_repo.h"
#include "web/error_pages.h"
#include "web/observation_view.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/volunteer_pages.h"
#include "web/volunteer_view.h"

namespace bsap::web {
namespace {

using volunteer::ProgrammeState;

PageData programme_rows(const RequestContext& ctx,
                        const std::vector<store::StoredProgramme>& programmes) {
  PageData rows{PageData::type::list};
  for (const auto& programme : programmes) rows.push_back(programme_row(ctx, programme));
  return rows;
}

PageData event_rows(const RequestContext& ctx, const std::vector<store::StoredEvent>& events) {
  PageData rows{PageData::type::list};
  for (const auto& event : events) rows.push_back(event_row(ctx, event));
  return rows;
}

void set_list(PageData& data, const std::string& key, PageData rows) {
  data.set("has_" + key, rows.is_non_empty_list());
  data.set(key, std::move(rows));
}

// The programme's own texts and facts.
void set_programme(const RequestContext& ctx, const store::StoredProgramme& programme,
                   PageData& data) {
  data.set("organiser", organiser_name(ctx, programme));
  data.set("state", programme_state_name(ctx, programme.state));
  data.set("summary",
           ctx.data_text(programme.details.summary_zh.empty() ? programme.details.summary_en
                                                              : programme.details.summary_zh,
                         programme.details.summary_en.empty() ? programme.details.summary_zh
                                                              : programme.details.summary_en));
  data.set("item_href", ctx.link("/plan/actions/" + programme.details.item_id.substr(
                                                        0, programme.details.item_id.rfind('.'))));
  data.set("item_id", programme.details.item_id);
  data.set("demonstration", programme.demonstration);
  data.set("list_href", programmes_link(ctx));
}

// The forms the programme's state allows this visitor.
void set_forms(RequestContext& ctx, const VolunteerVisitor& visitor,
               const store::StoredProgramme& programme, const ProgrammeForms& forms,
               PageData& data) {
  const bool organiser = organises(visitor, programme);
  if (organiser || visitor.reviews) set_if_text(data, "review_note", programme.review_note);
  data.set("csrf_token", ctx.session().csrf_token());
  if (visitor.reviews && programme.state == ProgrammeState::submitted)
    data.set("review_action", programme_link(ctx, programme.id, "/review"));
  if (organiser && programme.state == ProgrammeState::returned) {
    data.set("edit_action", programme_link(ctx, programme.id));
    const auto& entry =
        forms.programme
            ? *forms.programme
            : volunteer::ProgrammeEntry{programme.details.title_zh, programme.details.title_en,
                                        programme.details.summary_zh, programme.details.summary_en,
                                        programme.details.item_id};
    set_programme_fields(ctx, entry, data);
  }
  if (organiser && programme.state == ProgrammeState::published) {
    data.set("event_action", programme_link(ctx, programme.id, "/events"));
    data.set("close_action", programme_link(ctx, programme.id, "/close"));
    set_event_fields(forms.event, data);
  }
}

}  // namespace

Response volunteer_programmes_page(RequestContext& ctx) {
  const VolunteerVisitor visitor = volunteer_visitor(ctx);
  auto tx = begin_for_visitor(ctx);
  PageData data;
  set_list(data, "upcoming", event_rows(ctx, store::upcoming_events(*tx, volunteer_today())));
  auto shown = store::programmes_in_state(*tx, ProgrammeState::published);
  auto closed = store::programmes_in_state(*tx, ProgrammeState::closed);
  shown.insert(shown.end(), closed.begin(), closed.end());
  set_list(data, "programmes", programme_rows(ctx, shown));
  if (visitor.organiser) {
    data.set("new_href", programmes_link(ctx, "/new"));
    set_list(data, "own", programme_rows(ctx, store::programmes_of(*tx, *visitor.organiser)));
  }
  if (visitor.reviews) {
    data.set("reviewer", true);
    set_list(data, "waiting",
             programme_rows(ctx, store::programmes_in_state(*tx, ProgrammeState::submitted)));
  }
  if (visitor.volunteers) data.set("mine_href", programmes_link(ctx, "/mine"));
  if (!ctx.user()) data.set("join_href", ctx.link("/observations/join"));
  data.set("observations_href", ctx.link("/observations"));
  return render_page(ctx, "volunteer_programmes", "volunteer_programmes_title", std::move(data));
}

Response volunteer_programme_page_with(RequestContext& ctx, const ProgrammeForms& forms,
                                       const std::vector<FieldError>& errors, int status) {
  auto id = parse_positive_id(ctx.path_parameter("id"));
  if (!id) return error_page(ctx, ErrorPage::not_found);
  const VolunteerVisitor visitor = volunteer_visitor(ctx);
  auto tx = begin_for_visitor(ctx);
  auto programme = store::find_programme(*tx, *id);
  if (!programme || !may_see_programme(visitor, *programme))
    return error_page(ctx, ErrorPage::not_found);
  PageData data;
  set_programme(ctx, *programme, data);
  set_list(data, "events", event_rows(ctx, store::events_of(*tx, *id)));
  if (ctx.user()) set_forms(ctx, visitor, *programme, forms, data);
  add_errors(data, errors);
  return render_titled_page(ctx, "volunteer_programme", programme_title(ctx, *programme),
                            std::move(data), status);
}

Response volunteer_programme_page(RequestContext& ctx) {
  return volunteer_programme_page_with(ctx, {}, {}, 200);
}

}  // namespace bsap::web
