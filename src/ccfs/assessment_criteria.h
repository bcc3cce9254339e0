// Which criteria of §4.2 and §4.3 an application is assessed on, from the ruleset's criteria sets:
// an MA application on (a1) for a priority site (category A) or (a2) for enclaves and private land
// (B, C), then (b)–(g) (§4.2.1); plus the §4.3 set where it has heritage or cultural elements
// (§4.2.2); plus (h) and (i) where it renews an earlier MA project (§4.2.3). The other three types
// on (a1) heritage, (a2) cultural or (a3) research, then (b)–(g) (§4.3.1). Pure.
#pragma once
#include <string>
#include <vector>

#include "ccfs/application.h"
#include "rules/ruleset.h"

namespace bsap::ccfs {

struct ApplicableCriterion {
  std::string set_key;       // "ma_criteria", "non_ma_criteria", "ma_renewal"
  std::string id;            // "a1", "b", "h"
  std::string clause;        // "§4.2.1", "§4.3.1", "§4.2.3"
  rules::Bilingual description;
  // Stable key of the criterion for scores and CSV columns: "ma_criteria.a1".
  std::string key() const { return set_key + "." + id; }
};

// In the order a panel reads them: the type's own set, then §4.2.2's, then §4.2.3's. An MA
// application whose site is not in the registry gets neither (a1) nor (a2) but still (b)–(g),
// since screening would have stopped an ineligible site first.
std::vector<ApplicableCriterion> applicable_criteria(const Application& application,
                                                     const rules::Ruleset& ruleset);

// An MA application with heritage or cultural elements (§4.2.2): heritage assets, or budget
// lines of the heritage component (§3.9.2).
bool has_heritage_elements(const Application& application);

}  // namespace bsap::ccfs
