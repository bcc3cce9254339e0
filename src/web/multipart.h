// multipart/form-data bodies (RFC 7578), the way a browser sends a form with a file input:
// document uploads (§2.3.1 papers, site photos and maps of §2.7.6). Pure parsing of untrusted
// bytes: it refuses, never guesses; what a file really is gets decided by core/upload_check.h,
// not by the filename or type the browser claims.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/url.h"

namespace bsap::web {

struct UploadedFile {
  std::string field;         // the input's name
  std::string filename;      // as the browser sent it, without any folder part
  std::string content_type;  // as claimed; not trusted
  std::string bytes;
};

struct MultipartBody {
  FormData fields;  // the parts without a filename
  std::vector<UploadedFile> files;
  // The first file sent for the input `field`, or nullptr; an empty file input counts as none.
  const UploadedFile* file(std::string_view field) const;
};

// The boundary of a "multipart/form-data; boundary=…" Content-Type; nullopt for another type.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// nullopt when the body is not well-formed for the boundary: a missing closing delimiter, a part
// without Content-Disposition form-data and a name, more than 200 parts or an 8 KiB header block.
std::optional<MultipartBody> parse_multipart(std::string_view boundary, std::string_view body);

}  // namespace bsap::web
