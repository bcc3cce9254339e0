#include "sheets/budget_workbook.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ccfs/budget_sheet.h"
#include "core/crypto.h"

namespace bsap::sheets {
namespace {

namespace fs = std::filesystem;
using ccfs::BudgetSheet;
using ccfs::SheetLine;
using ccfs::SheetSection;

// Excel keeps every number as a double; cents / 100 is exact for any budget below 2^53 cents,
// so the workbook shows the same figures the checker judged. The checker never reads them back.
double dollars(Money amount) { return static_cast<double>(amount.cents()) / 100.0; }

std::string cell(int row, int column) {
  std::string name;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) name.insert(name.begin(), 'A' + (c - 1) % 26);
  return name + std::to_string(row + 1);
}

struct Formats {
  lxw_format* title;
  lxw_format* bold;
  lxw_format* money;
  lxw_format* money_bold;
  lxw_format* wrap;
};

Formats add_formats(lxw_workbook* workbook) {
  Formats formats{};
  formats.title = workbook_add_format(workbook);
  format_set_bold(formats.title);
  format_set_font_size(formats.title, 14);
  formats.bold = workbook_add_format(workbook);
  format_set_bold(formats.bold);
  formats.money = workbook_add_format(workbook);
  format_set_num_format(formats.money, "#,##0.00");
  formats.money_bold = workbook_add_format(workbook);
  format_set_num_format(formats.money_bold, "#,##0.00");
  format_set_bold(formats.money_bold);
  formats.wrap = workbook_add_format(workbook);
  format_set_text_wrap(formats.wrap);
  return formats;
}

// Writes the budget sheet; every write goes through here so the row/column bookkeeping stays in
// one place.
class BudgetSheetWriter {
 public:
  BudgetSheetWriter(lxw_worksheet* sheet, const Formats& formats, const BudgetSheet& budget)
      : sheet_(sheet), formats_(formats), budget_(budget) {}

  void write(const ccfs::Application& application, const WorkbookHeading& heading) {
    write_heading(application, heading);
    write_column_names();
    std::vector<int> subtotal_rows;
    for (const SheetSection& section : budget_.sections)
      subtotal_rows.push_back(write_section(section));
    write_totals(subtotal_rows);
  }

 private:
  int total_column() const { return kFirstYear + budget_.years; }

  void text(int column, const std::string& value, lxw_format* format = nullptr) {
    worksheet_write_string(sheet_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(column),
                           value.c_str(), format);
  }
  void number(int column, Money value, lxw_format* format) {
    worksheet_write_number(sheet_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(column),
                           dollars(value), format);
  }
  void formula(int column, const std::string& value, Money cached, lxw_format* format) {
    worksheet_write_formula_num(sheet_, static_cast<lxw_row_t>(row_),
                                static_cast<lxw_col_t>(column), value.c_str(), format,
                                dollars(cached));
  }

  void write_heading(const ccfs::Application& application, const WorkbookHeading& heading) {
    text(0, "鄉郊保育資助計劃 項目預算 Countryside Conservation Funding Scheme: project budget",
         formats_.title);
    const std::pair<std::string, std::string> rows[] = {
        {"項目名稱 Project title", application.title},
        {"申請機構 Applicant", application.applicant.name_zh + " " + application.applicant.name_en},
        {"項目類別 Project type", heading.project_type_zh + " " + heading.project_type_en},
        {"申請指引版本 Guidelines version", heading.ruleset_version},
        {"金額單位 Amounts in", "港元 HK$"}};
    for (const auto& [label, value] : rows) {
      ++row_;
      text(0, label, formats_.bold);
      text(1, value);
    }
    row_ += 2;
  }

  void write_column_names() {
    text(0, "類別 Kind", formats_.bold);
    text(1, "說明 Description", formats_.bold);
    text(2, "數量 Quantity", formats_.bold);
    text(3, "單價 Unit cost", formats_.bold);
    for (int year = 1; year <= budget_.years; ++year)
      text(kFirstYear + year - 1, "第" + std::to_string(year) + "年 Year " + std::to_string(year),
           formats_.bold);
    text(total_column(), "總額 Total", formats_.bold);
    text(total_column() + 1, "條文 Clause", formats_.bold);
    text(total_column() + 2, "理據 Justification", formats_.bold);
    worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(row_ + 1), 2);
    ++row_;
  }

  void write_line(const SheetLine& line) {
    text(0, line.kind ? std::string(line.kind->name_zh) + " " + std::string(line.kind->name_en)
                      : line.kind_key);
    text(1, line.description, formats_.wrap);
    worksheet_write_number(sheet_, static_cast<lxw_row_t>(row_), 2,
                           static_cast<double>(line.quantity), nullptr);
    number(3, line.unit_cost, formats_.money);
    for (int year = 0; year < budget_.years; ++year)
      number(kFirstYear + year, line.by_year[static_cast<std::size_t>(year)], formats_.money);
    formula(total_column(),
            "=SUM(" + cell(row_, kFirstYear) + ":" + cell(row_, total_column() - 1) + ")",
            line.total, formats_.money);
    if (line.kind) text(total_column() + 1, std::string(line.kind->clause));
    text(total_column() + 2, line.justification, formats_.wrap);
    ++row_;
  }

  // The section's heading, lines and subtotal row; returns the subtotal's row.
  int write_section(const SheetSection& section) {
    text(0,
         ccfs::budget_section_name_zh(section.section) + " " +
             ccfs::budget_section_name_en(section.section),
         formats_.bold);
    ++row_;
    const int first = row_;
    for (const SheetLine& line : section.lines) write_line(line);
    text(1, "小計 Subtotal", formats_.bold);
    for (int column = kFirstYear; column <= total_column(); ++column) {
      const Money cached = column == total_column()
                               ? section.total
                               : section.by_year[static_cast<std::size_t>(column - kFirstYear)];
      formula(column, "=SUM(" + cell(first, column) + ":" + cell(row_ - 1, column) + ")", cached,
              formats_.money_bold);
    }
    return row_++;
  }

  void write_totals(const std::vector<int>& subtotal_rows) {
    ++row_;
    const int expenditure_row = row_;
    text(1, "開支總額 Total expenditure", formats_.bold);
    for (int column = kFirstYear; column <= total_column(); ++column) {
      std::string sum = "=0";
      for (const int subtotal : subtotal_rows) sum += "+" + cell(subtotal, column);
      const Money cached =
          column == total_column()
              ? budget_.expenditure
              : budget_.expenditure_by_year[static_cast<std::size_t>(column - kFirstYear)];
      formula(column, sum, cached, formats_.money_bold);
    }
    ++row_;
    text(1, "減：收入 Less: income (§3.11.4)");
    number(total_column(), budget_.income, formats_.money);
    ++row_;
    text(1, "減：已確認贊助 Less: confirmed sponsorship (§3.11.4)");
    number(total_column(), budget_.sponsorship, formats_.money);
    ++row_;
    text(1, "申請資助額 Grant requested", formats_.bold);
    const int column = total_column();
    formula(column,
            "=" + cell(expenditure_row, column) + "-" + cell(expenditure_row + 1, column) + "-" +
                cell(expenditure_row + 2, column),
            budget_.grant, formats_.money_bold);
  }

  static constexpr int kFirstYear = 4;
  lxw_worksheet* sheet_;
  const Formats& formats_;
  const BudgetSheet& budget_;
  int row_ = 0;
};

void write_funding_sheet(lxw_worksheet* sheet, const Formats& formats,
                         const ccfs::Application& application) {
  worksheet_write_string(sheet, 0, 0, "來源 Source", formats.bold);
  worksheet_write_string(sheet, 0, 1, "類別 Type", formats.bold);
  worksheet_write_string(sheet, 0, 2, "狀況 Status", formats.bold);
  worksheet_write_string(sheet, 0, 3, "金額 Amount (HK$)", formats.bold);
  lxw_row_t row = 1;
  for (const ccfs::IncomeLine& line : application.income) {
    worksheet_write_string(sheet, row, 0, line.description.c_str(), nullptr);
    worksheet_write_string(sheet, row, 1, "收入 Income", nullptr);
    worksheet_write_number(sheet, row++, 3, dollars(line.amount), formats.money);
  }
  for (const ccfs::FundingSource& source : application.other_funding) {
    worksheet_write_string(sheet, row, 0, source.name.c_str(), nullptr);
    worksheet_write_string(sheet, row, 1, "贊助 Sponsorship", nullptr);
    worksheet_write_string(sheet, row, 2, source.status.c_str(), nullptr);
    worksheet_write_number(sheet, row++, 3, dollars(source.amount), formats.money);
  }
}

void write_schedule_sheet(lxw_worksheet* sheet, const Formats& formats,
                          const ccfs::Application& application) {
  worksheet_write_string(sheet, 0, 0, "階段 Milestone", formats.bold);
  worksheet_write_string(sheet, 0, 1, "金額 Amount (HK$)", formats.bold);
  worksheet_write_string(sheet, 0, 2, "項目開始前 Before the start", formats.bold);
  worksheet_write_string(sheet, 0, 3, "完成後 After completion", formats.bold);
  lxw_row_t row = 1;
  for (const ccfs::Instalment& instalment : application.disbursement_schedule) {
    worksheet_write_string(sheet, row, 0, instalment.milestone.c_str(), nullptr);
    worksheet_write_number(sheet, row, 1, dollars(instalment.amount), formats.money);
    worksheet_write_boolean(sheet, row, 2, instalment.before_project_start, nullptr);
    worksheet_write_boolean(sheet, row++, 3, instalment.after_completion, nullptr);
  }
}

std::string read_and_remove(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << stream.rdbuf();
  stream.close();
  std::error_code ignored;
  fs::remove(file, ignored);
  return bytes.str();
}

}  // namespace

std::variant<std::string, WorkbookError> budget_workbook(const ccfs::Application& application,
                                                         const WorkbookHeading& heading) {
  // libxlsxwriter 1.1.4 writes only to a file: a private temporary one, read back and removed.
  const fs::path file = fs::temp_directory_path() / ("bsap-budget-" + random_token(12) + ".xlsx");
  lxw_workbook* workbook = workbook_new(file.c_str());
  if (!workbook) return WorkbookError{"could not create a workbook at " + file.string()};
  const Formats formats = add_formats(workbook);
  const BudgetSheet budget = ccfs::lay_out_budget(application);
  BudgetSheetWriter(workbook_add_worksheet(workbook, "預算 Budget"), formats, budget)
      .write(application, heading);
  write_funding_sheet(workbook_add_worksheet(workbook, "收入及贊助 Income"), formats, application);
  write_schedule_sheet(workbook_add_worksheet(workbook, "發放時間表 Disbursement"), formats,
                       application);
  if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR) {
    std::error_code ignored;
    fs::remove(file, ignored);
    return WorkbookError{std::string("could not write the workbook: ") + lxw_strerror(error)};
  }
  return read_and_remove(file);
}

}  // namespace bsap::sheets
