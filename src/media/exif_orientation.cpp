#include "media/exif_orientation.h"

#include <libexif/exif-data.h>

#include <memory>

namespace bsap::media {
namespace {

struct ExifDataFree {
  void operator()(ExifData* data) const { exif_data_unref(data); }
};

}  // namespace

int exif_orientation(std::string_view jpeg_bytes) {
  // libexif finds the APP1 "Exif" segment in a whole JPEG file by itself.
  std::unique_ptr<ExifData, ExifDataFree> data(
      exif_data_new_from_data(reinterpret_cast<const unsigned char*>(jpeg_bytes.data()),
                              static_cast<unsigned int>(jpeg_bytes.size())));
  if (!data) return 1;
  ExifEntry* entry = exif_data_get_entry(data.get(), EXIF_TAG_ORIENTATION);
  if (!entry || entry->format != EXIF_FORMAT_SHORT || entry->components < 1 || entry->size < 2)
    return 1;
  const int value = exif_get_short(entry->data, exif_data_get_byte_order(data.get()));
  return value >= 1 && value <= 8 ? value : 1;
}

}  // namespace bsap::media
