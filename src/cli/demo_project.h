// The demo's funded project (guidelines §5): the application the demo's committee approved,
// opened as a project that started six weeks ago — agreement signed with the bank statement, the
// first part paid, the inception report accepted and its instalment paid, some spending and a
// purchase with its quotations — so the project pages, the calendar and the ledger have
// something to show. Taken through the same service calls the pages use.
#pragma once
#include "core/civil_date.h"
#include "rules/ruleset.h"
#include "store/store.h"

namespace bsap::cli {

// Does nothing when the demo has no approved application or it already is a project.
void add_demo_project(store::Transaction& tx, const rules::Ruleset& ruleset, CivilDate today);

}  // namespace bsap::cli
