#include "web/access.h"

#include <algorithm>

namespace bsap::web {

const Access Access::public_{Access::Kind::public_, {}};
const Access Access::signed_in{Access::Kind::signed_in, {}};

Access Access::any_of(std::initializer_list<Role> roles) { return Access{Kind::roles, roles}; }

AccessDecision decide_access(const Access& rule, const std::optional<store::User>& user) {
  if (rule.kind() == Access::Kind::public_) return AccessDecision::allow;
  if (!user) return AccessDecision::sign_in_first;
  if (rule.kind() == Access::Kind::signed_in) return AccessDecision::allow;
  for (Role held : user->roles)
    if (std::ranges::find(rule.roles(), held) != rule.roles().end()) return AccessDecision::allow;
  return AccessDecision::forbidden;
}

}  // namespace bsap::web
