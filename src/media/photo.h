// Photographs that people upload (issue 11: cases, observations) made safe to serve: checked by
// their content, turned upright, scaled down, and written out again as a JPEG that carries no
// metadata at all. Re-encoding from the pixels, rather than editing the file's metadata, is what
// guarantees that no EXIF GPS position (or camera serial, or author) survives: nothing of the
// uploaded file but its pixels reaches the output. Pure: bytes in, bytes out.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bsap::media {

inline constexpr std::size_t kMaxPhotoBytes = 10 * 1024 * 1024;  // 10 MiB; exactly this is allowed
// A 50-megapixel camera's picture; anything larger is refused before it is decoded, so that a
// small file declaring a huge image (a "decompression bomb") cannot exhaust memory.
inline constexpr std::size_t kMaxPhotoPixels = 50'000'000;
inline constexpr int kPhotoLongEdge = 1600;     // the served photograph, in pixels
inline constexpr int kThumbnailLongEdge = 400;  // lists and map pop-ups
inline constexpr int kJpegQuality = 85;

enum class PhotoFault {
  empty,             // no bytes at all
  too_large,         // more than kMaxPhotoBytes
  unsupported_type,  // not a JPEG, PNG or WebP by its content
  unreadable,        // says it is one but cannot be decoded
  too_many_pixels,   // more than kMaxPhotoPixels
};

struct PreparedPhoto {
  std::string jpeg;            // at most kPhotoLongEdge on its long edge
  std::string thumbnail_jpeg;  // at most kThumbnailLongEdge on its long edge
  int width = 0;               // of jpeg
  int height = 0;
};

struct PhotoResult {
  std::optional<PreparedPhoto> photo;
  PhotoFault fault = PhotoFault::empty;  // meaningful only when !ok()

  bool ok() const { return photo.has_value(); }
};

// A JPEG, PNG or WebP by its content; turned upright by its EXIF orientation; transparency laid
// on white; scaled to at most kPhotoLongEdge on its long edge (never up); re-encoded as JPEG.
PhotoResult prepare_photo(std::string_view bytes);

// The message catalogue's key for a fault: "photo_fault_empty", "photo_fault_too_large", ...
std::string photo_fault_key(PhotoFault fault);

}  // namespace bsap::media
