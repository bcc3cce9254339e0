// Plain HTTP request and response values. The server converts Beast's messages to and from these,
// so that routing, pages and tests never include Boost.Beast (about 4 s per translation unit).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bsap::web {

// Header names compare case-insensitively, as HTTP says.
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: path and query, still percent-encoded
  std::string path;    // percent-decoded path, without the query
  std::string query;   // after '?', still percent-encoded
  std::map<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;
  // The address of the connection's other end, as the socket says ("" when unknown). Behind a
  // proxy this is the proxy's; app.cpp decides which address stands for the client.
  std::string peer;

  // The header's value, or "" when absent.
  std::string header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Bytes owned by a cache (a static file's), sent instead of body: sharing them, rather than
  // copying them into every response, keeps a large file's cost per request constant.
  std::shared_ptr<const std::string> shared_body;
  std::string user_for_log = "-";  // the signed-in username, for the access log

  // The bytes to send: shared_body when set, else body.
  std::string_view content() const { return shared_body ? *shared_body : body; }

  void add_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

Response redirect_see_other(std::string location);
Response plain_text(int status, std::string body);

}  // namespace bsap::web
