#include "core/role.h"

#include <array>
#include <utility>

namespace bsap {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 11> kRoleCodes{{
    {Role::applicant, "applicant"},
    {Role::secretariat, "secretariat"},
    {Role::assessment_panel, "assessment_panel"},
    {Role::approval_panel, "approval_panel"},
    {Role::committee, "committee"},
    {Role::focal_point, "focal_point"},
    {Role::plan_secretariat, "plan_secretariat"},
    {Role::administrator, "administrator"},
    {Role::contributor, "contributor"},
    {Role::funder, "funder"},
    {Role::verifier, "verifier"},
}};
}  // namespace

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> out;
    for (const auto& [role, code] : kRoleCodes) out.push_back(role);
    return out;
  }();
  return roles;
}

std::string_view role_code(Role role) {
  for (const auto& [r, code] : kRoleCodes)
    if (r == role) return code;
  return "unknown";
}

std::optional<Role> parse_role(std::string_view code) {
  for (const auto& [role, c] : kRoleCodes)
    if (c == code) return role;
  return std::nullopt;
}

}  // namespace bsap
