#include "web/http_message.h"

#include <algorithm>
#include <cctype>

namespace bsap::web {

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) <
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string Request::header(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string{} : it->second;
}

Response redirect_see_other(std::string location) {
  Response response;
  response.status = 303;
  response.content_type = "text/plain; charset=utf-8";
  response.add_header("Location", std::move(location));
  return response;
}

Response plain_text(int status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(body);
  return response;
}

}  // namespace bsap::web
