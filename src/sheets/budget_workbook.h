// The budget of an application as an .xlsx workbook in the scheme's structure (§3.1 asks for the
// budget in the form's Excel format), for applicants who work offline: a budget sheet with a
// column per project year (§3.2), sections of §3.5–§3.11, subtotals as live formulas with their
// values cached, the grant after income and sponsorship (§3.11.4); a sheet of income and other
// funding (§2.7.10, §3.11) and one of the proposed disbursement schedule (§3.10.7).
// The edge to libxlsxwriter: nothing else includes it.
#pragma once
#include <string>
#include <variant>

#include "ccfs/application.h"

namespace bsap::sheets {

struct WorkbookError {
  std::string message;  // what failed, in English, for the log and the error page
};

struct WorkbookHeading {
  std::string project_type_zh;  // the type's name in the ruleset, e.g. 自然保育管理協議項目
  std::string project_type_en;
  std::string ruleset_version;  // "1.8"
};

// The workbook's bytes.
std::variant<std::string, WorkbookError> budget_workbook(const ccfs::Application& application,
                                                         const WorkbookHeading& heading);

}  // namespace bsap::sheets
