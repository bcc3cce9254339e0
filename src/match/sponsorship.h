// A pledge declared as sponsorship of a draft CCFS application (002 §3.11): it joins the
// application's other funding as confirmed sponsorship in the funder's name, so the contribution
// ratio (§3.11.4, budget_totals.h) counts it, unless the sponsor is one §3.11.3 prohibits. The
// prohibition is the checker's own (check_partners.cpp over the ruleset's prohibited_sponsors):
// the application with the sponsorship added is checked, and the checker's sponsor.prohibited
// findings for it are the refusal. Pure: no I/O.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ccfs/application.h"
#include "ccfs/finding.h"
#include "core/civil_date.h"
#include "core/money.h"
#include "rules/ruleset.h"

namespace bsap::match {

// A funder's §3.11.3 declaration of what it is: a prohibited_sponsors key of the ruleset
// (political_entity, tobacco, tobacco_products, alcohol_youth for the liquor trade) or this.
inline constexpr std::string_view kNoProhibitedCategory = "none";
bool is_declaration(const rules::Ruleset& ruleset, std::string_view declaration);

struct Sponsorship {
  std::string sponsor_name;
  Money amount;             // cash, or the value of what is given in kind (§3.11.1)
  std::string declaration;  // is_declaration()
  // The applicant's answer: the sponsored activities are for persons under 18 (§3.11.3(d)).
  bool for_under_18_activity = false;
};

struct SponsorshipOutcome {
  ccfs::Application application;        // with the sponsorship added; unchanged when refused
  std::vector<ccfs::Finding> refusals;  // the checker's §3.11.3 findings for this sponsor
  Money expenditure;                    // the proposed total budget the ratio is of
  Money contribution_before;            // income + confirmed sponsorship, without this one
  Money contribution_after;             // … with it (equal to before when refused)
  bool met_before = false;              // the §3.11.4 ratio met
  bool met_after = false;
  bool accepted() const { return refusals.empty(); }
};

SponsorshipOutcome add_sponsorship(const ccfs::Application& application,
                                   const Sponsorship& sponsorship, const rules::Ruleset& ruleset,
                                   CivilDate on);

}  // namespace bsap::match
