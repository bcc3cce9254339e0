// The roles of ARCHITECTURE.md. Every route names the roles it admits; a user holds one or more.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace bsap {

enum class Role {
  applicant,         // an organisation's user; sees only its own organisation's work
  secretariat,       // the scheme's secretariat officer
  assessment_panel,  // 審議小組 member
  approval_panel,    // 審批小組 member
  committee,         // 鄉郊保育諮詢委員會 member
  focal_point,       // a department's focal point for plan progress
  plan_secretariat,  // the plan working group's secretariat: reviews and publishes progress
  administrator,     // users, roles, rulesets
  contributor,       // a member of the public: observations, volunteering (000 2.2.1, 3.5)
  funder,            // a company, trust or family office offering funds (000 2.4, 2.7)
  verifier,          // an expert who identifies and verifies citizen observations (000 3.5)
};

// Every role, in the order above; for tests that walk every route with every role.
const std::vector<Role>& all_roles();

// Stable code name stored in the database and used in URLs and data files.
std::string_view role_code(Role role);
std::optional<Role> parse_role(std::string_view code);

}  // namespace bsap
