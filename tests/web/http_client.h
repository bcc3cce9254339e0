// A small blocking HTTP/1.1 client for the web tests, with a cookie jar for the session cookie.
// Boost.Beast stays in http_client.cpp.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bsap::test {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;  // 0 when the server closed the connection without an answer
  std::multimap<std::string, std::string> headers;  // names in lower case
  std::string body;

  std::string header(const std::string& lower_case_name) const;
};

// A file sent in a multipart/form-data form.
struct FileField {
  std::string name;  // the form field's name: "photo", "report_file"
  std::string filename;
  std::string content_type;
  std::string bytes;
};

struct RawRequest {
  std::string method = "GET";
  std::string target = "/";
  Fields headers;
  std::string body;
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}

  HttpResponse get(const std::string& target, const Fields& headers = {});
  // An application/x-www-form-urlencoded POST of fields, in order.
  HttpResponse post_form(const std::string& target, const Fields& fields);
  // A multipart/form-data POST of fields, in order, then one file: the way a browser sends an
  // upload.
  HttpResponse post_multipart(const std::string& target, const Fields& fields,
                              const FileField& file);
  // Sends request on a new connection; keeps the session cookie it sets.
  HttpResponse send(RawRequest request);

  // Fetches a page with a form and returns its csrf_token.
  std::string csrf_token_from(const std::string& target);
  // Signs in through the login form; true when the server answered with the redirect.
  bool sign_in(const std::string& username, const std::string& password);

  const std::string& session_cookie() const { return session_cookie_; }
  void set_session_cookie(std::string value) { session_cookie_ = std::move(value); }

 private:
  unsigned short port_;
  std::string session_cookie_;
};

// Several requests over one connection (keep-alive).
std::vector<HttpResponse> send_on_one_connection(unsigned short port,
                                                 const std::vector<RawRequest>& requests);

std::string form_encode(const Fields& fields);
// The multipart/form-data body of fields and file, parts separated by boundary.
std::string multipart_body(const std::string& boundary, const Fields& fields,
                           const FileField& file);
// The value of the first hidden csrf_token input in html, or "".
std::string extract_csrf_token(const std::string& html);

}  // namespace bsap::test
