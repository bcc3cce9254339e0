// core/upload_check.h: the 10 MiB limit and the type decided by content (magic bytes).
#include "core/upload_check.h"

#include <gtest/gtest.h>

#include <string>

namespace bsap {
namespace {

const std::string kPdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
const std::string kJpeg = "\xff\xd8\xff\xe0\0\x10JFIF";

// A PDF of exactly `size` bytes.
std::string pdf_of_size(std::size_t size) {
  std::string bytes = kPdf;
  bytes.resize(size, ' ');
  return bytes;
}

TEST(UploadCheck, APdfOfExactlyTenMebibytesIsAccepted) {
  const auto verdict = check_upload("budget.pdf", pdf_of_size(kMaxUploadBytes));
  ASSERT_TRUE(verdict.ok());
  EXPECT_EQ(*verdict.accepted, UploadMediaType::pdf);
}

TEST(UploadCheck, APdfOneByteUnderTheLimitIsAccepted) {
  EXPECT_TRUE(check_upload("budget.pdf", pdf_of_size(kMaxUploadBytes - 1)).ok());
}

TEST(UploadCheck, APdfOneByteOverTheLimitIsRefusedAsTooLarge) {
  const auto verdict = check_upload("budget.pdf", pdf_of_size(kMaxUploadBytes + 1));
  EXPECT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault, UploadFault::too_large);
  EXPECT_NE(describe_upload_fault(verdict.fault, kMaxUploadBytes + 1).find("10 MiB"),
            std::string::npos);
}

TEST(UploadCheck, TheLimitIsTenMebibytes) { EXPECT_EQ(kMaxUploadBytes, 10u * 1024u * 1024u); }

TEST(UploadCheck, AnEmptyFileIsRefused) {
  const auto verdict = check_upload("empty.pdf", "");
  EXPECT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault, UploadFault::empty);
}

TEST(UploadCheck, EachMagicIsRecognised) {
  EXPECT_EQ(sniff_media_type(kPdf), UploadMediaType::pdf);
  EXPECT_EQ(sniff_media_type(kPng), UploadMediaType::png);
  EXPECT_EQ(sniff_media_type(kJpeg), UploadMediaType::jpeg);
  EXPECT_EQ(*check_upload("a.png", kPng).accepted, UploadMediaType::png);
  EXPECT_EQ(*check_upload("a.jpg", kJpeg).accepted, UploadMediaType::jpeg);
}

TEST(UploadCheck, AFewMagicBytesShortOfTheSignatureAreNotEnough) {
  EXPECT_FALSE(sniff_media_type("%PDF"));
  EXPECT_FALSE(sniff_media_type("\x89PNG\r\n"));
  EXPECT_FALSE(sniff_media_type("\xff\xd8"));
  EXPECT_FALSE(sniff_media_type(" %PDF-1.7"));  // the magic must come first
}

TEST(UploadCheck, APdfNamedDotPngIsStillAPdfAndIsKeptUnderAPdfName) {
  const auto verdict = check_upload("site-plan.png", kPdf);
  ASSERT_TRUE(verdict.ok());
  EXPECT_EQ(*verdict.accepted, UploadMediaType::pdf);
  EXPECT_EQ(verdict.filename, "site-plan.pdf");
}

TEST(UploadCheck, AnHtmlFileNamedDotPdfIsRefused) {
  const auto verdict =
      check_upload("x.pdf", "<!DOCTYPE html><html><script>alert(1)</script></html>");
  EXPECT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault, UploadFault::unsupported_type);
  EXPECT_NE(describe_upload_fault(verdict.fault, 60).find("PDF, PNG or JPEG"), std::string::npos);
}

TEST(UploadCheck, OtherCommonFormatsAreRefused) {
  EXPECT_EQ(check_upload("a.gif", "GIF89a....").fault, UploadFault::unsupported_type);
  EXPECT_EQ(check_upload("a.docx", std::string("PK\x03\x04", 4)).fault,
            UploadFault::unsupported_type);
  EXPECT_EQ(check_upload("a.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>").fault,
            UploadFault::unsupported_type);
}

TEST(UploadCheck, MediaTypeNamesRoundTrip) {
  EXPECT_EQ(media_type_name(UploadMediaType::pdf), "application/pdf");
  EXPECT_EQ(media_type_name(UploadMediaType::png), "image/png");
  EXPECT_EQ(media_type_name(UploadMediaType::jpeg), "image/jpeg");
  for (auto type : {UploadMediaType::pdf, UploadMediaType::png, UploadMediaType::jpeg})
    EXPECT_EQ(parse_media_type_name(media_type_name(type)), type);
  EXPECT_FALSE(parse_media_type_name("text/html"));
}

TEST(KeepableFilename, KeepsAFittingNameAsItIs) {
  EXPECT_EQ(keepable_filename("稅務豁免函件.pdf", UploadMediaType::pdf), "稅務豁免函件.pdf");
  EXPECT_EQ(keepable_filename("Photo 1.JPEG", UploadMediaType::jpeg), "Photo 1.JPEG");
}

TEST(KeepableFilename, DropsTheFolderSomeBrowsersSend) {
  EXPECT_EQ(keepable_filename("C:\\Users\\chan\\Desktop\\map.png", UploadMediaType::png),
            "map.png");
  EXPECT_EQ(keepable_filename("../../etc/passwd", UploadMediaType::pdf), "passwd.pdf");
}

TEST(KeepableFilename, GivesTheContentsExtension) {
  EXPECT_EQ(keepable_filename("scan", UploadMediaType::jpeg), "scan.jpg");
  EXPECT_EQ(keepable_filename("photo.jpg", UploadMediaType::png), "photo.png");
  EXPECT_EQ(keepable_filename("minutes.2026", UploadMediaType::pdf), "minutes.2026.pdf");
  EXPECT_EQ(keepable_filename("", UploadMediaType::pdf), "upload.pdf");
  EXPECT_EQ(keepable_filename(".pdf", UploadMediaType::pdf), "upload.pdf");
}

TEST(KeepableFilename, ReplacesControlCharactersAndCutsLongNamesOnACharacterBoundary) {
  EXPECT_EQ(keepable_filename("a\r\nb.pdf", UploadMediaType::pdf), "a__b.pdf");
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "保育";  // 3 bytes a character
  const auto kept = keepable_filename(long_name + ".pdf", UploadMediaType::pdf);
  EXPECT_LE(kept.size(), 204u);
  EXPECT_EQ(kept.size() % 3, 4u % 3);  // whole characters plus ".pdf"
  EXPECT_TRUE(kept.ends_with("育.pdf") || kept.ends_with("保.pdf"));
}

}  // namespace
}  // namespace bsap
