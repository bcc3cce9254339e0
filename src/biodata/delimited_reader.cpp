#include "biodata/delimited_reader.h"

#include <algorithm>
#include <initializer_list>

namespace bsap::biodata {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

bool is_line_break(char c) { return c == '\r' || c == '\n'; }

std::array<bool, 256> special_bytes(std::initializer_list<std::optional<char>> bytes) {
  std::array<bool, 256> special{};
  for (std::optional<char> byte : bytes) {
    if (byte) special[static_cast<unsigned char>(*byte)] = true;
  }
  return special;
}

}  // namespace

DelimitedReader::DelimitedReader(std::unique_ptr<ByteStream> utf8, DelimitedFormat format)
    : input_(std::move(utf8)),
      format_(format),
      buffer_(kChunkBytes),
      unquoted_special_(special_bytes({format.field_delimiter, format.quote, '\r', '\n'})),
      quoted_special_(special_bytes({format.quote, '\r', '\n'})),
      faults_(format.max_faults_kept) {}

const std::vector<std::string>& DelimitedReader::header() {
  read_header_lines();
  return header_;
}

bool DelimitedReader::next(DelimitedRow& row) {
  if (!read_header_lines()) return false;
  while (next_nonblank_row(row)) {
    if (error_) return false;  // the row may be cut short by the read error
    if (accept_width(row)) {
      ++rows_read_;
      return true;
    }
  }
  return false;
}

bool DelimitedReader::fill() {
  if (error_) return false;
  pos_ = 0;
  end_ = input_->read(buffer_);
  if (end_ == 0 && input_->error()) error_ = input_->error();
  return end_ > 0;
}

bool DelimitedReader::read_header_lines() {
  if (header_read_) return !error_;
  header_read_ = true;
  DelimitedRow header_row;
  for (std::size_t i = 0; i < format_.header_lines; ++i) {
    if (!next_nonblank_row(header_row)) break;
    if (i == 0) header_ = std::move(header_row.fields);
  }
  return !error_;
}

bool DelimitedReader::next_nonblank_row(DelimitedRow& row) {
  for (;;) {
    switch (scan_row(row)) {
      case RowEnd::line_end:
        if (!row_blank_) return true;
        break;
      case RowEnd::file_end:
        return !row_blank_;
      case RowEnd::too_long:
        faults_.add({row.line, RowDisposition::skipped,
                     "row is longer than " + std::to_string(format_.max_row_bytes) +
                         " bytes (an unclosed quote?); skipped up to the next line"});
        skip_to_line_end();
        break;
      case RowEnd::unclosed_quote:
        faults_.add({row.line, RowDisposition::skipped,
                     "a quoted field is not closed before the end of the file"});
        return false;
    }
  }
}

DelimitedReader::RowEnd DelimitedReader::scan_row(DelimitedRow& row) {
  row.line = line_;
  field_index_ = 0;
  row_bytes_ = 0;
  row_blank_ = true;
  if (row.fields.empty()) row.fields.emplace_back();
  row.fields[0].clear();
  FieldState state = FieldState::start;
  RowEnd end = RowEnd::file_end;
  while (scan_step(row, state, end)) {
  }
  row.fields.resize(field_index_ + 1);
  return end;
}

// Consumes a run of ordinary bytes, then one byte that matters; false once the row has ended.
bool DelimitedReader::scan_step(DelimitedRow& row, FieldState& state, RowEnd& end) {
  if (pos_ == end_ && !fill()) {
    end = state == FieldState::quoted ? RowEnd::unclosed_quote : RowEnd::file_end;
    return false;
  }
  if (state != FieldState::quote_in_quoted) {
    bool fits = true;
    bool quoted = state == FieldState::quoted;
    std::size_t appended = append_run(row, quoted ? quoted_special_ : unquoted_special_, fits);
    if (!fits) {
      end = RowEnd::too_long;
      return false;
    }
    if (appended > 0 && state == FieldState::start) state = FieldState::unquoted;
    if (pos_ == end_) return true;
  }
  return take_byte(row, buffer_[pos_++], state, end);
}

bool DelimitedReader::take_byte(DelimitedRow& row, char c, FieldState& state, RowEnd& end) {
  const bool is_quote = format_.quote && c == *format_.quote;
  if (state == FieldState::quoted) {
    if (is_quote) {
      state = FieldState::quote_in_quoted;
      return true;
    }
    bool fits = take_line_end(c) ? append(row, "\n", 1) : append(row, &c, 1);
    if (!fits) end = RowEnd::too_long;
    return fits;
  }
  if (c == format_.field_delimiter) {
    end_field(row);
    state = FieldState::start;
    return true;
  }
  if (is_line_break(c) && take_line_end(c)) {
    end = RowEnd::line_end;
    return false;
  }
  if (is_quote && state != FieldState::unquoted) {
    // Opens a quoted field, or (after a closing quote) is the second half of a doubled quote.
    if (state == FieldState::quote_in_quoted && !append(row, &c, 1)) {
      end = RowEnd::too_long;
      return false;
    }
    state = FieldState::quoted;
    row_blank_ = false;
    return true;
  }
  state = FieldState::unquoted;  // text after a closing quote is kept as data
  if (append(row, &c, 1)) return true;
  end = RowEnd::too_long;
  return false;
}

// True when `c` (just consumed) with what follows it ends a line; then the line count moves on.
// The first line break of the file settles the line ending when the format leaves it open.
bool DelimitedReader::take_line_end(char c) {
  if (!is_line_break(c)) return false;
  const bool followed_by_lf = c == '\r' && (pos_ < end_ || fill()) && buffer_[pos_] == '\n';
  if (!format_.line_ending) {
    format_.line_ending = c == '\r' && !followed_by_lf ? LineEnding::cr : LineEnding::lf_or_crlf;
  }
  const bool lf_mode = format_.line_ending == LineEnding::lf_or_crlf;
  const bool ends_line = c == '\n' ? lf_mode : followed_by_lf || !lf_mode;
  if (!ends_line) return false;
  if (followed_by_lf) ++pos_;
  ++line_;
  return true;
}

bool DelimitedReader::append(DelimitedRow& row, const char* text, std::size_t length) {
  row_blank_ = false;
  row_bytes_ += length;
  if (row_bytes_ > format_.max_row_bytes) return false;
  row.fields[field_index_].append(text, length);
  return true;
}

std::size_t DelimitedReader::append_run(DelimitedRow& row, const std::array<bool, 256>& special,
                                        bool& fits) {
  std::size_t run_end = pos_;
  while (run_end < end_ && !special[static_cast<unsigned char>(buffer_[run_end])]) ++run_end;
  std::size_t length = run_end - pos_;
  fits = length == 0 || append(row, buffer_.data() + pos_, length);
  pos_ = run_end;
  return length;
}

void DelimitedReader::end_field(DelimitedRow& row) {
  row_blank_ = false;
  ++field_index_;
  if (field_index_ == row.fields.size()) row.fields.emplace_back();
  row.fields[field_index_].clear();
}

void DelimitedReader::skip_to_line_end() {
  while (pos_ < end_ || fill()) {
    if (take_line_end(buffer_[pos_++])) return;
  }
}

bool DelimitedReader::accept_width(DelimitedRow& row) {
  const bool has_header = !header_.empty();
  const std::size_t expected = has_header ? header_.size() : format_.min_fields;
  const std::size_t count = row.fields.size();
  // Only a faulty row spells its fault: no string is made for the others.
  const char* against =
      has_header ? " fields where the header has " : " fields where meta.xml needs ";
  if (has_header && count > expected) {
    faults_.add({row.line, RowDisposition::skipped,
                 std::to_string(count) + against + std::to_string(expected)});
    return false;
  }
  if (count < expected) {
    faults_.add({row.line, RowDisposition::kept,
                 std::to_string(count) + against + std::to_string(expected) +
                     "; the missing trailing values are read as empty"});
    row.fields.resize(expected);
  }
  return true;
}

}  // namespace bsap::biodata
