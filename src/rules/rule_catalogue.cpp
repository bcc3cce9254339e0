#include "rules/rule_catalogue.h"

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

#include "rules/yaml_cursor.h"
#include "rules/yaml_json.h"

namespace bsap::rules {
namespace {

// List items are told apart by the first of these they carry; two alike are a duplicate.
const char* const kItemIdKeys[] = {"code", "id", "key", "step"};

std::vector<std::string> name_segments(const std::string& key) {
  std::vector<std::string> segments;
  std::istringstream stream(key);
  for (std::string segment; std::getline(stream, segment, '_');) segments.push_back(segment);
  return segments;
}

bool has_segment(const std::string& key, const std::string& wanted) {
  for (const std::string& segment : name_segments(key))
    if (segment == wanted) return true;
  return false;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_rule(const YAML::Node& node) { return node.IsMap() && node["clause"]; }

bool is_list_of_rules(const YAML::Node& node) {
  if (!node.IsSequence() || node.size() == 0) return false;
  for (const auto& item : node)
    if (!is_rule(item)) return false;
  return true;
}

// README Units: the key says the unit, so a figure in the wrong unit or type cannot pass.
void check_unit(const std::string& key, const YamlCursor& value) {
  if (value.node().IsMap() || value.node().IsSequence()) return;
  if (has_segment(key, "cents")) {
    value.money();
  } else if (has_segment(key, "pct")) {
    value.percent();
  } else if (ends_with(key, "_m") || ends_with(key, "_count") || ends_with(key, "_quotations") ||
             key == "min_hours" || key == "max_hours") {
    if (value.integer() < 0) value.fail("expected an integer >= 0");
  }
}

void check_unique_keys(const YamlCursor& map) {
  std::set<std::string> seen;
  for (const auto& member : map.node()) {
    const std::string key = member.first.Scalar();
    if (!seen.insert(key).second)
      throw YamlFault{line_of(member.first), join_path(map.path(), key), "duplicate key"};
  }
}

// In flow style an unquoted comma ends a text: {zh: 港幣1,500萬元} reads as zh "港幣1" and a key
// "500萬元". Beside zh and en a text mapping holds only its id, key, clause or value, so any
// other key is such a cut.
void check_texts_not_cut(const YamlCursor& map) {
  static const std::set<std::string> kBesideTexts{"zh", "en", "id", "key", "clause", "value"};
  if (!map.has("zh") && !map.has("en")) return;
  for (const auto& member : map.node())
    if (!kBesideTexts.contains(member.first.Scalar()))
      throw YamlFault{line_of(member.first), join_path(map.path(), member.first.Scalar()),
                      "a text was cut at an unquoted comma or colon; put the zh and en texts in "
                      "quotes"};
}

void check_unique_item_ids(const YamlCursor& list) {
  std::set<std::string> seen;
  for (const YamlCursor& item : list.items()) {
    for (const char* id_key : kItemIdKeys) {
      const auto id = item.find(id_key);
      if (!id) continue;
      if (!seen.insert(id->text()).second)
        id->fail("duplicate " + std::string(id_key) + " '" + id->text() + "'");
      break;
    }
  }
}

bool has_own_text(const YamlCursor& map) { return map.has("zh") && map.has("en"); }

std::string joined(const std::vector<YamlCursor>& items, const char* language, const char* glue) {
  std::string text;
  for (const YamlCursor& item : items) text += (text.empty() ? "" : glue) + item[language].text();
  return text;
}

// A rule that is a list of texts (§2.7.11's required details) is listed with its items.
std::optional<Bilingual> items_text(const YamlCursor& rule) {
  const auto items = rule.find("items");
  if (!items || !items->node().IsSequence() || items->node().size() == 0) return std::nullopt;
  const std::vector<YamlCursor> list = items->items();
  if (!std::all_of(list.begin(), list.end(), has_own_text)) return std::nullopt;
  return Bilingual{joined(list, "zh", "；"), joined(list, "en", "; ")};
}

// The text a rule is listed with and the keys it came from: its description, else its name,
// else its own zh/en, else its items' texts.
std::pair<Bilingual, std::vector<std::string>> rule_text(const YamlCursor& rule) {
  for (const char* key : {"description", "name"})
    if (const auto text = rule.find(key)) return {text->bilingual(), {key}};
  if (rule.has("zh") || rule.has("en")) return {rule.bilingual(), {"zh", "en"}};
  if (const auto text = items_text(rule)) return {*text, {}};
  throw YamlFault{rule.line(), join_path(rule.path(), "description"),
                  "missing: every rule needs a description with zh and en"};
}

class Walker {
 public:
  Walker(std::string file, Catalogue& catalogue) : file_(std::move(file)), out_(catalogue) {}

  void walk(const YamlCursor& at, bool under_rule) {
    if (at.node().IsSequence()) return walk_list(at, under_rule);
    if (at.node().IsMap()) walk_map(at, under_rule);
  }

 private:
  void walk_list(const YamlCursor& list, bool under_rule) {
    check_unique_item_ids(list);
    for (const YamlCursor& item : list.items()) walk(item, under_rule);
  }

  void walk_map(const YamlCursor& map, bool under_rule) {
    check_unique_keys(map);
    check_texts_not_cut(map);
    const bool rule = map.has("clause");
    if (rule) add_entry(map);
    if (!under_rule && !rule) require_no_rule_content(map);
    if (map.has("amount") && map.has("unit")) map.duration();
    for (const auto& [key, value] : map.members()) {
      check_unit(key, value);
      note_reference(key, value);
      walk(value, under_rule || rule);
    }
  }

  // A value or description with no clause above it would be a number nobody can cite.
  static void require_no_rule_content(const YamlCursor& map) {
    for (const char* key : {"value", "description"})
      if (map.has(key))
        throw YamlFault{map.line(), join_path(map.path(), "clause"),
                        "missing: '" + std::string(key) + "' needs a clause"};
  }

  void note_reference(const std::string& key, const YamlCursor& value) {
    if (key == "see") out_.see.push_back({file_, value.line(), value.path(), value.text()});
    if (key != "applies_to") return;
    for (const YamlCursor& item : value.items())
      out_.applies_to.push_back({file_, item.line(), item.path(), item.text()});
  }

  void add_entry(const YamlCursor& rule) {
    const auto [description, text_keys] = rule_text(rule);
    RuleEntry entry{
        file_ + "#" + rule.path(), file_, rule.line(), rule["clause"].text(), description, "", {}};
    const YAML::Node content = rule_content(rule.node(), text_keys);
    entry.content_json = to_json(content);
    append_leaves(content, "", entry.leaves);
    out_.entries.push_back(std::move(entry));
  }

  // The rule without its clause, its listed text and the nested rules listed on their own.
  static YAML::Node rule_content(const YAML::Node& rule,
                                 const std::vector<std::string>& text_keys) {
    YAML::Node content(YAML::NodeType::Map);
    for (const auto& member : rule) {
      const std::string key = member.first.Scalar();
      if (key == "clause" || std::find(text_keys.begin(), text_keys.end(), key) != text_keys.end())
        continue;
      if (is_rule(member.second) || is_list_of_rules(member.second)) continue;
      content[key] = member.second;
    }
    return content;
  }

  std::string file_;
  Catalogue& out_;
};

}  // namespace

void catalogue_document(const YAML::Node& document, const std::string& file, Catalogue& catalogue) {
  Walker(file, catalogue).walk(YamlCursor(document, ""), false);
}

}  // namespace bsap::rules
