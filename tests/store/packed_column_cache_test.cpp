// The cache of unpacked columns (store/packed_column_cache.h): a column is found under the key it
// was added with only, and the cache keeps within its budget by dropping the oldest first.
#include "store/packed_column_cache.h"

#include <gtest/gtest.h>

namespace bsap::store {
namespace {

std::shared_ptr<const PackedColumn> column_of(std::int64_t value) {
  ColumnPacker packer(ColumnKind::integer);
  packer.add(std::optional<std::int64_t>(value));
  return std::make_shared<const PackedColumn>(std::string(packer.finish()));
}

TEST(PackedColumnCache, FindsAColumnUnderItsOwnKeyOnly) {
  PackedColumnCache cache(1u << 20);
  cache.add({42, 3}, column_of(7));
  ASSERT_NE(cache.find({42, 3}), nullptr);
  EXPECT_EQ(cache.find({42, 3})->integer(0), 7);
  EXPECT_EQ(cache.find({42, 4}), nullptr);  // another column of the block
  EXPECT_EQ(cache.find({43, 3}), nullptr);  // the same column of another block (nonce)
}

TEST(PackedColumnCache, KeepsWithinItsBudgetDroppingTheOldestFirst) {
  const std::size_t one = column_of(0)->memory_bytes();
  PackedColumnCache cache(3 * one);  // room for three
  for (int nonce = 1; nonce <= 3; ++nonce) cache.add({nonce, 0}, column_of(nonce));
  EXPECT_EQ(cache.bytes(), 3 * one);
  cache.add({4, 0}, column_of(4));
  EXPECT_EQ(cache.bytes(), 3 * one);
  EXPECT_EQ(cache.find({1, 0}), nullptr);
  for (int nonce = 2; nonce <= 4; ++nonce) EXPECT_NE(cache.find({nonce, 0}), nullptr) << nonce;
}

TEST(PackedColumnCache, AColumnLargerThanTheBudgetIsNotKept) {
  const std::size_t one = column_of(0)->memory_bytes();
  PackedColumnCache cache(one - 1);
  cache.add({1, 0}, column_of(1));
  EXPECT_EQ(cache.find({1, 0}), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
}

}  // namespace
}  // namespace bsap::store
