// Turns a data file's bytes, in whatever encoding meta.xml declares, into UTF-8 without a byte
// order mark, chunk by chunk (iconv from glibc). Everything after this stage is UTF-8 only.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "biodata/archive_error.h"
#include "biodata/byte_stream.h"

namespace bsap::biodata {

class Utf8DecodingStream : public ByteStream {
 public:
  // How many invalid byte sequences were replaced by U+FFFD so far. Real files declared UTF-8
  // are sometimes Latin-1 in places; a replaced byte must not stop an import.
  virtual std::size_t replaced_sequences() const = 0;
};

// A byte order mark, when present, overrides the declared encoding: spreadsheet exports are
// often UTF-16 while meta.xml says UTF-8, and a BOM is unambiguous. ISO-8859-1 is read as
// windows-1252, its superset, as browsers do (WHATWG Encoding Standard). `file` names the file in
// errors. An encoding iconv does not know is an error. read() needs a buffer of 4 bytes or more.
std::variant<std::unique_ptr<Utf8DecodingStream>, ArchiveError> decode_to_utf8(
    std::unique_ptr<ByteStream> raw, std::string_view declared_encoding, const std::string& file);

}  // namespace bsap::biodata
