// The organisation's portal page (portal_page.cpp), shown again with errors by the forms that
// post to it (new application, members, documents).
#pragma once
#include <vector>

#include "web/http_message.h"
#include "web/page.h"
#include "web/request_context.h"

namespace bsap::web {

Response portal_view(RequestContext& ctx, const std::vector<FieldError>& errors, int status);

}  // namespace bsap::web
