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

bool is_plausible_email(const std::string& email) {
  const auto at = email.find('@');
  if (email.size() > 254 || at == 0 || at == std::string::npos) return false;
  if (email.find('@', at + 1) != std::string::npos) return false;
  if (std::ranges::any_of(email, [](unsigned char c) { return std::isspace(c) || c < 0x20; }))
    return false;
  const auto dot = email.find('.', at + 2);
  return dot != std::string::npos && dot + 1 < email.size();
}

std::string_view account_language_code(Lang lang) {
  return lang == Lang::en ? "en" : lang == Lang::zh_hans ? "zh-Hans" : "zh-Hant";
}

}  // namespace bsap::web
