#include "web/member_access.h"

#include <algorithm>

#include "web/error_pages.h"
#include "web/page.h"
#include "web/portal_access.h"

namespace bsap::web {

std::optional<store::Assignment> governing_assignment(
    const std::vector<store::Assignment>& assignments, std::string_view state) {
  const auto first_where = [&](auto predicate) -> std::optional<store::Assignment> {
    const auto found = std::ranges::find_if(assignments, predicate);
    if (found == assignments.end()) return std::nullopt;
    return *found;
  };
  if (auto conflicted = first_where(
          [](const store::Assignment& assignment) { return assignment.declaration == "conflict"; }))
    return conflicted;
  if (auto current = first_where(
          [&](const store::Assignment& assignment) { return assignment.body == state; }))
    return current;
  if (auto declared =
          first_where([](const store::Assignment& assignment) { return assignment.may_see(); }))
    return declared;
  if (assignments.empty()) return std::nullopt;
  return assignments.front();
}

std::variant<MemberCase, Response> find_member_case(RequestContext& ctx, store::Transaction& tx) {
  const auto id = parse_positive_id(ctx.path_parameter("id"));
  auto assessment = id ? store::find_assessment(tx, *id) : std::nullopt;
  if (!assessment) return error_page(ctx, ErrorPage::not_found);
  const auto& user = ctx.user();
  if (!user) return error_page(ctx, ErrorPage::forbidden);
  auto assignment =
      governing_assignment(store::user_assignments(tx, *id, user->id), assessment->state);
  if (!assignment) return error_page(ctx, ErrorPage::forbidden);
  return MemberCase{std::move(*assessment), std::move(*assignment)};
}

std::variant<MemberCase, Response> open_member_case(RequestContext& ctx, store::Transaction& tx) {
  auto found = find_member_case(ctx, tx);
  if (auto* member_case = std::get_if<MemberCase>(&found);
      member_case && !member_case->assignment.may_see())
    return member_refusal(ctx, *member_case);
  return found;
}

Response member_refusal(RequestContext& ctx, const MemberCase& member_case) {
  const bool conflicted = member_case.assignment.declaration == "conflict";
  PageData data;
  data.set("reference", member_case.assessment.reference);
  data.set("body", ctx.text(conflicted ? "review_refused_conflict" : "review_refused_undeclared"));
  if (!conflicted)
    data.set("declaration_href",
             review_link(ctx, member_case.assessment.application_id) + "/declaration");
  data.set("reviews_href", ctx.link("/reviews"));
  return render_page(ctx, "review_refused", "review_refused_title", std::move(data), 403);
}

std::string review_link(const RequestContext& ctx, std::int64_t application_id) {
  return ctx.link("/reviews/" + std::to_string(application_id));
}

}  // namespace bsap::web
