#include "web/case_view.h"

#include <algorithm>
#include <charconv>

#include "core/role.h"
#include "store/case_repo.h"
#include "store/organisation_repo.h"
#include "web/tracker_view.h"

namespace bsap::web {

std::optional<std::int64_t> parse_case_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || text.front() == '0' || error != std::errc{} ||
      end != text.data() + text.size())
    return std::nullopt;
  return id;
}

CaseVisitor case_visitor(RequestContext& ctx) {
  CaseVisitor visitor;
  const auto& user = ctx.user();
  if (!user) return visitor;
  visitor.user_id = user->id;
  visitor.makes_cases = visitor_holds(ctx, Role::applicant) || visitor_holds(ctx, Role::funder);
  visitor.reviews_cases = visitor_holds(ctx, Role::plan_secretariat);
  if (visitor_holds(ctx, Role::applicant)) {
    auto tx = ctx.web().store.begin();
    if (auto organisation = store::organisation_of_user(*tx, user->id))
      visitor.organisation_id = organisation->id;
  }
  return visitor;
}

bool owns_case(const CaseVisitor& visitor, const plan::GoodPracticeCase& c) {
  if (!visitor.makes_cases) return false;
  if (c.organisation_id) return visitor.organisation_id == c.organisation_id;
  return !visitor.organisation_id && c.owner_user_id == visitor.user_id;
}

bool may_see_case(const CaseVisitor& visitor, const plan::GoodPracticeCase& c) {
  return c.state == plan::CaseState::published || owns_case(visitor, c) ||
         (visitor.reviews_cases && c.state != plan::CaseState::draft);
}

std::optional<plan::GoodPracticeCase> visible_case(RequestContext& ctx,
                                                   const CaseVisitor& visitor) {
  const auto id = parse_case_id(ctx.path_parameter("id"));
  if (!id) return std::nullopt;
  std::optional<plan::GoodPracticeCase> found;
  {
    auto tx = ctx.web().store.begin();
    found = store::find_case(*tx, *id);
  }
  if (!found || !may_see_case(visitor, *found)) return std::nullopt;
  return found;
}

std::string case_link(const RequestContext& ctx, std::int64_t id, std::string_view rest) {
  return ctx.link("/cases/" + std::to_string(id) + std::string(rest));
}

const plan::CaseLists& case_lists(const RequestContext& ctx) { return ctx.web().domain.case_lists; }

std::string entry_name(const RequestContext& ctx, const std::vector<plan::ListEntry>& list,
                       std::string_view code) {
  const plan::ListEntry* entry = plan::find_entry(list, code);
  return entry ? ctx.data_text(entry->name.zh, entry->name.en) : std::string(code);
}

std::string case_state_name(const RequestContext& ctx, plan::CaseState state) {
  return ctx.text("case_state_" + std::string(plan::case_state_code(state)));
}

std::string case_title(const RequestContext& ctx, const plan::GoodPracticeCase& c) {
  const std::string title = ctx.data_text(c.title.zh, c.title.en);
  if (!title.empty()) return title;
  return ctx.data_text(c.title.en, c.title.zh);
}

PageData case_row(const RequestContext& ctx, const plan::GoodPracticeCase& c) {
  const plan::CaseLists& lists = case_lists(ctx);
  PageData row;
  row.set("id", std::to_string(c.id));
  row.set("href", case_link(ctx, c.id));
  row.set("title", case_title(ctx, c));
  row.set("owner", ctx.data_text(c.owner_name.zh, c.owner_name.en));
  row.set("district", entry_name(ctx, lists.districts, c.district));
  row.set("habitat", entry_name(ctx, lists.habitats, c.habitat));
  row.set("state", case_state_name(ctx, c.state));
  row.set("updated_at", c.updated_at);
  row.set("demonstration", c.demonstration);
  if (c.latitude && c.longitude) {
    row.set("has_place", true);
    row.set("latitude", format_number(*c.latitude));
    row.set("longitude", format_number(*c.longitude));
  }
  return row;
}

}  // namespace bsap::web
