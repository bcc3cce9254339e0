// What the checker says about an application: one finding per problem, each naming the clause
// it comes from, the field it concerns and what to change, in both languages.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bsap::ccfs {

enum class Severity {
  blocking,             // the application cannot go forward as it is
  needs_justification,  // allowed case by case if the applicant gives reasons (e.g. §2.5.3)
  info,                 // for the applicant's attention; nothing to fix
};

std::string_view severity_name(Severity severity);  // "blocking", "needs_justification", "info"

struct Finding {
  Severity severity = Severity::blocking;
  // A stable key for the rule, e.g. "site.lantau", "budget.item_4.per_unit"; the key an
  // applicant's justification answers (Application::justifications).
  std::string rule;
  std::string clause;  // "§2.5.1", "附錄2 第4項"
  // Where in the application, as a path into its JSON: "budget[3].unit_cost", "site_codes[0]",
  // "kpis"; empty for the application as a whole.
  std::string field;
  std::string message_zh;
  std::string message_en;
};

struct CheckResult {
  std::vector<Finding> findings;
  // No blocking finding: the application may be submitted (needs_justification findings travel
  // with it to the secretariat).
  bool eligible() const;
  std::size_t count(Severity severity) const;
};

}  // namespace bsap::ccfs
