// §4.2.3: a renewal of an earlier MA project names that project and its approved budget, and
// (i) explains every broad expenditure head whose total differs from that budget by the
// ruleset's threshold (30 %) or more: a needs_justification finding per head, answered under its
// rule key. The seed frames renewals for MA projects only, so a renewal of any other type is
// blocking.
#include <fmt/format.h>

#include <string>

#include "ccfs/app_support.h"
#include "ccfs/budget_sheet.h"
#include "ccfs/renewal_variance.h"

namespace bsap::ccfs {
namespace {

// Criterion (h) asks what the earlier project achieved, (i) compares with its budget.
std::string clause_of(const CheckInput& input, std::string_view criterion) {
  return input.ruleset.assessment.renewal.clause + "(" + std::string(criterion) + ")";
}

// "35.00%": floored basis points, so 29.999 % reads 29.99 %.
std::string percent_text(long long basis_points) {
  return fmt::format("{}.{:02}%", basis_points / 100, basis_points % 100);
}

void refuse_non_ma(const CheckInput& input, FindingSink& sink) {
  sink.blocking("renewal.management_agreement_only", input.ruleset.assessment.renewal.clause,
                "renewal",
                "續期申請只適用於先前獲批的管理協議項目，「" + input.type->short_name.zh +
                    "」項目的申請不能作為續期申請。請刪去續期資料，或改為提交管理協議項目申請。",
                "Renewals concern earlier management agreement projects only: a " +
                    input.type->short_name.en +
                    " application cannot be a renewal. Remove the renewal part, or apply as a "
                    "management agreement project.");
}

// Without the earlier budget there is nothing to compare, so (i) waits for it.
bool require_previous_project(const CheckInput& input, FindingSink& sink) {
  const Renewal& renewal = *input.application.renewal;
  if (is_blank(renewal.previous_reference))
    sink.blocking("renewal.previous_reference", clause_of(input, "h"), "renewal.previous_reference",
                  "請填寫先前管理協議項目的編號，以便評審其取得的成果。",
                  "Give the reference of the earlier management agreement project, so that what "
                  "it achieved can be assessed.");
  if (!renewal.previous_approved_budget.empty()) return true;
  sink.blocking("renewal.previous_approved_budget", clause_of(input, "i"),
                "renewal.previous_approved_budget",
                "請按概括開支項目填寫先前管理協議項目的核准預算，以便與本申請的預算比較。",
                "Give the earlier management agreement project's approved budget by broad "
                "expenditure head, to compare with this application's budget.");
  return false;
}

void explain_variance(const HeadVariance& variance, const CheckInput& input, FindingSink& sink) {
  const std::string head_zh = budget_section_name_zh(variance.head);
  const std::string head_en = budget_section_name_en(variance.head);
  const std::string threshold = std::to_string(input.ruleset.assessment.renewal_variance_pct) + "%";
  const std::string difference =
      variance.variance_basis_points ? percent_text(*variance.variance_basis_points) : "";
  const std::string zh_gap = difference.empty()
                                 ? "先前項目沒有此開支項目"
                                 : "相差" + difference + "，達" + threshold + "或以上";
  const std::string en_gap = difference.empty()
                                 ? "a head the earlier project did not have"
                                 : "a difference of " + difference + ", at least " + threshold;
  sink.needs_justification(
      renewal_variance_rule(variance.head), clause_of(input, "i"),
      "renewal.previous_approved_budget." + std::string(budget_section_key(variance.head)),
      "「" + head_zh + "」的費用總額為" + hkd(variance.proposed) +
          "，先前管理協議項目的核准預算為" + hkd(variance.previous) + "，" + zh_gap +
          "，須解釋出現差額的原因。",
      "The total for '" + head_en + "' is " + hkd(variance.proposed) + " against " +
          hkd(variance.previous) +
          " in the earlier management agreement project's approved budget: " + en_gap +
          ", so the reasons for the difference must be explained.");
}

}  // namespace

void check_renewal(const CheckInput& input, FindingSink& sink) {
  if (!input.application.renewal || !input.type) return;
  if (!is_ma_project_type(*input.type)) {
    refuse_non_ma(input, sink);
    return;
  }
  if (!require_previous_project(input, sink)) return;
  for (const HeadVariance& variance : renewal_variances(input.application, input.ruleset))
    if (variance.needs_explanation) explain_variance(variance, input, sink);
}

}  // namespace bsap::ccfs
