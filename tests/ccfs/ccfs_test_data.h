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

}  // namespace bsap::ccfs::testing
