#include "ccfs/application.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace bsap::ccfs {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

bool is_not_applicable(std::string_view answer) {
  static constexpr std::array<std::string_view, 5> kSpellings = {"不適用", "不适用", "N/A", "NA",
                                                                 "not applicable"};
  const std::string_view text = trimmed(answer);
  return std::any_of(kSpellings.begin(), kSpellings.end(),
                     [&](std::string_view s) { return equals_ignoring_ascii_case(text, s); });
}

bool is_blank(std::string_view answer) { return trimmed(answer).empty(); }

}  // namespace bsap::ccfs
