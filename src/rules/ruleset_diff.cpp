#include "rules/ruleset_diff.h"

#include <algorithm>

#include "rules/yaml_json.h"

namespace bsap::rules {
namespace {

// An entry's clause and texts compared like its values, under the names they have in the file.
std::vector<RuleLeaf> comparable_fields(const RuleEntry& entry) {
  std::vector<RuleLeaf> fields{{"clause", json_string(entry.clause)},
                               {"description.zh", json_string(entry.description.zh)},
                               {"description.en", json_string(entry.description.en)}};
  fields.insert(fields.end(), entry.leaves.begin(), entry.leaves.end());
  return fields;
}

const RuleLeaf* find_field(const std::vector<RuleLeaf>& fields, const std::string& path) {
  const auto found = std::find_if(fields.begin(), fields.end(),
                                  [&](const RuleLeaf& field) { return field.path == path; });
  return found == fields.end() ? nullptr : &*found;
}

std::string below(const std::string& key_path, const std::string& path) {
  return path.empty() ? key_path : key_path + "." + path;
}

void compare_entries(const RuleEntry& older, const RuleEntry& newer,
                     std::vector<RuleChange>& changes) {
  const auto before = comparable_fields(older);
  const auto after = comparable_fields(newer);
  const std::string& clause = newer.clause;
  for (const RuleLeaf& field : before) {
    const RuleLeaf* now = find_field(after, field.path);
    const std::string path = below(older.key_path, field.path);
    if (!now)
      changes.push_back({ChangeKind::removed, path, clause, field.json, ""});
    else if (now->json != field.json)
      changes.push_back({ChangeKind::changed, path, clause, field.json, now->json});
  }
  for (const RuleLeaf& field : after)
    if (!find_field(before, field.path))
      changes.push_back(
          {ChangeKind::added, below(newer.key_path, field.path), clause, "", field.json});
}

}  // namespace

RulesetDiff diff_rulesets(const Ruleset& from, const Ruleset& to) {
  RulesetDiff diff{from.version, to.version, {}};
  for (const RuleEntry& older : from.entries) {
    if (const RuleEntry* newer = to.entry(older.key_path))
      compare_entries(older, *newer, diff.changes);
    else
      diff.changes.push_back(
          {ChangeKind::removed, older.key_path, older.clause, older.content_json, ""});
  }
  for (const RuleEntry& newer : to.entries)
    if (!from.entry(newer.key_path))
      diff.changes.push_back(
          {ChangeKind::added, newer.key_path, newer.clause, "", newer.content_json});
  return diff;
}

}  // namespace bsap::rules
