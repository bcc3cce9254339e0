// A Darwin Core data file's bytes as the importer reads them: decode_to_utf8 (the declared
// encoding, or the byte order mark) and then DelimitedReader, row by row. The first byte of the
// input chooses the encoding, the format and the size of the chunks the bytes arrive in, so that
// every sequence and quote also falls across a chunk boundary.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "biodata/byte_stream.h"
#include "biodata/delimited_reader.h"
#include "biodata/text_decoder.h"
#include "fuzz_support.h"

namespace {

using namespace bsap::biodata;

// Delivers the bytes at most `chunk` at a time, as a zip entry or a file delivers them.
class ChunkedStream final : public ByteStream {
 public:
  ChunkedStream(std::string_view bytes, std::size_t chunk) : bytes_(bytes), chunk_(chunk) {}
  std::size_t read(std::span<char> buffer) override {
    const std::size_t count = std::min({buffer.size(), chunk_, bytes_.size()});
    std::copy_n(bytes_.data(), count, buffer.data());
    bytes_.remove_prefix(count);
    return count;
  }
  const std::optional<ArchiveError>& error() const override { return error_; }

 private:
  std::string_view bytes_;
  std::size_t chunk_;
  std::optional<ArchiveError> error_;
};

constexpr std::array<std::string_view, 6> kEncodings = {"UTF-8",      "UTF-16",       "UTF-16BE",
                                                        "ISO-8859-1", "windows-1252", "Big5"};
constexpr std::array<char, 4> kDelimiters = {',', '\t', ';', '|'};
constexpr std::array<std::size_t, 4> kChunks = {1, 3, 7, 4096};

DelimitedFormat format_from(std::uint8_t choice, std::uint8_t more) {
  DelimitedFormat format;
  format.field_delimiter = kDelimiters[choice % 4];
  if ((choice >> 2) % 3 == 1) format.quote = '\'';
  if ((choice >> 2) % 3 == 2) format.quote.reset();
  if ((choice >> 4) % 3 == 1) format.line_ending = LineEnding::lf_or_crlf;
  if ((choice >> 4) % 3 == 2) format.line_ending = LineEnding::cr;
  format.header_lines = (choice >> 6) % 3;
  format.min_fields = more % 4;
  if (more & 0x10) format.max_row_bytes = 64;  // so that the too-long row path runs often
  if (more & 0x20) format.max_faults_kept = 2;
  return format;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = bsap::fuzz::as_text(data, size);
  const std::uint8_t choice = bsap::fuzz::take_byte(input);
  const std::uint8_t more = bsap::fuzz::take_byte(input);
  const std::string_view encoding = kEncodings[more % kEncodings.size()];
  const std::size_t chunk = kChunks[(more >> 6) % kChunks.size()];

  auto decoded =
      decode_to_utf8(std::make_unique<ChunkedStream>(input, chunk), encoding, "data.txt");
  if (!std::holds_alternative<std::unique_ptr<Utf8DecodingStream>>(decoded)) return 0;
  DelimitedReader reader(std::move(std::get<std::unique_ptr<Utf8DecodingStream>>(decoded)),
                         format_from(choice, more));
  const std::size_t header_fields = reader.header().size();
  DelimitedRow row;
  std::size_t rows = 0;
  while (reader.next(row)) {
    ++rows;
    // A file with a header line delivers rows no wider than the header.
    if (header_fields > 0 && row.fields.size() > header_fields) std::abort();
  }
  if (reader.rows_read() != rows) std::abort();
  return 0;
}
