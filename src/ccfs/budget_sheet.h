// The budget of an application laid out as the scheme's Excel template lays it out (§3.1: the
// form's Excel format; §3.2: a column per project year; §3.5–§3.11 and 附錄2: lines grouped by
// section), with subtotals and the grant after income and sponsorship (§3.11.4). Pure: the
// workbook writer (sheets/budget_workbook.h) and the pages render it.
#pragma once
#include <string>
#include <vector>

#include "ccfs/application.h"
#include "ccfs/budget_kinds.h"
#include "core/money.h"

namespace bsap::ccfs {

struct SheetLine {
  const BudgetKind* kind = nullptr;  // nullptr for a kind the vocabulary does not know
  std::string kind_key;
  std::string description;
  long long quantity = 0;
  Money unit_cost;
  std::vector<Money> by_year;  // index 0 is year 1; a line without a year counts in year 1
  Money total;
  std::string justification;
};

struct SheetSection {
  BudgetSection section;
  std::vector<SheetLine> lines;
  std::vector<Money> by_year;
  Money total;
};

struct BudgetSheet {
  int years = 1;  // columns: the project's years (§3.2), at least the highest year a line names
  std::vector<SheetSection> sections;  // in budget_kinds order; unknown kinds under `other`
  std::vector<Money> expenditure_by_year;
  Money expenditure;
  Money income;
  Money sponsorship;
  Money grant;
};

BudgetSheet lay_out_budget(const Application& application);

// Bilingual section headings: "人力資源及一般開支 Staffing and general expenses".
std::string budget_section_name_zh(BudgetSection section);
std::string budget_section_name_en(BudgetSection section);

}  // namespace bsap::ccfs
