#include "ccfs/budget_sheet.h"

#include <algorithm>
#include <array>

#include "ccfs/budget_totals.h"

namespace bsap::ccfs {
namespace {

constexpr std::array<BudgetSection, 6> kSectionOrder = {BudgetSection::staffing_and_general,
                                                        BudgetSection::minor_works_and_equipment,
                                                        BudgetSection::publications_and_website,
                                                        BudgetSection::heritage_conservation,
                                                        BudgetSection::activities,
                                                        BudgetSection::other};

// §3.2 asks for yearly figures when a project runs over a year; the sheet always has at least
// as many year columns as the project's length and the lines need.
int year_columns(const Application& application) {
  int years = application.duration_months ? (*application.duration_months + 11) / 12 : 1;
  for (const BudgetLine& line : application.budget) years = std::max(years, line.year);
  return std::max(years, 1);
}

SheetLine sheet_line(const BudgetLine& line, int years) {
  SheetLine laid;
  laid.kind = find_budget_kind(line.kind);
  laid.kind_key = line.kind;
  laid.description = line.description;
  laid.quantity = line.quantity;
  laid.unit_cost = line.unit_cost;
  laid.total = line.amount();
  laid.by_year.assign(static_cast<std::size_t>(years), Money{});
  laid.by_year[static_cast<std::size_t>(std::max(line.year, 1) - 1)] = laid.total;
  laid.justification = line.justification;
  return laid;
}

void add_into(std::vector<Money>& sums, const std::vector<Money>& amounts) {
  for (std::size_t i = 0; i < amounts.size(); ++i) sums[i] += amounts[i];
}

}  // namespace

BudgetSheet lay_out_budget(const Application& application) {
  BudgetSheet sheet;
  sheet.years = year_columns(application);
  const auto columns = static_cast<std::size_t>(sheet.years);
  sheet.expenditure_by_year.assign(columns, Money{});
  for (const BudgetSection section : kSectionOrder) {
    SheetSection laid{section, {}, std::vector<Money>(columns), Money{}};
    for (const BudgetLine& line : application.budget) {
      const BudgetKind* kind = find_budget_kind(line.kind);
      if ((kind ? kind->section : BudgetSection::other) != section) continue;
      laid.lines.push_back(sheet_line(line, sheet.years));
      add_into(laid.by_year, laid.lines.back().by_year);
      laid.total += laid.lines.back().total;
    }
    if (laid.lines.empty()) continue;
    add_into(sheet.expenditure_by_year, laid.by_year);
    sheet.sections.push_back(std::move(laid));
  }
  const BudgetTotals totals = budget_totals(application);
  sheet.expenditure = totals.expenditure;
  sheet.income = totals.income;
  sheet.sponsorship = totals.sponsorship;
  sheet.grant = totals.grant;
  return sheet;
}

std::string budget_section_name_zh(BudgetSection section) {
  switch (section) {
    case BudgetSection::staffing_and_general:
      return "人力資源及一般開支";
    case BudgetSection::minor_works_and_equipment:
      return "小型工程及設備";
    case BudgetSection::publications_and_website:
      return "製作刊物及網站、教材及電腦軟件";
    case BudgetSection::heritage_conservation:
      return "文物建築及文化資產保育";
    case BudgetSection::activities:
      return "活動";
    case BudgetSection::other:
      return "其他";
  }
  return "其他";
}

std::string budget_section_name_en(BudgetSection section) {
  switch (section) {
    case BudgetSection::staffing_and_general:
      return "Staffing and general expenses";
    case BudgetSection::minor_works_and_equipment:
      return "Minor works and equipment";
    case BudgetSection::publications_and_website:
      return "Publications, website, teaching materials and software";
    case BudgetSection::heritage_conservation:
      return "Heritage buildings and cultural assets";
    case BudgetSection::activities:
      return "Activities";
    case BudgetSection::other:
      return "Other";
  }
  return "Other";
}

}  // namespace bsap::ccfs
