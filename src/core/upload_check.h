// The checks an uploaded file must pass before the portal keeps it: at most 10 MiB, and a PDF,
// PNG or JPEG as its first bytes say. Pure: the web layer calls check_upload to tell the
// applicant what is wrong before anything is stored, and store/document_repo calls it again so
// that no other path can put an unchecked file in the database.
//
// The type is decided by the content ("magic bytes"), never by the file name or the type the
// browser claims: both are chosen by whoever uploads, and a file that is not what its name says
// is how harmful uploads usually arrive. The name is only tidied for showing and downloading.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bsap {

inline constexpr std::size_t kMaxUploadBytes = 10 * 1024 * 1024;  // 10 MiB; exactly this is allowed

enum class UploadMediaType { pdf, png, jpeg };

// The IANA name: "application/pdf", "image/png", "image/jpeg".
std::string_view media_type_name(UploadMediaType type);
// The inverse of media_type_name, for reading a stored name back.
std::optional<UploadMediaType> parse_media_type_name(std::string_view name);

// What the first bytes say the content is: "%PDF-", the PNG signature (89 50 4E 47 0D 0A 1A 0A)
// or a JPEG start of image (FF D8 FF). nullopt for anything else.
std::optional<UploadMediaType> sniff_media_type(std::string_view bytes);

enum class UploadFault {
  empty,             // no bytes at all
  too_large,         // more than kMaxUploadBytes
  unsupported_type,  // not a PDF, PNG or JPEG by its content
};

// Either the accepted type (with the name to keep) or the fault.
struct UploadVerdict {
  std::optional<UploadMediaType> accepted;
  UploadFault fault = UploadFault::empty;  // meaningful only when !ok()
  std::string filename;                    // when ok(): see keepable_filename

  bool ok() const { return accepted.has_value(); }
};

// Size first (a huge file is not looked into), then the type by content. `filename` plays no
// part in the verdict; it only becomes the verdict's keepable_filename.
UploadVerdict check_upload(std::string_view filename, std::string_view bytes);

// The name to show and offer for download: the last part of what the browser sent (some send
// the whole path, C:\Users\...), control characters replaced by '_', at most 200 bytes before
// the extension, and the extension the content calls for: "letter.png" holding a PDF becomes
// "letter.pdf", "scan" holding a JPEG becomes "scan.jpg", an empty name "upload.pdf".
std::string keepable_filename(std::string_view filename, UploadMediaType type);

// An English sentence saying what to fix, for logs and the store's StoreError; pages show their
// own catalogue's text for the fault.
std::string describe_upload_fault(UploadFault fault, std::size_t size_bytes);

}  // namespace bsap
