// The parts of the application as the portal's task list offers them (§2.7: the form's parts;
// §3 the budget), each a page of fields bound to the application's JSON (docs/application-
// format.md). The specs are data: the part page renders and reads them generically
// (part_form.h), so adding a question is a line here and a label in the catalogue.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/ruleset.h"

namespace bsap::web {

enum class FieldKind {
  text,      // one line
  textarea,  // paragraphs
  lines,     // a list of texts, one per line
  integer,   // a whole number >= 0
  money,     // HK$ as typed ("1,234.50"); application_json checks it
  date,      // YYYY-MM-DD
  yes_no,    // radios: yes, no, or not answered
  checkbox,  // ticked or not
  choice,    // one of `choices`
};

struct Choice {
  std::string value;
  std::string label;
};

struct FieldSpec {
  std::string path;  // JSON path below the part's root or its group row: "title", "unit_cost"
  FieldKind kind = FieldKind::text;
  std::string label;
  std::string hint;
  std::vector<Choice> choices;
};

// A list of like rows: budget lines, KPIs, partners.
struct GroupSpec {
  std::string path;  // the JSON array: "budget"
  std::string label;
  std::string row_label;  // "Line", numbered on the page
  std::vector<FieldSpec> columns;
};

struct PartSpec {
  std::string key;  // "budget": in URLs, in the history's revision parts
  std::string title;
  std::string clause;  // where the guidelines ask for it: "§3, 附錄2"
  std::vector<FieldSpec> fields;
  std::vector<GroupSpec> groups;
  // The JSON roots the part answers: findings whose field starts with one belong to it.
  std::vector<std::string> roots;
};

// Texts for the labels, in the page's language: text(key) from the catalogue, data_text(zh, en)
// for the ruleset's own bilingual names.
struct PartTexts {
  std::function<std::string(std::string_view)> text;
  std::function<std::string(std::string_view, std::string_view)> data_text;
};

// The parts for an application of `type` (nullptr: the type-independent parts only), in the
// task list's order.
std::vector<PartSpec> application_parts(const rules::Ruleset& ruleset,
                                        const rules::ProjectType* type, const PartTexts& texts);
const PartSpec* find_part(const std::vector<PartSpec>& parts, std::string_view key);
// The part a finding's field belongs to ("budget[3].unit_cost" → the budget part), or nullptr.
const PartSpec* part_of_field(const std::vector<PartSpec>& parts, std::string_view field);

}  // namespace bsap::web
