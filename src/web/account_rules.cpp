#include "web/account_rules.h"

#include <algorithm>
#include <cctype>

namespace bsap::web {

bool is_valid_username(const std::string& username) {
  return username.size() >= 2 && username.size() <= 64 &&
         std::ranges::all_of(username, [](unsigned char c) {
           return std::islower(c) || std::isdigit(c) || c == '.' || c == '_' || c == '-';
         });
}

}  // namespace bsap::web
