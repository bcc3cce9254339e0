// §5.13: a purchase a funded project records, judged against the procurement rules. Pure.
// - §5.13.2: the quotations (or open tender) its total value needs, by band (limits.yaml
//   procurement.bands): up to 5,000 none (except the 附錄2 items that always need a quotation);
//   over 5,000 to under 50,000 two; 50,000 to under 500,000 three; 500,000 to under 1.4 million
//   five; 1.4 million and over an open tender;
// - §5.13.3: the lowest offer, unless a justification was agreed in advance by the secretariat;
// - §5.13.4: tender documents may not specify a brand, model or maker;
// - §5.13.5: a single-source purchase approved with the application needs no quotations;
// - §5.13.2 「除非事先取得秘書處的同意另作安排」: the secretariat may agree another arrangement;
// - §5.13.7: a university may follow its own procedure, which is held to the same minimums here
//   (it may not be looser), so the same checks apply.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ccfs/finding.h"
#include "core/money.h"
#include "rules/ruleset.h"

namespace bsap::project {

struct Quotation {
  std::string supplier;
  Money amount;
};

struct Purchase {
  std::string description;
  Money value;                    // the total value of the purchase (§5.13.2 「每宗採購的總值」)
  std::vector<Quotation> quotations;
  std::optional<std::size_t> chosen;  // index into quotations; nullopt when none
  bool open_tender = false;
  bool brand_specified = false;           // §5.13.4
  bool single_source_approved = false;    // §5.13.5, approved with the application
  bool secretariat_agreed_otherwise = false;  // §5.13.2, agreed in advance
  bool quotation_required_item = false;   // 附錄2 items 3, 8, 9: a quotation even at ≤ 5,000
  std::string non_lowest_justification;   // §5.13.3
  bool non_lowest_agreed = false;         // §5.13.3: agreed in advance by the secretariat
};

struct QuotationRequirement {
  int min_quotations = 0;
  bool open_tender = false;
  std::string clause;  // "§5.13.2(c)"
};
QuotationRequirement quotations_required(const rules::Ruleset& ruleset, Money value,
                                         bool quotation_required_item = false);

// Blocking findings: too few quotations, no open tender, a brand specified, a chosen offer that
// is not the lowest without an agreed justification, a chosen index out of range, a value that
// is not positive. needs_justification: a non-lowest choice with a justification not yet agreed.
// Empty when the purchase complies.
std::vector<ccfs::Finding> check_purchase(const rules::Ruleset& ruleset, const Purchase& purchase);

}  // namespace bsap::project
