// One version of the CCFS application guidelines as data (data/ccfs/ruleset-X.Y/, schema in
// data/ccfs/README.md): typed rules for what code checks, each with its clause, and the ordered
// list of every rule entry for pages that list them all. Pure: ruleset_loader.h fills it in.
// A Ruleset is handed out as shared_ptr<const Ruleset> and never changes once loaded: an
// application judged by it must be judged the same way again (ARCHITECTURE.md principle 1).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/money.h"
#include "rules/find_by.h"
#include "rules/rule_types.h"
#include "rules/site_registry.h"

namespace bsap::rules {

// Any mapping of the data with a `clause` is a rule entry (README "Rule / parameter").
struct RuleLeaf {
  std::string path;  // below the entry: "value.max_cents", "value.modes[2]"
  std::string json;  // the scalar as JSON: 1500000000, "approved_grant", true, null
};

struct RuleEntry {
  std::string key_path;  // "project_types.yaml#project_types.management_agreement.funding_ceiling"
  std::string file;      // "project_types.yaml"
  int line = 0;          // 1-based
  std::string clause;
  Bilingual description;  // its `description`, else its `name`, else its own zh/en
  // The entry without clause, description and nested entries (which are entries of their own),
  // as JSON text; and the same content as scalar leaves, for diffs.
  std::string content_json;
  std::vector<RuleLeaf> leaves;
};

// ---- §1.3, §2.1, §2.5.1: the four project types

// 註10 and 註11 of §2.5.1: two splits of the MA grant between nature conservation and
// architectural/cultural revitalisation (README Ambiguities 9: a split fitting either is accepted).
struct ComponentSplit {
  RuleSource source;
  Money nature_conservation_max;
  Money heritage_cultural_max;
  bool admits(Money nature, Money heritage) const {
    return nature <= nature_conservation_max && heritage <= heritage_cultural_max;
  }
};

struct ComponentCeilings {
  ComponentSplit default_split;  // 註10
  ComponentSplit varied_split;   // 註11
  Money max_total;
  bool admits(Money nature, Money heritage) const {
    return nature + heritage <= max_total &&
           (default_split.admits(nature, heritage) || varied_split.admits(nature, heritage));
  }
};

struct DurationRange {
  RuleSource source;
  std::optional<Duration> min;
  Duration max;
};

// A detail §2.7.11 asks of an application of a type (its `required_details.items`).
struct RequiredDetail {
  std::string key;  // "target_taxa"
  Bilingual name;
};

struct ProjectType {
  std::string key;  // management_agreement, heritage_building, cultural_revitalisation, …
  Bilingual name;
  Bilingual short_name;
  std::string application_form;                  // ma, non_ma (§2.7.1)
  RuleSource eligible_sites;                     // §2.1.1 or §2.1.2
  std::vector<std::string> eligible_categories;  // site category letters
  bool exclude_on_lantau = true;
  std::optional<std::string> site_rule;  // a site_rules key, e.g. the 500 m rule of §2.1.2
  MoneyCap funding_ceiling;              // §2.5.1, exceedable case by case (§2.5.3)
  DurationRange duration;                // §2.5.1
  std::optional<ComponentCeilings> component_ceilings;  // MA only
  // MA table note *: a project shorter than `min` (2 years) is only a short-term solution; `max`
  // is the type's own duration max, so the range is that of a full (not short-term) project.
  std::optional<DurationRange> short_term_only_below;
  RuleSource required_details_source;  // §2.7.11
  std::vector<RequiredDetail> required_details;
  std::string criteria_set;  // the §4.2/§4.3 criteria set its assessment uses (§4.1.1)
};

// ---- §2.5.2: cumulative funding per applicant in any three years

struct CumulativeLimits {
  RuleSource window_source;
  Duration window;
  MoneyCap management_agreement;
  MoneyCap non_management_agreement;
  MoneyCap combined;
};

// ---- time limits (limits.yaml), each with its clause

struct TimeLimits {
  TimeLimit processing_time;               // §2.6.1, a service target
  TimeLimit information_request_response;  // §2.6.4, 14 calendar days, else deemed withdrawn
  TimeLimit inception_report;              // §5.1.2
  TimeLimit progress_report_interval;      // §5.8.1
  TimeLimit report_submission;             // §5.8.2
  TimeLimit records_retention;             // §5.9.1
  TimeLimit records_request_response;      // §5.9.2, 10 working days
  TimeLimit unspent_return;                // §5.5.7
  TimeLimit publicity_materials;           // §5.12.3
  TimeLimit exit_plan;                     // §5.14.3, at least six months before completion
  TimeLimit project_start;                 // §5.16.1(a)
  TimeLimit suspension_notice;             // §5.16.3
};

// ---- §5.5.1: disbursement

struct Disbursement {
  PercentFloor first_instalment_min;  // generally 25–50 % of the approved grant
  PercentCap first_instalment_max;
  PercentCap first_part_cap;  // paid one month before the start, at most 25 %
  RuleSource retention_source;
  int retention_pct = 0;  // the last 10 % is paid after completion
  // Whether a first instalment lies in the 25–50 % band (a general rule: the secretariat may
  // depart from it in special circumstances).
  bool first_instalment_in_band(Money first, Money grant) const {
    return first_instalment_min.met_by(first, grant) && first_instalment_max.admits(first, grant);
  }
  Money retention(Money grant) const { return share_of(grant, retention_pct * 100); }
};

// ---- §5.13.2: procurement bands by total value per procurement

struct ProcurementBand {
  RuleSource source;
  Money min;  // from zero when the seed gives no lower bound
  bool min_inclusive = true;
  std::optional<Money> max;  // none: unbounded
  bool max_inclusive = false;
  int min_quotations = 0;
  bool open_tender = false;
  bool contains(Money total) const;
};

// ---- §5.8, §3.10.2: reporting and audit thresholds

struct AuditThresholds {
  RuleSource annual_accounts_source;     // §5.8.1
  Money annual_accounts_grant_above;     // strictly above HK$300,000 …
  int annual_accounts_months_above = 0;  // … and strictly longer than 18 months
  RuleSource cpa_audit_source;           // §5.8.2
  Money cpa_audit_grant_above;
  RuleSource no_audit_source;  // §5.8.4
  Money no_audit_grant_at_most;
  RuleSource overhead_receipts_source;  // §3.10.2
  Money overhead_receipts_grant_below;
  int overhead_receipts_months_below = 0;

  bool annual_audited_accounts_required(Money grant, int project_months) const {
    return grant > annual_accounts_grant_above && project_months > annual_accounts_months_above;
  }
  bool final_accounts_need_cpa_audit(Money grant) const { return grant > cpa_audit_grant_above; }
  bool accounts_need_no_audit(Money grant) const { return grant <= no_audit_grant_at_most; }
  bool overheads_need_receipts(Money grant, int project_months) const {
    return grant < overhead_receipts_grant_below && project_months < overhead_receipts_months_below;
  }
};

// ---- §3 and 附錄2: budget

// A money figure of an 附錄2 item, named by its path under `value`: "max_cents_per_booth",
// "long_activity.max_cents_per_speaker".
struct NamedAmount {
  std::string name;
  Money amount;
};

// A band of activity length with a money cap, as items 7 and 17 of 附錄2 give them: "3 hours
// or more", "not more than 3 hours", "over 5 hours". Minutes, so 2.5 hours is exact.
struct HourBand {
  std::string name;  // the path of the band under `value`: "long_activity", "bands[1]"
  std::optional<int> min_minutes;
  bool min_inclusive = true;
  std::optional<int> max_minutes;
  bool max_inclusive = true;
  bool contains(int minutes) const;
};

struct BudgetItem {
  int number = 0;  // 附錄2 第n項
  RuleSource source;
  Bilingual name;
  std::optional<PercentCap> share_cap;       // "at most n % of …"
  std::vector<std::string> share_of;         // the bases; with several, the lower is taken
  std::vector<NamedAmount> amounts;          // every *_cents figure of the item
  bool quotation_required = false;           // items 3, 8, 9; also the exception to §5.13.2(a)
  std::vector<std::string> applies_to;       // project types; empty = all
  std::vector<HourBand> hour_bands;          // items 7 and 17, in the file's order
  std::optional<int> participant_share_pct;  // items 10 and 11: what participants pay
  // Item 3 `own_equipment`: the grantee's own equipment is not normally funded; by exception at
  // most this share of the current market rent.
  std::optional<int> own_equipment_market_rent_pct;
  std::optional<Money> amount(std::string_view name) const;
  const HourBand* hour_band(std::string_view name) const;
};

struct Overheads {
  RuleSource source;         // §3.10.2 (main text over 附錄2 第13項, README Ambiguities 6)
  PercentCap non_subvented;  // 10 % of the approved grant or actual, the lower
  bool subvented_funded = false;
};

struct Budget {
  std::vector<BudgetItem> appendix2;  // items 1…18 in order
  Overheads overheads;
  PercentCap ma_admin_and_general_share;  // §3.5.8, strictly below 50 %
  const BudgetItem* item(int number) const;
};

// ---- §4.2, §4.3: assessment criteria (the seed gives no weights)

struct Criterion {
  std::string id;  // a1, a2, b … g
  Bilingual description;
  std::vector<std::string> when_site_categories;  // a1/a2 of §4.2.1
  std::optional<std::string> when_project_type;   // a1/a2/a3 of §4.3.1
};

struct CriteriaSet {
  std::string key;  // ma_criteria, non_ma_criteria
  RuleSource source;
  std::vector<std::string> one_of;    // exactly one of these applies…
  std::vector<std::string> then_all;  // …then all of these
  std::vector<Criterion> criteria;
  const Criterion* find(std::string_view id) const;
};

// ---- §5.16: suspension and termination; §4.1.4: disqualification

struct Ground {
  std::string id;  // "a", "public_order"; empty for grounds named only by their clause
  std::string clause;
  Bilingual text;
};

struct SuspensionGrounds {
  RuleSource may_suspend_source;  // §5.16.1
  std::vector<Ground> may_suspend;
  RuleSource immediate_source;  // §5.16.2
  std::vector<Ground> immediate_termination;
  std::vector<Ground> other;  // §5.8.10, §5.15.1, §5.16.7
};

// ---- What an application must be and carry (§2.3, §2.7, §3.11.3): applicants.yaml,
// implementation.yaml#kpis, project_types.yaml#site_rules, limits.yaml#public_opening.

struct DocumentRequirement {
  std::string key;     // "tax_exemption_letter"
  std::string clause;  // "§2.3.1(a)(i)"
  Bilingual name;
};

// One of the three kinds of eligible applicant of §2.3.1.
struct ApplicantType {
  std::string key;  // charitable_institution, non_profit_company, post_secondary_institution
  RuleSource source;
  Bilingual name;
  std::vector<DocumentRequirement> documents;
};

struct KpiRules {
  RuleSource count_source;  // §2.7.13: at least five milestone KPIs
  int min_count = 0;
  RuleSource dimensions_source;  // §2.7.13: at least three dimensions, each KPI with a target
  int min_dimensions = 0;
  std::vector<std::string> dimensions;  // the named ones every application must cover
};

struct ProhibitedSponsor {
  std::string key;  // political_entity, tobacco, tobacco_products, alcohol_youth
  std::string clause;
  Bilingual name;
};

struct ApplicationRules {
  RuleSource applicant_general;  // §2.3.1: legal capacity to contract
  std::vector<ApplicantType> applicant_types;
  RuleSource societies_excluded;         // §2.3.1(a) 註7: Cap. 151 societies
  RuleSource subvention_declaration;     // §3.10.2 註
  RuleSource co_organiser_confirmation;  // §2.7.9
  RuleSource sponsor_confirmation;       // §2.7.10
  KpiRules kpis;
  RuleSource sustainability;   // §2.7.14
  RuleSource lantau_excluded;  // §2.1.1, §2.1.2, 附錄1a 註: sites on Lantau are not funded
  RuleSource remote_village;   // §2.1.2: no public transport within this walking distance
  int min_walk_to_public_transport_m = 0;
  RuleSource ineligible_heritage;         // §2.2.1
  PercentFloor heritage_public_opening;   // §2.7.12(a): share of the project period
  RuleSource prohibited_sponsors_source;  // §3.11.3
  std::vector<ProhibitedSponsor> prohibited_sponsors;
  const ApplicantType* applicant_type(std::string_view key) const;
};

// ---- §4: the rest of the assessment (assessment.yaml)

// A ground on which screening does not consider an application (assessment.yaml#not_considered):
// an ineligible site (§2.1.3), graded heritage (§2.2.1), no MA evidence (§2.4.1), no signature or
// chop (§2.6.3), no reply to a request for information (§2.6.4).
struct NotConsideredGround {
  std::string key;  // site_ineligible, unsigned_or_unchopped, …
  std::string clause;
  Bilingual description;
  std::vector<std::string> applies_to;  // project types; empty = all
};

struct AssessmentRules {
  RuleSource heritage_elements;             // §4.2.2: an MA's heritage or cultural elements …
  std::string heritage_also_apply;          // … are also assessed on this criteria set (§4.3)
  RuleSource renewal;                       // §4.2.3: renewing an earlier MA project
  std::vector<Criterion> renewal_criteria;  // (h) and (i)
  // (i): a broad expenditure head differing from the earlier approved budget by this whole
  // percentage or more is explained.
  int renewal_variance_pct = 0;
  RuleSource disqualification;                   // §4.1.4
  std::vector<Ground> disqualification_grounds;  // id = the data's key: public_order, …
  std::vector<NotConsideredGround> not_considered;

  const Ground* disqualification_ground(std::string_view key) const {
    return find_by(disqualification_grounds, &Ground::id, key);
  }
  const NotConsideredGround* not_considered_ground(std::string_view key) const {
    return find_by(not_considered, &NotConsideredGround::key, key);
  }
};

struct Ruleset {
  std::string version;  // "1.8": compared as text, never as a number
  CivilDate effective_from = CivilDate::from_days_since_epoch(0);
  Bilingual title;
  std::string folder;       // where it was loaded from
  std::string fingerprint;  // SHA-256 of its files: records which exact rules judged something

  std::vector<ProjectType> project_types;
  CumulativeLimits cumulative;
  PercentFloor contribution_ratio;  // §3.11.4
  TimeLimits time_limits;
  Disbursement disbursement;
  // §5.5.3: an item's approved amount may be raised, with the secretariat's prior written
  // approval, by at most this share of it (all increases of the item together).
  PercentCap item_increase_cap;
  std::vector<ProcurementBand> procurement_bands;  // contiguous, ascending
  AuditThresholds audit;
  Budget budget;
  std::vector<CriteriaSet> criteria_sets;
  AssessmentRules assessment;
  SuspensionGrounds suspension;
  ApplicationRules application;
  std::shared_ptr<const SiteRegistry> sites;  // 附錄1a/1b as this version lists them

  std::vector<RuleEntry> entries;  // every rule, in file and document order

  const ProjectType* project_type(std::string_view key) const;
  const CriteriaSet* criteria_set(std::string_view key) const;
  const RuleEntry* entry(std::string_view key_path) const;
  const ProcurementBand* procurement_band_for(Money total) const;
};

}  // namespace bsap::rules
