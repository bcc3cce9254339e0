// The budget workbook (§3.1 Excel format, §3.2 yearly columns): opened back as the zip it is, its
// sheets hold the lines, the live subtotal formulas with their values, and the grant after
// income (§3.11.4).
#include "sheets/budget_workbook.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <string>

namespace bsap::sheets {
namespace {

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

ccfs::BudgetLine line(std::string kind, std::string description, int year, long long quantity,
                      Money unit_cost) {
  ccfs::BudgetLine made;
  made.kind = std::move(kind);
  made.description = std::move(description);
  made.year = year;
  made.quantity = quantity;
  made.unit_cost = unit_cost;
  return made;
}

ccfs::Application two_year_application() {
  ccfs::Application application;
  application.project_type = "management_agreement";
  application.title = "Wetland stewardship at Shap Yi Wat";
  application.applicant.name_zh = "綠野保育有限公司";
  application.applicant.name_en = "Green Fields Conservation Limited";
  application.duration_months = 24;
  application.budget = {line("project_staff", "Field officer", 1, 1, hkd(150'000)),
                        line("project_staff", "Field officer", 2, 1, hkd(150'000)),
                        line("booth", "Booths at the harvest fair", 2, 10, hkd(850))};
  application.income = {{"Farm produce sales", hkd(50'000)}};
  application.disbursement_schedule = {{"Before the start", hkd(64'625), true, false},
                                       {"After completion", hkd(25'850), false, true}};
  return application;
}

// One member of the .xlsx zip as text.
std::string member(const std::string& workbook, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(workbook.data(), workbook.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(source);
    return {};
  }
  std::string text;
  if (zip_file_t* file = zip_fopen(archive, name.c_str(), 0)) {
    char buffer[8192];
    for (zip_int64_t n; (n = zip_fread(file, buffer, sizeof buffer)) > 0;)
      text.append(buffer, static_cast<std::size_t>(n));
    zip_fclose(file);
  }
  zip_discard(archive);
  return text;
}

std::string workbook_of(const ccfs::Application& application) {
  auto made = budget_workbook(application, {"自然保育管理協議項目", "MA project", "1.8"});
  if (const auto* error = std::get_if<WorkbookError>(&made)) ADD_FAILURE() << error->message;
  return std::get<std::string>(made);
}

TEST(BudgetWorkbook, IsAZipWithThreeSheets_3_1) {
  const std::string workbook = workbook_of(two_year_application());
  ASSERT_GT(workbook.size(), 1000u);
  EXPECT_EQ(workbook.substr(0, 2), "PK");
  const std::string book = member(workbook, "xl/workbook.xml");
  EXPECT_NE(book.find("預算 Budget"), std::string::npos);
  EXPECT_NE(book.find("收入及贊助 Income"), std::string::npos);
  EXPECT_NE(book.find("發放時間表 Disbursement"), std::string::npos);
}

TEST(BudgetWorkbook, HasAColumnPerProjectYear_3_2) {
  const std::string strings = member(workbook_of(two_year_application()), "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("第1年 Year 1"), std::string::npos);
  EXPECT_NE(strings.find("第2年 Year 2"), std::string::npos);
  EXPECT_EQ(strings.find("第3年 Year 3"), std::string::npos);
}

TEST(BudgetWorkbook, LinesAndSectionsCarryTheirText) {
  const std::string strings = member(workbook_of(two_year_application()), "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Booths at the harvest fair"), std::string::npos);
  EXPECT_NE(strings.find("Green Fields Conservation Limited"), std::string::npos);
  EXPECT_NE(strings.find("申請資助額 Grant requested"), std::string::npos);
}

TEST(BudgetWorkbook, TotalsAreLiveFormulasWithTheirValues_3_11_4) {
  const std::string sheet = member(workbook_of(two_year_application()), "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<f>SUM("), std::string::npos);
  EXPECT_NE(sheet.find("<v>308500</v>"), std::string::npos);  // expenditure 300,000 + 8,500
  EXPECT_NE(sheet.find("<v>258500</v>"), std::string::npos);  // less income 50,000
}

TEST(BudgetWorkbook, AnEmptyBudgetStillMakesAWorkbook) {
  ccfs::Application empty;
  EXPECT_GT(workbook_of(empty).size(), 1000u);
}

}  // namespace
}  // namespace bsap::sheets
