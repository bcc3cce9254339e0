// The route table of the web application: every path, its method, its role rule, its handler.
#pragma once
#include <span>

#include "web/router.h"

namespace bsap::web {

std::span<const Route> app_routes();

}  // namespace bsap::web
