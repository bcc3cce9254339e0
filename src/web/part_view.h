// Template data for the portal's part pages, task list and review page: bound fields with their
// errors, and the checker's findings as a list linking each to its input.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "ccfs/finding.h"
#include "web/page.h"
#include "web/part_form.h"

namespace bsap::web {

// "budget[3].unit_cost" → "budget-3-unit_cost": an id the error summary can link to.
std::string input_id(std::string_view name);

// errors: input name → message; the part's fields and groups as _part_field data.
void add_part_fields(PageData& data, const BoundPart& part,
                     const std::map<std::string, std::string>& errors);

// `findings` as the _findings partial shows them; href_for(field) is where a finding's link
// goes ("" for no link).
void add_findings(RequestContext& ctx, PageData& data, const std::vector<ccfs::Finding>& findings,
                  const std::function<std::string(const ccfs::Finding&)>& href_for);

std::string severity_text(RequestContext& ctx, ccfs::Severity severity);

}  // namespace bsap::web
