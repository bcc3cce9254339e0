// Not written yet.
#include "ccfs/budget_kinds.h"

namespace bsap::ccfs {

std::span<const BudgetKind> budget_kinds() { return {}; }
const BudgetKind* find_budget_kind(std::string_view) { return nullptr; }
std::string_view budget_section_key(BudgetSection) { return ""; }

}  // namespace bsap::ccfs
