// A user's notifications as template rows, newest first: those addressed to them and to their
// organisation (the portal, the members' work list).
#pragma once
#include <cstdint>

#include "store/store.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

PageData notification_rows(RequestContext& ctx, store::Transaction& tx, std::int64_t user_id);

}  // namespace bsap::web
