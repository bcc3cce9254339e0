// Photographs are checked, turned upright, scaled and stripped of every piece of metadata before
// they are stored to be served (issue 11: "Uploads of photographs are checked, resized and
// stripped of location metadata (EXIF GPS) before they are served publicly").
#include "media/photo.h"

#include <gtest/gtest.h>
#include <libexif/exif-data.h>

#include <memory>

#include "media/exif_orientation.h"
#include "media/image_header.h"
#include "test_images.h"

namespace bsap::test {
namespace {

using media::PhotoFault;
using media::prepare_photo;

bool has_gps(const std::string& jpeg) {
  std::unique_ptr<ExifData, void (*)(ExifData*)> data(
      exif_data_new_from_data(reinterpret_cast<const unsigned char*>(jpeg.data()),
                              static_cast<unsigned>(jpeg.size())),
      exif_data_unref);
  return data && data->ifd[EXIF_IFD_GPS]->count > 0;
}

// A PNG signature and IHDR chunk declaring width x height, and nothing after it.
std::string png_header_only(std::uint32_t width, std::uint32_t height) {
  std::string bytes = "\x89PNG\r\n\x1A\n";
  bytes += std::string("\0\0\0\x0D", 4) + "IHDR";
  for (std::uint32_t value : {width, height})
    for (int shift = 24; shift >= 0; shift -= 8) bytes += static_cast<char>(value >> shift & 0xFF);
  bytes += std::string("\x08\x02\0\0\0\0\0\0\0", 9);
  return bytes;
}

TEST(Photo, GpsPositionOfThePhoneIsGoneFromThePhotoAndItsThumbnail) {
  const std::string uploaded = with_exif(marked_jpeg(64, 48), 1);
  ASSERT_TRUE(has_gps(uploaded));  // so that the test is able to fail
  const auto result = prepare_photo(uploaded);
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(has_gps(result.photo->jpeg));
  EXPECT_FALSE(has_gps(result.photo->thumbnail_jpeg));
  EXPECT_EQ(result.photo->jpeg.find("Exif"), std::string::npos);
  EXPECT_EQ(result.photo->thumbnail_jpeg.find("Exif"), std::string::npos);
}

TEST(Photo, OrientationSixIsTurnedClockwiseSoThePhotoStandsUpright) {
  const std::string uploaded = with_exif(marked_jpeg(80, 40), 6);
  ASSERT_EQ(media::exif_orientation(uploaded), 6);
  const auto result = prepare_photo(uploaded);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.photo->width, 40);
  EXPECT_EQ(result.photo->height, 80);
  // The red corner was top-left as stored; a quarter turn clockwise takes it to the top right.
  EXPECT_EQ(colour_at(result.photo->jpeg, 35, 4), 'r');
  EXPECT_EQ(colour_at(result.photo->jpeg, 4, 4), 'b');
}

TEST(Photo, EveryOrientationPutsTheRedCornerWhereTheCameraSawIt) {
  // Where the stored top-left corner appears once upright: l(eft)/r(ight), t(op)/b(ottom).
  const char* corners[] = {"", "lt", "rt", "rb", "lb", "lt", "rt", "rb", "lb"};
  for (int orientation = 1; orientation <= 8; ++orientation) {
    const auto result = prepare_photo(with_exif(marked_jpeg(80, 40), orientation));
    ASSERT_TRUE(result.ok()) << orientation;
    const int w = result.photo->width, h = result.photo->height;
    const int x = corners[orientation][0] == 'l' ? 3 : w - 4;
    const int y = corners[orientation][1] == 't' ? 3 : h - 4;
    EXPECT_EQ(colour_at(result.photo->jpeg, x, y), 'r') << "orientation " << orientation;
    EXPECT_EQ(w, orientation >= 5 ? 40 : 80) << orientation;
  }
}

TEST(Photo, ScaledToSixteenHundredPixelsOnTheLongEdgeAndFourHundredForTheThumbnail) {
  const auto result = prepare_photo(marked_jpeg(3200, 1000));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(size_of(result.photo->jpeg), std::make_pair(1600, 500));
  EXPECT_EQ(size_of(result.photo->thumbnail_jpeg), std::make_pair(400, 125));
  EXPECT_EQ(result.photo->width, 1600);
  EXPECT_EQ(result.photo->height, 500);
}

TEST(Photo, LongEdgeAtTheLimitIsKeptAndOnePixelOverIsScaled) {
  EXPECT_EQ(size_of(prepare_photo(marked_jpeg(1600, 900)).photo->jpeg), std::make_pair(1600, 900));
  EXPECT_EQ(size_of(prepare_photo(marked_jpeg(900, 1601)).photo->jpeg), std::make_pair(899, 1600));
}

TEST(Photo, SmallPhotoIsNeverEnlarged) {
  const auto result = prepare_photo(marked_jpeg(120, 90));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(size_of(result.photo->jpeg), std::make_pair(120, 90));
  EXPECT_EQ(size_of(result.photo->thumbnail_jpeg), std::make_pair(120, 90));
}

TEST(Photo, PngAndWebpAreTakenAndServedAsJpeg) {
  for (const std::string& uploaded : {marked_png(64, 48), marked_webp(64, 48)}) {
    const auto result = prepare_photo(uploaded);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.photo->jpeg.starts_with("\xFF\xD8\xFF"));
    EXPECT_EQ(colour_at(result.photo->jpeg, 3, 3), 'r');
    EXPECT_EQ(colour_at(result.photo->jpeg, 60, 40), 'b');
  }
}

TEST(Photo, TransparencyIsLaidOnWhiteNotBlack) {
  const auto result = prepare_photo(marked_png(64, 48, true));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(colour_at(result.photo->jpeg, 60, 40), 'w');
}

TEST(Photo, NothingAtAllIsRefusedAsEmpty) { EXPECT_EQ(prepare_photo("").fault, PhotoFault::empty); }

TEST(Photo, TenMebibytesAreAllowedAndOneByteMoreIsTooLarge) {
  std::string at_limit = "\xFF\xD8\xFF";
  at_limit.resize(media::kMaxPhotoBytes, '\0');
  EXPECT_EQ(prepare_photo(at_limit).fault, PhotoFault::unreadable);  // size passed, content not
  EXPECT_EQ(prepare_photo(at_limit + "x").fault, PhotoFault::too_large);
}

TEST(Photo, TypeIsDecidedByContentNotByName) {
  EXPECT_EQ(prepare_photo("%PDF-1.7\n...").fault, PhotoFault::unsupported_type);
  EXPECT_EQ(prepare_photo("GIF89a\x01\0\x01\0").fault, PhotoFault::unsupported_type);
  EXPECT_EQ(prepare_photo("<svg xmlns='http://www.w3.org/2000/svg'/>").fault,
            PhotoFault::unsupported_type);
}

TEST(Photo, TruncatedOrDamagedImageIsUnreadable) {
  const std::string jpeg = marked_jpeg(64, 48);
  EXPECT_EQ(prepare_photo(jpeg.substr(0, 40)).fault, PhotoFault::unreadable);
  EXPECT_EQ(prepare_photo(marked_png(64, 48).substr(0, 60)).fault, PhotoFault::unreadable);
}

TEST(Photo, FiftyMegapixelsMayBeDecodedAndOnePixelRowMoreIsRefusedUndecoded) {
  // 10,000 x 5,000 is exactly the limit; the header alone is then passed to the decoder, which
  // finds no pixels. 10,000 x 5,001 is refused from its header.
  EXPECT_EQ(prepare_photo(png_header_only(10'000, 5'000)).fault, PhotoFault::unreadable);
  EXPECT_EQ(prepare_photo(png_header_only(10'000, 5'001)).fault, PhotoFault::too_many_pixels);
  EXPECT_EQ(prepare_photo(png_header_only(65'535, 65'535)).fault, PhotoFault::too_many_pixels);
}

TEST(ImageHeader, ReadsTheDeclaredSizeOfEachKind) {
  const auto jpeg = media::read_image_header(with_exif(marked_jpeg(70, 30), 1));
  ASSERT_TRUE(jpeg);
  EXPECT_EQ(jpeg->kind, media::ImageKind::jpeg);
  EXPECT_EQ(std::make_pair(jpeg->width, jpeg->height), std::make_pair(70, 30));
  const auto png = media::read_image_header(marked_png(71, 31));
  ASSERT_TRUE(png);
  EXPECT_EQ(std::make_pair(png->width, png->height), std::make_pair(71, 31));
  const auto webp = media::read_image_header(marked_webp(72, 32));
  ASSERT_TRUE(webp);
  EXPECT_EQ(std::make_pair(webp->width, webp->height), std::make_pair(72, 32));
}

TEST(ExifOrientation, NoExifMeansAsStored) {
  EXPECT_EQ(media::exif_orientation(marked_jpeg(10, 10)), 1);
  EXPECT_EQ(media::exif_orientation("not a jpeg"), 1);
}

}  // namespace
}  // namespace bsap::test
