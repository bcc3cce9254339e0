#include "web/photo_response.h"

namespace bsap::web {

Response photo_response(std::string jpeg, bool is_public) {
  Response response;
  response.content_type = "image/jpeg";
  response.body = std::move(jpeg);
  response.add_header("Cache-Control", is_public ? "public, max-age=300" : "private, no-store");
  return response;
}

}  // namespace bsap::web
