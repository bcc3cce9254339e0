#include "biodata/text_decoder.h"

#include <gtest/gtest.h>

#include <string>

#include "biodata/byte_stream.h"

namespace bsap::biodata {
namespace {

// Hands out one byte per read, so that every multi-byte sequence is split between reads.
class OneByteAtATime final : public ByteStream {
 public:
  explicit OneByteAtATime(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(std::span<char> buffer) override {
    if (offset_ == bytes_.size()) return 0;
    buffer[0] = bytes_[offset_++];
    return 1;
  }
  const std::optional<ArchiveError>& error() const override { return no_error_; }

 private:
  std::string bytes_;
  std::size_t offset_ = 0;
  std::optional<ArchiveError> no_error_;
};

struct Decoded {
  std::string text;
  std::size_t replaced = 0;
};

Decoded decode(std::unique_ptr<ByteStream> raw, std::string_view encoding) {
  auto decoded = decode_to_utf8(std::move(raw), encoding, "data.txt");
  EXPECT_TRUE(std::holds_alternative<std::unique_ptr<Utf8DecodingStream>>(decoded));
  auto& stream = *std::get<std::unique_ptr<Utf8DecodingStream>>(decoded);
  Decoded result;
  std::string chunk(7, '\0');  // small on purpose: output boundaries fall mid-sequence too
  while (std::size_t got = stream.read(chunk)) result.text.append(chunk.data(), got);
  result.replaced = stream.replaced_sequences();
  return result;
}

Decoded decode(std::string bytes, std::string_view encoding) {
  return decode(make_string_stream(std::move(bytes)), encoding);
}

TEST(TextDecoder, Utf8PassesThroughAndItsByteOrderMarkIsDropped) {
  EXPECT_EQ(decode("\xEF\xBB\xBFid\tMarkus D\xC3\xB6ring", "UTF-8").text,
            "id\tMarkus D\xC3\xB6ring");
}

TEST(TextDecoder, Utf16LittleEndianWithByteOrderMarkBecomesUtf8) {
  std::string bytes(
      "\xFF\xFE"
      "a\0\xE9\0\n\0",
      8);
  EXPECT_EQ(decode(bytes, "UTF-16LE").text, "a\xC3\xA9\n");
}

TEST(TextDecoder, ByteOrderMarkOverridesADeclaredUtf8) {
  std::string bytes(
      "\xFF\xFE"
      "o\0k\0",
      6);
  EXPECT_EQ(decode(bytes, "UTF-8").text, "ok");
}

TEST(TextDecoder, Utf16BigEndianWithoutByteOrderMarkFollowsTheDeclaration) {
  std::string bytes("\0h\0\xE9", 4);
  EXPECT_EQ(decode(bytes, "utf-16be").text, "h\xC3\xA9");
}

TEST(TextDecoder, Latin1IsReadAsWindows1252) {
  // 0xE9 is é in both; 0x80 is € only in windows-1252, which Latin-1 labels mean in practice.
  EXPECT_EQ(decode("caf\xE9 \x80", "ISO-8859-1").text, "caf\xC3\xA9 \xE2\x82\xAC");
}

TEST(TextDecoder, InvalidUtf8IsReplacedAndCounted) {
  Decoded decoded = decode("M\xF6nchen, K\xF6ln", "UTF-8");
  EXPECT_EQ(decoded.text, "M\xEF\xBF\xBDnchen, K\xEF\xBF\xBDln");
  EXPECT_EQ(decoded.replaced, 2u);
}

TEST(TextDecoder, SequencesSplitBetweenReadsSurvive) {
  std::string text = "\xE7\xA6\x8F\xE5\xBB\xBA \xF0\x9F\x90\xA6 D\xC3\xB6ring";
  Decoded decoded = decode(std::make_unique<OneByteAtATime>(text), "UTF-8");
  EXPECT_EQ(decoded.text, text);
  EXPECT_EQ(decoded.replaced, 0u);
}

TEST(TextDecoder, SequenceCutShortByTheEndOfTheFileIsReplaced) {
  Decoded decoded = decode("ok\xE7\xA6", "UTF-8");
  EXPECT_EQ(decoded.text, "ok\xEF\xBF\xBD");
  EXPECT_EQ(decoded.replaced, 1u);
}

// Found by fuzzing (fuzz/delimited_fuzz.cpp): glibc's iconv reports 0xFD, an obsolete six-byte
// lead, as incomplete until six bytes are there, while the decoder stopped reading more input
// once four were pending; it then looped forever on the same bytes.
TEST(TextDecoder, ObsoleteSixByteLeadEndsInsteadOfLoopingForever) {
  Decoded decoded = decode(std::make_unique<OneByteAtATime>("\xFD\x9A\x9A\x9A\x9A ok"), "UTF-8");
  EXPECT_EQ(decoded.text, "\xEF\xBF\xBD ok");
  EXPECT_EQ(decoded.replaced, 1u);
}

TEST(TextDecoder, UnknownEncodingIsAnErrorNamingTheFile) {
  auto decoded = decode_to_utf8(make_string_stream("x"), "KLINGON-8", "occurrence.txt");
  ASSERT_TRUE(std::holds_alternative<ArchiveError>(decoded));
  EXPECT_EQ(std::get<ArchiveError>(decoded).message(),
            "occurrence.txt: encoding 'KLINGON-8' is not supported");
}

}  // namespace
}  // namespace bsap::biodata
