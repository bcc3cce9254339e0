// The demo's assessment (guidelines §2.6, §4): a closed round with one application taken through
// screening, both panels' scoring and the committee's approval, so the public list of grants and
// its open data have something to show; and an open round with one application being screened.
// Taken through the same service calls the pages use, so the demo's audit log reads true.
#pragma once
#include "core/civil_date.h"
#include "rules/ruleset.h"
#include "store/store.h"

namespace bsap::cli {

// Does nothing when the database already has a round (the demo was loaded before).
void add_demo_assessment(store::Transaction& tx, const rules::Ruleset& ruleset, CivilDate today);

}  // namespace bsap::cli
