#include "web/open_data_response.h"

namespace bsap::web {

Response open_data_response(std::string content_type, std::string body, std::string disposition) {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.add_header("Cache-Control", "public, max-age=300");
  response.add_header("Access-Control-Allow-Origin", "*");
  response.add_header("Content-Disposition", std::move(disposition));
  return response;
}

}  // namespace bsap::web
