// The language prefix of a path: /zh/..., /en/..., /zh-hans/... (ARCHITECTURE.md principle 7).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/lang.h"

namespace bsap::web {

struct LocalizedPath {
  Lang lang;
  // The path after the prefix: "/admin/users", "/" for "/en/", and "" for "/en" alone.
  std::string rest;
};

// nullopt when the path does not start with a language segment.
std::optional<LocalizedPath> split_language(std::string_view path);
// "/en" + rest.
std::string with_language(Lang lang, std::string_view rest);

}  // namespace bsap::web
