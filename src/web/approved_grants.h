// What the public list of approved projects and its open data share: the grants, with any
// approved application whose document could not be read logged for the operator.
#pragma once
#include <vector>

#include "ccfs/grants_360giving.h"
#include "web/request_context.h"

namespace bsap::web {

std::vector<ccfs::PublicGrant> approved_grants(const RequestContext& ctx);

}  // namespace bsap::web
