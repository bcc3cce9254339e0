// What a difference between two versions is — something added, removed or changed — for the
// ruleset diff (ruleset_diff.h) and the diff of two versions of an application
// (ccfs/document_diff.h).
#pragma once
#include <string_view>

namespace bsap::rules {

enum class ChangeKind { added, removed, changed };
std::string_view change_kind_name(ChangeKind kind);  // "added", "removed", "changed"

}  // namespace bsap::rules
