#include "web/router.h"

#include <algorithm>
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

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Cuts the first segment off text ("/plan/actions/2.4" gives "plan", leaving "/actions/2.4").
std::string_view next_segment(std::string_view& text) {
  text.remove_prefix(1);
  auto end = std::min(text.find('/'), text.size());
  std::string_view segment = text.substr(0, end);
  text.remove_prefix(end);
  return segment;
}

// Walks pattern and path segment by segment; visit(pattern_segment, path_segment) sees each
// pair. False when they differ in a literal or in the number of segments.
template <typename Visit>
bool walk_segments(std::string_view pattern, std::string_view path, Visit visit) {
  while (!pattern.empty() && !path.empty() && pattern.front() == '/' && path.front() == '/') {
    std::string_view wanted = next_segment(pattern);
    std::string_view given = next_segment(path);
    bool same = is_parameter(wanted) ? !given.empty() : wanted == given;
    if (!same) return false;
    visit(wanted, given);
  }
  return pattern.empty() && path.empty();
}

bool literal_matches(std::string_view pattern, std::string_view path) {
  if (pattern.ends_with('*')) {
    std::string_view prefix = pattern.substr(0, pattern.size() - 1);
    return path.size() > prefix.size() && path.starts_with(prefix);
  }
  if (pattern.find('{') == std::string_view::npos) return pattern == path;
  return walk_segments(pattern, path, [](auto, auto) {});
}

}  // namespace

std::string_view method_name(Method method) { return method == Method::get ? "GET" : "POST"; }

bool pattern_matches(std::string_view pattern, std::string_view path) {
  if (!pattern.starts_with(kLangPrefix)) return literal_matches(pattern, path);
  auto localized = split_language(path);
  return localized && literal_matches(pattern.substr(kLangPrefix.size()), localized->rest);
}

std::string path_parameter(std::string_view pattern, std::string_view path, std::string_view name) {
  if (pattern.starts_with(kLangPrefix)) {
    auto localized = split_language(path);
    if (!localized) return {};
    return path_parameter(pattern.substr(kLangPrefix.size()), localized->rest, name);
  }
  std::string value;
  walk_segments(pattern, path, [&](std::string_view wanted, std::string_view given) {
    if (is_parameter(wanted) && wanted.substr(1, wanted.size() - 2) == name) value = given;
  });
  return value;
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
