// How two versions compare:
// - objects are matched by key, in the order of the later version's keys, then the keys only
//   the earlier version has; arrays by index, so a line inserted in the middle shows as changes
//   to the lines after it (budget lines carry no identity of their own to match them by);
// - null is "not answered" (docs/application-format.md), so null → a value is an addition and a
//   value → null a removal;
// - a value whose shape changed (text to object, list to text) is removed and added leaf by leaf;
// - an empty object or list added or removed is one change, written "{}" or "[]".
#include "ccfs/document_diff.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace bsap::ccfs {
namespace {

// Ordered, to walk objects in the order the documents write their keys.
using Json = nlohmann::ordered_json;

std::string member_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string item_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

std::string text_of(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool is_container(const Json& value) { return value.is_object() || value.is_array(); }

class Differ {
 public:
  std::vector<DocumentChange> take() { return std::move(changes_); }

  void compare(const std::string& path, const Json& before, const Json& after) {
    if (before.is_null()) return every_leaf(path, after, ChangeKind::added);
    if (after.is_null()) return every_leaf(path, before, ChangeKind::removed);
    if (before.is_object() && after.is_object()) return compare_objects(path, before, after);
    if (before.is_array() && after.is_array()) return compare_arrays(path, before, after);
    if (is_container(before) || is_container(after)) {
      every_leaf(path, before, ChangeKind::removed);
      return every_leaf(path, after, ChangeKind::added);
    }
    if (before != after)
      changes_.push_back({path, ChangeKind::changed, text_of(before), text_of(after)});
  }

 private:
  void compare_objects(const std::string& path, const Json& before, const Json& after) {
    for (const auto& [key, value] : after.items()) {
      const auto earlier = before.find(key);
      compare(member_path(path, key), earlier == before.end() ? Json() : *earlier, value);
    }
    for (const auto& [key, value] : before.items())
      if (!after.contains(key)) every_leaf(member_path(path, key), value, ChangeKind::removed);
  }

  void compare_arrays(const std::string& path, const Json& before, const Json& after) {
    const std::size_t common = std::min(before.size(), after.size());
    for (std::size_t i = 0; i < common; ++i) compare(item_path(path, i), before[i], after[i]);
    for (std::size_t i = common; i < after.size(); ++i)
      every_leaf(item_path(path, i), after[i], ChangeKind::added);
    for (std::size_t i = common; i < before.size(); ++i)
      every_leaf(item_path(path, i), before[i], ChangeKind::removed);
  }

  // Every leaf under `value`, added or removed as a whole; null has none.
  void every_leaf(const std::string& path, const Json& value, ChangeKind kind) {
    if (value.is_null()) return;
    if (is_container(value) && value.empty()) return record(path, value.dump(), kind);
    if (value.is_object()) {
      for (const auto& [key, member] : value.items())
        every_leaf(member_path(path, key), member, kind);
      return;
    }
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) every_leaf(item_path(path, i), value[i], kind);
      return;
    }
    record(path, text_of(value), kind);
  }

  void record(const std::string& path, std::string text, ChangeKind kind) {
    if (kind == ChangeKind::added)
      changes_.push_back({path, kind, "", std::move(text)});
    else
      changes_.push_back({path, kind, std::move(text), ""});
  }

  std::vector<DocumentChange> changes_;
};

Json parse_object(std::string_view text, const char* which) {
  Json parsed = Json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object())
    throw std::invalid_argument(std::string("diff_documents: the ") + which +
                                " version is not a JSON object");
  return parsed;
}

}  // namespace

std::vector<DocumentChange> diff_documents(std::string_view before_json,
                                           std::string_view after_json) {
  const Json before = parse_object(before_json, "earlier");
  const Json after = parse_object(after_json, "later");
  Differ differ;
  differ.compare("", before, after);
  return differ.take();
}

}  // namespace bsap::ccfs
