// A streaming reader of delimited text (CSV, tab-separated and the like), as Darwin Core Archive
// data files are. It reads UTF-8 in chunks and holds at most one row in memory, so a file of any
// size reads in bounded memory. A malformed row is a row fault (see row_fault.h), never a stop.
#pragma once
#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "biodata/archive_error.h"
#include "biodata/byte_stream.h"
#include "biodata/row_fault.h"

namespace bsap::biodata {

enum class LineEnding {
  lf_or_crlf,  // "\n" or "\r\n" ends a line (DOS files declared "\n" read the same); a lone "\r" is
               // data
  cr,          // "\r" ends a line (classic Mac, and Excel 2008 CSV); a "\n" after it is swallowed
};

struct DelimitedFormat {
  char field_delimiter = ',';
  std::optional<char> quote = '"';  // none: quote characters are ordinary data
  // None: taken from the first line break of the file. Files often disagree with the
  // linesTerminatedBy of their meta.xml, and a wrong guess would read the whole file as one row.
  std::optional<LineEnding> line_ending;
  std::size_t header_lines = 0;
  // Without a header line, a row with fewer fields is padded to this many and reported.
  std::size_t min_fields = 0;
  // A longer row (most often an unclosed quote swallowing the file) is skipped up to the next line.
  std::size_t max_row_bytes = 1024 * 1024;
  std::size_t max_faults_kept = 1000;
};

struct DelimitedRow {
  std::size_t line = 0;  // 1-based physical line where the row starts
  std::vector<std::string> fields;
};

// Quoting: a field that starts with the quote character runs to the matching quote; a doubled
// quote inside it is one quote; delimiters and line breaks inside it are data (line breaks read as
// "\n"). A quote elsewhere is data, and text after a closing quote is kept as data. Blank lines
// are skipped. When the file has a header line, a row with more fields than the header is
// skipped and one with fewer is kept with the missing trailing values empty; both are reported.
class DelimitedReader {
 public:
  // `utf8` must deliver UTF-8 (see text_decoder.h).
  DelimitedReader(std::unique_ptr<ByteStream> utf8, DelimitedFormat format);

  // The fields of the first header line; empty when there is no header line or the file is empty.
  const std::vector<std::string>& header();
  // The next data row, or false at the end of the file or on a read error (see error()).
  bool next(DelimitedRow& row);

  const std::optional<ArchiveError>& error() const { return error_; }
  const RowFaultLog& faults() const { return faults_; }
  std::size_t rows_read() const { return rows_read_; }  // rows delivered by next()

 private:
  enum class FieldState { start, unquoted, quoted, quote_in_quoted };
  enum class RowEnd { line_end, file_end, too_long, unclosed_quote };

  bool fill();
  bool read_header_lines();
  bool next_nonblank_row(DelimitedRow& row);
  RowEnd scan_row(DelimitedRow& row);
  bool scan_step(DelimitedRow& row, FieldState& state, RowEnd& end);
  bool take_line_end(char c);
  bool append(DelimitedRow& row, const char* text, std::size_t length);
  std::size_t append_run(DelimitedRow& row, const std::array<bool, 256>& special, bool& fits);
  bool take_byte(DelimitedRow& row, char c, FieldState& state, RowEnd& end);
  void end_field(DelimitedRow& row);
  void skip_to_line_end();
  bool accept_width(DelimitedRow& row);

  std::unique_ptr<ByteStream> input_;
  DelimitedFormat format_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::array<bool, 256> unquoted_special_{};
  std::array<bool, 256> quoted_special_{};

  std::size_t line_ = 1;
  std::size_t field_index_ = 0;
  std::size_t row_bytes_ = 0;
  bool row_blank_ = true;

  bool header_read_ = false;
  std::vector<std::string> header_;
  std::size_t rows_read_ = 0;
  RowFaultLog faults_;
  std::optional<ArchiveError> error_;
};

}  // namespace bsap::biodata
