// Shares of the budget: 附錄2 items 1–3 and 14 as shares of the total budget, overheads
// (§3.10.2 over 附錄2 items 13 and 15) as a share of the grant, and the MA administrative and
// general share (§3.5.8). At the application stage the proposed budget stands for both the
// approved budget and the actual expenditure, so 「以較低者為準」 has one base.
#include "ccfs/budget_check_support.h"

namespace bsap::ccfs {
namespace {

// The names of the kinds an 附錄2 item covers, for messages: "宣傳" / "Publicity".
std::pair<std::string, std::string> kind_names(int item) {
  std::pair<std::string, std::string> names;
  for (const BudgetKind& kind : budget_kinds()) {
    if (kind.appendix2_item != item) continue;
    names.first += (names.first.empty() ? "" : "、") + std::string(kind.name_zh);
    names.second += (names.second.empty() ? "" : ", ") + std::string(kind.name_en);
  }
  return names;
}

// A sum over its cap: what it is, what the cap allows and by how much to cut.
void report_share(FindingSink& sink, bool general, std::string rule, const rules::PercentCap& cap,
                  Money part, Money base, std::string_view base_zh, std::string_view base_en,
                  const std::pair<std::string, std::string>& names) {
  const Money most = largest_admitted(cap, base);
  const std::string& clause = cap.source.clause;
  const std::string bound_zh = (cap.inclusive ? "不超逾" : "低於") + std::string(base_zh);
  const std::string bound_en = (cap.inclusive ? "at most " : "below ") + percent_text(cap.max_pct);
  report(sink, general, std::move(rule), clause, "budget",
         names.first + "合共" + hkd(part) + "，佔" + std::string(base_zh) + hkd(base) + "的" +
             share_text(part, base) + "；" + clause + "規定須" + bound_zh + "的" +
             percent_text(cap.max_pct) + "(最多" + hkd(most) + ")。請減少" + hkd(part - most) +
             "。",
         names.second + " total " + hkd(part) + ", " + share_text(part, base) + " of the " +
             std::string(base_en) + " " + hkd(base) + "; " + clause + " allows " + bound_en + " (" +
             hkd(most) + " at most). Reduce them by " + hkd(part - most) + ".");
}

// 附錄2 items with a share of the approved total budget: 1, 2 (20 %), 3 (30 %) are hard caps;
// item 14 (project staff, 50 %) is 「在一般情況下」 and only for the types it applies to. Item 15
// is left to the overheads rule below, whose main text (§3.10.2) prevails.
void check_item_shares(const CheckInput& input, FindingSink& sink) {
  const Money base = input.totals.expenditure;
  for (const rules::BudgetItem& item : input.ruleset.budget.appendix2) {
    if (!item.share_cap || !applies_to(item.applies_to, input.application.project_type)) continue;
    const auto covered = [&](const BudgetKind& kind) {
      return kind.appendix2_item == item.number && !kind.overhead;
    };
    const Money part = sum_of_lines(input.application, covered);
    if (part == Money{} || item.share_cap->admits(part, base)) continue;
    report_share(sink, rule_is_general(input.ruleset, item.source.key_path),
                 "budget.item_" + std::to_string(item.number) + ".share", *item.share_cap, part,
                 base, "預算總額", "total budget", kind_names(item.number));
  }
}

// §3.10.2: no overheads for an applicant receiving government subvention (main text over 附錄2
// item 13's third bullet, data/ccfs/README Ambiguities 6); for the others at most 10 % of the
// grant (核准資助總額, not item 15's budget: README Ambiguities 7). An applicant that has not
// declared its subvention yet (check_applicant asks) is held to the cap.
void check_overheads(const CheckInput& input, FindingSink& sink) {
  const rules::Overheads& rule = input.ruleset.budget.overheads;
  const std::string& clause = rule.source.clause;
  const bool subvented = input.application.applicant.receives_government_subvention == true;
  if (subvented && !rule.subvented_funded) {
    for (std::size_t i = 0; i < input.application.budget.size(); ++i) {
      const BudgetKind* kind = kind_of(input.application.budget[i]);
      if (!kind || !kind->overhead) continue;
      sink.blocking("budget.overheads.subvented", clause, line_field(i, "kind"),
                    line_name_zh(i) + "(" + std::string(kind->name_zh) +
                        ")：現正接受政府補助的申請者，其項目的一般行政及間接成本不會獲得資助(" +
                        clause + ")。請刪除此項。",
                    line_name_en(i) + " (" + std::string(kind->name_en) +
                        "): general administrative and indirect costs are not funded for an "
                        "applicant receiving government subvention (" +
                        clause + "). Remove the line.");
    }
    return;
  }
  const Money part =
      sum_of_lines(input.application, [](const BudgetKind& kind) { return kind.overhead; });
  if (part == Money{} || rule.non_subvented.admits(part, input.totals.grant)) return;
  report_share(sink, false, "budget.overheads.share", rule.non_subvented, part, input.totals.grant,
               "申請資助額", "grant asked for",
               {"一般行政及間接成本", "General administrative and indirect costs"});
}

// §3.5.8: for MA projects, administrative staff and general expenses 「一般須低於」 50 % of the
// budget (strictly below: main text over 附錄2 item 13's 「不超逾」, README Ambiguities 8).
void check_ma_admin_share(const CheckInput& input, FindingSink& sink) {
  const rules::PercentCap& cap = input.ruleset.budget.ma_admin_and_general_share;
  if (!rule_applies_to(input.ruleset, cap.source.key_path, input.application.project_type)) return;
  const Money part = sum_of_lines(input.application,
                                  [](const BudgetKind& kind) { return kind.ma_admin_or_general; });
  const Money base = input.totals.expenditure;
  if (part == Money{} || cap.admits(part, base)) return;
  report_share(sink, rule_is_general(input.ruleset, cap.source.key_path), "budget.ma_admin_share",
               cap, part, base, "預算總額", "total budget",
               {"行政人員的人力資源開支及一般開支", "Administrative staff and general expenses"});
}

}  // namespace

void check_budget_shares(const CheckInput& input, FindingSink& sink) {
  if (input.totals.expenditure <= Money{}) return;  // no budget yet: completeness reports it
  check_item_shares(input, sink);
  check_overheads(input, sink);
  check_ma_admin_share(input, sink);
}

}  // namespace bsap::ccfs
