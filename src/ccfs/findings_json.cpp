#include "ccfs/findings_json.h"

#include <nlohmann/json.hpp>

namespace bsap::ccfs {
namespace {

using Json = nlohmann::ordered_json;  // keys in the order the format document shows

Json finding_json(const Finding& finding) {
  return {{"severity", severity_name(finding.severity)},
          {"rule", finding.rule},
          {"clause", finding.clause},
          {"field", finding.field},
          {"message_zh", finding.message_zh},
          {"message_en", finding.message_en}};
}

Json counts_json(const CheckResult& result) {
  Json counts = Json::object();
  for (Severity severity : {Severity::blocking, Severity::needs_justification, Severity::info})
    counts[std::string(severity_name(severity))] = result.count(severity);
  return counts;
}

// Figures as the scheme's forms print them; the application itself carries plain "1234.56".
Json totals_json(const BudgetTotals& totals) {
  return {{"expenditure", format_hkd(totals.expenditure)},
          {"income", format_hkd(totals.income)},
          {"sponsorship", format_hkd(totals.sponsorship)},
          {"grant", format_hkd(totals.grant)}};
}

}  // namespace

std::string findings_json(const CheckReport& report) {
  Json findings = Json::array();
  for (const Finding& finding : report.result.findings) findings.push_back(finding_json(finding));
  const Json json = {
      {"findings", std::move(findings)},      {"eligible", report.result.eligible()},
      {"ruleset", report.ruleset_version},    {"checked_on", format_iso(report.checked_on)},
      {"counts", counts_json(report.result)}, {"totals", totals_json(report.totals)}};
  // A message quoting the applicant's text is valid UTF-8 (the parser checked it); replace
  // rather than throw should an Application built in code carry stray bytes.
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace bsap::ccfs
