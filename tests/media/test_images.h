// Images made in the test, with the metadata a phone writes: EXIF orientation and a GPS position.
#pragma once
#include <string>

namespace bsap::test {

// A width x height JPEG (or PNG, WebP), blue with a red square of side min(width, height) / 4 in
// its top-left corner.
std::string marked_jpeg(int width, int height);
std::string marked_png(int width, int height, bool transparent_background = false);
std::string marked_webp(int width, int height);

// jpeg with an EXIF segment inserted after its start of image: the orientation (1-8) and a GPS
// position of 22°22'22" N, 114°11'11" E, as a phone records them.
std::string with_exif(const std::string& jpeg, int orientation);

// The colour of one pixel of a decoded image: 'r' mostly red, 'b' mostly blue, 'w' white, '?'.
char colour_at(const std::string& image_bytes, int x, int y);
// The decoded size of an image.
std::pair<int, int> size_of(const std::string& image_bytes);

}  // namespace bsap::test
