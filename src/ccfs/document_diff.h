// The differences between two versions of an application's JSON (§4.5.1: a resubmitted
// application states how it differs from the rejected one; the system shows both side by side).
// Pure.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "rules/change_kind.h"

namespace bsap::ccfs {

using rules::change_kind_name;
using rules::ChangeKind;

struct DocumentChange {
  std::string path;  // the field, as the checker names fields: "budget[2].unit_cost", "title"
  ChangeKind kind = ChangeKind::changed;
  std::string before;  // the value as text: a string without quotes, a number, true/false; ""
  std::string after;   // for an added or removed value
};

// Every leaf that differs, in document order (objects by key, arrays by index). Throws
// std::invalid_argument when either text is not a JSON object.
std::vector<DocumentChange> diff_documents(std::string_view before_json,
                                           std::string_view after_json);

}  // namespace bsap::ccfs
