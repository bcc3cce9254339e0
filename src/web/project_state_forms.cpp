// The secretariat's steps that start, pay, stop and end a funded project (guidelines §5.1.1,
// §5.5.1, §5.16, §5.5.7):
// POST /LANG/projects/{id}/agreement: the signed agreement with the bank statement (§5.6.1) and,
//      for works in private buildings, the owners' agreement, chosen from the grantee's library.
// POST /LANG/projects/{id}/instalments/{n}/release: releases instalment n.
// POST /LANG/projects/{id}/state: suspends, resumes or terminates, with the grounds (§5.16).
// POST /LANG/projects/{id}/close: closes a completed or terminated project whose settlement is
//      square.
// Each answers 303 back to the project page's section, or the page with what refused it.
#include <algorithm>

#include "manage/project_service.h"
#include "store/document_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/project_view.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

Response done(RequestContext& ctx, const OpenedProject& project, std::string_view what,
              std::string_view section) {
  return redirect_see_other(project_link(ctx, project.row.application_id) +
                            "?done=" + std::string(what) + "#" + std::string(section));
}

// A document the form names: nullopt when none is chosen; an error when it is not one of the
// grantee's own.
std::optional<std::int64_t> chosen_document(RequestContext& ctx, const OpenedProject& project,
                                            const std::string& field,
                                            std::vector<FieldError>& errors) {
  const std::string value = ctx.form().get(field);
  if (value.empty()) return std::nullopt;
  const auto id = parse_positive_id(value);
  bool own = false;
  if (id) {
    auto tx = ctx.web().store.begin();
    const auto documents = store::list_documents(*tx, project.row.organisation_id);
    own = std::ranges::any_of(
        documents, [&](const store::DocumentInfo& document) { return document.id == *id; });
  }
  if (!own) {
    errors.push_back({field, ctx.text("project_error_document")});
    return std::nullopt;
  }
  return id;
}

// The ground the state form chose, by its clause, among the ruleset's §5.16 grounds.
struct ChosenGround {
  const rules::Ground* ground = nullptr;
  bool immediate = false;  // one of §5.16.2's
};

std::optional<ChosenGround> find_ground(const rules::Ruleset& ruleset, const std::string& clause) {
  for (const rules::Ground& ground : ruleset.suspension.immediate_termination)
    if (ground.clause == clause) return ChosenGround{&ground, true};
  for (const auto* grounds : {&ruleset.suspension.may_suspend, &ruleset.suspension.other})
    for (const rules::Ground& ground : *grounds)
      if (ground.clause == clause) return ChosenGround{&ground, false};
  return std::nullopt;
}

}  // namespace

Response project_agreement_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  std::vector<FieldError> errors;
  const auto signed_on = date_field(ctx, "signed_on", "project_signed_on", errors);
  const auto bank_statement = chosen_document(ctx, project, "bank_statement", errors);
  const auto owners_agreement = chosen_document(ctx, project, "owners_agreement", errors);
  if (!errors.empty()) return project_errors(ctx, project, errors);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::sign_agreement(tx, project.row.application_id, *signed_on, bank_statement,
                               owners_agreement, ctx.user()->id);
      }))
    return project_error(ctx, project, {"agreement", *refused});
  return done(ctx, project, "signed", "agreement");
}

Response project_release_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  const auto number = parse_positive_id(ctx.path_parameter("n"));
  if (!number || *number > 1000) return error_page(ctx, ErrorPage::not_found);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::release_instalment(tx, project.row.application_id, static_cast<int>(*number),
                                   project_today(), ctx.user()->id);
      }))
    return project_error(ctx, project, {"schedule", *refused});
  return done(ctx, project, "released", "schedule");
}

Response project_state_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset) return error_page(ctx, ErrorPage::server_error);
  std::vector<FieldError> errors;
  const auto event = project::event_from_code(ctx.form().get("state_event"));
  if (!event) errors.push_back({"state_event", ctx.text("project_error_state_event")});
  const std::string clause = ctx.form().get("state_ground");
  const auto ground =
      clause.empty() ? std::optional<ChosenGround>(ChosenGround{}) : find_ground(*ruleset, clause);
  const bool immediate = ctx.form().get("state_immediate") == "yes";
  if (!ground) errors.push_back({"state_ground", ctx.text("project_error_state_ground")});
  // §5.16.2: only its grounds end the funding at once; §5.16.1's give a month's notice.
  if (ground && immediate && !ground->immediate)
    errors.push_back({"state_ground", ctx.text("project_error_immediate_ground")});
  const std::string note = trimmed(ctx.form().get("state_note"));
  if (note.empty()) errors.push_back({"state_note", ctx.text("project_error_state_note")});
  if (!errors.empty()) return project_errors(ctx, project, errors);
  const std::string grounds = ground->ground ? ground->ground->clause + ": " + note : note;
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::change_project_state(tx, project.row.application_id, *event, grounds, immediate,
                                     project_today(), ctx.user()->id);
      }))
    return project_error(ctx, project, {"state_event", *refused});
  return done(ctx, project, "state", "state-changes");
}

Response project_close_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::close_project(tx, project.row.application_id, project_today(), ctx.user()->id);
      }))
    return project_error(ctx, project, {"close", *refused});
  return done(ctx, project, "closed", "state-changes");
}

}  // namespace bsap::web
