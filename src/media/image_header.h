// What an image file says about itself before it is decoded: its kind and its size in pixels.
// Read from the header alone so that prepare_photo can refuse an oversized image without
// allocating it.
#pragma once
#include <optional>
#include <string_view>

namespace bsap::media {

enum class ImageKind { jpeg, png, webp };

struct ImageHeader {
  ImageKind kind = ImageKind::jpeg;
  int width = 0;
  int height = 0;
};

// The kind by the first bytes (FF D8 FF; the PNG signature; "RIFF....WEBP").
std::optional<ImageKind> sniff_image_kind(std::string_view bytes);

// The kind and the declared size; nullopt when the header is missing, truncated or says zero.
std::optional<ImageHeader> read_image_header(std::string_view bytes);

}  // namespace bsap::media
