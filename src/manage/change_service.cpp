#include "manage/change_service.h"

#include <fmt/format.h>

#include "assess/assessment_mail.h"
#include "project/project_state.h"
#include "store/organisation_repo.h"
#include "store/project_repo.h"

namespace bsap::manage {
namespace {

using project::ProjectChange;
using project::ProjectState;

// A change is asked for and decided while the project runs: before the agreement nothing has
// begun; once ended, nothing is left to change.
void require_changeable(const store::ProjectRow& row) {
  const auto state = project::state_from_code(row.state);
  if (state == ProjectState::active || state == ProjectState::suspended) return;
  throw StepRefused("§5.16.6", "只有推行中或資助已暫停的項目可申請或批准更改。",
                    "Changes are asked for and decided only while the project is active or "
                    "suspended.");
}

void refuse(const project::ChangeRefusal& refusal) {
  throw StepRefused(refusal.clause, refusal.message_zh, refusal.message_en);
}

ProjectChange change_of(const store::ChangeRequestRow& row) {
  const auto change = project::change_from_code(row.kind);
  if (!change) throw store::StoreError("unknown change kind '" + row.kind + "'");
  return *change;
}

project::ChangeNoticeFacts facts_of(const store::ProjectRow& row, ProjectChange change,
                                    std::string details, std::string note) {
  return {row.reference, row.title, change, std::move(details), std::move(note)};
}

}  // namespace

std::int64_t request_change(store::Transaction& tx, const ProjectActor& actor,
                            const ChangeRequest& request, CivilDate today) {
  const store::ProjectRow row = require_project(tx, request.application_id);
  require_actor(tx, row, actor);
  require_changeable(row);
  if (const auto refusal =
          project::check_change_request(request.change, request.details, request.reason))
    refuse(*refusal);
  store::NewChangeRequest change;
  change.application_id = request.application_id;
  change.kind = std::string(project::change_code(request.change));
  change.details = request.details;
  change.reason = request.reason;
  change.requested_on = today;
  change.user_id = actor.user_id;
  const std::int64_t id = store::record_change_request(tx, change);
  assess::notify_organisation(
      tx, row.organisation_id,
      project::change_requested_notice(facts_of(row, request.change, request.details, "")));
  return id;
}

void decide_change(store::Transaction& tx, const ChangeVerdict& verdict, CivilDate today,
                   std::int64_t secretariat_user_id) {
  const auto request = store::find_change_request(tx, verdict.request_id);
  if (!request) throw StepRefused("§5.16.6", "找不到更改申請。", "No such change request.");
  const store::ProjectRow row = require_project(tx, request->application_id);
  require_changeable(row);
  if (request->status != "pending")
    throw StepRefused("§5.16.6", "此更改申請已有決定。", "This change request is decided already.");
  const ProjectChange change = change_of(*request);
  if (const auto refusal = project::check_change_decision(
          change, verdict.approved, verdict.committee_consulted_on.has_value(),
          verdict.committee_note, verdict.decision_note))
    refuse(*refusal);
  if (verdict.committee_consulted_on && today < *verdict.committee_consulted_on)
    throw StepRefused("§5.16.6", "諮詢委員會的日期不可遲於今天。",
                      "The committee cannot have been consulted after today.");
  store::ChangeDecision decision;
  decision.request_id = verdict.request_id;
  decision.approved = verdict.approved;
  decision.committee_consulted_on = verdict.committee_consulted_on;
  decision.committee_note = verdict.committee_note;
  decision.decision_note = verdict.decision_note;
  decision.decided_on = today;
  decision.user_id = secretariat_user_id;
  store::decide_change_request(tx, decision);
  assess::notify_organisation(
      tx, row.organisation_id,
      project::change_decided_notice(facts_of(row, change, request->details, verdict.decision_note),
                                     verdict.approved));
}

std::optional<std::string> approved_person_in_charge(store::Transaction& tx,
                                                     std::int64_t application_id) {
  // The latest decided (of two approved the same day, the later request): requests are listed
  // in the order they were made, not decided.
  const store::ChangeRequestRow* latest = nullptr;
  const auto requests = store::list_change_requests(tx, application_id);
  for (const store::ChangeRequestRow& row : requests) {
    if (row.status != "approved" ||
        row.kind != project::change_code(ProjectChange::person_in_charge))
      continue;
    if (!latest || *latest->decided_on <= *row.decided_on) latest = &row;
  }
  if (!latest) return std::nullopt;
  return latest->details;
}

}  // namespace bsap::manage
