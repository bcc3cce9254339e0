// What the assessment's pages share (the secretariat's, the members' and the applicant's): a
// state's or event's name in the request's language, the history of transitions and requests
// for information as template rows, and a refused step's message.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "assess/assessment_service.h"
#include "store/assessment_repo.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

std::string state_text(const RequestContext& ctx, std::string_view state_code);
std::string event_text(const RequestContext& ctx, ccfs::AssessmentEvent event);

// Oldest first: when, what, who ("system" for the scheduled job) and the reason.
PageData transition_rows(const RequestContext& ctx,
                         const std::vector<store::Transition>& transitions);
// Oldest first: question, asked on, due on, status, answer.
PageData request_rows(const RequestContext& ctx,
                      const std::vector<store::InformationRequest>& requests);

// "§2.6.4: …" in the request's language (zh for both Chinese scripts, Simplified converted).
std::string refusal_text(const RequestContext& ctx, const assess::StepRefused& refusal);

}  // namespace bsap::web
