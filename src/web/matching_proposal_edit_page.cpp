// GET  /LANG/matching/proposals/{id}/edit: the owner's organisation edits a proposal the
//      secretariat returned, in the form that posted it, with the reason it was returned.
// POST the same: the edited proposal goes back to the secretariat's list awaiting review.
// Another organisation is refused (403); a proposal that is not returned is not edited: the
// form sends the owner back to the proposal's page.
#include <variant>

#include "store/matching_repo.h"
#include "web/error_pages.h"
#include "web/matching_proposal_form.h"
#include "web/matching_view.h"
#include "web/pages.h"
#include "web/project_view.h"

namespace bsap::web {
namespace {

// The proposal when the visitor acts for its organisation; otherwise the refusal to send.
std::variant<store::Proposal, Response> own_proposal(RequestContext& ctx, store::Transaction& tx) {
  const auto id = parse_positive_id(ctx.path_parameter("id"));
  auto proposal = id ? store::find_proposal(tx, *id) : std::nullopt;
  if (!proposal) return error_page(ctx, ErrorPage::not_found);
  const auto member = portal_member(ctx, tx);
  if (!member || member->organisation.id != proposal->organisation_id)
    return error_page(ctx, ErrorPage::forbidden);
  return std::move(*proposal);
}

Response edit_view(RequestContext& ctx, const store::Proposal& proposal,
                   const std::vector<FieldError>& errors) {
  PageData data;
  if (errors.empty())
    set_proposal_form(ctx, data, proposal.details);
  else
    set_proposal_form_as_sent(ctx, data);
  if (!proposal.review_note.empty()) data.set("review_note", proposal.review_note);
  const std::string href = proposal_href(ctx, proposal.id);
  data.set("proposal_href", href);
  data.set("edit_action", href + "/edit");
  data.set("csrf_token", ctx.session().csrf_token());
  add_errors(data, errors);
  return render_titled_page(
      ctx, "matching_proposal_edit",
      fill(ctx.text("matching_edit_title"), "title", proposal_title(ctx, proposal.details)),
      std::move(data), errors.empty() ? 200 : 422);
}

}  // namespace

Response matching_proposal_edit_page(RequestContext& ctx) {
  std::variant<store::Proposal, Response> opened = [&] {
    auto tx = ctx.web().store.begin();
    return own_proposal(ctx, *tx);
  }();
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const store::Proposal& proposal = std::get<store::Proposal>(opened);
  if (proposal.state != store::ProposalState::returned)
    return redirect_see_other(proposal_href(ctx, proposal.id));
  return edit_view(ctx, proposal, {});
}

Response matching_proposal_resubmit(RequestContext& ctx) {
  std::vector<FieldError> errors;
  const store::ProposalDetails details = read_proposal_form(ctx, errors);
  auto tx = ctx.web().store.begin();
  auto opened = own_proposal(ctx, *tx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const store::Proposal& proposal = std::get<store::Proposal>(opened);
  if (proposal.state != store::ProposalState::returned)
    errors.push_back({"title_zh", ctx.text("matching_error_not_returned")});
  if (!errors.empty()) {
    tx.reset();
    return edit_view(ctx, proposal, errors);
  }
  store::resubmit_proposal(*tx, proposal.id, details, ctx.user()->id);
  tx->commit();
  return redirect_see_other(proposal_href(ctx, proposal.id) + "?done=resubmitted");
}

}  // namespace bsap::web
