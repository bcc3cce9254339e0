// Blanks around a value in a data file or meta.xml: what the biodata readers ignore.
#pragma once
#include <cctype>
#include <string_view>

namespace bsap::biodata {

inline std::string_view trim(std::string_view text) {
  auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace bsap::biodata
