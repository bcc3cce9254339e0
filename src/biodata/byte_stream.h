// A source of bytes read in chunks, so that no data file is ever held whole in memory.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "biodata/archive_error.h"

namespace bsap::biodata {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Fills up to buffer.size() bytes and returns how many; 0 means the end. After a failed read
  // (a corrupt zip entry, an I/O error) it returns 0 and error() says why.
  virtual std::size_t read(std::span<char> buffer) = 0;
  virtual const std::optional<ArchiveError>& error() const = 0;
};

// A stream over bytes already in memory: the head of a file, and text in tests.
std::unique_ptr<ByteStream> make_string_stream(std::string bytes);

}  // namespace bsap::biodata
