#include "biodata/infraspecific.h"

#include <algorithm>

#include "biodata/text_case.h"

namespace bsap::biodata {

bool is_infraspecific_rank(std::string_view rank) {
  return std::ranges::any_of(kInfraspecificRanks, [&](std::string_view known) {
    return equal_ignoring_case(known, rank);
  });
}

std::string species_name_of(std::string_view canonical_name) {
  const std::size_t first = canonical_name.find(' ');
  if (first == std::string_view::npos || first == 0) return "";
  const std::size_t second = canonical_name.find(' ', first + 1);
  // Two words and a third after them; an empty word (two spaces) is no name.
  if (second == std::string_view::npos || second == first + 1 ||
      second + 1 >= canonical_name.size() || canonical_name[second + 1] == ' ')
    return "";
  return std::string(canonical_name.substr(0, second));
}

}  // namespace bsap::biodata
