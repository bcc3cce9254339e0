#include "core/upload_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace bsap {
namespace {

constexpr std::string_view kPdfMagic = "%PDF-";
constexpr std::string_view kPngMagic = "\x89PNG\r\n\x1a\n";
constexpr std::string_view kJpegMagic = "\xff\xd8\xff";
constexpr std::size_t kMaxStemBytes = 200;

constexpr std::array kAllTypes{UploadMediaType::pdf, UploadMediaType::png, UploadMediaType::jpeg};

std::string_view canonical_extension(UploadMediaType type) {
  switch (type) {
    case UploadMediaType::pdf:
      return ".pdf";
    case UploadMediaType::png:
      return ".png";
    case UploadMediaType::jpeg:
      return ".jpg";
  }
  return "";
}

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// The extensions a file of some accepted type may carry; a name ending in one of these but for
// another type gets it replaced rather than a second extension added.
bool is_upload_extension(std::string_view lower_extension) {
  for (std::string_view known : {".pdf", ".png", ".jpg", ".jpeg", ".jpe"})
    if (lower_extension == known) return true;
  return false;
}

bool extension_fits(std::string_view lower_extension, UploadMediaType type) {
  if (type == UploadMediaType::jpeg)
    return lower_extension == ".jpg" || lower_extension == ".jpeg" || lower_extension == ".jpe";
  return lower_extension == canonical_extension(type);
}

std::string_view last_path_part(std::string_view filename) {
  const auto slash = filename.find_last_of("/\\");
  return slash == std::string_view::npos ? filename : filename.substr(slash + 1);
}

// Cuts at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view cut_utf8(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string without_control_characters(std::string_view text) {
  std::string clean(text);
  std::replace_if(
      clean.begin(), clean.end(),
      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '\x7f'; }, '_');
  return clean;
}

}  // namespace

std::string_view media_type_name(UploadMediaType type) {
  switch (type) {
    case UploadMediaType::pdf:
      return "application/pdf";
    case UploadMediaType::png:
      return "image/png";
    case UploadMediaType::jpeg:
      return "image/jpeg";
  }
  return "application/octet-stream";  // unreachable: the switch names every type
}

std::optional<UploadMediaType> parse_media_type_name(std::string_view name) {
  for (UploadMediaType type : kAllTypes)
    if (media_type_name(type) == name) return type;
  return std::nullopt;
}

std::optional<UploadMediaType> sniff_media_type(std::string_view bytes) {
  if (bytes.starts_with(kPdfMagic)) return UploadMediaType::pdf;
  if (bytes.starts_with(kPngMagic)) return UploadMediaType::png;
  if (bytes.starts_with(kJpegMagic)) return UploadMediaType::jpeg;
  return std::nullopt;
}

UploadVerdict check_upload(std::string_view filename, std::string_view bytes) {
  if (bytes.empty()) return {std::nullopt, UploadFault::empty, ""};
  if (bytes.size() > kMaxUploadBytes) return {std::nullopt, UploadFault::too_large, ""};
  const auto type = sniff_media_type(bytes);
  if (!type) return {std::nullopt, UploadFault::unsupported_type, ""};
  return {type, UploadFault::empty, keepable_filename(filename, *type)};
}

std::string keepable_filename(std::string_view filename, UploadMediaType type) {
  const std::string_view name = last_path_part(filename);
  std::string_view stem = name;
  std::string extension;
  if (const auto dot = name.rfind('.');
      dot != std::string_view::npos && is_upload_extension(lower_ascii(name.substr(dot)))) {
    stem = name.substr(0, dot);
    extension = name.substr(dot);
  }
  if (!extension_fits(lower_ascii(extension), type)) extension = canonical_extension(type);
  std::string kept = without_control_characters(cut_utf8(stem, kMaxStemBytes));
  if (kept.empty()) kept = "upload";
  return kept + extension;
}

std::string describe_upload_fault(UploadFault fault, std::size_t size_bytes) {
  switch (fault) {
    case UploadFault::empty:
      return "the file is empty; choose the file again and upload it";
    case UploadFault::too_large:
      return fmt::format(
          "the file is {:.1f} MiB and the limit is 10 MiB; reduce the scan's resolution or split "
          "the document into several files",
          static_cast<double>(size_bytes) / (1024.0 * 1024.0));
    case UploadFault::unsupported_type:
      return "the file is not a PDF, PNG or JPEG by its content, whatever its name says; save or "
             "scan it as one of these and upload it again";
  }
  return "the file was refused";
}

}  // namespace bsap
