// Changes to a funded project needing prior approval (guidelines §5.16.6, §5.16.7):
// POST /LANG/projects/{id}/changes: the grantee asks for a change (a new person-in-charge, a
//      budget modification beyond §5.5.3's increases, a transfer to another organisation).
// POST /LANG/projects/{id}/changes/{cid}/decision: the secretariat approves or refuses it — a
//      major change only after consulting the committee.
// Each answers 303 back to the section, or the project page with what refused it.
#include "manage/change_service.h"
#include "store/change_request_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/project_view.h"

namespace bsap::web {
namespace {

Response done(RequestContext& ctx, const OpenedProject& project, std::string_view what) {
  return redirect_see_other(project_link(ctx, project.row.application_id) +
                            "?done=" + std::string(what) + "#changes");
}

// The request {cid} names, when it is this project's.
std::optional<store::ChangeRequestRow> request_of(RequestContext& ctx,
                                                  const OpenedProject& project) {
  const auto id = parse_positive_id(ctx.path_parameter("cid"));
  if (!id) return std::nullopt;
  auto tx = ctx.web().store.begin();
  auto request = store::find_change_request(*tx, *id);
  if (!request || request->application_id != project.row.application_id) return std::nullopt;
  return request;
}

// The field a refused request's message stands beside: the blank one, else the kind.
std::string refused_field(const manage::ChangeRequest& request) {
  if (request.details.empty()) return "change_details";
  if (request.reason.empty()) return "change_reason";
  return "change_kind";
}

}  // namespace

Response project_change_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  std::vector<FieldError> errors;
  const auto change = project::change_from_code(ctx.form().get("change_kind"));
  if (!change) errors.push_back({"change_kind", ctx.text("project_error_change_kind")});
  if (!errors.empty()) return project_errors(ctx, project, errors);
  manage::ChangeRequest request;
  request.application_id = project.row.application_id;
  request.change = *change;
  request.details = trimmed(ctx.form().get("change_details"));
  request.reason = trimmed(ctx.form().get("change_reason"));
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::request_change(tx, {ctx.user()->id, project.secretariat}, request, project_today());
      }))
    return project_error(ctx, project, {refused_field(request), *refused});
  return done(ctx, project, "change_requested");
}

Response project_change_decision_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  const auto request = request_of(ctx, project);
  if (!request) return error_page(ctx, ErrorPage::not_found);
  const std::string cid = std::to_string(request->id);
  const FormData& form = ctx.form();
  std::vector<FieldError> errors;
  const std::string decision = form.get("decision");
  if (decision != "approve" && decision != "refuse")
    errors.push_back({"decision-" + cid, ctx.text("project_error_change_decision")});
  manage::ChangeVerdict verdict;
  verdict.request_id = request->id;
  verdict.approved = decision == "approve";
  if (!form.get("committee_consulted_on").empty())
    verdict.committee_consulted_on =
        date_field(ctx, "committee_consulted_on", "project_change_committee_consulted_on", errors,
                   "committee_consulted_on-" + cid);
  if (!errors.empty()) return project_errors(ctx, project, errors);
  verdict.committee_note = trimmed(form.get("committee_note"));
  verdict.decision_note = trimmed(form.get("decision_note"));
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::decide_change(tx, verdict, project_today(), ctx.user()->id);
      }))
    return project_error(ctx, project, {"decision-" + cid, *refused});
  return done(ctx, project, "change_decided");
}

}  // namespace bsap::web
