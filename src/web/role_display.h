// Roles as people read them (from the catalogue, role_CODE) and as forms carry them (checkboxes
// named "roles" with the role's code as value).
#pragma once
#include <string>
#include <vector>

#include "core/role.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

std::string role_name(const RequestContext& ctx, Role role);
// The names joined with the language's list separator.
std::string role_names(const RequestContext& ctx, const std::vector<Role>& roles);
// Every role as {code, name, checked} for a list of checkboxes.
PageData role_choices(const RequestContext& ctx, const std::vector<Role>& checked);
// The roles ticked in a form; unknown codes are ignored, as no checkbox offers them.
std::vector<Role> roles_from_form(const FormData& form);

}  // namespace bsap::web
