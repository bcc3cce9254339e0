// The procurement rules of §5.13 applied to one recorded purchase. The bands and their clauses
// come from limits.yaml#procurement.bands through the ruleset; nothing here names a figure.
#include "project/purchase_rules.h"

#include <algorithm>
#include <set>

#include "ccfs/application.h"

namespace bsap::project {
namespace {

using ccfs::Finding;
using ccfs::Severity;

// 附錄2 items 3, 8 and 9 「必須提供報價」: one quotation even where §5.13.2(a) asks none.
constexpr int kQuotationRequiredItemMinimum = 1;
constexpr std::string_view kAppendix2 = "附錄2";

Finding blocking(std::string rule, std::string clause, std::string field, std::string zh,
                 std::string en) {
  return {.severity = Severity::blocking,
          .rule = std::move(rule),
          .clause = std::move(clause),
          .field = std::move(field),
          .message_zh = std::move(zh),
          .message_en = std::move(en)};
}

// §5.13.2 asks for quotations 「家供應商」: two offers from one supplier count once.
std::size_t distinct_suppliers(const std::vector<Quotation>& quotations) {
  std::set<std::string> suppliers;
  for (const Quotation& quotation : quotations)
    if (!ccfs::is_blank(quotation.supplier)) suppliers.insert(quotation.supplier);
  return suppliers.size();
}

std::optional<Finding> check_value(const Purchase& purchase) {
  if (purchase.value > Money{}) return std::nullopt;
  const std::string value = format_hkd(purchase.value);
  return blocking("purchase.value", "§5.13.2", "value",
                  "採購的總值為" + value +
                      "。第5.13.2節按每宗採購的總值決定所需報價，總值須大於零；"
                      "請填寫採購的總值。",
                  "The purchase's total value is " + value +
                      ". §5.13.2 sets the quotations by the total value of each purchase, which "
                      "must be above zero; enter the purchase's total value.");
}

std::optional<Finding> check_brand(const Purchase& purchase) {
  if (!purchase.brand_specified) return std::nullopt;
  return blocking("purchase.brand", "§5.13.4", "brand_specified",
                  "投標文件指定了品牌、型號或製造商，第5.13.4節不容許。"
                  "請改以所需的規格及功能描述物品或服務，並重新邀請報價。",
                  "The tender documents specify a brand, model or maker, which §5.13.4 does not "
                  "allow. Describe the goods or services by the specification and function "
                  "needed instead, and invite the offers again.");
}

// §5.13.5 (single source approved with the application) and §5.13.2 (another arrangement agreed
// in advance) waive the quotations; the brand and lowest-offer rules still apply.
bool quotations_waived(const Purchase& purchase) {
  return purchase.single_source_approved || purchase.secretariat_agreed_otherwise;
}

std::string waiver_hint_zh() {
  return "如需另作安排，須事先取得秘書處的同意(第5.13.2節)；"
         "只向單一供應者採購，須已在申請表格上說明並獲批准(第5.13.5節)。";
}

std::string waiver_hint_en() {
  return " Another arrangement needs the secretariat's agreement in advance (§5.13.2); buying "
         "from a single supplier needs to have been set out in the application and approved "
         "(§5.13.5).";
}

std::optional<Finding> check_open_tender(const Purchase& purchase,
                                         const QuotationRequirement& required) {
  if (!required.open_tender || purchase.open_tender) return std::nullopt;
  const std::string value = format_hkd(purchase.value);
  return blocking("purchase.open_tender", required.clause, "open_tender",
                  "採購的總值為" + value + "，須進行公開招標(" + required.clause +
                      ")，但未有紀錄公開招標。請進行公開招標。" + waiver_hint_zh(),
                  "The purchase is worth " + value + " and needs an open tender (" +
                      required.clause + "), but none is recorded. Hold an open tender." +
                      waiver_hint_en());
}

std::optional<Finding> check_quotation_count(const Purchase& purchase,
                                             const QuotationRequirement& required) {
  // An open tender asks more than any number of quotations (§5.13.7: never looser).
  if (required.open_tender || purchase.open_tender) return std::nullopt;
  const auto have = static_cast<int>(distinct_suppliers(purchase.quotations));
  if (have >= required.min_quotations) return std::nullopt;
  const std::string value = format_hkd(purchase.value);
  const std::string need = std::to_string(required.min_quotations);
  const std::string got = std::to_string(have);
  return blocking(
      "purchase.quotations", required.clause, "quotations",
      "採購的總值為" + value + "，須至少取得" + need + "家供應商的報價(" + required.clause +
          ")，現只有" + got + "家。請再取得" + std::to_string(required.min_quotations - have) +
          "家供應商的報價。" + waiver_hint_zh(),
      "The purchase is worth " + value + " and needs quotations from at least " + need +
          " suppliers (" + required.clause + "); it has " + got + ". Obtain quotations from " +
          std::to_string(required.min_quotations - have) + " more." + waiver_hint_en());
}

std::optional<Finding> check_chosen_index(const Purchase& purchase) {
  if (!purchase.chosen || *purchase.chosen < purchase.quotations.size()) return std::nullopt;
  const std::string index = std::to_string(*purchase.chosen + 1);
  const std::string count = std::to_string(purchase.quotations.size());
  return blocking(
      "purchase.chosen", "§5.13.3", "chosen",
      "所選的是第" + index + "份報價，但只紀錄了" + count + "份報價。請選擇已紀錄的報價之一。",
      "The chosen offer is quotation " + index + ", but only " + count +
          " are recorded. Choose one of the recorded quotations.");
}

Money lowest_amount(const std::vector<Quotation>& quotations) {
  return std::min_element(
             quotations.begin(), quotations.end(),
             [](const Quotation& a, const Quotation& b) { return a.amount < b.amount; })
      ->amount;
}

// §5.13.3: the lowest offer (any of equal lowest ones), unless the secretariat agreed in advance
// to another on a justification.
std::optional<Finding> check_lowest(const Purchase& purchase) {
  if (!purchase.chosen || *purchase.chosen >= purchase.quotations.size()) return std::nullopt;
  const Quotation& chosen = purchase.quotations[*purchase.chosen];
  const Money lowest = lowest_amount(purchase.quotations);
  if (chosen.amount <= lowest) return std::nullopt;
  const bool justified = !ccfs::is_blank(purchase.non_lowest_justification);
  if (justified && purchase.non_lowest_agreed) return std::nullopt;
  const std::string figures_zh = "所選報價(" + chosen.supplier + "，" + format_hkd(chosen.amount) +
                                 ")並非索價最低者(" + format_hkd(lowest) + ")。";
  const std::string figures_en = "The chosen offer (" + chosen.supplier + ", " +
                                 format_hkd(chosen.amount) + ") is not the lowest (" +
                                 format_hkd(lowest) + ").";
  if (justified)
    return Finding{.severity = Severity::needs_justification,
                   .rule = "purchase.lowest",
                   .clause = "§5.13.3",
                   .field = "non_lowest_agreed",
                   .message_zh = figures_zh +
                                 "已提出理據，但仍須事先徵得秘書處的同意(第5.13.3節)。"
                                 "請在採購前取得秘書處同意，否則須選擇索價最低的供應商。",
                   .message_en = figures_en +
                                 " A justification is given, but the secretariat must agree to "
                                 "it in advance (§5.13.3). Obtain its agreement before buying, "
                                 "or choose the lowest offer."};
  return blocking("purchase.lowest", "§5.13.3", "non_lowest_justification",
                  figures_zh +
                      "第5.13.3節規定須選擇索價最低的供應商；如非選擇最低報價，"
                      "必須提出充分理據並事先徵得秘書處的同意。請選擇最低報價，或提出理據並取得"
                      "秘書處同意。",
                  figures_en +
                      " §5.13.3 requires the lowest offer; another needs a full justification "
                      "agreed by the secretariat in advance. Choose the lowest offer, or give "
                      "the justification and obtain the secretariat's agreement.");
}

}  // namespace

QuotationRequirement quotations_required(const rules::Ruleset& ruleset, Money value,
                                         bool quotation_required_item) {
  const rules::ProcurementBand* band = ruleset.procurement_band_for(value);
  if (!band) return {0, false, "§5.13.2"};  // a value below zero: check_purchase refuses it
  QuotationRequirement required{band->min_quotations, band->open_tender, band->source.clause};
  if (quotation_required_item && !required.open_tender &&
      required.min_quotations < kQuotationRequiredItemMinimum) {
    required.min_quotations = kQuotationRequiredItemMinimum;
    required.clause += ", " + std::string(kAppendix2);
  }
  return required;
}

std::vector<Finding> check_purchase(const rules::Ruleset& ruleset, const Purchase& purchase) {
  std::vector<Finding> findings;
  const auto add = [&](std::optional<Finding> finding) {
    if (finding) findings.push_back(std::move(*finding));
  };
  add(check_value(purchase));
  if (purchase.value > Money{} && !quotations_waived(purchase)) {
    const QuotationRequirement required =
        quotations_required(ruleset, purchase.value, purchase.quotation_required_item);
    add(check_open_tender(purchase, required));
    add(check_quotation_count(purchase, required));
  }
  add(check_brand(purchase));
  add(check_chosen_index(purchase));
  add(check_lowest(purchase));
  return findings;
}

}  // namespace bsap::project
