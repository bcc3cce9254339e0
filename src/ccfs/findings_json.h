// The checker's answer as JSON, the same for POST /api/v1/applications/check and
// `bsap check --json` (docs/application-format.md "The answer"):
//   {"findings":[{"severity","rule","clause","field","message_zh","message_en"}…],
//    "eligible":bool, "ruleset":"1.8", "checked_on":"YYYY-MM-DD",
//    "counts":{"blocking","needs_justification","info"},
//    "totals":{"expenditure","income","sponsorship","grant"}}   (money as "HK$1,234.56")
#pragma once
#include <string>
#include <string_view>

#include "ccfs/budget_totals.h"
#include "ccfs/finding.h"
#include "core/civil_date.h"

namespace bsap::ccfs {

struct CheckReport {
  const CheckResult& result;
  std::string_view ruleset_version;
  CivilDate checked_on;
  BudgetTotals totals;
};

// One line, UTF-8.
std::string findings_json(const CheckReport& report);

}  // namespace bsap::ccfs
