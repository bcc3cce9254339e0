// §3.11.4: income and sponsorship. The applicant shows efforts to raise 5 % of the approved
// budget (below it, reasons: 「須提供充分理據」), and both are deducted from the expenditure before
// the grant is computed. The 5 % is applied to every project type: §3.11.4 names none, though
// §3.11.1 frames income for MA projects (data/ccfs/README Ambiguities 15).
#include "ccfs/budget_check_support.h"

namespace bsap::ccfs {
namespace {

void check_contribution_ratio(const CheckInput& input, FindingSink& sink) {
  const rules::PercentFloor& floor = input.ruleset.contribution_ratio;
  const Money base = input.totals.expenditure;
  const Money raised = input.totals.contribution();
  if (base <= Money{} || floor.met_by(raised, base)) return;
  const std::string& clause = floor.source.clause;
  const std::string pct = percent_text(floor.min_pct);
  const std::string least = hkd(smallest_meeting(floor, base));
  sink.needs_justification(
      "budget.contribution_ratio", clause, "income",
      "收入及已確認的贊助合共" + hkd(raised) + "，佔預算總額" + hkd(base) + "的" +
          share_text(raised, base) + "，未達" + clause + "的" + pct + "出資額(最少" + least +
          ")。請增加收入或贊助；否則須提供充分理據，例如曾經接觸多少家有意提供贊助的機構及獲得的贊"
          "助金額。",
      "Income and confirmed sponsorship total " + hkd(raised) + ", " + share_text(raised, base) +
          " of the total budget " + hkd(base) + ", short of the " + pct + " contribution of " +
          clause + " (" + least +
          " at least). Raise more income or sponsorship, or give full reasons, such as how many "
          "possible sponsors were approached and what they gave.");
}

// The grant asked for is the expenditure less income and confirmed sponsorship (budget_totals).
void check_requested_grant(const CheckInput& input, FindingSink& sink) {
  const std::optional<Money> requested = input.application.requested_grant;
  const BudgetTotals& totals = input.totals;
  if (!requested || *requested == totals.grant) return;
  const std::string clause = input.ruleset.contribution_ratio.source.clause;
  sink.blocking(
      "budget.requested_grant", clause, "requested_grant",
      "申請資助額" + hkd(*requested) + "與預算不符：開支" + hkd(totals.expenditure) + "減收入" +
          hkd(totals.income) + "及已確認的贊助" + hkd(totals.sponsorship) + "，應為" +
          hkd(totals.grant) + "(收入和贊助須在計算申請資助額之前從開支中扣除)。請把申請資助額改為" +
          hkd(totals.grant) + "，或更正預算。",
      "The grant asked for, " + hkd(*requested) + ", does not match the budget: expenditure " +
          hkd(totals.expenditure) + " less income " + hkd(totals.income) +
          " and confirmed sponsorship " + hkd(totals.sponsorship) + " is " + hkd(totals.grant) +
          " (income and sponsorship are deducted before the grant is computed). Ask for " +
          hkd(totals.grant) + " or correct the budget.");
}

}  // namespace

void check_contribution(const CheckInput& input, FindingSink& sink) {
  check_contribution_ratio(input, sink);
  check_requested_grant(input, sink);
}

}  // namespace bsap::ccfs
