#include "web/cookies.h"

namespace bsap::web {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::string> find_cookie(std::string_view cookie_header, std::string_view name) {
  while (!cookie_header.empty()) {
    std::size_t semicolon = cookie_header.find(';');
    std::string_view pair = trim(cookie_header.substr(0, semicolon));
    cookie_header = semicolon == std::string_view::npos ? std::string_view{}
                                                        : cookie_header.substr(semicolon + 1);
    std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name)
      return std::string(pair.substr(eq + 1));
  }
  return std::nullopt;
}

std::string session_cookie(std::string_view name, std::string_view value,
                           const CookieAttributes& attributes) {
  std::string cookie = std::string(name) + "=" + std::string(value);
  cookie += "; Path=/; HttpOnly; SameSite=Lax";
  if (attributes.expire_now) cookie += "; Max-Age=0";
  if (attributes.secure) cookie += "; Secure";
  return cookie;
}

}  // namespace bsap::web
