// multipart/form-data as browsers send document uploads: fields, files, and refusals of bodies
// that are not well formed (never a guess).
#include "web/multipart.h"

#include <gtest/gtest.h>

namespace bsap::web {
namespace {

const std::string kBoundary = "----bsapBoundary7MA4YWxk";

std::string part(const std::string& disposition, const std::string& content,
                 const std::string& type = {}) {
  std::string text = "--" + kBoundary + "\r\nContent-Disposition: " + disposition + "\r\n";
  if (!type.empty()) text += "Content-Type: " + type + "\r\n";
  return text + "\r\n" + content + "\r\n";
}

std::string closing() { return "--" + kBoundary + "--\r\n"; }

TEST(Multipart, BoundaryComesFromTheContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + kBoundary), kBoundary);
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; boundary=\"a b\""), "a b");
  EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'x')));
}

TEST(Multipart, FieldsAndFilesAreSeparated) {
  const std::string pdf = "%PDF-1.7\r\n\x00\x01 binary\r\n--not-the-boundary";
  const std::string body = part("form-data; name=\"csrf_token\"", "t0k3n") +
                           part("form-data; name=\"kind\"", "tax_exemption_letter") +
                           part("form-data; name=\"file\"; filename=\"C:\\\\docs\\\\letter.pdf\"",
                                pdf, "application/pdf") +
                           closing();
  const auto parsed = parse_multipart(kBoundary, body);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->fields.get("csrf_token"), "t0k3n");
  EXPECT_EQ(parsed->fields.get("kind"), "tax_exemption_letter");
  const UploadedFile* file = parsed->file("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "letter.pdf");
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_EQ(file->bytes, pdf);
}

TEST(Multipart, AnEmptyFileInputIsNoFile) {
  const std::string body =
      part("form-data; name=\"file\"; filename=\"\"", "", "application/octet-stream") + closing();
  const auto parsed = parse_multipart(kBoundary, body);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->file("file"), nullptr);
}

TEST(Multipart, MalformedBodiesAreRefused) {
  const std::string good = part("form-data; name=\"a\"", "1");
  EXPECT_FALSE(parse_multipart(kBoundary, good));                       // no closing delimiter
  EXPECT_FALSE(parse_multipart(kBoundary, "junk" + good + closing()));  // no opening delimiter
  EXPECT_FALSE(parse_multipart(kBoundary, part("attachment; name=\"a\"", "1") + closing()));
  EXPECT_FALSE(parse_multipart(kBoundary, part("form-data", "1") + closing()));
  EXPECT_FALSE(parse_multipart(kBoundary, "--" + kBoundary + "\r\nno header end" + closing()));
}

TEST(Multipart, TooManyPartsAreRefused) {
  std::string body;
  for (int i = 0; i < 201; ++i) body += part("form-data; name=\"f\"", "x");
  EXPECT_FALSE(parse_multipart(kBoundary, body + closing()));
  std::string fewer;
  for (int i = 0; i < 200; ++i) fewer += part("form-data; name=\"f\"", "x");
  EXPECT_TRUE(parse_multipart(kBoundary, fewer + closing()));
}

}  // namespace
}  // namespace bsap::web
