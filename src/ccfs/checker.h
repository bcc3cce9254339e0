// The clause-by-clause checker of a CCFS application (guidelines §2, §3, 附錄1–2): one engine,
// used by the portal's pages as the applicant types, by POST /api/v1/applications/check and by
// `bsap check FILE.json`. Pure: no I/O; the caller supplies the ruleset in force and what the
// store knows of the applicant (its approved grants).
#pragma once
#include <vector>

#include "ccfs/application.h"
#include "ccfs/finding.h"
#include "core/civil_date.h"
#include "rules/ruleset.h"

namespace bsap::ccfs {

struct CheckContext {
  CivilDate on;                          // the day of the check: the §2.5.2 window ends here
  std::vector<PriorGrant> prior_grants;  // the applicant's approved grants (§2.5.2)
  // A rejected application revised and submitted again (§4.5.1): it must state its differences.
  bool resubmission = false;
};

// Every finding, in a stable order: application-level checks first, then the budget by line.
CheckResult check_application(const Application& application, const rules::Ruleset& ruleset,
                              const CheckContext& context);

}  // namespace bsap::ccfs
