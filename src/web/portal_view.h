// The organisation's portal page (portal_page.cpp), shown again with errors by the forms that
// post to it (new application, members, documents).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/upload_check.h"

#include "web/http_message.h"
#include "web/page.h"
#include "web/request_context.h"

namespace bsap::web {

Response portal_view(RequestContext& ctx, const std::vector<FieldError>& errors, int status);

// The catalogue key of an upload's refusal (portal_documents.cpp).
std::string upload_fault_key(UploadFault fault);

// The kinds of file an application takes (application_attachments.cpp).
std::span<const std::string_view> attachment_kinds();

}  // namespace bsap::web
