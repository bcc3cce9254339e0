// Who of the assessment panel, the approval panel and the committee sees which application
// (guidelines §4.1.1, §4.1.2, §5.17.3). The routes admit the members' roles; this rule decides on
// the application: only a member the secretariat assigned to it, who has declared no conflict of
// interest, sees anything of it beyond what the declaration needs. A guessed id answers 404 when
// no such submitted application exists and 403 otherwise, never another's data.
#pragma once
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "store/assessment_repo.h"
#include "store/panel_repo.h"
#include "web/http_message.h"
#include "web/request_context.h"

namespace bsap::web {

// Which of a user's assignments on one application counts, the application being in `state`:
//   - a conflict declared for any body, since a declared conflict removes the member from the
//     application (§5.17.3), whatever else they were assigned to;
//   - else the assignment for the body the application is before now (its state is the body's
//     code), so a member of two bodies declares for the one that is assessing;
//   - else one already declared without conflict (the member reads the application as it moves
//     on), else the first.
// nullopt when the user has no assignment on it.
std::optional<store::Assignment> governing_assignment(
    const std::vector<store::Assignment>& assignments, std::string_view state);

// The submitted application as its member's pages see it.
struct MemberCase {
  store::AssessmentRow assessment;
  store::Assignment assignment;  // the governing one
};

// The submitted application the route's {id} names and the signed-in user's governing assignment
// on it: 404 when there is no such submitted application, 403 when the user is not assigned to
// it. Whether the user may see it is left to the caller (the declaration form is for those who
// have not declared yet).
std::variant<MemberCase, Response> find_member_case(RequestContext& ctx, store::Transaction& tx);

// As find_member_case, and 403 unless the assignment may_see(): the page of a member who has not
// declared links to the declaration form; that of a member who declared a conflict says they
// were removed from the application.
std::variant<MemberCase, Response> open_member_case(RequestContext& ctx, store::Transaction& tx);

// The 403 page for a member who may not see the application (see open_member_case).
Response member_refusal(RequestContext& ctx, const MemberCase& member_case);

// "/reviews/{id}" in the request's language.
std::string review_link(const RequestContext& ctx, std::int64_t application_id);

}  // namespace bsap::web
