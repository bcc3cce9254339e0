#include "biodata/text_decoder.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>
#include <vector>

namespace bsap::biodata {

namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
constexpr std::size_t kInputChunkBytes = 64 * 1024;
constexpr std::size_t kLongestSequenceBytes = 4;  // UTF-8, and a UTF-16 surrogate pair

std::string canonical_encoding(std::string_view declared) {
  std::string name;
  for (char c : declared) {
    if (c != ' ') name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (name.empty() || name == "UTF8") return "UTF-8";
  if (name == "ISO-8859-1" || name == "ISO8859-1" || name == "ISO_8859-1" || name == "LATIN1" ||
      name == "LATIN-1") {
    return "WINDOWS-1252";
  }
  return name;
}

struct ByteOrderMark {
  std::string_view encoding;
  std::size_t length;
};

std::optional<ByteOrderMark> find_byte_order_mark(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) return ByteOrderMark{"UTF-8", 3};
  if (head.starts_with("\xFF\xFE")) return ByteOrderMark{"UTF-16LE", 2};
  if (head.starts_with("\xFE\xFF")) return ByteOrderMark{"UTF-16BE", 2};
  return std::nullopt;
}

// The bytes an undecodable sequence is skipped by: one code unit of the source encoding.
std::size_t code_unit_bytes(std::string_view encoding) {
  if (encoding.find("32") != std::string_view::npos) return 4;
  if (encoding.find("16") != std::string_view::npos) return 2;
  return 1;
}

class IconvUtf8Stream final : public Utf8DecodingStream {
 public:
  IconvUtf8Stream(std::unique_ptr<ByteStream> raw, iconv_t converter, std::string head,
                  std::string_view encoding)
      : raw_(std::move(raw)),
        converter_(converter),
        code_unit_(code_unit_bytes(encoding)),
        utf8_source_(encoding == "UTF-8") {
    input_.reserve(kInputChunkBytes + kLongestSequenceBytes);
    input_.assign(head.begin(), head.end());
  }
  ~IconvUtf8Stream() override { iconv_close(converter_); }
  IconvUtf8Stream(const IconvUtf8Stream&) = delete;
  IconvUtf8Stream& operator=(const IconvUtf8Stream&) = delete;

  std::size_t read(std::span<char> out) override {
    char* next = out.data();
    std::size_t room = out.size();
    while (room == out.size() && !error_) {
      if ((pending() < kLongestSequenceBytes || wants_more_input_) && !raw_ended_) {
        wants_more_input_ = false;
        refill();
        continue;
      }
      if (pending() == 0) break;
      convert_pending(next, room);
    }
    return out.size() - room;
  }

  const std::optional<ArchiveError>& error() const override { return error_; }
  std::size_t replaced_sequences() const override { return replaced_; }

 private:
  std::size_t pending() const { return input_.size() - consumed_; }

  void refill() {
    input_.erase(input_.begin(), input_.begin() + static_cast<std::ptrdiff_t>(consumed_));
    consumed_ = 0;
    std::size_t kept = input_.size();
    input_.resize(kept + kInputChunkBytes);
    std::size_t got = raw_->read(std::span<char>(input_.data() + kept, kInputChunkBytes));
    input_.resize(kept + got);
    if (got > 0) return;
    raw_ended_ = true;
    if (raw_->error()) error_ = raw_->error();
  }

  void convert_pending(char*& next, std::size_t& room) {
    std::size_t length = pending();
    if (utf8_source_) {
      // UTF-8 to UTF-8: ASCII is copied as is, which is most of the bytes and several times
      // faster than iconv; only the runs of non-ASCII bytes go through iconv to be validated.
      if (copy_ascii(next, room) > 0) return;
      length = non_ascii_run_length();
    }
    char* in = input_.data() + consumed_;
    std::size_t in_left = length;
    std::size_t result = iconv(converter_, &in, &in_left, &next, &room);
    consumed_ += length - in_left;
    if (result != static_cast<std::size_t>(-1)) return;
    // A sequence cut short by the end of the file, or (UTF-8) by an ASCII byte, is invalid.
    const bool cut_short = raw_ended_ || consumed_ + in_left < input_.size();
    if (errno == EILSEQ) {
      replace_invalid(next, room, std::min(code_unit_, pending()));
    } else if (errno == EINVAL && cut_short) {
      replace_invalid(next, room, in_left);
    } else if (errno == EINVAL) {
      // The next refill completes the sequence. Even with kLongestSequenceBytes pending: glibc
      // waits for all six bytes of an obsolete UTF-8 lead (0xF8–0xFD) before refusing it.
      wants_more_input_ = true;
    }
    // E2BIG: the output is full.
  }

  std::size_t copy_ascii(char*& next, std::size_t& room) {
    const char* in = input_.data() + consumed_;
    std::size_t limit = std::min(pending(), room);
    std::size_t count = 0;
    while (count < limit && static_cast<unsigned char>(in[count]) < 0x80) ++count;
    std::memcpy(next, in, count);
    next += count;
    room -= count;
    consumed_ += count;
    return count;
  }

  // UTF-8 sequences hold no ASCII byte, so a run up to the next ASCII byte splits none.
  std::size_t non_ascii_run_length() const {
    const char* in = input_.data() + consumed_;
    std::size_t length = 0;
    while (length < pending() && static_cast<unsigned char>(in[length]) >= 0x80) ++length;
    return length;
  }

  void replace_invalid(char*& next, std::size_t& room, std::size_t skipped_bytes) {
    if (room < kReplacementCharacter.size()) return;  // retried on the next read
    std::memcpy(next, kReplacementCharacter.data(), kReplacementCharacter.size());
    next += kReplacementCharacter.size();
    room -= kReplacementCharacter.size();
    consumed_ += skipped_bytes;
    ++replaced_;
  }

  std::unique_ptr<ByteStream> raw_;
  iconv_t converter_;
  std::size_t code_unit_;
  bool utf8_source_;
  std::vector<char> input_;
  std::size_t consumed_ = 0;
  bool raw_ended_ = false;
  bool wants_more_input_ = false;  // iconv stopped at an incomplete sequence that ends input_
  std::size_t replaced_ = 0;
  std::optional<ArchiveError> error_;
};

// The first bytes of the stream, enough to see a byte order mark.
std::string read_head(ByteStream& raw) {
  std::string head(kLongestSequenceBytes, '\0');
  std::size_t filled = 0;
  while (filled < head.size()) {
    std::size_t got = raw.read(std::span<char>(head.data() + filled, head.size() - filled));
    if (got == 0) break;
    filled += got;
  }
  head.resize(filled);
  return head;
}

}  // namespace

std::variant<std::unique_ptr<Utf8DecodingStream>, ArchiveError> decode_to_utf8(
    std::unique_ptr<ByteStream> raw, std::string_view declared_encoding, const std::string& file) {
  std::string head = read_head(*raw);
  if (raw->error()) return *raw->error();
  std::string encoding = canonical_encoding(declared_encoding);
  if (auto mark = find_byte_order_mark(head)) {
    encoding = mark->encoding;
    head.erase(0, mark->length);
  }
  iconv_t converter = iconv_open("UTF-8", encoding.c_str());
  if (converter == reinterpret_cast<iconv_t>(-1)) {
    return ArchiveError{file, "encoding '" + std::string(declared_encoding) + "' is not supported"};
  }
  return std::make_unique<IconvUtf8Stream>(std::move(raw), converter, std::move(head), encoding);
}

}  // namespace bsap::biodata
