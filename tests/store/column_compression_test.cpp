// The block store's columns compressed (store/column_compression.h): a column that compresses
// comes back byte for byte, one that does not is stored as packed, a column stored before
// compression reads as it was, and damaged or oversized compressed bytes are refused before
// anything is allocated for them.
#include "store/column_compression.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <random>
#include <stdexcept>
#include <string>

#include "store/packed_column.h"

namespace bsap::store {
namespace {

std::string record_keys(int count) {
  ColumnPacker packer(ColumnKind::text);
  for (int i = 0; i < count; ++i) {
    const std::string key = "HKBIO-" + std::to_string(i);
    packer.add(std::optional<std::string_view>(key));
  }
  return std::string(packer.finish());
}

TEST(ColumnCompression, AColumnThatCompressesComesBackByteForByte) {
  const std::string packed = record_keys(10'000);
  ColumnCompressor compressor;
  const std::string stored(compressor.compress(packed));
  EXPECT_EQ(stored.front(), 'Z');
  EXPECT_LT(stored.size(), packed.size() / 4);
  EXPECT_EQ(packed_column_bytes(stored), packed);
  EXPECT_EQ(PackedColumn(packed_column_bytes(stored)).text(9'999), "HKBIO-9999");
}

TEST(ColumnCompression, AColumnThatDoesNotCompressIsStoredAsPacked) {
  std::mt19937_64 random(2035);
  ColumnPacker packer(ColumnKind::real);
  for (int i = 0; i < 1'000; ++i)
    packer.add(std::optional<double>(std::uniform_real_distribution<double>()(random)));
  const std::string packed(packer.finish());
  ColumnCompressor compressor;
  EXPECT_EQ(compressor.compress(packed), packed);
  const std::string_view tiny("I\x01\x00\x02", 4);
  EXPECT_EQ(compressor.compress(tiny), tiny);
  EXPECT_EQ(packed_column_bytes(packed), packed);  // as columns written before compression
}

TEST(ColumnCompression, DamagedCompressedBytesAreRefused) {
  ColumnCompressor compressor;
  const std::string stored(compressor.compress(record_keys(1'000)));
  for (const std::string& bad :
       {std::string("Z"), std::string("Zgarbage"), stored.substr(0, stored.size() / 2),
        stored.substr(0, 1) + stored.substr(2)})
    EXPECT_THROW(packed_column_bytes(bad), std::invalid_argument) << bad.size();
}

// At the limit a frame is read; one byte over, it is refused from its header.
TEST(ColumnCompression, ACompressedColumnLargerThanTheLimitIsRefused) {
  for (std::size_t size : {kMaxCompressedColumnBytes, kMaxCompressedColumnBytes + 1}) {
    const std::string zeros(size, '\0');
    std::string stored(1 + ZSTD_compressBound(size), 'Z');
    stored.resize(1 + ZSTD_compress(stored.data() + 1, stored.size() - 1, zeros.data(), size, 1));
    if (size == kMaxCompressedColumnBytes)
      EXPECT_EQ(packed_column_bytes(stored).size(), size);
    else
      EXPECT_THROW(packed_column_bytes(stored), std::invalid_argument);
  }
}

}  // namespace
}  // namespace bsap::store
