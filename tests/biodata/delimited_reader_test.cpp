#include "biodata/delimited_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "biodata/byte_stream.h"

namespace bsap::biodata {
namespace {

using Rows = std::vector<std::vector<std::string>>;

DelimitedFormat csv(std::size_t header_lines = 0) {
  DelimitedFormat format;
  format.header_lines = header_lines;
  return format;
}

Rows read_all(DelimitedReader& reader) {
  Rows rows;
  DelimitedRow row;
  while (reader.next(row)) rows.push_back(row.fields);
  return rows;
}

Rows read_all(std::string text, DelimitedFormat format = csv()) {
  DelimitedReader reader(make_string_stream(std::move(text)), format);
  return read_all(reader);
}

std::vector<std::size_t> row_lines(std::string text, DelimitedFormat format = csv()) {
  DelimitedReader reader(make_string_stream(std::move(text)), format);
  std::vector<std::size_t> lines;
  DelimitedRow row;
  while (reader.next(row)) lines.push_back(row.line);
  return lines;
}

TEST(DelimitedReader, SplitsFieldsOnTheDelimiter) {
  EXPECT_EQ(read_all("a,b,c\n1,2,3\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
}

TEST(DelimitedReader, ReadsTabSeparatedText) {
  DelimitedFormat format = csv();
  format.field_delimiter = '\t';
  EXPECT_EQ(read_all("a\tb, c\n", format), (Rows{{"a", "b, c"}}));
}

TEST(DelimitedReader, EmptyCellsAndATrailingDelimiterGiveEmptyFields) {
  EXPECT_EQ(read_all(",x,\n"), (Rows{{"", "x", ""}}));
}

TEST(DelimitedReader, DelimiterInsideQuotesIsData) {
  EXPECT_EQ(read_all("1,\"This has a, comma\"\n"), (Rows{{"1", "This has a, comma"}}));
}

TEST(DelimitedReader, DoubledQuoteInsideQuotesIsOneQuote) {
  EXPECT_EQ(read_all("\"I say this is only a \"\"quote\"\"\"\n"),
            (Rows{{"I say this is only a \"quote\""}}));
}

TEST(DelimitedReader, EscapedJsonInsideCsvComesOutAsJson) {
  EXPECT_EQ(read_all("1,\"{\"\"sex\"\": \"\"female\"\", \"\"note\"\": \"\"a, b\"\"}\"\n"),
            (Rows{{"1", R"({"sex": "female", "note": "a, b"})"}}));
}

TEST(DelimitedReader, LineBreakInsideQuotesIsDataAndCountsAsALine) {
  std::string text = "1,\"two\r\nlines\"\n2,x\n";
  EXPECT_EQ(read_all(text), (Rows{{"1", "two\nlines"}, {"2", "x"}}));
  EXPECT_EQ(row_lines(text), (std::vector<std::size_t>{1, 3}));
}

TEST(DelimitedReader, QuoteInsideAnUnquotedFieldIsData) {
  EXPECT_EQ(read_all("10'12\",Emberiza 'calandra'\n"), (Rows{{"10'12\"", "Emberiza 'calandra'"}}));
}

TEST(DelimitedReader, TextAfterAClosingQuoteIsKept) {
  EXPECT_EQ(read_all("\"betta\" splendens,x\n"), (Rows{{"betta splendens", "x"}}));
}

TEST(DelimitedReader, WithoutAQuoteCharacterQuotesAreData) {
  DelimitedFormat format = csv();
  format.quote = std::nullopt;
  EXPECT_EQ(read_all("\"a,b\"\n", format), (Rows{{"\"a", "b\""}}));
}

TEST(DelimitedReader, DosLineEndsAreNotPartOfTheLastValue) {
  EXPECT_EQ(read_all("a,b\r\n1,2\r\n"), (Rows{{"a", "b"}, {"1", "2"}}));
}

TEST(DelimitedReader, CarriageReturnAloneEndsLinesWhenTheFileUsesIt) {
  std::string text = "a,b\r1,2\r3,4";
  EXPECT_EQ(read_all(text), (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(row_lines(text), (std::vector<std::size_t>{1, 2, 3}));
}

TEST(DelimitedReader, CarriageReturnAloneInALineFeedFileIsData) {
  EXPECT_EQ(read_all("a,b\nx\ry,z\n"), (Rows{{"a", "b"}, {"x\ry", "z"}}));
}

TEST(DelimitedReader, LastLineWithoutALineBreakIsRead) {
  EXPECT_EQ(read_all("a,b\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));
}

TEST(DelimitedReader, BlankLinesAreSkippedButCounted) {
  std::string text = "a\n\n\r\nb\n\n";
  EXPECT_EQ(read_all(text), (Rows{{"a"}, {"b"}}));
  EXPECT_EQ(row_lines(text), (std::vector<std::size_t>{1, 4}));
}

TEST(DelimitedReader, HeaderLinesAreSkippedAndTheFirstIsKept) {
  DelimitedReader reader(make_string_stream("id,name\n# units\n1,x\n"), csv(2));
  EXPECT_EQ(reader.header(), (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(read_all(reader), (Rows{{"1", "x"}}));
}

TEST(DelimitedReader, EmptyFileHasNoHeaderAndNoRows) {
  DelimitedReader reader(make_string_stream(""), csv(1));
  EXPECT_TRUE(reader.header().empty());
  EXPECT_TRUE(read_all(reader).empty());
  EXPECT_EQ(reader.faults().count(), 0u);
}

TEST(DelimitedReader, RowWiderThanTheHeaderIsSkippedAsAFault) {
  DelimitedReader reader(make_string_stream("a,b\n1,2\n1,2,3\n4,5\n"), csv(1));
  EXPECT_EQ(read_all(reader), (Rows{{"1", "2"}, {"4", "5"}}));
  ASSERT_EQ(reader.faults().count(), 1u);
  const RowFault& fault = reader.faults().first_faults().front();
  EXPECT_EQ(fault.line, 3u);
  EXPECT_EQ(fault.disposition, RowDisposition::skipped);
  EXPECT_EQ(fault.reason, "3 fields where the header has 2");
  EXPECT_EQ(reader.rows_read(), 2u);
}

TEST(DelimitedReader, RowNarrowerThanTheHeaderIsKeptWithEmptyTrailingValues) {
  DelimitedReader reader(make_string_stream("a,b,c\n1\n"), csv(1));
  EXPECT_EQ(read_all(reader), (Rows{{"1", "", ""}}));
  ASSERT_EQ(reader.faults().kept_rows(), 1u);
  EXPECT_EQ(reader.faults().first_faults().front().line, 2u);
}

TEST(DelimitedReader, WithoutAHeaderARowShortOfTheNeededFieldsIsPadded) {
  DelimitedFormat format = csv();
  format.min_fields = 3;
  DelimitedReader reader(make_string_stream("1,2\n1,2,3,4\n"), format);
  EXPECT_EQ(read_all(reader), (Rows{{"1", "2", ""}, {"1", "2", "3", "4"}}));
  ASSERT_EQ(reader.faults().count(), 1u);
  EXPECT_EQ(reader.faults().first_faults().front().reason,
            "2 fields where meta.xml needs 3; the missing trailing values are read as empty");
}

TEST(DelimitedReader, UnclosedQuoteAtTheEndIsAFaultAndEarlierRowsStand) {
  DelimitedReader reader(make_string_stream("1,ok\n2,\"never closed\n3,x\n"), csv());
  EXPECT_EQ(read_all(reader), (Rows{{"1", "ok"}}));
  EXPECT_FALSE(reader.error());
  ASSERT_EQ(reader.faults().skipped_rows(), 1u);
  const RowFault& fault = reader.faults().first_faults().front();
  EXPECT_EQ(fault.line, 2u);
  EXPECT_EQ(fault.reason, "a quoted field is not closed before the end of the file");
}

TEST(DelimitedReader, OverlongRowIsSkippedUpToTheNextLine) {
  DelimitedFormat format = csv();
  format.max_row_bytes = 16;
  DelimitedReader reader(make_string_stream("1,short\n2,\"runaway quote, far too long\n3,ok\n"),
                         format);
  EXPECT_EQ(read_all(reader), (Rows{{"1", "short"}, {"3", "ok"}}));
  ASSERT_EQ(reader.faults().skipped_rows(), 1u);
  EXPECT_EQ(reader.faults().first_faults().front().line, 2u);
}

TEST(DelimitedReader, RowsAcrossManyChunksComeOutWhole) {
  // Far more than one 64 KiB chunk, so rows, quotes and CRLF pairs straddle chunk boundaries.
  std::string text = "id,remark\r\n";
  const int row_count = 20000;
  for (int i = 0; i < row_count; ++i) text += std::to_string(i) + ",\"a \"\"b\"\",\r\nc\"\r\n";
  DelimitedReader reader(make_string_stream(std::move(text)), csv(1));
  DelimitedRow row;
  int count = 0;
  while (reader.next(row)) {
    ASSERT_EQ(row.fields, (std::vector<std::string>{std::to_string(count), "a \"b\",\nc"}));
    ASSERT_EQ(row.line, 2u + 2u * static_cast<std::size_t>(count));
    ++count;
  }
  EXPECT_EQ(count, row_count);
  EXPECT_EQ(reader.faults().count(), 0u);
}

TEST(RowFaultLog, CountsEveryFaultButKeepsOnlyTheFirst) {
  RowFaultLog log(2);
  for (std::size_t line = 1; line <= 5; ++line) log.add({line, RowDisposition::skipped, "bad"});
  EXPECT_EQ(log.count(), 5u);
  ASSERT_EQ(log.first_faults().size(), 2u);
  EXPECT_EQ(log.first_faults().back().line, 2u);
}

}  // namespace
}  // namespace bsap::biodata
