#include "web/portal_access.h"

#include <algorithm>
#include <charconv>

#include "web/error_pages.h"

namespace bsap::web {

std::optional<std::int64_t> parse_positive_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

std::optional<PortalMember> portal_member(RequestContext& ctx, store::Transaction& tx) {
  const auto& user = ctx.user();
  if (!user) return std::nullopt;
  auto organisation = store::organisation_of_user(tx, user->id);
  if (!organisation) return std::nullopt;
  auto member = store::find_member(tx, organisation->id, user->id);
  if (!member) return std::nullopt;
  return PortalMember{std::move(*organisation), std::move(*member)};
}

bool is_secretariat(RequestContext& ctx) {
  const auto& user = ctx.user();
  return user && std::ranges::find(user->roles, Role::secretariat) != user->roles.end();
}

bool may_see_organisation(RequestContext& ctx, store::Transaction& tx,
                          std::int64_t organisation_id) {
  if (is_secretariat(ctx)) return true;
  const auto member = portal_member(ctx, tx);
  return member && member->organisation.id == organisation_id;
}

std::variant<OpenedApplication, Response> open_application(RequestContext& ctx,
                                                           store::Transaction& tx) {
  const auto id = parse_positive_id(ctx.path_parameter("id"));
  auto application = id ? store::find_application(tx, *id) : std::nullopt;
  if (!application) return error_page(ctx, ErrorPage::not_found);
  const auto member = portal_member(ctx, tx);
  const bool own = member && member->organisation.id == application->organisation_id;
  if (!own && !is_secretariat(ctx)) return error_page(ctx, ErrorPage::forbidden);
  OpenedApplication opened{std::move(*application), false, false};
  opened.editable = own && opened.application.state == store::ApplicationState::draft;
  opened.may_submit = opened.editable && member->member.is_person_in_charge;
  return opened;
}

}  // namespace bsap::web
