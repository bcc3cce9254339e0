// limits.yaml → cumulative limits (§2.5.2), contribution ratio (§3.11.4), time limits,
// disbursement (§5.5.1), the item increase (§5.5.3), procurement bands (§5.13.2) and audit
// thresholds (§5.8, §3.10.2).
#include "rules/section_readers.h"

namespace bsap::rules {
namespace {

const std::string kFile = "limits.yaml";

MoneyCap money_cap(const YamlCursor& rule) {
  return {source_of(rule, kFile), rule["value"]["max_cents"].money()};
}

// The event a limit counts from or before; several alternatives are joined by ", ".
std::string anchor_of(const YamlCursor& value) {
  for (const char* key : {"from", "before"}) {
    if (!value.has(key)) continue;
    std::string anchor;
    for (const std::string& event : value[key].texts())
      anchor += (anchor.empty() ? "" : ", ") + event;
    return anchor;
  }
  return "";
}

// A limit's value is {max: duration} or {min: duration} with its anchor, or the duration itself.
TimeLimit time_limit(const YamlCursor& rule) {
  const YamlCursor value = rule["value"];
  const Duration duration = value.has("max")   ? value["max"].duration()
                            : value.has("min") ? value["min"].duration()
                                               : value.duration();
  return {source_of(rule, kFile), duration, anchor_of(value)};
}

void read_cumulative(const YamlCursor& limits, Ruleset& ruleset) {
  const YamlCursor window = limits["window"];
  ruleset.cumulative = {source_of(window, kFile), window["value"].duration(),
                        money_cap(limits["management_agreement"]),
                        money_cap(limits["non_management_agreement"]),
                        money_cap(limits["combined"])};
}

void read_time_limits(const YamlCursor& document, Ruleset& ruleset) {
  ruleset.time_limits = {
      time_limit(document["application"]["processing_time"]),
      time_limit(document["application"]["response_to_information_request"]),
      time_limit(document["inception_report"]),
      time_limit(document["reporting"]["progress_report_interval"]),
      time_limit(document["reporting"]["submission_deadline"]),
      time_limit(document["records"]["retention_period"]),
      time_limit(document["records"]["information_request_response"]),
      time_limit(document["disbursement"]["unspent_return"]),
      time_limit(document["publicity_materials_submission"]),
      time_limit(document["exit_plan"]),
      time_limit(document["project_start"]),
      time_limit(document["suspension_notice"]),
  };
}

void read_disbursement(const YamlCursor& disbursement, Ruleset& ruleset) {
  const YamlCursor share = disbursement["first_instalment_share"];
  const YamlCursor first_part = disbursement["first_part_cap"];
  const YamlCursor retention = disbursement["retention"];
  ruleset.disbursement = {
      {source_of(share, kFile), share["value"]["min_pct"].percent()},
      {source_of(share, kFile), share["value"]["max_pct"].percent(), true},
      {source_of(first_part, kFile), first_part["value"]["max_pct"].percent(), true},
      source_of(retention, kFile),
      retention["value"]["pct"].percent(),
  };
  if (ruleset.disbursement.first_instalment_min.min_pct >
      ruleset.disbursement.first_instalment_max.max_pct)
    share["value"]["min_pct"].fail("the first instalment's lower bound is above its upper bound");
}

ProcurementBand read_band(const YamlCursor& band) {
  const YamlCursor value = band["value"];
  ProcurementBand read;
  read.source = source_of(band, kFile);
  if (const auto min = value.find("min_cents")) {
    read.min = min->money();
    read.min_inclusive = value["min_inclusive"].boolean();
  }
  if (const auto max = value.find("max_cents")) {
    read.max = max->money();
    read.max_inclusive = value["max_inclusive"].boolean();
  }
  read.open_tender = value.has("method");
  if (read.open_tender && value["method"].text() != "open_tender")
    value["method"].fail("unknown procurement method '" + value["method"].text() + "'");
  if (!read.open_tender) read.min_quotations = static_cast<int>(value["min_quotations"].integer());
  return read;
}

// §5.13.2: every total value falls in exactly one band, from zero up with no upper end.
void check_contiguous(const std::vector<YamlCursor>& items,
                      const std::vector<ProcurementBand>& bands) {
  if (bands.front().min != Money{} || !bands.front().min_inclusive)
    items.front().fail("the first band must start at zero inclusive");
  for (std::size_t i = 1; i < bands.size(); ++i) {
    const ProcurementBand& below = bands[i - 1];
    const ProcurementBand& band = bands[i];
    if (!below.max || *below.max != band.min || below.max_inclusive == band.min_inclusive)
      items[i].fail("the band does not start exactly where the one before it ends");
  }
  if (bands.back().max) items.back().fail("the last band must have no upper bound");
}

void read_procurement(const YamlCursor& procurement, Ruleset& ruleset) {
  const std::vector<YamlCursor> items = procurement["bands"].items();
  if (items.empty()) procurement["bands"].fail("expected at least one band");
  for (const YamlCursor& band : items) ruleset.procurement_bands.push_back(read_band(band));
  check_contiguous(items, ruleset.procurement_bands);
}

void read_audit(const YamlCursor& document, Ruleset& ruleset) {
  const YamlCursor reporting = document["reporting"];
  const YamlCursor annual = reporting["annual_audited_accounts"];
  const YamlCursor cpa = reporting["final_accounts_cpa_audit"];
  const YamlCursor no_audit = reporting["no_audit_threshold"];
  const YamlCursor receipts = document["overhead_receipts"];
  const YamlCursor annual_when = annual["value"]["when_all"];
  const YamlCursor receipts_when = receipts["value"]["when_all"];
  ruleset.audit = {source_of(annual, kFile),
                   annual_when["grant_above_cents"].money(),
                   months_of(annual_when["duration_above"]),
                   source_of(cpa, kFile),
                   cpa["value"]["grant_above_cents"].money(),
                   source_of(no_audit, kFile),
                   no_audit["value"]["grant_at_most_cents"].money(),
                   source_of(receipts, kFile),
                   receipts_when["grant_below_cents"].money(),
                   months_of(receipts_when["duration_below"])};
}

}  // namespace

void read_limits(const YamlCursor& document, Ruleset& ruleset) {
  read_cumulative(document["cumulative_funding"], ruleset);
  const YamlCursor ratio = document["contribution_ratio"];
  ruleset.contribution_ratio = {source_of(ratio, kFile), ratio["value"]["min_pct"].percent()};
  read_time_limits(document, ruleset);
  read_disbursement(document["disbursement"], ruleset);
  const YamlCursor increase = document["budget_variation"]["item_increase"];
  ruleset.item_increase_cap = {source_of(increase, kFile), increase["value"]["max_pct"].percent(),
                               true};
  read_procurement(document["procurement"], ruleset);
  read_audit(document, ruleset);
}

}  // namespace bsap::rules
