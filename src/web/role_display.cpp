#include "web/role_display.h"

#include <algorithm>

namespace bsap::web {

std::string role_name(const RequestContext& ctx, Role role) {
  return ctx.text("role_" + std::string(role_code(role)));
}

std::string role_names(const RequestContext& ctx, const std::vector<Role>& roles) {
  std::string separator = ctx.text("list_separator");
  std::string names;
  for (Role role : roles) {
    if (!names.empty()) names += separator;
    names += role_name(ctx, role);
  }
  return names.empty() ? ctx.text("roles_none") : names;
}

PageData role_choices(const RequestContext& ctx, const std::vector<Role>& checked) {
  PageData choices{PageData::type::list};
  for (Role role : all_roles()) {
    PageData choice;
    choice.set("code", std::string(role_code(role)));
    choice.set("name", role_name(ctx, role));
    choice.set("checked", std::ranges::find(checked, role) != checked.end());
    choices.push_back(choice);
  }
  return choices;
}

std::vector<Role> roles_from_form(const FormData& form) {
  std::vector<Role> roles;
  for (const auto& code : form.all("roles"))
    if (auto role = parse_role(code); role && std::ranges::find(roles, *role) == roles.end())
      roles.push_back(*role);
  return roles;
}

}  // namespace bsap::web
