// A packed column (packed_column.h) as the block store keeps it (decision 0013 §15): compressed
// with zstd when that saves at least an eighth of its bytes, stored as packed otherwise. A
// compressed column is 'Z' followed by one zstd frame that records its size; no packed column
// starts with 'Z', so columns written before compression read as they are. A million records'
// columns are about 111 MB packed and 30 MB compressed, and every byte the import writes is
// written twice at its commit (to the WAL, then into the database).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace bsap::store {

// Larger packed columns than this are stored as packed: a compressed column is trusted to say
// its size only up to it, so that damaged bytes cannot ask for gigabytes.
inline constexpr std::size_t kMaxCompressedColumnBytes = std::size_t{256} << 20;

class ColumnCompressor {
 public:
  ColumnCompressor();
  ~ColumnCompressor();
  ColumnCompressor(const ColumnCompressor&) = delete;
  ColumnCompressor& operator=(const ColumnCompressor&) = delete;

  // The bytes to store for a packed column, valid until the next call.
  std::string_view compress(std::string_view packed);

 private:
  struct Context;
  std::unique_ptr<Context> context_;
  std::string compressed_;
};

// A stored column's packed bytes: a compressed one decompressed, any other returned as it is.
// Throws std::invalid_argument on a compressed column zstd cannot read, or one that says it is
// larger than kMaxCompressedColumnBytes.
std::string packed_column_bytes(std::string stored);

}  // namespace bsap::store
