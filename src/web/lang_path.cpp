#include "web/lang_path.h"

namespace bsap::web {

std::optional<LocalizedPath> split_language(std::string_view path) {
  if (path.empty() || path[0] != '/') return std::nullopt;
  std::string_view after_slash = path.substr(1);
  std::size_t end = after_slash.find('/');
  auto lang = parse_lang_segment(after_slash.substr(0, end));
  if (!lang) return std::nullopt;
  std::string rest = end == std::string_view::npos ? "" : std::string(after_slash.substr(end));
  return LocalizedPath{*lang, std::move(rest)};
}

std::string with_language(Lang lang, std::string_view rest) {
  std::string path = "/";
  path += lang_segment(lang);
  path += rest;
  return path;
}

}  // namespace bsap::web
