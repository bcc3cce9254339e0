// The steps in a good-practice case's life (000_e0ccae9882b7fb64.txt 優先行動 2.7, 2.7.1;
// plan/good_practice.h):
// POST /LANG/cases/{id}/submit: the owner sends a complete draft or returned case for review; an
//      incomplete one is refused with each fault (plan::check_case, CaseCheck::submission).
// POST /LANG/cases/{id}/withdraw: the owner takes the case back for good, published or not.
// POST /LANG/cases/{id}/publish: the working group's secretariat publishes a submitted case.
// POST /LANG/cases/{id}/return: the secretariat returns it with its reason (required), which the
//      owner reads beside the case before editing and submitting it again.
// Each answers 303 to the case page, or the case page (422) with what refused it; a case the
// visitor may not see, or whose step is not theirs, answers 404.
#include <chrono>

#include "store/case_repo.h"
#include "web/case_view.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

enum class Taker { owner, reviewer };

Response take_step(RequestContext& ctx, Taker taker, plan::CaseEvent event, std::string_view done) {
  const CaseVisitor visitor = case_visitor(ctx);
  const auto c = visible_case(ctx, visitor);
  if (!c || !(taker == Taker::owner ? owns_case(visitor, *c) : visitor.reviews_cases))
    return error_page(ctx, ErrorPage::not_found);
  std::vector<FieldError> errors;
  std::string reason;
  if (event == plan::CaseEvent::submit)
    for (const plan::CaseFault& fault : plan::check_case(
             *c, case_lists(ctx), ctx.web().domain.plan,
             today_in_hong_kong(std::chrono::system_clock::now()), plan::CaseCheck::submission))
      errors.push_back({"edit-case", ctx.text(fault.message_key)});
  if (event == plan::CaseEvent::give_back) {
    reason = trim_text(ctx.form().get("return_reason"));
    if (reason.empty()) errors.push_back({"return_reason", ctx.text("case_error_return_reason")});
  }
  if (errors.empty() && !plan::next_case_state(c->state, event))
    errors.push_back({"case-state", ctx.text("case_error_step")});
  if (errors.empty())
    if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
          store::move_case(tx, c->id, event, reason, visitor.user_id);
        }))
      errors.push_back({"case-state", *refusal});
  if (!errors.empty()) return case_page_view(ctx, *c, visitor, errors, 422, reason);
  return redirect_see_other(case_link(ctx, c->id, "?done=" + std::string(done)));
}

}  // namespace

Response case_submit(RequestContext& ctx) {
  return take_step(ctx, Taker::owner, plan::CaseEvent::submit, "submitted");
}

Response case_withdraw(RequestContext& ctx) {
  return take_step(ctx, Taker::owner, plan::CaseEvent::withdraw, "withdrawn");
}

Response case_publish(RequestContext& ctx) {
  return take_step(ctx, Taker::reviewer, plan::CaseEvent::publish, "published");
}

Response case_return(RequestContext& ctx) {
  return take_step(ctx, Taker::reviewer, plan::CaseEvent::give_back, "returned");
}

}  // namespace bsap::web
