#include "media/image_header.h"

#include <webp/decode.h>

#include <cstdint>

namespace bsap::media {
namespace {

std::uint32_t byte_at(std::string_view bytes, std::size_t at) {
  return static_cast<unsigned char>(bytes[at]);
}

std::uint32_t big_endian(std::string_view bytes, std::size_t at, int count) {
  std::uint32_t value = 0;
  for (int i = 0; i < count; ++i) value = value << 8 | byte_at(bytes, at + i);
  return value;
}

// Start-of-frame markers carry the size: C0-CF except C4 (Huffman tables), C8 (reserved) and
// CC (arithmetic coding conditioning).
bool is_start_of_frame(std::uint32_t marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Markers that stand alone, with no length after them: TEM, RST0-7, SOI.
bool stands_alone(std::uint32_t marker) {
  return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
}

std::optional<ImageHeader> jpeg_header(std::string_view bytes) {
  std::size_t at = 2;  // after the start of image
  while (at + 1 < bytes.size()) {
    if (byte_at(bytes, at) != 0xFF) return std::nullopt;
    while (at + 1 < bytes.size() && byte_at(bytes, at + 1) == 0xFF) ++at;  // fill bytes
    if (at + 1 >= bytes.size()) return std::nullopt;
    const std::uint32_t marker = byte_at(bytes, at + 1);
    at += 2;
    if (stands_alone(marker)) continue;
    if (marker == 0xDA || marker == 0xD9 || at + 2 > bytes.size()) return std::nullopt;
    const std::uint32_t length = big_endian(bytes, at, 2);
    if (is_start_of_frame(marker)) {
      if (length < 7 || at + 7 > bytes.size()) return std::nullopt;
      return ImageHeader{ImageKind::jpeg, static_cast<int>(big_endian(bytes, at + 5, 2)),
                         static_cast<int>(big_endian(bytes, at + 3, 2))};
    }
    if (length < 2) return std::nullopt;
    at += length;
  }
  return std::nullopt;
}

std::optional<ImageHeader> png_header(std::string_view bytes) {
  // The signature (8), then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4).
  if (bytes.size() < 24 || bytes.substr(12, 4) != "IHDR") return std::nullopt;
  const std::uint32_t width = big_endian(bytes, 16, 4), height = big_endian(bytes, 20, 4);
  if (width > 0x7FFFFFFF || height > 0x7FFFFFFF) return std::nullopt;  // PNG's own limit
  return ImageHeader{ImageKind::png, static_cast<int>(width), static_cast<int>(height)};
}

std::optional<ImageHeader> webp_header(std::string_view bytes) {
  int width = 0, height = 0;
  if (!WebPGetInfo(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), &width,
                   &height))
    return std::nullopt;
  return ImageHeader{ImageKind::webp, width, height};
}

}  // namespace

std::optional<ImageKind> sniff_image_kind(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xD8\xFF")) return ImageKind::jpeg;
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return ImageKind::png;
  if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP")
    return ImageKind::webp;
  return std::nullopt;
}

std::optional<ImageHeader> read_image_header(std::string_view bytes) {
  const auto kind = sniff_image_kind(bytes);
  if (!kind) return std::nullopt;
  std::optional<ImageHeader> header = *kind == ImageKind::jpeg  ? jpeg_header(bytes)
                                      : *kind == ImageKind::png ? png_header(bytes)
                                                                : webp_header(bytes);
  if (!header || header->width <= 0 || header->height <= 0) return std::nullopt;
  return header;
}

}  // namespace bsap::media
