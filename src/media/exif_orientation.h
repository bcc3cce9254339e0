// The EXIF orientation a camera records instead of turning the pixels (a phone held upright
// writes a landscape image with orientation 6). Served without its metadata, the picture would
// lie on its side unless the pixels are turned first.
#pragma once
#include <string_view>

namespace bsap::media {

// The EXIF Orientation tag's value, 1 to 8 (1: as stored); 1 when the file has none or an
// invalid one.
int exif_orientation(std::string_view jpeg_bytes);

}  // namespace bsap::media
