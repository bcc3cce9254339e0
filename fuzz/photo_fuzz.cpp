// prepare_photo: the photographs anyone may upload (issue 11), through libgd's JPEG, PNG and WebP
// decoders and libexif. Beyond "no crash": an accepted photo is a JPEG within the size limits
// that carries no EXIF segment.
#include <cstdint>
#include <cstdlib>

#include "fuzz_support.h"
#include "media/photo.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto result = bsap::media::prepare_photo(bsap::fuzz::as_text(data, size));
  if (!result.ok()) {
    (void)bsap::media::photo_fault_key(result.fault);
    return 0;
  }
  const auto& photo = *result.photo;
  if (photo.width <= 0 || photo.height <= 0 || photo.width > bsap::media::kPhotoLongEdge ||
      photo.height > bsap::media::kPhotoLongEdge)
    std::abort();
  if (!photo.jpeg.starts_with("\xFF\xD8\xFF") || photo.jpeg.find("Exif") != std::string::npos)
    std::abort();
  return 0;
}
