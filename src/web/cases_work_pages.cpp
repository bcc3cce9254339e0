// The working lists of good-practice cases (000_e0ccae9882b7fb64.txt 優先行動 2.7, 2.7.1):
// GET /LANG/cases/mine: the visitor's organisation's cases (an applicant's), or the cases a
//     funder made, in every state, with the link to a new one.
// GET /LANG/cases/review: the working group's secretariat's queue: the submitted cases, then
//     those returned and waiting for their owners.
#include "store/case_repo.h"
#include "web/case_view.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

PageData rows_of(const RequestContext& ctx, const std::vector<plan::GoodPracticeCase>& cases) {
  PageData rows{PageData::type::list};
  for (const plan::GoodPracticeCase& c : cases) rows.push_back(case_row(ctx, c));
  return rows;
}

}  // namespace

Response cases_mine_page(RequestContext& ctx) {
  const CaseVisitor visitor = case_visitor(ctx);
  std::vector<plan::GoodPracticeCase> cases;
  {
    auto tx = ctx.web().store.begin();
    cases = store::list_cases_of_owner(*tx, visitor.organisation_id, visitor.user_id);
  }
  PageData data;
  data.set("cases", rows_of(ctx, cases));
  data.set("has_cases", !cases.empty());
  data.set("new_href", ctx.link("/cases/new"));
  data.set("cases_href", ctx.link("/cases"));
  return render_page(ctx, "cases_mine", "cases_mine_title", std::move(data));
}

Response cases_review_page(RequestContext& ctx) {
  std::vector<plan::GoodPracticeCase> submitted, returned;
  {
    auto tx = ctx.web().store.begin();
    submitted = store::list_cases_in_state(*tx, plan::CaseState::submitted);
    returned = store::list_cases_in_state(*tx, plan::CaseState::returned);
  }
  PageData data;
  data.set("submitted_cases", rows_of(ctx, submitted));
  data.set("has_submitted", !submitted.empty());
  data.set("returned_cases", rows_of(ctx, returned));
  data.set("has_returned", !returned.empty());
  data.set("cases_href", ctx.link("/cases"));
  return render_page(ctx, "cases_review", "cases_review_title", std::move(data));
}

}  // namespace bsap::web
