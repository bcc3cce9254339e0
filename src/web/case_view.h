// What the good-practice case pages share (000_e0ccae9882b7fb64.txt 優先行動 2.7, 2.7.1): who may
// see and change a case, the case a path names, the names of its codes in the reader's language
// and the links between the pages.
//
// Object rules: a published case is public. Anyone else sees a case only as its owner (a member
// of its organisation, or the funder who made it without one) or as the working group's
// secretariat once it has been submitted; to everyone else it does not exist (404), so an
// unpublished case never gives itself away.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/good_practice.h"
#include "web/page.h"
#include "web/request_context.h"

namespace bsap::web {

// Who the visitor is to the cases: the organisation they act for (an applicant's), their id,
// whether they hold a role that makes cases (applicant, funder) and whether they review them.
struct CaseVisitor {
  std::int64_t user_id = 0;  // 0 when not signed in
  std::optional<std::int64_t> organisation_id;
  bool makes_cases = false;
  bool reviews_cases = false;  // plan_secretariat
};
CaseVisitor case_visitor(RequestContext& ctx);

bool owns_case(const CaseVisitor& visitor, const plan::GoodPracticeCase& c);
bool may_see_case(const CaseVisitor& visitor, const plan::GoodPracticeCase& c);

// A case id from a path segment: digits without a leading zero.
std::optional<std::int64_t> parse_case_id(std::string_view text);
// The case the path's {id} names, when the visitor may see it.
std::optional<plan::GoodPracticeCase> visible_case(RequestContext& ctx, const CaseVisitor& visitor);

// "/en/cases/7" + rest.
std::string case_link(const RequestContext& ctx, std::int64_t id, std::string_view rest = "");

const plan::CaseLists& case_lists(const RequestContext& ctx);
// The entry's name in the reader's language, or the code itself when the list lacks it.
std::string entry_name(const RequestContext& ctx, const std::vector<plan::ListEntry>& list,
                       std::string_view code);
std::string case_state_name(const RequestContext& ctx, plan::CaseState state);
// The case's title in the reader's language, the other language's when that one is empty.
std::string case_title(const RequestContext& ctx, const plan::GoodPracticeCase& c);
// The case's summary row for the lists: title, link, owner, district, habitat, state, place.
PageData case_row(const RequestContext& ctx, const plan::GoodPracticeCase& c);

// The case's page as the visitor may see it: the public page, with the owner's steps (edit,
// submit, withdraw) or the secretariat's (publish, return with a reason) when theirs to take,
// and what refused a step (422) beside them.
Response case_page_view(RequestContext& ctx, const plan::GoodPracticeCase& c,
                        const CaseVisitor& visitor, const std::vector<FieldError>& errors,
                        int status, const std::string& return_reason = "");

}  // namespace bsap::web
