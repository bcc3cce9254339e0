// Who sees what in the applicant portal. An applicant sees only its own organisation's
// organisation page, documents and applications (ARCHITECTURE.md: applicants see only their own
// work); the secretariat sees every organisation's, read-only here. The routes admit the roles;
// these checks decide on the object, so a guessed id answers 403, never another's data.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

#include "store/application_repo.h"
#include "store/organisation_repo.h"
#include "web/http_message.h"
#include "web/request_context.h"

namespace bsap::web {

std::optional<std::int64_t> parse_positive_id(std::string_view text);

struct PortalMember {
  store::Organisation organisation;
  store::Member member;
};

// The signed-in user's organisation and membership, if any.
std::optional<PortalMember> portal_member(RequestContext& ctx, store::Transaction& tx);
bool is_secretariat(RequestContext& ctx);

struct OpenedApplication {
  store::StoredApplication application;
  bool editable = false;    // a draft, opened by a member of its organisation
  bool may_submit = false;  // … who is its person-in-charge (§2.6.3)
};

// The application named by the route's {id}: 404 when there is none, 403 when it belongs to
// another organisation and the visitor is not the secretariat.
std::variant<OpenedApplication, Response> open_application(RequestContext& ctx,
                                                           store::Transaction& tx);

// Whether the visitor may see the organisation's papers: a member, or the secretariat.
bool may_see_organisation(RequestContext& ctx, store::Transaction& tx,
                          std::int64_t organisation_id);

}  // namespace bsap::web
