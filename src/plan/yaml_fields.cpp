#include "plan/yaml_fields.h"

#include <algorithm>

namespace bsap::plan {
namespace {

YAML::Node field(const YAML::Node& map, const std::string& key, const std::string& key_prefix) {
  if (!map.IsMap()) fail(map, key_prefix + key, "expected a mapping holding '" + key + "'");
  const YAML::Node value = map[key];
  if (!value) fail(map, key_prefix + key, "missing");
  return value;
}

int integer_value(const YAML::Node& value, const std::string& key) {
  int number = 0;
  if (!value.IsScalar() || !YAML::convert<int>::decode(value, number))
    fail(value, key, "expected an integer, not '" + (value.IsScalar() ? value.Scalar() : "") + "'");
  return number;
}

int defined_number(const YAML::Node& value, const std::string& key, const std::vector<int>& defined,
                   const std::string& what) {
  const int number = integer_value(value, key);
  if (std::find(defined.begin(), defined.end(), number) == defined.end())
    fail(value, key, what + " " + std::to_string(number) + " does not exist");
  return number;
}

}  // namespace

int line_of(const YAML::Node& node) { return node.Mark().is_null() ? 0 : node.Mark().line + 1; }

void fail(const YAML::Node& at, const std::string& key, std::string reason) {
  throw FieldFault{line_of(at), key, std::move(reason)};
}

void require_only_keys(const YAML::Node& map, const std::set<std::string>& allowed) {
  if (!map.IsMap()) fail(map, "", "expected a mapping");
  for (const auto& entry : map) {
    const std::string key = entry.first.Scalar();
    if (!allowed.contains(key)) fail(entry.first, key, "unknown key");
  }
}

YAML::Node mapping(const YAML::Node& map, const std::string& key) {
  const YAML::Node value = field(map, key, "");
  if (!value.IsMap()) fail(value, key, "expected a mapping");
  return value;
}

YAML::Node non_empty_sequence(const YAML::Node& map, const std::string& key) {
  const YAML::Node value = field(map, key, "");
  if (!value.IsSequence() || value.size() == 0) fail(value, key, "expected a non-empty list");
  return value;
}

int integer(const YAML::Node& map, const std::string& key, const std::string& key_prefix) {
  return integer_value(field(map, key, key_prefix), key_prefix + key);
}

std::string text(const YAML::Node& map, const std::string& key, const std::string& key_prefix) {
  const YAML::Node value = field(map, key, key_prefix);
  if (!value.IsScalar() || value.Scalar().empty())
    fail(value, key_prefix + key, "expected a non-empty text");
  return value.Scalar();
}

std::string optional_text(const YAML::Node& map, const std::string& key) {
  return map[key] ? text(map, key) : std::string();
}

BilingualText bilingual_of(const YAML::Node& map, const std::string& key_prefix) {
  return {text(map, "zh", key_prefix), text(map, "en", key_prefix)};
}

BilingualText bilingual(const YAML::Node& map, const std::string& key) {
  return bilingual_of(mapping(map, key), key + ".");
}

std::string zh_only(const YAML::Node& map, const std::string& key) {
  return text(mapping(map, key), "zh", key + ".");
}

int reference(const YAML::Node& map, const std::string& key, const std::vector<int>& defined,
              const std::string& what) {
  return defined_number(field(map, key, ""), key, defined, what);
}

std::vector<int> reference_list(const YAML::Node& map, const std::string& key,
                                const std::vector<int>& defined, const std::string& what) {
  std::vector<int> numbers;
  for (const YAML::Node& entry : non_empty_sequence(map, key)) {
    const int number = defined_number(entry, key, defined, what);
    if (!numbers.empty() && number <= numbers.back())
      fail(entry, key,
           std::to_string(number) + " after " + std::to_string(numbers.back()) +
               ": the list must be ascending without repeats");
    numbers.push_back(number);
  }
  return numbers;
}

void check_next_in_sequence(const YAML::Node& at, const std::string& key, int number, int expected,
                            const std::string& what, const std::string& prefix) {
  const std::string shown = what + " " + prefix + std::to_string(number);
  if (number < expected && number > 0) fail(at, key, "duplicate " + shown);
  if (number != expected)
    fail(at, key, shown + " is out of order (expected " + prefix + std::to_string(expected) + ")");
}

}  // namespace bsap::plan
