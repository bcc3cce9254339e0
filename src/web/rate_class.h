// The kinds of request with a per-client budget of their own (rate_limit.h), named on each route
// beside its role rule (routes.cpp).
#pragma once

namespace bsap::web {

enum class RateClass {
  none,
  sign_in,  // a password or a new account is sent: signing in, registering
  api,      // the JSON API, /api/
};

}  // namespace bsap::web
