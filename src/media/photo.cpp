#include "media/photo.h"

#include <gd.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

#include "media/exif_orientation.h"
#include "media/image_header.h"

namespace bsap::media {
namespace {

struct ImageFree {
  void operator()(gdImage* image) const { gdImageDestroy(image); }
};
using Image = std::unique_ptr<gdImage, ImageFree>;

// libgd writes a damaged file's complaints to standard error; the uploader gets a clear message
// instead (PhotoFault::unreadable), so they are not wanted in the server's log.
void quiet(int, const char*, va_list) {}

Image decode(const ImageHeader& header, std::string_view bytes) {
  static std::once_flag silenced;
  std::call_once(silenced, [] { gdSetErrorMethod(quiet); });
  const int size = static_cast<int>(bytes.size());
  void* data = const_cast<char*>(bytes.data());  // libgd only reads it
  switch (header.kind) {
    case ImageKind::jpeg:
      return Image(gdImageCreateFromJpegPtrEx(size, data, 1));
    case ImageKind::png:
      return Image(gdImageCreateFromPngPtr(size, data));
    case ImageKind::webp:
      return Image(gdImageCreateFromWebpPtr(size, data));
  }
  return nullptr;
}

// A palette image made true-colour, transparency laid on white (JPEG has no transparency, and
// transparent pixels would otherwise come out black).
Image on_white(Image image) {
  const int width = gdImageSX(image.get()), height = gdImageSY(image.get());
  Image flat(gdImageCreateTrueColor(width, height));
  if (!flat) return nullptr;
  gdImageFilledRectangle(flat.get(), 0, 0, width - 1, height - 1, gdTrueColor(0xFF, 0xFF, 0xFF));
  gdImageAlphaBlending(flat.get(), 1);
  gdImageCopy(flat.get(), image.get(), 0, 0, 0, 0, width, height);
  return flat;
}

Image turned_clockwise(const Image& image) {
  // libgd turns anticlockwise for a positive angle.
  return Image(gdImageRotateInterpolated(image.get(), 270.0f, 0));
}

// Turns the pixels as the EXIF orientation says the camera saw them (the tag's eight values:
// 2 mirrored, 3 upside down, 4 mirrored upside down, 5 transposed, 6 on its left side,
// 7 transversed, 8 on its right side).
Image upright(Image image, int orientation) {
  switch (orientation) {
    case 2:
      gdImageFlipHorizontal(image.get());
      return image;
    case 3:
      gdImageFlipBoth(image.get());
      return image;
    case 4:
      gdImageFlipVertical(image.get());
      return image;
    default:
      break;
  }
  if (orientation < 5 || orientation > 8) return image;
  Image turned = turned_clockwise(image);
  if (!turned) return nullptr;
  if (orientation == 5) gdImageFlipHorizontal(turned.get());
  if (orientation == 7) gdImageFlipVertical(turned.get());
  if (orientation == 8) gdImageFlipBoth(turned.get());  // clockwise, then half a turn
  return turned;
}

// Scaled so that its long edge is at most long_edge; never enlarged.
Image within(const Image& image, int long_edge) {
  const int width = gdImageSX(image.get()), height = gdImageSY(image.get());
  const double factor = std::min(1.0, double(long_edge) / std::max(width, height));
  const auto scaled = [factor](int edge) {
    return static_cast<unsigned>(std::max(1L, std::lround(edge * factor)));
  };
  gdImageSetInterpolationMethod(image.get(), GD_TRIANGLE);
  return Image(gdImageScale(image.get(), scaled(width), scaled(height)));
}

std::string jpeg_of(const Image& image) {
  int size = 0;
  void* bytes = gdImageJpegPtr(image.get(), &size, kJpegQuality);
  if (!bytes) return {};
  std::string out(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
  gdFree(bytes);
  return out;
}

PhotoResult refused(PhotoFault fault) { return PhotoResult{std::nullopt, fault}; }

}  // namespace

PhotoResult prepare_photo(std::string_view bytes) {
  if (bytes.empty()) return refused(PhotoFault::empty);
  if (bytes.size() > kMaxPhotoBytes) return refused(PhotoFault::too_large);
  if (!sniff_image_kind(bytes)) return refused(PhotoFault::unsupported_type);
  const auto header = read_image_header(bytes);
  if (!header) return refused(PhotoFault::unreadable);
  if (std::size_t(header->width) * std::size_t(header->height) > kMaxPhotoPixels)
    return refused(PhotoFault::too_many_pixels);
  Image image = decode(*header, bytes);
  if (image) image = on_white(std::move(image));
  if (image)
    image =
        upright(std::move(image), header->kind == ImageKind::jpeg ? exif_orientation(bytes) : 1);
  if (!image) return refused(PhotoFault::unreadable);
  const Image photo = within(image, kPhotoLongEdge);
  const Image thumbnail = within(image, kThumbnailLongEdge);
  if (!photo || !thumbnail) return refused(PhotoFault::unreadable);
  PreparedPhoto prepared{jpeg_of(photo), jpeg_of(thumbnail), gdImageSX(photo.get()),
                         gdImageSY(photo.get())};
  if (prepared.jpeg.empty() || prepared.thumbnail_jpeg.empty())
    return refused(PhotoFault::unreadable);
  return PhotoResult{std::move(prepared), PhotoFault::empty};
}

std::string photo_fault_key(PhotoFault fault) {
  switch (fault) {
    case PhotoFault::empty:
      return "photo_fault_empty";
    case PhotoFault::too_large:
      return "photo_fault_too_large";
    case PhotoFault::unsupported_type:
      return "photo_fault_unsupported_type";
    case PhotoFault::unreadable:
      return "photo_fault_unreadable";
    case PhotoFault::too_many_pixels:
      return "photo_fault_too_many_pixels";
  }
  return "photo_fault_unreadable";
}

}  // namespace bsap::media
