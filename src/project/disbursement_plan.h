// §5.5.1: the disbursement schedule of a funded project, generated from the approved amount, the
// duration and the agreed first share. Pure: the same inputs give the same instalments.
//
// The schedule, in order:
// 1. the first part of the first instalment, at most 25 % of the grant (limits.yaml
//    disbursement.first_part_cap), paid one month before the start, on the signed agreement;
// 2. the rest of the first instalment (first share − first part), once the inception report is
//    accepted (§5.1.2); left out when it is zero (a 25 % first share);
// 3. the balance (grant − first instalment − retention) in equal instalments, one per half-yearly
//    progress report the project owes (§5.8.1), each floored to the cent; the cents left over go
//    to the instalment the schedule names (the last by default);
// 4. the retention, 10 % of the grant floored to the cent, after completion, once the completion
//    report with final accounts is accepted. A project that owes no progress report (six months
//    or shorter) is paid its balance with the retention.
// The instalments always add up to the approved amount exactly.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/lang.h"
#include "core/money.h"
#include "rules/ruleset.h"

namespace bsap::project {

// What an instalment waits for before it is released (§5.5.1, §5.8.1).
enum class ReleaseCondition {
  agreement_signed,            // one month before the start (the first part)
  inception_report_accepted,   // §5.1.2
  progress_report_accepted,    // the n-th half-yearly progress report (§5.8.1)
  completion_report_accepted,  // with the final accounts (§5.8.2)
};
std::string_view condition_code(ReleaseCondition condition);  // "agreement_signed", …
std::optional<ReleaseCondition> condition_from_code(std::string_view code);
std::string condition_text(ReleaseCondition condition, int report_number, Lang lang);

struct PlannedInstalment {
  int number = 0;  // 1-based, in payment order
  ReleaseCondition condition = ReleaseCondition::agreement_signed;
  int report_number = 0;  // progress_report_accepted: which report (1-based); else 0
  // When the condition is expected to be met, in months from the project start: −1 for the
  // first part; the report's due month otherwise (inception 1, progress n 6n + 2, completion
  // duration + 2; §5.1.2, §5.8.2).
  int month_offset = 0;
  Money amount;
};

enum class RemainderPlacement { first_balance, last_balance };

struct ScheduleRequest {
  Money approved;
  int duration_months = 0;
  int first_share_bp = 2500;  // the first instalment as basis points of the grant (25 % = 2500)
  RemainderPlacement remainder = RemainderPlacement::last_balance;
};

// Why a schedule cannot be generated, with the clause, in both languages.
struct ScheduleRefusal {
  std::string clause;
  std::string message_zh;
  std::string message_en;
};

// Half-yearly progress reports a project of this length owes before its completion report:
// one at the end of each full six months that ends before the completion (12 → 1, 13 → 2,
// 36 → 5, 6 → 0).
int progress_report_count(const rules::Ruleset& ruleset, int duration_months);

// Refuses a grant of zero or less, a duration of zero or less, and a first share outside the
// 25–50 % of §5.5.1 (which the secretariat departs from only with a custom schedule).
std::variant<std::vector<PlannedInstalment>, ScheduleRefusal> generate_schedule(
    const rules::Ruleset& ruleset, const ScheduleRequest& request);

// A schedule the secretariat sets instead (§5.5.1 「只會在特殊情況下」): every amount positive,
// the sum equal to the grant, and a reason. nullopt when acceptable.
std::optional<ScheduleRefusal> check_custom_schedule(const std::vector<PlannedInstalment>& schedule,
                                                     Money approved, std::string_view reason);

}  // namespace bsap::project
