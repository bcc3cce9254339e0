// Binds a part's fields (application_parts.h) to the application's JSON document: reading the
// values to show, and writing what the applicant submitted back into the document without
// touching the other parts. Input names are the JSON paths the checker and the JSON reader use
// in their messages ("budget[3].unit_cost"), so a finding or a parse error lands on its input.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "web/application_parts.h"
#include "web/url.h"

namespace bsap::web {

struct BoundField {
  const FieldSpec* spec = nullptr;
  std::string name;   // the input's name and the JSON path: "budget[3].unit_cost"
  std::string value;  // as shown: text, "yes"/"no", "on" for a ticked box, lines joined by \n
};

struct BoundRow {
  int index = 0;  // 0-based; pages number rows from 1
  std::vector<BoundField> fields;
};

struct BoundGroup {
  const GroupSpec* spec = nullptr;
  std::vector<BoundRow> rows;
};

struct BoundPart {
  std::vector<BoundField> fields;
  std::vector<BoundGroup> groups;
  bool answered() const;  // any value at all
};

// The part's values in the document (a JSON object; anything else reads as empty), with
// `blank_rows` empty rows after each group's rows for adding more.
BoundPart bind_document(const PartSpec& part, std::string_view document_json, int blank_rows);
// The values as submitted, to show again beside the errors.
BoundPart bind_submission(const PartSpec& part, const FormData& form);

struct FieldProblem {
  std::string name;         // the input's name
  std::string message_key;  // catalogue key: app_error_whole_number, …
};

struct PartUpdate {
  std::string document_json;  // the whole document with the part replaced
  std::vector<FieldProblem> problems;
};

// The document with the part's values replaced by the submission's. Rows left wholly blank are
// dropped; a group's rows are those the page sent (its hidden "<group>.rows" count).
PartUpdate apply_submission(const PartSpec& part, std::string_view document_json,
                            const FormData& form);

// The value at `path` of the document as text ("" when absent), for pages that show single
// values (the title in lists, the review page).
std::string document_value(std::string_view document_json, std::string_view path);

}  // namespace bsap::web
