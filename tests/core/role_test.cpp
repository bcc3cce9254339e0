#include "core/role.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace bsap {
namespace {

// The architecture's seven; the plan working group's secretariat (decision 0010), which reviews
// and publishes the departments' progress; and issue 11's contributors (members of the public),
// funders and species verifiers.
TEST(Role, ElevenRolesWithAccountsInTheArchitecturesOrder) {
  const std::vector<Role> expected{
      Role::applicant,   Role::secretariat, Role::assessment_panel, Role::approval_panel,
      Role::committee,   Role::focal_point, Role::plan_secretariat, Role::administrator,
      Role::contributor, Role::funder,      Role::verifier};
  EXPECT_EQ(all_roles(), expected);
}

TEST(Role, EveryCodeParsesBackToItsRole) {
  for (Role role : all_roles()) EXPECT_EQ(parse_role(role_code(role)), role);
}

TEST(Role, CodesAreDistinct) {
  std::set<std::string_view> codes;
  for (Role role : all_roles()) codes.insert(role_code(role));
  EXPECT_EQ(codes.size(), all_roles().size());
}

TEST(Role, StoredCodesAreStable) {
  EXPECT_EQ(role_code(Role::assessment_panel), "assessment_panel");
  EXPECT_EQ(role_code(Role::administrator), "administrator");
}

TEST(Role, UnknownOrMiscasedCodeIsRefused) {
  EXPECT_FALSE(parse_role(""));
  EXPECT_FALSE(parse_role("public"));  // the public has no account and so no role
  EXPECT_FALSE(parse_role("Administrator"));
  EXPECT_FALSE(parse_role("administrator "));
}

}  // namespace
}  // namespace bsap
