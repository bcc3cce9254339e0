// The form of the keys the store accepts: applicant types, document kinds, project types, parts.
#pragma once
#include <string_view>

namespace bsap::store {

// A key as the ruleset and the task list write it (applicants.yaml): 1 to 64 lower-case ASCII
// letters, digits and underscores. Keys are stored and shown back in pages and audit records, so
// they stay plain: nothing to escape, nothing that looks alike but differs.
bool looks_like_key(std::string_view text);

}  // namespace bsap::store
