// A CCFS application as the applicant fills it in (guidelines §2.7, §3 and 附錄2), in one shape
// for every way it arrives: the portal's pages, POST /api/v1/applications/check and
// `bsap check FILE.json` (docs/application-format.md gives the JSON). Pure data: the checker
// (checker.h) judges it against a ruleset; nothing here knows the rules.
//
// Absent answers stay absent (empty strings, empty lists, nullopt) rather than defaulted, so the
// completeness check (§2.7.2) can tell "not answered" from "answered no". §2.7.2 lets the
// applicant answer 「不適用」/"N/A" where a part does not apply: see is_not_applicable().
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/money.h"

namespace bsap::ccfs {

// The organisation applying (§2.3.1), as it declares itself on the form.
struct Applicant {
  std::string name_zh;
  std::string name_en;
  std::string kind;  // an applicants.yaml applicant_types key; anything else is refused
  std::optional<bool> registered_under_societies_ordinance;  // Cap. 151 (§2.3.1(a) 註7)
  std::optional<bool> has_contract_capacity;                 // §2.3.1
  std::optional<bool> receives_government_subvention;        // declared per §3.10.2 註
  std::vector<std::string> documents;  // document keys provided (applicants.yaml `documents`)
};

// §2.6.3: who signs and answers for the application.
struct PersonInCharge {
  std::string name;
  std::string post;
  std::optional<bool> named_in_documents;  // a principal officer/director in the §2.3.1 papers
};

// A co-organiser or supporting organisation (§2.7.9); their documents are required too (§2.3.1).
struct Partner {
  std::string name;
  std::string role;
  std::string kind;  // as Applicant::kind
  std::optional<bool> registered_under_societies_ordinance;
  bool written_confirmation = false;  // their letter stating role and consent
  std::vector<std::string> documents;
};

// §2.7.10, §3.11: sponsorship or other funding, in cash or in kind.
struct FundingSource {
  std::string name;
  Money amount;
  std::string status;            // confirmed | pending
  std::string sponsor_category;  // a §3.11.3 prohibited key when it is one; else empty
  bool written_confirmation = false;
  std::string pending_action;  // for pending sponsorship: chances and actions taken (§2.7.10)
  bool for_under_18_activity = false;  // §3.11.3(d) concerns activities for under-18s only
};

// §3.11.4: income the project earns (fees, sales), deducted before the grant is computed.
struct IncomeLine {
  std::string description;
  Money amount;
};

// §2.2.1: buildings and cultural assets the project concerns, as the applicant declares them.
struct HeritageAsset {
  std::string name;
  std::optional<bool> aab_graded;   // graded by the Antiquities Advisory Board
  std::optional<bool> on_ich_list;  // on the ICH representative list or inventory
};

// §2.7.8: the owners or tenants of the land or buildings, and their consent in principle.
struct OwnerConsent {
  std::string lot_or_address;
  std::string owner;
  bool consent_in_principle = false;
};

// §2.7.12(c), §2.4.5: an approval the project needs, with the plan to get it.
struct StatutoryApproval {
  std::string approval;
  std::string authority;
  std::string plan_and_timing;
};

// §2.7.13: a milestone KPI.
struct Kpi {
  std::string indicator;
  std::string dimension;  // stakeholder_participation, measure_effectiveness, public_awareness, …
  std::string target;     // the target level, e.g. "12 hectares by month 18"
};

// §3.10.7, §5.5.1: one instalment of the proposed disbursement schedule.
struct Instalment {
  std::string milestone;  // "on signing", "after the 1st progress report", "after completion"
  Money amount;
  bool before_project_start = false;  // the part paid one month before the start (§5.5.1)
  bool after_completion = false;      // the retention paid after completion (§5.5.1)
};

// §5.13.5: a procurement planned without competition, which needs its justification.
struct Procurement {
  std::string description;
  Money value;
  bool single_source = false;
  std::string supplier;
  std::string relationship;  // the applicant's relationship with the supplier
  std::string justification;
};

// One line of the budget (§3.1, 附錄2). `kind` is a budget_kinds.h key; it says which clause or
// 附錄2 item governs the line. The line's amount is quantity × unit_cost.
struct BudgetLine {
  std::string kind;
  std::string description;
  int year = 0;            // 1-based project year (§3.2); 0 = not given
  long long quantity = 1;  // booths, boards, speakers, worker-hours, trips, volunteers, …
  Money unit_cost;
  std::optional<int> minutes;  // length of the activity (items 7 and 17)
  // Items 10, 11: what each participant pays; unit_cost is then the scheme's part of the fee,
  // so the whole fee is unit_cost + participant_fee.
  std::optional<Money> participant_fee;
  std::optional<Money> market_rent;  // item 3, own equipment: the current market rent
  std::string component;      // MA: "heritage" marks heritage/cultural items (§3.9.2); else nature
  std::string vehicle;        // item 9: coach | boat | van | lorry
  bool professional = false;  // item 7: a qualified speaker with a certificate
  bool own_staff = false;     // item 7: the project's own staff as speaker
  bool own_equipment = false;           // item 3: the grantee's own equipment
  bool owner_related = false;           // rent: land owned by the applicant or connected (§3.5.7)
  bool cash_prize = false;              // item 6: cash or cash-convertible prizes
  bool quotation = false;               // items 3, 8, 9: a quotation is attached
  bool paid_in_full_elsewhere = false;  // staff already paid full-time from elsewhere (§3.5.3)
  std::string justification;            // for case-by-case items (§3.3) and exceptions
  Money amount() const { return unit_cost * quantity; }
};

// §4.2.3: the earlier MA project an application renews. Criterion (h) asks what it achieved;
// (i) compares this budget's broad expenditure heads with its approved budget (renewal_variance.h).
struct Renewal {
  std::string previous_reference;  // the earlier project's reference (ECF or CCFS)
  // Its approved budget by head, keyed by budget_section_key(): "activities", "other", …
  std::map<std::string, Money> previous_approved_budget;
};

struct Application {
  std::string project_type;  // a ruleset project type key
  std::string language;      // zh-Hant | en: the language the applicant writes in
  std::string title;
  std::string summary;
  std::optional<CivilDate> planned_start;
  std::optional<int> duration_months;

  Applicant applicant;
  PersonInCharge person_in_charge;

  // §2.7.6 project site
  std::vector<std::string> site_codes;            // site registry codes, e.g. "B04"
  std::string map_reference;                      // grid or lot reference of the project area
  bool site_map = false;                          // map of site and extent attached
  bool site_photos = false;                       // photos of the site's present state
  bool habitat_map = false;                       // MA: current and future habitat map
  std::optional<int> walk_to_public_transport_m;  // §2.1.2: nearest public transport, on foot
  bool map_shows_public_transport = false;        // §2.7.6, cultural and research projects

  // §2.7.7, §2.7.11
  std::string objectives;
  std::string benefits;
  std::map<std::string, std::string> details;  // required_details keys → the answer
  std::vector<HeritageAsset> heritage_assets;
  bool management_agreement_evidence = false;  // MA §2.4.1
  std::optional<int> restoration_months;       // heritage: restoration works' length (§2.7.12(a))

  // §2.7.8–§2.7.10, §2.7.12
  std::vector<OwnerConsent> owners;
  std::vector<Partner> partners;
  std::vector<FundingSource> other_funding;
  std::vector<IncomeLine> income;
  std::string work_plan;
  std::string timetable;
  std::vector<StatutoryApproval> statutory_approvals;
  bool no_statutory_approvals_needed = false;  // answered 「不適用」 for §2.7.12(c)

  // §2.7.13, §2.7.14
  std::vector<Kpi> kpis;
  std::vector<std::string> deliverables;
  std::string sustainability_plan;

  // §3, §5
  std::vector<BudgetLine> budget;
  std::vector<Instalment> disbursement_schedule;
  std::vector<Procurement> procurements;
  std::optional<Money> requested_grant;  // if stated: must be expenditure less income (§3.11.4)

  // §4.2.3: set when the application renews an earlier MA project.
  std::optional<Renewal> renewal;
  // §4.5.1: a resubmitted application states clearly how it differs from the rejected one.
  std::string resubmission_differences;

  // Reasons the applicant gives for a `needs_justification` finding, keyed by the finding's rule
  // key (finding.h): "ceiling.funding", "cumulative.combined", "budget.contribution_ratio", …
  std::map<std::string, std::string> justifications;
};

// A grant the applicant already holds, for the cumulative limits of §2.5.2.
struct PriorGrant {
  std::string reference;
  std::string project_type;
  CivilDate approved_on;
  Money amount;
};

// 「不適用」 / "N/A" / "not applicable", as §2.7.2 asks the applicant to write.
bool is_not_applicable(std::string_view answer);
// Blank: empty or only spaces.
bool is_blank(std::string_view answer);

}  // namespace bsap::ccfs
