// GET  /LANG/assessment/applications/{id}: one submitted application as the secretariat screens
//      and moves it: its particulars, the checker's findings beside it (§2.6, screening), the
//      steps the secretariat may take now, requests for information (§2.6.4), the members
//      assigned to each panel and the committee with their declarations (§5.17), the decision,
//      and the whole history of transitions; beside the findings, the species and threatened
//      species the hub holds for the application's sites (issue 9 §7), and the sponsorships
//      declared through the funding matching, counted or refused under §3.11.3.
// POST /LANG/assessment/applications/{id}/steps: takes one step (event, reason, ground).
// POST /LANG/assessment/applications/{id}/members: assigns a member to a body.
// POST /LANG/assessment/applications/{id}/round: puts an application submitted while no round
//      was open into a round.
#include <chrono>

#include "ccfs/assessment_state.h"
#include "core/role.h"
#include "store/application_repo.h"
#include "store/panel_repo.h"
#include "store/round_repo.h"
#include "store/user_repo.h"
#include "web/application_checking.h"
#include "web/assessment_view.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/part_view.h"
#include "web/portal_access.h"
#include "web/rules_view.h"
#include "web/site_species_view.h"
#include "web/sponsorship_view.h"

namespace bsap::web {
namespace {

using ccfs::AssessmentEvent;
using ccfs::AssessmentState;

struct CaseFacts {
  store::AssessmentRow row;
  store::StoredApplication application;
  std::vector<store::Transition> transitions;
  std::vector<store::InformationRequest> requests;
  std::vector<store::Assignment> assignments;
  std::vector<store::Round> rounds;
  std::vector<store::User> users;
  std::optional<store::Decision> decision;
};

std::optional<CaseFacts> load_case(RequestContext& ctx, std::int64_t id) {
  auto tx = ctx.web().store.begin();
  auto row = store::find_assessment(*tx, id);
  auto application = store::find_application(*tx, id);
  if (!row || !application) return std::nullopt;
  return CaseFacts{*row,
                   *application,
                   store::list_transitions(*tx, id),
                   store::list_information_requests(*tx, id),
                   store::list_assignments(*tx, id),
                   store::list_rounds(*tx),
                   store::list_users(*tx),
                   store::find_decision(*tx, id)};
}

std::string base_path(std::int64_t id) { return "/assessment/applications/" + std::to_string(id); }

// The grounds an event's form offers: §4.1.4's for a disqualification, the not-considered ones
// for declare_not_considered.
PageData ground_options(const RequestContext& ctx, const rules::Ruleset& ruleset,
                        AssessmentEvent event) {
  PageData options{PageData::type::list};
  if (event == AssessmentEvent::disqualify)
    for (const rules::Ground& ground : ruleset.assessment.disqualification_grounds) {
      PageData option;
      option.set("value", ground.id);
      option.set("name", ctx.data_text(ground.text.zh, ground.text.en));
      options.push_back(option);
    }
  if (event == AssessmentEvent::declare_not_considered)
    for (const auto& ground : ruleset.assessment.not_considered) {
      PageData option;
      option.set("value", ground.key);
      option.set("name",
                 ground.clause + " " + ctx.data_text(ground.description.zh, ground.description.en));
      options.push_back(option);
    }
  return options;
}

PageData step_forms(RequestContext& ctx, const rules::Ruleset& ruleset, AssessmentState state,
                    std::int64_t id) {
  PageData forms{PageData::type::list};
  for (const AssessmentEvent event :
       ccfs::allowed_events(state, ccfs::TransitionActor::secretariat)) {
    PageData form;
    const std::string code(ccfs::event_code(event));
    form.set("event", code);
    form.set("name", event_text(ctx, event));
    form.set("hint", ctx.text("assessment_hint_" + code));
    form.set("needs_reason", ccfs::needs_reason(event));
    PageData grounds = ground_options(ctx, ruleset, event);
    form.set("has_grounds", !grounds.is_empty_list());
    form.set("grounds", grounds);
    form.set("action", ctx.link(base_path(id) + "/steps"));
    forms.push_back(form);
  }
  return forms;
}

std::string body_text(const RequestContext& ctx, std::string_view body) {
  return state_text(ctx, body);
}

PageData assignment_rows(RequestContext& ctx, const std::vector<store::Assignment>& assignments) {
  PageData rows{PageData::type::list};
  for (const store::Assignment& assignment : assignments) {
    PageData row;
    row.set("body", body_text(ctx, assignment.body));
    row.set("member", assignment.member_name);
    row.set("declaration", ctx.text(assignment.declaration.empty()
                                        ? "assessment_declaration_pending"
                                        : "assessment_declaration_" + assignment.declaration));
    row.set("conflict", assignment.declaration == "conflict");
    row.set("note", assignment.declaration_note);
    rows.push_back(row);
  }
  return rows;
}

// Members who may be assigned: users holding a body's role.
PageData member_options(const RequestContext& ctx, const std::vector<store::User>& users) {
  PageData options{PageData::type::list};
  for (const store::User& user : users) {
    if (user.disabled) continue;
    for (const Role role : user.roles) {
      if (role != Role::assessment_panel && role != Role::approval_panel && role != Role::committee)
        continue;
      PageData option;
      option.set("value", std::to_string(user.id) + ":" + std::string(role_code(role)));
      option.set("name", (user.display_name.empty() ? user.username : user.display_name) + " — " +
                             state_text(ctx, role_code(role)));
      options.push_back(option);
    }
  }
  return options;
}

void add_round(RequestContext& ctx, PageData& data, const CaseFacts& facts) {
  PageData options{PageData::type::list};
  for (const store::Round& round : facts.rounds) {
    if (facts.row.round_id == round.id)
      data.set("round", ctx.data_text(round.name_zh, round.name_en));
    PageData option;
    option.set("value", std::to_string(round.id));
    option.set("name", ctx.data_text(round.name_zh, round.name_en));
    options.push_back(option);
  }
  data.set("needs_round", !facts.row.round_id.has_value());
  data.set("round_options", options);
  data.set("round_action", ctx.link(base_path(facts.row.application_id) + "/round"));
}

void add_decision(RequestContext& ctx, PageData& data, const std::optional<store::Decision>& d) {
  if (!d) return;
  PageData decision;
  decision.set("outcome", state_text(ctx, d->outcome));
  if (d->approved_amount) decision.set("amount", format_money(*d->approved_amount, ctx.lang()));
  if (d->duration_months) decision.set("duration", std::to_string(*d->duration_months));
  decision.set("conditions", d->conditions);
  decision.set("ground", d->ground);
  decision.set("reason", d->reason);
  decision.set("decided_on", format_iso(d->decided_on));
  data.set("decision", decision);
}

void add_findings_of(RequestContext& ctx, PageData& data, const store::StoredApplication& app) {
  const CheckedDraft checked = check_draft(ctx, app);
  add_findings(ctx, data, checked.result.findings,
               [](const ccfs::Finding&) { return std::string(); });
  data.set("eligible", checked.result.eligible());
  add_site_species(ctx, data, checked);
}

Response case_view(RequestContext& ctx, std::int64_t id, const std::string& error, int status) {
  auto facts = load_case(ctx, id);
  if (!facts) return error_page(ctx, ErrorPage::not_found);
  const auto ruleset = ruleset_in_force_today(ctx);
  const auto state = ccfs::parse_state(facts->row.state);
  if (!ruleset || !state) return error_page(ctx, ErrorPage::server_error);
  PageData data;
  data.set("reference", facts->row.reference);
  data.set("application_title", facts->row.title);
  data.set("organisation",
           ctx.data_text(facts->row.organisation_name_zh, facts->row.organisation_name_en));
  if (const auto* type = ruleset->project_type(facts->row.project_type))
    data.set("type", ctx.data_text(type->name.zh, type->name.en));
  data.set("state", state_text(ctx, facts->row.state));
  data.set("submitted_on", facts->row.submitted_on);
  const std::string portal = "/portal/applications/" + std::to_string(id);
  data.set("read_href", ctx.link(portal + "/review"));
  data.set("history_href", ctx.link(portal + "/history"));
  data.set("budget_href", ctx.link(portal + "/budget.xlsx"));
  if (facts->application.resubmission_of)
    data.set("differences_href", ctx.link(portal + "/differences"));
  add_round(ctx, data, *facts);
  add_findings_of(ctx, data, facts->application);
  {
    auto tx = ctx.web().store.begin();
    set_application_sponsorships(ctx, *tx, data, id, true);
  }
  data.set("steps", step_forms(ctx, *ruleset, *state, id));
  data.set("requests", request_rows(ctx, facts->requests));
  data.set("has_requests", !facts->requests.empty());
  data.set("assignments", assignment_rows(ctx, facts->assignments));
  data.set("has_assignments", !facts->assignments.empty());
  data.set("member_options", member_options(ctx, facts->users));
  data.set("can_assign", !ccfs::is_final(*state));
  data.set("member_action", ctx.link(base_path(id) + "/members"));
  add_decision(ctx, data, facts->decision);
  data.set("transitions", transition_rows(ctx, facts->transitions));
  data.set("dashboard_href", ctx.link("/assessment"));
  data.set("csrf_token", ctx.session().csrf_token());
  if (!error.empty()) add_errors(data, {{"steps", error}});
  if (ctx.query().get("done") == "step") data.set("done_message", ctx.text("assessment_step_done"));
  return render_titled_page(ctx, "assessment_case", facts->row.reference + " " + facts->row.title,
                            std::move(data), status);
}

std::optional<std::int64_t> route_id(RequestContext& ctx) {
  return parse_positive_id(ctx.path_parameter("id"));
}

CivilDate today() { return today_in_hong_kong(std::chrono::system_clock::now()); }

}  // namespace

Response assessment_case_page(RequestContext& ctx) {
  const auto id = route_id(ctx);
  if (!id) return error_page(ctx, ErrorPage::not_found);
  return case_view(ctx, *id, "", 200);
}

Response assessment_step_submit(RequestContext& ctx) {
  const auto id = route_id(ctx);
  if (!id) return error_page(ctx, ErrorPage::not_found);
  const auto event = ccfs::parse_event(ctx.form().get("event"));
  if (!event) return case_view(ctx, *id, ctx.text("assessment_error_event"), 422);
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset) return error_page(ctx, ErrorPage::server_error);
  assess::Step step;
  step.application_id = *id;
  step.event = *event;
  step.reason = ctx.form().get("reason");
  step.ground = ctx.form().get("ground");
  step.today = today();
  try {
    auto tx = ctx.web().store.begin();
    assess::take_step(*tx, *ruleset, {ccfs::TransitionActor::secretariat, ctx.user()->id}, step);
    tx->commit();
  } catch (const assess::StepRefused& refused) {
    return case_view(ctx, *id, refusal_text(ctx, refused), 422);
  } catch (const store::StaleState&) {
    return case_view(ctx, *id, ctx.text("assessment_error_stale"), 409);
  }
  return redirect_see_other(ctx.link(base_path(*id)) + "?done=step");
}

Response assessment_member_assign(RequestContext& ctx) {
  const auto id = route_id(ctx);
  if (!id) return error_page(ctx, ErrorPage::not_found);
  const std::string choice = ctx.form().get("member");
  const auto colon = choice.find(':');
  const auto member = parse_positive_id(choice.substr(0, colon));
  const auto body =
      colon == std::string::npos ? std::nullopt : ccfs::parse_state(choice.substr(colon + 1));
  if (!member || !body) return case_view(ctx, *id, ctx.text("assessment_error_member"), 422);
  try {
    auto tx = ctx.web().store.begin();
    assess::assign_member(*tx, *id, *member, *body, ctx.user()->id);
    tx->commit();
  } catch (const assess::StepRefused& refused) {
    return case_view(ctx, *id, refusal_text(ctx, refused), 422);
  } catch (const store::StoreError& refused) {
    return case_view(ctx, *id, refused.what(), 422);
  }
  return redirect_see_other(ctx.link(base_path(*id)) + "?done=step");
}

Response assessment_round_assign(RequestContext& ctx) {
  const auto id = route_id(ctx);
  const auto round = parse_positive_id(ctx.form().get("round"));
  if (!id) return error_page(ctx, ErrorPage::not_found);
  if (!round) return case_view(ctx, *id, ctx.text("assessment_error_round"), 422);
  try {
    auto tx = ctx.web().store.begin();
    store::assign_round(*tx, *id, *round, ctx.user()->id);
    tx->commit();
  } catch (const store::StoreError& refused) {
    return case_view(ctx, *id, refused.what(), 422);
  }
  return redirect_see_other(ctx.link(base_path(*id)) + "?done=step");
}

}  // namespace bsap::web
