// The words proposals and funders describe themselves in (000 優先行動 2.4 優先項目 2): themes,
// habitats and Hong Kong's 18 districts, each with its stable key and its names. Pure data; the
// plan actions and KMGBF targets come from data/bsap2035 and data/frameworks instead.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::match {

struct Term {
  std::string_view key;
  std::string_view zh;
  std::string_view en;
};

std::span<const Term> themes();     // habitat_restoration, species_conservation, …
std::span<const Term> habitats();   // wetland, woodland, …
std::span<const Term> districts();  // central_western, …, islands

// The term with key in terms, or nullptr.
const Term* find_term(std::span<const Term> terms, std::string_view key);

// "a,b,c" → {"a", "b", "c"}, without empty pieces; and back.
std::vector<std::string> split_list(std::string_view text);
std::string join_list(const std::vector<std::string>& items);

}  // namespace bsap::match
