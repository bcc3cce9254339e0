#include "web/router.h"

#include <optional>

#include "web/lang_path.h"

namespace bsap::web {
namespace {

constexpr std::string_view kLangPrefix = "/{lang}";

std::optional<Method> parse_method(std::string_view method) {
  if (method == "GET" || method == "HEAD") return Method::get;
  if (method == "POST") return Method::post;
  return std::nullopt;
}

bool literal_matches(std::string_view pattern, std::string_view path) {
  if (pattern.ends_with('*')) {
    std::string_view prefix = pattern.substr(0, pattern.size() - 1);
    return path.size() > prefix.size() && path.starts_with(prefix);
  }
  return pattern == path;
}

}  // namespace

std::string_view method_name(Method method) { return method == Method::get ? "GET" : "POST"; }

bool pattern_matches(std::string_view pattern, std::string_view path) {
  if (!pattern.starts_with(kLangPrefix)) return literal_matches(pattern, path);
  auto localized = split_language(path);
  return localized && literal_matches(pattern.substr(kLangPrefix.size()), localized->rest);
}

RouteLookup find_route(std::span<const Route> routes, std::string_view method,
                       std::string_view path) {
  RouteLookup lookup;
  auto wanted = parse_method(method);
  for (const Route& route : routes) {
    if (!pattern_matches(route.pattern, path)) continue;
    if (wanted == route.method) {
      lookup.route = &route;
      lookup.allowed.clear();
      return lookup;
    }
    lookup.allowed.push_back(route.method);
  }
  return lookup;
}

}  // namespace bsap::web
