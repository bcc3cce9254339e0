// The project page's section on changes needing approval (guidelines §5.16.6, §5.16.7): every
// request with its decision, the grantee's request form while the project runs, and the
// secretariat's decision form on each pending request — the committee's consultation shown as
// required for a major change. Also the person-in-charge the summary shows.
#include <variant>

#include "ccfs/application_json.h"
#include "manage/change_service.h"
#include "project/change_requests.h"
#include "project/project_state.h"
#include "store/application_repo.h"
#include "web/project_sections.h"

namespace bsap::web {
namespace {

constexpr project::ProjectChange kChanges[] = {project::ProjectChange::person_in_charge,
                                               project::ProjectChange::budget_modification,
                                               project::ProjectChange::transfer_to_organisation};

std::string application_person_in_charge(store::Transaction& tx, std::int64_t application_id) {
  const auto stored = store::find_application(tx, application_id);
  if (!stored) return "";
  auto parsed = ccfs::parse_application_json(stored->document_json);
  if (auto* document = std::get_if<ccfs::ApplicationDocument>(&parsed)) {
    const ccfs::PersonInCharge& pic = document->application.person_in_charge;
    return pic.post.empty() ? pic.name : pic.name + ", " + pic.post;
  }
  return "";
}

std::string change_name(const RequestContext& ctx, const std::string& code) {
  const auto change = project::change_from_code(code);
  if (!change) return code;
  return in_reader_language(ctx, [&](Lang lang) { return project::change_text(*change, lang); });
}

bool changeable(const store::ProjectRow& row) {
  return row.state == project::state_code(project::ProjectState::active) ||
         row.state == project::state_code(project::ProjectState::suspended);
}

// The secretariat's decision form on a pending request; the posted values are kept on the row
// whose form was posted.
void add_decision_form(RequestContext& ctx, const ProjectFacts& facts,
                       const store::ChangeRequestRow& request, const ProjectFormState& state,
                       PageData& row) {
  const std::string cid = std::to_string(request.id);
  const bool posted = state.keep_values && ctx.path_parameter("cid") == cid;
  const FormData& form = ctx.form();
  const auto change = project::change_from_code(request.kind);
  row.set("can_decide", true);
  row.set("decision_action",
          project_link(ctx, facts.row.application_id, "/changes/" + cid + "/decision"));
  row.set("committee_required", change && project::needs_committee(*change));
  const std::string decision = posted ? form.get("decision") : std::string();
  row.set("approve_checked", decision == "approve");
  row.set("refuse_checked", decision == "refuse");
  row.set("value_committee_consulted_on",
          posted ? form.get("committee_consulted_on") : std::string());
  row.set("value_committee_note", posted ? form.get("committee_note") : std::string());
  row.set("value_decision_note", posted ? form.get("decision_note") : std::string());
  for (const char* field : {"decision", "committee_consulted_on", "committee_note"})
    set_if_text(row, std::string(field) + "_error",
                error_for(state, std::string(field) + "-" + cid));
}

PageData request_row(RequestContext& ctx, const ProjectFacts& facts, const ProjectViewer& viewer,
                     const store::ChangeRequestRow& request, const ProjectFormState& state) {
  PageData row;
  row.set("id", std::to_string(request.id));
  row.set("kind", change_name(ctx, request.kind));
  const auto change = project::change_from_code(request.kind);
  row.set("clause", change ? std::string(project::change_clause(*change)) : std::string());
  row.set("details", request.details);
  row.set("reason", request.reason);
  row.set("requested_on", format_iso(request.requested_on));
  row.set("requested_by", request.requested_by);
  row.set("status", ctx.text("project_change_status_" + request.status));
  row.set("approved", request.status == "approved");
  if (request.committee_consulted_on)
    row.set("committee_consulted_on", format_iso(*request.committee_consulted_on));
  set_if_text(row, "committee_note", request.committee_note);
  if (request.decided_on) row.set("decided_on", format_iso(*request.decided_on));
  set_if_text(row, "decided_by", request.decided_by);
  set_if_text(row, "decision_note", request.decision_note);
  if (viewer.secretariat && request.status == "pending" && changeable(facts.row))
    add_decision_form(ctx, facts, request, state, row);
  return row;
}

}  // namespace

void load_change_facts(store::Transaction& tx, std::int64_t application_id, ProjectFacts& facts) {
  facts.change_requests = store::list_change_requests(tx, application_id);
  const auto approved = manage::approved_person_in_charge(tx, application_id);
  facts.person_in_charge = approved ? *approved : application_person_in_charge(tx, application_id);
}

void add_change_requests(RequestContext& ctx, const ProjectFacts& facts,
                         const ProjectViewer& viewer, const ProjectFormState& state,
                         PageData& data) {
  set_if_text(data, "person_in_charge", facts.person_in_charge);
  PageData rows{PageData::type::list};
  for (const store::ChangeRequestRow& request : facts.change_requests)
    rows.push_back(request_row(ctx, facts, viewer, request, state));
  data.set("change_requests", rows);
  data.set("has_change_requests", !facts.change_requests.empty());

  const bool can_request = viewer.grantee && changeable(facts.row);
  data.set("can_request_change", can_request);
  if (!can_request) return;
  const FormData& form = ctx.form();
  const bool posted = state.keep_values && ctx.path_parameter("cid").empty();
  const std::string selected = posted ? form.get("change_kind") : std::string();
  PageData kinds{PageData::type::list};
  for (const project::ProjectChange change : kChanges) {
    const std::string code(project::change_code(change));
    kinds.push_back(select_option(
        code,
        in_reader_language(ctx, [&](Lang lang) { return project::change_text(change, lang); }) +
            " (" + std::string(project::change_clause(change)) + ")",
        code == selected));
  }
  data.set("change_kind_options", kinds);
  data.set("change_action", project_link(ctx, facts.row.application_id, "/changes"));
  data.set("value_change_details", posted ? form.get("change_details") : std::string());
  data.set("value_change_reason", posted ? form.get("change_reason") : std::string());
}

}  // namespace bsap::web
