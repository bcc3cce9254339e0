// §2.5.2: what one applicant may receive 「在任何三年內」: MA projects (i), non-MA projects (ii)
// and both together (iii). Over a limit, §2.5.3 considers it case by case on reasons:
// needs_justification.
//
// Reading of 「任何三年內」: a rolling window. The grant asked for now would be approved after the
// day of the check, so the window that matters for it is the one ending on that day
// (CheckContext::on): every prior grant approved strictly after `on` minus the window (3 years)
// counts, together with this grant. A grant approved exactly three years before `on` has left the
// window. Only the limits this application adds to are checked: its own kind (i or ii) and the
// combined one (iii).
#include <string>

#include "ccfs/app_support.h"

namespace bsap::ccfs {
namespace {

struct Held {
  Money management_agreement;
  Money non_management_agreement;
  Money combined() const { return management_agreement + non_management_agreement; }
};

// The prior grants inside the window ending on the day of the check.
Held held_in_window(const CheckInput& input) {
  const rules::Duration window = input.ruleset.cumulative.window;
  const CivilDate start =
      rules::add_duration(input.context.on, {-window.amount, window.unit}, nullptr);
  Held held;
  for (const PriorGrant& grant : input.context.prior_grants) {
    if (grant.approved_on <= start) continue;
    (is_ma_project_type(input.ruleset, grant.project_type) ? held.management_agreement
                                                           : held.non_management_agreement) +=
        grant.amount;
  }
  return held;
}

struct Limit {
  const char* rule;
  const rules::MoneyCap& cap;
  const char* scope_zh;  // 「管理協議項目」
  const char* scope_en;
};

void check_limit(const Limit& limit, Money held, const CheckInput& input, FindingSink& sink) {
  const Money grant = input.totals.grant;
  const Money total = held + grant;
  if (limit.cap.admits(total)) return;
  const std::string& clause = limit.cap.source.clause;
  const rules::Duration window = input.ruleset.cumulative.window;
  sink.needs_justification(
      limit.rule, clause + ", " + std::string(kCaseByCaseClause), "budget",
      "申請者在" + duration_zh(window) + "內已獲批的" + limit.scope_zh + "資助" + hkd(held) +
          "，加上是次申請的" + hkd(grant) + "，合共" + hkd(total) + "，超逾" + clause +
          "的累計資助限額" + hkd(limit.cap.max) +
          "。請減少申請資助額；超逾限額者會因應詳細理由及項目的效益和優點作個別考慮。",
      std::string("Grants for ") + limit.scope_en + " approved to the applicant within " +
          duration_en(window) + ", " + hkd(held) + ", plus this grant of " + hkd(grant) + " make " +
          hkd(total) + ", above the cumulative limit of " + hkd(limit.cap.max) + " (" + clause +
          "). Ask for less; above the limit the application is considered case by case on "
          "detailed reasons and the project's merits.");
}

}  // namespace

void check_cumulative(const CheckInput& input, FindingSink& sink) {
  if (!input.type) return;
  const rules::CumulativeLimits& limits = input.ruleset.cumulative;
  const Held held = held_in_window(input);
  if (is_ma_project_type(*input.type))
    check_limit({"cumulative.management_agreement", limits.management_agreement, "管理協議項目",
                 "MA projects"},
                held.management_agreement, input, sink);
  else
    check_limit({"cumulative.non_management_agreement", limits.non_management_agreement,
                 "非管理協議項目", "non-MA projects"},
                held.non_management_agreement, input, sink);
  check_limit({"cumulative.combined", limits.combined, "管理協議及非管理協議項目",
               "MA and non-MA projects together"},
              held.combined(), input, sink);
}

}  // namespace bsap::ccfs
