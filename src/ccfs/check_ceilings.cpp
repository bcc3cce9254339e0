// §2.5.1: the grant and duration of a project of each type 「一般會規限於」 its caps. §2.5.3
// considers an amount or duration ABOVE the caps case by case on reasons (needs_justification);
// it says nothing of a duration below the minimum, which stays blocking. The table note * lets an
// MA project shorter than 2 years serve only as a short-term solution (needs_justification: say
// why). 註10/註11: an MA grant split between nature conservation and heritage/cultural work that
// fits neither box is above the §2.5.1 caps, so §2.5.3 applies to it too.
// check_completeness reports a missing duration.
#include <string>

#include "ccfs/app_support.h"

namespace bsap::ccfs {
namespace {

// "§2.5.1, §2.5.3": the cap's own clause and the case-by-case clause.
std::string exceedable(const std::string& clause) {
  return clause + ", " + std::string(kCaseByCaseClause);
}

void check_funding(const CheckInput& input, FindingSink& sink) {
  const rules::MoneyCap& ceiling = input.type->funding_ceiling;
  const Money grant = input.totals.grant;
  if (ceiling.admits(grant)) return;
  sink.needs_justification(
      "ceiling.funding", exceedable(ceiling.source.clause), "budget",
      "申請資助額" + hkd(grant) + "超逾" + input.type->name.zh + "的資助限額" + hkd(ceiling.max) +
          "。請把資助額減至限額或以內；超逾限額的申請會因應詳細理由及項目的效益和優點作個別考慮。",
      "The grant asked for, " + hkd(grant) + ", is above the " + hkd(ceiling.max) +
          " ceiling for a project of type '" + input.type->short_name.en +
          "'. Bring it within the ceiling; above it the application is considered case by case "
          "on detailed reasons and the project's merits.");
}

void check_duration_max(int months, const CheckInput& input, FindingSink& sink) {
  const rules::DurationRange& range = input.type->duration;
  const int max = months_of(range.max);
  if (months <= max) return;
  sink.needs_justification(
      "ceiling.duration_max", exceedable(range.source.clause), "duration_months",
      "項目為期" + months_zh(months) + "，超逾" + input.type->name.zh + "的年期上限" +
          months_zh(max) + "。請縮短項目期；超逾上限者會因應詳細理由作個別考慮。",
      "The project runs " + months_en(months) + ", longer than the " + months_en(max) +
          " maximum for a project of type '" + input.type->short_name.en +
          "'. Shorten it; a longer project is considered case by case on detailed reasons.");
}

// Below the minimum: §2.5.3 covers only amounts and durations above the caps.
void report_below_min(int months, int min, const CheckInput& input, FindingSink& sink) {
  sink.blocking("ceiling.duration_min", input.type->duration.source.clause, "duration_months",
                "項目為期" + months_zh(months) + "，短於" + input.type->name.zh + "的最短年期" +
                    months_zh(min) + "。請把項目期延長至最少" + months_zh(min) + "。",
                "The project runs " + months_en(months) + ", shorter than the " + months_en(min) +
                    " minimum for a project of type '" + input.type->short_name.en +
                    "'. Make it at least " + months_en(min) + ".");
}

// Table note *: 「年期少於2年的項目只適用作短期解決方案」.
void check_short_term(int months, const CheckInput& input, FindingSink& sink) {
  const std::optional<rules::DurationRange>& note = input.type->short_term_only_below;
  if (!note || !note->min || months >= months_of(*note->min)) return;
  const int full = months_of(*note->min);
  sink.needs_justification(
      "ceiling.short_term", note->source.clause, "duration_months",
      "項目為期" + months_zh(months) + "，少於" + months_zh(full) +
          "，只適用作短期解決方案。請說明為何短期方案已足夠，或把項目期延長至" + months_zh(full) +
          "或以上。",
      "At " + months_en(months) + " the project is shorter than " + months_en(full) +
          " and serves only as a short-term solution. Explain why a short-term solution is "
          "enough, or make it " +
          months_en(full) + " or longer.");
}

void check_duration(const CheckInput& input, FindingSink& sink) {
  const std::optional<int> months = input.application.duration_months;
  if (!months || *months <= 0) return;
  check_duration_max(*months, input, sink);
  const std::optional<rules::Duration>& min = input.type->duration.min;
  if (min && *months < months_of(*min))
    report_below_min(*months, months_of(*min), input, sink);
  else
    check_short_term(*months, input, sink);
}

// 註10 (nature ≤ 13M, heritage ≤ 2M) or 註11 (12M, 3M), total within the MA ceiling: a split
// fitting either box is accepted (data/ccfs/README Ambiguities 9).
void check_components(const CheckInput& input, FindingSink& sink) {
  const std::optional<rules::ComponentCeilings>& ceilings = input.type->component_ceilings;
  const Money nature = input.totals.nature_component;
  const Money heritage = input.totals.heritage_component;
  if (!ceilings || ceilings->admits(nature, heritage)) return;
  const rules::ComponentSplit& first = ceilings->default_split;
  const rules::ComponentSplit& second = ceilings->varied_split;
  const auto box_zh = [](const rules::ComponentSplit& split) {
    return "自然保育部分不超逾" + hkd(split.nature_conservation_max) +
           "及建築／文化復育部分不超逾" + hkd(split.heritage_cultural_max) + "(" +
           split.source.clause + ")";
  };
  const auto box_en = [](const rules::ComponentSplit& split) {
    return "nature conservation at most " + hkd(split.nature_conservation_max) +
           " and heritage/cultural work at most " + hkd(split.heritage_cultural_max) + " (" +
           split.source.clause + ")";
  };
  sink.needs_justification(
      "ceiling.components", exceedable(first.source.clause + ", " + second.source.clause), "budget",
      "自然保育部分" + hkd(nature) + "及建築／文化復育部分" + hkd(heritage) +
          "不符合任何一種資助分配：" + box_zh(first) + "，或" + box_zh(second) + "，總額不超逾" +
          hkd(ceilings->max_total) + "。請調整預算中標示為文物(heritage)的項目。",
      "The nature conservation part, " + hkd(nature) + ", and the heritage/cultural part, " +
          hkd(heritage) + ", fit neither split: " + box_en(first) + ", or " + box_en(second) +
          ", in total at most " + hkd(ceilings->max_total) +
          ". Adjust the budget lines marked heritage.");
}

}  // namespace

void check_ceilings(const CheckInput& input, FindingSink& sink) {
  if (!input.type) return;
  check_funding(input, sink);
  check_duration(input, sink);
  check_components(input, sink);
}

}  // namespace bsap::ccfs
