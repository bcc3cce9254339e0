// A funding-matching proposal's form (000 優先行動 2.4 優先項目 2): read and checked against the
// vocabularies, the plan's actions and the KMGBF targets, and filled in for the page. The same
// form posts a new proposal and edits a returned one.
#pragma once
#include <string>
#include <vector>

#include "store/matching_repo.h"
#include "web/page.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

// The proposal the request's form describes; each fault is added to errors.
store::ProposalDetails read_proposal_form(RequestContext& ctx, std::vector<FieldError>& errors);

// The form's fields filled in with the proposal's details.
void set_proposal_form(RequestContext& ctx, PageData& data, const store::ProposalDetails& details);
// The form's fields as the request sent them, for the form coming back with its errors.
void set_proposal_form_as_sent(RequestContext& ctx, PageData& data);

}  // namespace bsap::web
