// The error pages: each in the request's language with the other language beneath, because
// a visitor who lands on one may not read the language of the link that brought them.
#pragma once
#include "web/http_message.h"
#include "web/request_context.h"

namespace bsap::web {

enum class ErrorPage {
  forbidden,           // 403: signed in without the role
  csrf_refused,        // 403: a form without its token; reload the form
  not_found,           // 404
  method_not_allowed,  // 405
  too_large,           // 413
  too_many_requests,   // 429: the client's budget for this kind of request is spent
  headers_too_large,   // 431
  server_error,        // 500
};

Response error_page(RequestContext& ctx, ErrorPage page);

}  // namespace bsap::web
