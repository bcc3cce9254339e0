// §2.7.13: deliverables, and at least five milestone KPIs (「須…提出最少五個」) covering at least
// three dimensions, among them stakeholder participation, the effectiveness of the measures and
// public awareness, each KPI with a target level (「每項指標須設有實際目標水平」). All blocking.
#include <algorithm>
#include <set>
#include <string>

#include "ccfs/app_support.h"

namespace bsap::ccfs {
namespace {

void check_count(const CheckInput& input, FindingSink& sink) {
  const rules::KpiRules& rules = input.ruleset.application.kpis;
  const int given = static_cast<int>(input.application.kpis.size());
  if (given >= rules.min_count) return;
  const std::string min = std::to_string(rules.min_count);
  sink.blocking("kpi.count", rules.count_source.clause, "kpis",
                "申請書只列出" + std::to_string(given) + "個項目表現指標；須按工作計劃提出最少" +
                    min + "個階段性主要表現指標。請再加" + std::to_string(rules.min_count - given) +
                    "個。",
                "The application gives " + std::to_string(given) + " KPIs; at least " + min +
                    " milestone KPIs following the work plan are required. Add " +
                    std::to_string(rules.min_count - given) + " more.");
}

std::set<std::string> dimensions_covered(const Application& application) {
  std::set<std::string> covered;
  for (const Kpi& kpi : application.kpis)
    if (!is_blank(kpi.dimension)) covered.insert(kpi.dimension);
  return covered;
}

// The named dimensions no KPI covers.
std::vector<std::string> missing_dimensions(const rules::KpiRules& rules,
                                            const std::set<std::string>& covered) {
  std::vector<std::string> missing;
  std::copy_if(rules.dimensions.begin(), rules.dimensions.end(), std::back_inserter(missing),
               [&](const std::string& dimension) { return !covered.contains(dimension); });
  return missing;
}

void check_dimensions(const CheckInput& input, FindingSink& sink) {
  const rules::KpiRules& rules = input.ruleset.application.kpis;
  const std::set<std::string> covered = dimensions_covered(input.application);
  const std::vector<std::string> missing = missing_dimensions(rules, covered);
  const int count = static_cast<int>(covered.size());
  if (missing.empty() && count >= rules.min_dimensions) return;
  const std::string add_zh =
      missing.empty() ? "" : "請加入以下層面的指標：" + joined_zh(missing) + "。";
  const std::string add_en =
      missing.empty() ? "" : " Add KPIs of these dimensions: " + joined_en(missing) + ".";
  // The rule's own text names the dimensions ("…包括持份者的參與、…和公眾意識").
  const rules::Bilingual& rule = rules.dimensions_source.description;
  sink.blocking("kpi.dimensions", rules.dimensions_source.clause, "kpis",
                "項目表現指標只涵蓋" + std::to_string(count) + "個層面。" + rule.zh + "。" + add_zh,
                "The KPIs cover " + std::to_string(count) + " dimension" + (count == 1 ? "" : "s") +
                    ". " + rule.en + "." + add_en);
}

void check_kpi(std::size_t index, const CheckInput& input, FindingSink& sink) {
  const Kpi& kpi = input.application.kpis[index];
  const std::string& clause = input.ruleset.application.kpis.dimensions_source.clause;
  const std::string number = std::to_string(index + 1);
  if (is_blank(kpi.indicator))
    sink.blocking("kpi.indicator", clause, item_field("kpis", index, "indicator"),
                  "請說明第" + number + "項表現指標量度甚麼。",
                  "Say what KPI " + number + " measures.");
  if (is_blank(kpi.target))
    sink.blocking(
        "kpi.target", clause, item_field("kpis", index, "target"),
        "第" + number + "項表現指標「" + kpi.indicator +
            "」未設目標水平；每項指標須設有實際目標水平。請填寫目標，例如「第18個月前達12公頃」。",
        "KPI " + number + " ('" + kpi.indicator +
            "') has no target; each KPI needs a realistic target level. Give one, e.g. "
            "'12 hectares by month 18'.");
}

void check_deliverables(const CheckInput& input, FindingSink& sink) {
  const std::vector<std::string>& deliverables = input.application.deliverables;
  if (std::any_of(deliverables.begin(), deliverables.end(),
                  [](const std::string& d) { return !is_blank(d); }))
    return;
  sink.blocking("kpi.deliverables", input.ruleset.application.kpis.count_source.clause,
                "deliverables", "請列出項目的可交付成果，並盡量量化。",
                "List the project's deliverables, quantified where possible.");
}

}  // namespace

void check_kpis(const CheckInput& input, FindingSink& sink) {
  check_count(input, sink);
  check_dimensions(input, sink);
  for (std::size_t i = 0; i < input.application.kpis.size(); ++i) check_kpi(i, input, sink);
  check_deliverables(input, sink);
}

}  // namespace bsap::ccfs
