// §5.13: procurements the application plans. One bought from a single supplier without the
// quotations of §5.13.2 needs its details, reasons and the relationship with the supplier stated
// on the form (§5.13.5, 「必須」: blocking); for the others, a note of what §5.13.2 asks at their
// value (quotations or an open tender).
#include "ccfs/budget_check_support.h"

namespace bsap::ccfs {
namespace {

constexpr std::string_view kSingleSource = "§5.13.5";

std::string procurement_field(std::size_t index, std::string_view member) {
  return "procurements[" + std::to_string(index) + "]." + std::string(member);
}

std::string procurement_zh(std::size_t index) {
  return "第" + std::to_string(index + 1) + "項採購";
}

std::string procurement_en(std::size_t index) { return "Procurement " + std::to_string(index + 1); }

struct Answer {
  std::string_view member;
  std::string_view zh;
  std::string_view en;
};

void check_single_source(const Procurement& procurement, std::size_t index, FindingSink& sink) {
  const std::pair<const std::string*, Answer> answers[] = {
      {&procurement.supplier, {"supplier", "供應的公司／機構／人士", "the supplier"}},
      {&procurement.relationship,
       {"relationship", "申請者與該公司／機構／人士的關係",
        "the applicant's relationship with it"}},
      {&procurement.justification, {"justification", "理據", "the reasons"}},
  };
  for (const auto& [text, answer] : answers) {
    if (!is_blank(*text)) continue;
    sink.blocking("procurement.single_source", std::string(kSingleSource),
                  procurement_field(index, answer.member),
                  procurement_zh(index) +
                      "只向單一供應者採購，未按第5.13."
                      "2節取得報價：必須在申請表格上說明詳情、理據以及與供應者的關係。請填寫" +
                      std::string(answer.zh) + "。",
                  procurement_en(index) +
                      " buys from a single supplier without the quotations of §5.13.2: the form "
                      "must give the details, the reasons and the relationship with the "
                      "supplier. Give " +
                      std::string(answer.en) + ".");
  }
}

void note_quotations(const CheckInput& input, const Procurement& procurement, std::size_t index,
                     FindingSink& sink) {
  const rules::ProcurementBand* band = input.ruleset.procurement_band_for(procurement.value);
  if (!band || (band->min_quotations == 0 && !band->open_tender)) return;
  const std::string& clause = band->source.clause;
  const std::string value = hkd(procurement.value);
  const std::string count = std::to_string(band->min_quotations);
  sink.info("procurement.quotations", clause, procurement_field(index, "value"),
            procurement_zh(index) + "的總值為" + value + "：" +
                (band->open_tender ? "須進行公開招標" : "須至少取得" + count + "家供應商的報價") +
                "(" + clause + ")，並選擇索價最低者(第5.13.3節)。",
            procurement_en(index) + " is worth " + value + ": it needs " +
                (band->open_tender ? "an open tender" : "at least " + count + " quotations") +
                " (" + clause + "), and the lowest offer is taken (§5.13.3).");
}

void check_value(const Procurement& procurement, std::size_t index, FindingSink& sink) {
  if (procurement.value >= Money{}) return;
  sink.blocking(
      "procurement.value", "§5.13.2", procurement_field(index, "value"),
      procurement_zh(index) + "的總值為" + hkd(procurement.value) + "。總值不可為負數；請更正。",
      procurement_en(index) + " is worth " + hkd(procurement.value) +
          ". A value cannot be negative; correct it.");
}

}  // namespace

void check_procurement(const CheckInput& input, FindingSink& sink) {
  const std::vector<Procurement>& procurements = input.application.procurements;
  for (std::size_t i = 0; i < procurements.size(); ++i) {
    check_value(procurements[i], i, sink);
    if (procurements[i].single_source)
      check_single_source(procurements[i], i, sink);
    else
      note_quotations(input, procurements[i], i, sink);
  }
}

}  // namespace bsap::ccfs
