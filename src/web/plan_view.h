// What the plan pages share: the plan's texts in the request's language, the links to actions and
// cross-walks, and the names of cross-walk entries (goals, NBSAP actions, KMGBF targets, SDGs).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/crosswalk.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

std::string plan_text(const RequestContext& ctx, const plan::BilingualText& text);

// A whole number of 1–9999 written plainly ("3", not "03" or "+3"), or nullopt.
std::optional<int> parse_page_number(std::string_view text);

// The URL segment of a cross-walk: "goals", "nbsap", "kmgbf", "sdg".
std::string_view crosswalk_segment(plan::Framework framework);
std::string crosswalk_href(const RequestContext& ctx, plan::Framework framework, int number);
// "KMGBF target 3" in the request's language.
std::string crosswalk_label(const RequestContext& ctx, plan::Framework framework, int number);
// The entry's name in the request's language; "" when the catalogue has no such number.
std::string crosswalk_name(const RequestContext& ctx, plan::Framework framework, int number);

std::string action_href(const RequestContext& ctx, const plan::Action& action);
// {number, title, href, items: [{number, text}]} for lists of actions.
PageData action_summary(const RequestContext& ctx, const plan::Action& action);
PageData action_summaries(const RequestContext& ctx,
                          const std::vector<const plan::Action*>& actions);

}  // namespace bsap::web
