// Inside the checker: what each check step sees, and how it records a finding. Each step lives
// in its own check_*.cpp and is listed in checker.cpp; none does I/O.
#pragma once
#include <string>
#include <string_view>

#include "ccfs/budget_totals.h"
#include "ccfs/checker.h"

namespace bsap::ccfs {

struct CheckInput {
  const Application& application;
  const rules::Ruleset& ruleset;
  const CheckContext& context;
  const rules::ProjectType* type;  // nullptr when the project type is missing or unknown
  const BudgetTotals& totals;
};

class FindingSink {
 public:
  FindingSink(const Application& application, std::vector<Finding>& out)
      : application_(application), out_(out) {}

  void blocking(std::string rule, std::string clause, std::string field, std::string zh,
                std::string en);
  // A rule the secretariat may waive on reasons (§2.5.3, §3.3, 「一般／通常」 rules): a
  // needs_justification finding while the applicant has given no reason under `rule` in
  // Application::justifications, an info finding (reason given, considered case by case) once
  // it has.
  void needs_justification(std::string rule, std::string clause, std::string field, std::string zh,
                           std::string en);
  void info(std::string rule, std::string clause, std::string field, std::string zh,
            std::string en);

 private:
  const Application& application_;
  std::vector<Finding>& out_;
};

// The steps, in the order check_application runs them.
void check_applicant(const CheckInput& input, FindingSink& sink);   // §2.3, §2.6.3, §3.10.2 註
void check_sites(const CheckInput& input, FindingSink& sink);       // §2.1, 附錄1a/1b, §2.7.6
void check_heritage(const CheckInput& input, FindingSink& sink);    // §2.2, §2.7.12(a)
void check_ceilings(const CheckInput& input, FindingSink& sink);    // §2.5.1, 註10, 註11
void check_cumulative(const CheckInput& input, FindingSink& sink);  // §2.5.2, §2.5.3
void check_partners(const CheckInput& input, FindingSink& sink);    // §2.7.9, §2.7.10, §3.11.3
void check_kpis(const CheckInput& input, FindingSink& sink);        // §2.7.13
void check_completeness(const CheckInput& input, FindingSink& sink);   // §2.7.2, §4.5.1
void check_budget_lines(const CheckInput& input, FindingSink& sink);   // 附錄2 per line, §3.2
void check_budget_shares(const CheckInput& input, FindingSink& sink);  // shares of the total
void check_renewal(const CheckInput& input, FindingSink& sink);        // §4.2.3
void check_contribution(const CheckInput& input, FindingSink& sink);   // §3.11.4
void check_disbursement(const CheckInput& input, FindingSink& sink);   // §3.10.7, §5.5.1
void check_procurement(const CheckInput& input, FindingSink& sink);    // §5.13.5

// "HK$1,234.56" for both messages.
std::string hkd(Money amount);

}  // namespace bsap::ccfs
