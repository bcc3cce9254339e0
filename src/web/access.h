// The role rule every route declares beside itself: open to the public, open to anyone signed
// in, or open to the holders of any of a set of roles.
#pragma once
#include <initializer_list>
#include <optional>
#include <vector>

#include "core/role.h"
#include "store/user_repo.h"

namespace bsap::web {

class Access {
 public:
  enum class Kind { public_, signed_in, roles };

  static const Access public_;
  static const Access signed_in;
  static Access any_of(std::initializer_list<Role> roles);

  Kind kind() const { return kind_; }
  const std::vector<Role>& roles() const { return roles_; }

 private:
  Access(Kind kind, std::vector<Role> roles) : kind_(kind), roles_(std::move(roles)) {}
  Kind kind_;
  std::vector<Role> roles_;
};

enum class AccessDecision { allow, sign_in_first, forbidden };

// user is the signed-in visitor (a disabled account never arrives here), or nullopt.
AccessDecision decide_access(const Access& rule, const std::optional<store::User>& user);

}  // namespace bsap::web
