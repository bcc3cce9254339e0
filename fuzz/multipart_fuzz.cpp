// multipart/form-data request bodies (document uploads): the boundary from a Content-Type, then
// the body. The input is "CONTENT-TYPE\n---\nBODY"; without a separator the boundary is fixed.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "fuzz_support.h"
#include "web/multipart.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = bsap::fuzz::as_text(data, size);
  const auto pieces = bsap::fuzz::split_pieces(input, 2);
  std::optional<std::string> boundary = bsap::web::multipart_boundary(pieces[0]);
  const std::string_view body = input.find("\n---\n") == std::string_view::npos ? input : pieces[1];
  if (!boundary) boundary = "----bsapFuzzBoundary";
  const auto parsed = bsap::web::parse_multipart(*boundary, body);
  if (!parsed) return 0;
  for (const bsap::web::UploadedFile& file : parsed->files) {
    if (file.bytes.size() > body.size()) std::abort();  // a part is a piece of the body
    (void)parsed->file(file.field);
  }
  (void)parsed->fields.get("name");
  return 0;
}
