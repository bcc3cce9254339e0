#include "web/http_client.h"

#include <boost/beast.hpp>
#include <regex>

#include "web/url.h"

namespace bsap::test {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

http::request<http::string_body> to_message(const RawRequest& request, unsigned short port,
                                            const std::string& cookie) {
  http::request<http::string_body> message{http::string_to_verb(request.method), request.target,
                                           11};
  if (message.method() == http::verb::unknown) message.method_string(request.method);
  message.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  if (!cookie.empty()) message.set(http::field::cookie, "bsap_session=" + cookie);
  for (const auto& [name, value] : request.headers) message.set(name, value);
  message.body() = request.body;
  if (!request.body.empty() || request.method == "POST") message.prepare_payload();
  return message;
}

HttpResponse from_message(const http::response<http::string_body>& message) {
  HttpResponse response;
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    response.headers.emplace(name, std::string(field.value()));
  }
  response.body = message.body();
  return response;
}

// Reads one response; status 0 when the connection ended first.
HttpResponse exchange(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                      http::request<http::string_body>& request) {
  beast::error_code ec;
  http::write(stream, request, ec);
  // A server refusing a large body answers and closes before reading it all; the answer can
  // still be read even though the write failed part-way.
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(request.method() == http::verb::head);  // an answer to HEAD has no body to wait for
  http::read(stream, buffer, parser, ec);
  if (ec && !parser.is_header_done()) return {};
  return from_message(parser.get());
}

}  // namespace

std::string HttpResponse::header(const std::string& lower_case_name) const {
  auto it = headers.find(lower_case_name);
  return it == headers.end() ? std::string{} : it->second;
}

HttpResponse HttpClient::get(const std::string& target, const Fields& headers) {
  return send({.method = "GET", .target = target, .headers = headers, .body = ""});
}

HttpResponse HttpClient::post_form(const std::string& target, const Fields& fields) {
  return send({.method = "POST",
               .target = target,
               .headers = {{"Content-Type", "application/x-www-form-urlencoded"}},
               .body = form_encode(fields)});
}

HttpResponse HttpClient::post_multipart(const std::string& target, const Fields& fields,
                                        const FileField& file) {
  const std::string boundary = "----bsap-test-boundary";
  return send({.method = "POST",
               .target = target,
               .headers = {{"Content-Type", "multipart/form-data; boundary=" + boundary}},
               .body = multipart_body(boundary, fields, file)});
}

HttpResponse HttpClient::send(RawRequest request) {
  net::io_context io;
  beast::tcp_stream stream(io);
  beast::error_code ec;
  stream.expires_after(std::chrono::seconds(60));
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_), ec);
  if (ec) return {};
  auto message = to_message(request, port_, session_cookie_);
  beast::flat_buffer buffer;
  HttpResponse response = exchange(stream, buffer, message);
  for (auto [it, end] = response.headers.equal_range("set-cookie"); it != end; ++it) {
    static const std::regex kSession("^bsap_session=([^;]*)");
    std::smatch match;
    if (std::regex_search(it->second, match, kSession)) {
      bool expired = it->second.find("Max-Age=0") != std::string::npos;
      session_cookie_ = expired ? "" : match[1].str();
    }
  }
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return response;
}

std::string HttpClient::csrf_token_from(const std::string& target) {
  return extract_csrf_token(get(target).body);
}

bool HttpClient::sign_in(const std::string& username, const std::string& password) {
  std::string token = csrf_token_from("/en/login");
  auto response = post_form(
      "/en/login", {{"csrf_token", token}, {"username", username}, {"password", password}});
  return response.status == 303;
}

std::vector<HttpResponse> send_on_one_connection(unsigned short port,
                                                 const std::vector<RawRequest>& requests) {
  net::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(60));
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  beast::flat_buffer buffer;
  std::vector<HttpResponse> responses;
  for (const auto& request : requests) {
    auto message = to_message(request, port, "");
    responses.push_back(exchange(stream, buffer, message));
  }
  return responses;
}

std::string multipart_body(const std::string& boundary, const Fields& fields,
                           const FileField& file) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
            value + "\r\n";
  return body + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name +
         "\"; filename=\"" + file.filename + "\"\r\nContent-Type: " + file.content_type +
         "\r\n\r\n" + file.bytes + "\r\n--" + boundary + "--\r\n";
}

std::string form_encode(const Fields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += web::percent_encode(name) + "=" + web::percent_encode(value);
  }
  return body;
}

std::string extract_csrf_token(const std::string& html) {
  static const std::regex kToken(R"(name="csrf_token" value="([^"]*)\")");
  std::smatch match;
  return std::regex_search(html, match, kToken) ? match[1].str() : std::string{};
}

}  // namespace bsap::test
