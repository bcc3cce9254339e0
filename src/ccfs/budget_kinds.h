// The kinds of budget line an application may carry, each tied to the clause or 附錄2 item that
// governs it (§3.5–§3.11, 附錄2). A line's `kind` must be one of these keys; the budget template
// (budget_template.h) and the pages offer them in this order.
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace bsap::ccfs {

enum class KindRule {
  appendix2_item,  // capped by 附錄2 item `appendix2_item`
  case_by_case,    // 「按個別情況予以考慮」: funded on detailed justification (§3.3)
  considered,      // may be funded (§3.6.3, §3.7, §3.8.1, §3.9.1)
  not_funded,      // never funded (§3.5.1, §3.10.5, §3.10.6)
  normally_not_funded,  // 「通常不會」: not funded unless justified (§3.10.4)
};

// The groups of §3 the budget is laid out in, as the scheme's Excel template has them.
enum class BudgetSection {
  staffing_and_general,       // §3.5, 附錄2 items 13–15
  minor_works_and_equipment,  // §3.6
  publications_and_website,   // §3.7, §3.8
  heritage_conservation,      // §3.9 (MA)
  activities,                 // §3.10.1, 附錄2 items 1–12, 16, 17
  other,                      // §3.10.3–§3.10.6, 附錄2 item 18
};

struct BudgetKind {
  std::string_view key;  // "booth"
  BudgetSection section;
  KindRule rule;
  int appendix2_item = 0;   // 附錄2 item number, 0 when none
  std::string_view clause;  // the governing clause: "附錄2 第4項", "§3.6.1"
  std::string_view name_zh;
  std::string_view name_en;
  // Counted in §3.5.8's MA share (administrative staff and general expenses).
  bool ma_admin_or_general = false;
  // General administrative and indirect costs (§3.10.2, 附錄2 item 15).
  bool overhead = false;
};

std::span<const BudgetKind> budget_kinds();
const BudgetKind* find_budget_kind(std::string_view key);
std::string_view budget_section_key(BudgetSection section);
// Every section in the order above, and the section of a budget_section_key().
std::span<const BudgetSection> budget_sections();
std::optional<BudgetSection> parse_budget_section(std::string_view key);

}  // namespace bsap::ccfs
