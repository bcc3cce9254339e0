// CSV fields (RFC 4180) and the neutralising of cells a spreadsheet would run as formulas.
#include "core/csv.h"

#include <gtest/gtest.h>

namespace bsap {
namespace {

TEST(Csv, PlainFieldsStayAsTheyAre) {
  EXPECT_EQ(csv_field("Lai Chi Wo"), "Lai Chi Wo");
  EXPECT_EQ(csv_field("荔枝窩"), "荔枝窩");
  EXPECT_EQ(csv_field(""), "");
}

TEST(Csv, CommasQuotesAndLineBreaksAreQuoted) {
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("one\r\ntwo"), "\"one\r\ntwo\"");
}

TEST(Csv, CellsThatSpreadsheetsWouldRunAsFormulasGetAnApostrophe) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_field("+SUM(A1)"), "'+SUM(A1)");
  EXPECT_EQ(csv_field("-2+3"), "'-2+3");
  EXPECT_EQ(csv_field("@cmd"), "'@cmd");
  EXPECT_EQ(csv_field("\tx"), "'\tx");
}

TEST(Csv, NumbersWithASignStayNumbers) {
  EXPECT_EQ(csv_field("-12.50"), "-12.50");
  EXPECT_EQ(csv_field("+3"), "+3");
  EXPECT_EQ(csv_field("1234567.89"), "1234567.89");
  EXPECT_EQ(csv_field("-"), "'-");
  EXPECT_EQ(csv_field("-1.2.3"), "'-1.2.3");
}

TEST(Csv, ARecordEndsWithCrLf) {
  EXPECT_EQ(csv_record({"a", "b,c", "=1"}), "a,\"b,c\",'=1\r\n");
  EXPECT_EQ(csv_record({}), "\r\n");
}

}  // namespace
}  // namespace bsap
