// Routes: a method, a path pattern, the role rule, and the handler — declared together, in one
// table (routes.cpp) that a test can walk.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "web/access.h"
#include "web/http_message.h"
#include "web/rate_class.h"

namespace bsap::web {

class RequestContext;
using Handler = Response (*)(RequestContext&);

enum class Method { get, post };  // GET routes answer HEAD too
std::string_view method_name(Method method);

struct Route {
  Method method;
  // "/{lang}/admin/users": {lang} stands for zh, en or zh-hans. A final "*" matches any
  // non-empty rest ("/static/*"). Any other "{name}" segment matches one non-empty segment
  // ("/{lang}/plan/actions/{number}"), which the handler reads with path_parameter.
  std::string_view pattern;
  Access access;
  Handler handler;
  // The per-client budget the route draws on (rate_limit.h), if any.
  RateClass rate = RateClass::none;
};

bool pattern_matches(std::string_view pattern, std::string_view path);

// The segment of path that pattern's "{name}" matched; "" when it has none or does not match.
std::string path_parameter(std::string_view pattern, std::string_view path, std::string_view name);

struct RouteLookup {
  const Route* route = nullptr;  // the route for this method and path, if any
  std::vector<Method> allowed;   // the path's methods, when it has some but not this one
};

RouteLookup find_route(std::span<const Route> routes, std::string_view method,
                       std::string_view path);

}  // namespace bsap::web
