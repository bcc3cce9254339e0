// Shared by the ccfs tests: the real ruleset 1.8 and complete applications of each type that the
// checker passes without a blocking or needs_justification finding, for tests to spoil one
// field at a time (at, just under, just over a boundary).
#pragma once
#include <string>
#include <vector>

#include "ccfs/checker.h"

namespace bsap::ccfs::testing {

const rules::Ruleset& ruleset_1_8();
Money hkd(std::int64_t dollars);
Money cents(std::int64_t cents);
// One cent, for "just under" and "just over" a boundary.
Money cent();
CivilDate day(const std::string& iso);

// Clean applications: management_agreement at B01, heritage_building at A02,
// cultural_revitalisation and research_activity at D01.
Application complete_ma();
Application complete_non_ma(const std::string& type);

// Checked under ruleset 1.8 on 2026-11-22.
CheckResult check(const Application& application, std::vector<PriorGrant> prior_grants = {});

// The findings of one rule key ("budget.item_4.per_unit"), in order.
std::vector<Finding> findings_of(const CheckResult& result, const std::string& rule);
bool has_finding(const CheckResult& result, const std::string& rule, Severity severity);
// Every finding as "severity rule field clause", one per line, for failure messages.
std::string describe(const CheckResult& result);

// True when `rule` has no finding, for "this boundary passes".
bool clean_of(const CheckResult& result, const std::string& rule);
// Expects `rule` to have exactly one finding, of `severity` under `clause` with a message in both
// languages, and returns it (an empty finding when there is not exactly one).
Finding single(const CheckResult& result, const std::string& rule, Severity severity,
               const std::string& clause);
// Expects `rule` to have exactly `count` findings, every one of `severity`.
void expect_only(const CheckResult& result, const std::string& rule, Severity severity,
                 std::size_t count = 1);

// The first budget line of `kind`, for a test to spoil; throws if the application has none.
BudgetLine& line_of(Application& application, const std::string& kind);
// Appends a bare line of `kind` in year 1 (no quotation, no justification) and returns it.
BudgetLine& add_line(Application& application, const std::string& kind, long long quantity,
                     Money unit_cost);

}  // namespace bsap::ccfs::testing
