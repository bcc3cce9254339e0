#include "ccfs/finding.h"

#include <algorithm>

namespace bsap::ccfs {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::blocking:
      return "blocking";
    case Severity::needs_justification:
      return "needs_justification";
    case Severity::info:
      return "info";
  }
  return "blocking";
}

bool CheckResult::eligible() const { return count(Severity::blocking) == 0; }

std::size_t CheckResult::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

}  // namespace bsap::ccfs
