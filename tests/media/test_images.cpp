#include "test_images.h"

#include <gd.h>
#include <libexif/exif-data.h>

#include <memory>
#include <stdexcept>
#include <utility>

namespace bsap::test {
namespace {

struct ImageFree {
  void operator()(gdImage* image) const { gdImageDestroy(image); }
};
using Image = std::unique_ptr<gdImage, ImageFree>;

Image marked(int width, int height, int background) {
  Image image(gdImageCreateTrueColor(width, height));
  gdImageAlphaBlending(image.get(), 0);
  gdImageSaveAlpha(image.get(), 1);
  gdImageFilledRectangle(image.get(), 0, 0, width - 1, height - 1, background);
  const int side = std::min(width, height) / 4;
  gdImageFilledRectangle(image.get(), 0, 0, side - 1, side - 1, gdTrueColor(0xFF, 0, 0));
  return image;
}

// Writes the image with `write` (gdImageJpegPtr and the like) and takes its bytes.
template <typename Write>
std::string written(Write write) {
  int size = 0;
  void* data = write(&size);
  std::string out(static_cast<const char*>(data), static_cast<std::size_t>(size));
  gdFree(data);
  return out;
}

Image decoded(const std::string& bytes) {
  void* data = const_cast<char*>(bytes.data());
  const int size = static_cast<int>(bytes.size());
  if (bytes.starts_with("\xFF\xD8")) return Image(gdImageCreateFromJpegPtr(size, data));
  if (bytes.starts_with("\x89PNG")) return Image(gdImageCreateFromPngPtr(size, data));
  return Image(gdImageCreateFromWebpPtr(size, data));
}

ExifEntry* add_entry(ExifData* data, ExifIfd ifd, ExifTag tag, ExifFormat format,
                     unsigned long components) {
  ExifMem* mem = exif_mem_new_default();
  ExifEntry* entry = exif_entry_new_mem(mem);
  entry->tag = tag;
  entry->format = format;
  entry->components = components;
  entry->size = exif_format_get_size(format) * components;
  entry->data = static_cast<unsigned char*>(exif_mem_alloc(mem, entry->size));
  exif_content_add_entry(data->ifd[ifd], entry);
  exif_mem_unref(mem);
  exif_entry_unref(entry);  // the content holds it
  return entry;
}

void set_degrees(ExifEntry* entry, ExifByteOrder order, unsigned d, unsigned m, unsigned s) {
  const ExifRational parts[] = {{d, 1}, {m, 1}, {s, 1}};
  for (int i = 0; i < 3; ++i) exif_set_rational(entry->data + 8 * i, order, parts[i]);
}

}  // namespace

std::string marked_jpeg(int width, int height) {
  Image image = marked(width, height, gdTrueColor(0, 0, 0xFF));
  return written([&](int* size) { return gdImageJpegPtr(image.get(), size, 95); });
}

std::string marked_png(int width, int height, bool transparent_background) {
  const int background = transparent_background ? gdTrueColorAlpha(0, 0, 0, gdAlphaTransparent)
                                                : gdTrueColor(0, 0, 0xFF);
  Image image = marked(width, height, background);
  return written([&](int* size) { return gdImagePngPtr(image.get(), size); });
}

std::string marked_webp(int width, int height) {
  Image image = marked(width, height, gdTrueColor(0, 0, 0xFF));
  return written([&](int* size) { return gdImageWebpPtrEx(image.get(), size, 95); });
}

std::string with_exif(const std::string& jpeg, int orientation) {
  ExifData* data = exif_data_new();
  const ExifByteOrder order = EXIF_BYTE_ORDER_INTEL;
  exif_data_set_byte_order(data, order);
  exif_data_set_data_type(data, EXIF_DATA_TYPE_COMPRESSED);
  ExifEntry* turn = add_entry(data, EXIF_IFD_0, EXIF_TAG_ORIENTATION, EXIF_FORMAT_SHORT, 1);
  exif_set_short(turn->data, order, static_cast<ExifShort>(orientation));
  ExifEntry* lat_ref = add_entry(
      data, EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE_REF), EXIF_FORMAT_ASCII, 2);
  lat_ref->data[0] = 'N';
  set_degrees(add_entry(data, EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE),
                        EXIF_FORMAT_RATIONAL, 3),
              order, 22, 22, 22);
  set_degrees(add_entry(data, EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE),
                        EXIF_FORMAT_RATIONAL, 3),
              order, 114, 11, 11);
  unsigned char* saved = nullptr;
  unsigned int length = 0;
  exif_data_save_data(data, &saved, &length);  // begins "Exif\0\0"
  exif_data_unref(data);
  if (!saved) throw std::runtime_error("libexif saved nothing");
  std::string segment = "\xFF\xE1";
  segment += static_cast<char>((length + 2) >> 8);
  segment += static_cast<char>((length + 2) & 0xFF);
  segment.append(reinterpret_cast<const char*>(saved), length);
  free(saved);
  return jpeg.substr(0, 2) + segment + jpeg.substr(2);
}

char colour_at(const std::string& image_bytes, int x, int y) {
  Image image = decoded(image_bytes);
  if (!image) return '?';
  const int pixel = gdImageGetTrueColorPixel(image.get(), x, y);
  const int r = gdTrueColorGetRed(pixel), g = gdTrueColorGetGreen(pixel),
            b = gdTrueColorGetBlue(pixel);
  if (r > 200 && g > 200 && b > 200) return 'w';
  if (r > 180 && b < 80) return 'r';
  if (b > 180 && r < 80) return 'b';
  return '?';
}

std::pair<int, int> size_of(const std::string& image_bytes) {
  Image image = decoded(image_bytes);
  if (!image) return {0, 0};
  return {gdImageSX(image.get()), gdImageSY(image.get())};
}

}  // namespace bsap::test
