#include "web/assessment_view.h"

#include "ccfs/assessment_state.h"

namespace bsap::web {

std::string state_text(const RequestContext& ctx, std::string_view state_code) {
  const auto state = ccfs::parse_state(state_code);
  if (!state) return std::string(state_code);
  return ctx.data_text(ccfs::state_name_zh(*state), ccfs::state_name_en(*state));
}

std::string event_text(const RequestContext& ctx, ccfs::AssessmentEvent event) {
  return ctx.data_text(ccfs::event_name_zh(event), ccfs::event_name_en(event));
}

PageData transition_rows(const RequestContext& ctx,
                         const std::vector<store::Transition>& transitions) {
  PageData rows{PageData::type::list};
  for (const store::Transition& transition : transitions) {
    PageData row;
    row.set("on", format_iso(transition.on));
    const auto event = ccfs::parse_event(transition.event);
    row.set("event", event ? event_text(ctx, *event) : transition.event);
    row.set("to_state", state_text(ctx, transition.to_state));
    row.set("actor", transition.actor_name);
    row.set("reason", transition.reason);
    rows.push_back(row);
  }
  return rows;
}

PageData request_rows(const RequestContext& ctx,
                      const std::vector<store::InformationRequest>& requests) {
  PageData rows{PageData::type::list};
  for (const store::InformationRequest& request : requests) {
    PageData row;
    row.set("question", request.question);
    row.set("requested_on", format_iso(request.requested_on));
    row.set("due_on", format_iso(request.due_on));
    row.set("status", ctx.text("assessment_request_" + request.status));
    row.set("answer", request.answer);
    if (request.answered_on) row.set("answered_on", format_iso(*request.answered_on));
    rows.push_back(row);
  }
  return rows;
}

std::string refusal_text(const RequestContext& ctx, const assess::StepRefused& refusal) {
  return refusal.clause() + ": " + ctx.data_text(refusal.message_zh(), refusal.message_en());
}

}  // namespace bsap::web
