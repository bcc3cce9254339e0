// URL pieces: percent-decoding, form and query parsing, and the check that keeps a `next`
// parameter from redirecting a visitor off the site.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::web {

// Decodes %XX escapes (and '+' as space when plus_is_space, as in form bodies). Returns nullopt
// for a malformed escape or a NUL, encoded or not, which no legitimate bsap URL or form carries.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space = false);
std::string percent_encode(std::string_view text);

// application/x-www-form-urlencoded: a field may repeat (checkboxes), so values are lists.
class FormData {
 public:
  static FormData parse(std::string_view encoded);
  // The first value of name, or "" when absent.
  std::string get(std::string_view name) const;
  const std::vector<std::string>& all(std::string_view name) const;
  void add(std::string name, std::string value) {
    fields_[std::move(name)].push_back(std::move(value));
  }

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> fields_;
};

// True for a path on this site ("/en/account"), false for anything a browser could take to
// another origin ("//evil", "/\\evil", "https://...") or that carries control characters.
bool is_safe_local_path(std::string_view path);

}  // namespace bsap::web
