// The applicant's side of the assessment (guidelines §2.6.4, §4.1, §4.4, §4.5). Never scores,
// members or their comments: only the state, the secretariat's requests, the decision.
// GET  /LANG/portal/applications/{id}/assessment: where the application stands; the open request
//      for information with its last day and the reply form; the decision with the approved
//      amount, duration and conditions; withdrawal (§4.4.1) and, once rejected, resubmission.
//      The sponsorships declared through the funding matching, counted or refused (§3.11.3).
// POST /LANG/portal/applications/{id}/answer: replies to the open request (§2.6.4).
// POST /LANG/portal/applications/{id}/withdraw: the person-in-charge's letter of withdrawal.
// POST /LANG/portal/applications/{id}/resubmit: a new draft from a rejected application (§4.5.1).
#include <chrono>

#include "ccfs/assessment_state.h"
#include "store/assessment_repo.h"
#include "web/assessment_view.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/rules_view.h"
#include "web/sponsorship_view.h"

namespace bsap::web {
namespace {

using ccfs::AssessmentEvent;
using ccfs::TransitionActor;

struct ApplicantView {
  OpenedApplication opened;
  store::AssessmentRow row;
  std::optional<store::InformationRequest> open_request;
  std::vector<store::InformationRequest> requests;
  std::optional<store::Decision> decision;
  bool person_in_charge = false;
};

std::variant<ApplicantView, Response> open_view(RequestContext& ctx) {
  auto tx = ctx.web().store.begin();
  auto opened = open_application(ctx, *tx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  ApplicantView view{std::get<OpenedApplication>(std::move(opened)), {}, {}, {}, {}, false};
  const std::int64_t id = view.opened.application.id;
  auto row = store::find_assessment(*tx, id);
  if (!row) {
    tx.reset();
    return error_page(ctx, ErrorPage::not_found);
  }
  view.row = std::move(*row);
  view.open_request = store::open_request(*tx, id);
  view.requests = store::list_information_requests(*tx, id);
  view.decision = store::find_decision(*tx, id);
  const auto member = portal_member(ctx, *tx);
  view.person_in_charge = member && member->organisation.id == view.row.organisation_id &&
                          member->member.is_person_in_charge;
  return view;
}

std::string base(std::int64_t id) { return "/portal/applications/" + std::to_string(id); }

bool own(RequestContext& ctx, const ApplicantView& view) {
  return !is_secretariat(ctx) || view.person_in_charge;
}

void add_decision(RequestContext& ctx, PageData& data, const ApplicantView& view) {
  const auto& decision = view.decision;
  if (!decision) return;
  const auto state = ccfs::parse_state(view.row.state);
  // The committee's decision as it stands: a later withdrawal or disqualification shows itself.
  if (!state || !ccfs::is_decided(*state)) return;
  PageData shown;
  shown.set("outcome", state_text(ctx, decision->outcome));
  if (decision->approved_amount)
    shown.set("amount", format_money(*decision->approved_amount, ctx.lang()));
  if (decision->duration_months) shown.set("duration", std::to_string(*decision->duration_months));
  shown.set("conditions", decision->conditions);
  shown.set("reason", decision->reason);
  shown.set("decided_on", format_iso(decision->decided_on));
  data.set("decision", shown);
}

Response render(RequestContext& ctx, const ApplicantView& view, const std::string& error,
                int status) {
  const auto state = ccfs::parse_state(view.row.state);
  if (!state) return error_page(ctx, ErrorPage::server_error);
  const std::int64_t id = view.opened.application.id;
  PageData data;
  data.set("reference", view.row.reference);
  data.set("application_title", view.row.title);
  data.set("state", state_text(ctx, view.row.state));
  data.set("state_code", view.row.state);
  if (view.open_request) {
    PageData request;
    request.set("question", view.open_request->question);
    request.set("due_on", format_iso(view.open_request->due_on));
    data.set("open_request", request);
  }
  data.set("requests", request_rows(ctx, view.requests));
  data.set("has_requests", !view.requests.empty());
  add_decision(ctx, data, view);
  {
    auto tx = ctx.web().store.begin();
    set_application_sponsorships(ctx, *tx, data, id, true);
  }
  const auto allowed = ccfs::allowed_events(*state, TransitionActor::applicant);
  const auto may = [&](AssessmentEvent event) {
    return own(ctx, view) && std::ranges::find(allowed, event) != allowed.end();
  };
  data.set("may_answer", may(AssessmentEvent::answer_information));
  data.set("may_withdraw", may(AssessmentEvent::withdraw) && view.person_in_charge);
  data.set("may_resubmit", own(ctx, view) && *state == ccfs::AssessmentState::rejected);
  data.set("answer_action", ctx.link(base(id) + "/answer"));
  data.set("withdraw_action", ctx.link(base(id) + "/withdraw"));
  data.set("resubmit_action", ctx.link(base(id) + "/resubmit"));
  data.set("application_href", ctx.link(base(id)));
  data.set("value_answer", ctx.form().get("answer"));
  data.set("value_letter", ctx.form().get("letter"));
  data.set("csrf_token", ctx.session().csrf_token());
  if (!error.empty()) add_errors(data, {{"assessment-forms", error}});
  const std::string done = ctx.query().get("done");
  if (done == "answer" || done == "withdraw")
    data.set("done_message", ctx.text("app_assessment_done_" + done));
  return render_page(ctx, "application_assessment", "app_assessment_title", std::move(data),
                     status);
}

Response take(RequestContext& ctx, AssessmentEvent event, const std::string& text,
              std::string_view done) {
  auto view_or = open_view(ctx);
  if (auto* refusal = std::get_if<Response>(&view_or)) return std::move(*refusal);
  const ApplicantView& view = std::get<ApplicantView>(view_or);
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset) return error_page(ctx, ErrorPage::server_error);
  assess::Step step;
  step.application_id = view.opened.application.id;
  step.event = event;
  step.reason = text;
  step.today = today_in_hong_kong(std::chrono::system_clock::now());
  try {
    auto tx = ctx.web().store.begin();
    assess::take_step(*tx, *ruleset, {TransitionActor::applicant, ctx.user()->id}, step);
    tx->commit();
  } catch (const assess::StepRefused& refused) {
    return render(ctx, view, refusal_text(ctx, refused), 422);
  } catch (const store::StaleState&) {
    return render(ctx, view, ctx.text("assessment_error_stale"), 409);
  }
  return redirect_see_other(ctx.link(base(step.application_id) + "/assessment") +
                            "?done=" + std::string(done));
}

}  // namespace

Response application_assessment_page(RequestContext& ctx) {
  auto view = open_view(ctx);
  if (auto* refusal = std::get_if<Response>(&view)) return std::move(*refusal);
  return render(ctx, std::get<ApplicantView>(view), "", 200);
}

Response application_answer_submit(RequestContext& ctx) {
  return take(ctx, AssessmentEvent::answer_information, ctx.form().get("answer"), "answer");
}

Response application_withdraw_submit(RequestContext& ctx) {
  return take(ctx, AssessmentEvent::withdraw, ctx.form().get("letter"), "withdraw");
}

Response application_resubmit(RequestContext& ctx) {
  auto view_or = open_view(ctx);
  if (auto* refusal = std::get_if<Response>(&view_or)) return std::move(*refusal);
  const ApplicantView& view = std::get<ApplicantView>(view_or);
  std::int64_t draft = 0;
  try {
    auto tx = ctx.web().store.begin();
    draft = store::create_resubmission(*tx, view.opened.application.id, ctx.user()->id);
    tx->commit();
  } catch (const store::StoreError&) {
    return render(ctx, view, ctx.text("app_assessment_resubmit_refused"), 422);
  }
  return redirect_see_other(ctx.link(base(draft) + "/differences"));
}

}  // namespace bsap::web
