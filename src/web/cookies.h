// The Cookie request header, and the Set-Cookie header of the session cookie.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bsap::web {

// The value of cookie `name` in a Cookie header ("a=1; bsap_session=xyz"), if present.
std::optional<std::string> find_cookie(std::string_view cookie_header, std::string_view name);

struct CookieAttributes {
  bool secure = false;  // only over HTTPS (a deployment behind a TLS proxy)
  bool expire_now = false;
};

// HttpOnly (scripts cannot read it), SameSite=Lax (other sites' forms do not send it), Path=/.
// No Max-Age: the browser forgets it when closed, and the server expires it when idle.
std::string session_cookie(std::string_view name, std::string_view value,
                           const CookieAttributes& attributes);

}  // namespace bsap::web
