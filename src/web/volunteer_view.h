// What the volunteering pages share (issue 11; 000 優先行動 2.2 item 1: 義工計劃): who the visitor
// organises for, who may see or change a programme, links, and a programme's or event's texts
// in the reader's language. A programme is public once the plan's secretariat publishes it;
// before that, only its organiser and the secretariat see it (a guessed id answers 404).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/volunteer_repo.h"
#include "web/page.h"
#include "web/request_context.h"

namespace bsap::web {

struct VolunteerVisitor {
  std::int64_t user_id = 0;  // 0 when not signed in
  // The organisation (an applicant's) or department (a focal point's) they organise for.
  std::optional<store::Organiser> organiser;
  bool reviews = false;     // plan_secretariat
  bool volunteers = false;  // contributor: may sign up
};
// Reads the visitor's organisation or department in a transaction of its own: call it before
// the page's transaction.
VolunteerVisitor volunteer_visitor(RequestContext& ctx);

bool organises(const VolunteerVisitor& visitor, const store::StoredProgramme& programme);
bool may_see_programme(const VolunteerVisitor& visitor, const store::StoredProgramme& programme);

// "/en/observations/programmes" + rest; "/en/observations/events/7" + rest.
std::string programmes_link(const RequestContext& ctx, std::string_view rest = "");
std::string programme_link(const RequestContext& ctx, std::int64_t id, std::string_view rest = "");
std::string event_link(const RequestContext& ctx, std::int64_t id, std::string_view rest = "");

std::string programme_title(const RequestContext& ctx, const store::StoredProgramme& programme);
std::string programme_state_name(const RequestContext& ctx, volunteer::ProgrammeState state);
std::string organiser_name(const RequestContext& ctx, const store::StoredProgramme& programme);
// One row of a programme list: href, title, organiser, state, item.
PageData programme_row(const RequestContext& ctx, const store::StoredProgramme& programme);

std::string event_title(const RequestContext& ctx, const store::StoredEvent& event);
// One event: href, title, day, from–to, place, places left, waiting, cancelled.
PageData event_row(const RequestContext& ctx, const store::StoredEvent& event);

// The plan's items as <select> options, `selected` marked ("2.2.1 …").
PageData item_options(const RequestContext& ctx, std::string_view selected);
// Every item id of the plan, for volunteer::check_programme.
std::vector<std::string> plan_item_ids(const RequestContext& ctx);

// Today in Hong Kong.
CivilDate volunteer_today();

}  // namespace bsap::web
