// The packing of one column of a block of the hub's records (store/packed_column.h): every value
// comes back exactly, NULLs where they were, and bytes the packer did not write are refused, not
// read past their end.
#include "store/packed_column.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace bsap::store {
namespace {

using std::nullopt;

TEST(PackedColumn, TextComesBackWithItsNullsWhateverItHolds) {
  ColumnPacker packer(ColumnKind::text);
  const std::string with_nul("a\0b", 3);
  packer.add(std::optional<std::string_view>("大埔滘\t自然護理區\n"));
  packer.add(std::optional<std::string_view>());
  packer.add(std::optional<std::string_view>(""));
  packer.add(std::optional<std::string_view>(with_nul));
  const std::string long_text(300, 'x');  // a length of two varint bytes
  packer.add(std::optional<std::string_view>(long_text));
  PackedColumn column(std::string(packer.finish()));
  ASSERT_EQ(column.kind(), ColumnKind::text);
  ASSERT_EQ(column.size(), 5u);
  EXPECT_EQ(column.text(0), "大埔滘\t自然護理區\n");
  EXPECT_TRUE(column.is_null(1));
  EXPECT_FALSE(column.is_null(2));
  EXPECT_EQ(column.text(2), "");
  EXPECT_EQ(column.text(3), with_nul);
  EXPECT_EQ(column.text(4), long_text);
}

TEST(PackedColumn, IntegersComeBackAtTheirLimits) {
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  const std::vector<std::optional<std::int64_t>> values{
      0, -1, 1, 63, 64, -64, -65, kMin, kMax, nullopt, -9'007'199'254'740'993};
  ColumnPacker packer(ColumnKind::integer);
  for (const auto& value : values) packer.add(value);
  PackedColumn column(std::string(packer.finish()));
  ASSERT_EQ(column.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(column.is_null(i), !values[i]) << i;
    if (values[i]) {
      EXPECT_EQ(column.integer(i), *values[i]) << i;
    }
  }
}

TEST(PackedColumn, RealsComeBackBitForBit) {
  const std::vector<std::optional<double>> values{114.12345678901234,
                                                  -22.410512345678901,
                                                  -0.0,
                                                  std::numeric_limits<double>::denorm_min(),
                                                  std::numeric_limits<double>::infinity(),
                                                  nullopt,
                                                  0.1};
  ColumnPacker packer(ColumnKind::real);
  for (const auto& value : values) packer.add(value);
  PackedColumn column(std::string(packer.finish()));
  ASSERT_EQ(column.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    ASSERT_EQ(column.is_null(i), !values[i]) << i;
    if (values[i]) {
      EXPECT_EQ(std::signbit(column.real(i)), std::signbit(*values[i])) << i;
      EXPECT_EQ(column.real(i), *values[i]) << i;
    }
  }
}

// The NULL bitmap's byte boundary: 8 values fill one byte, the 9th starts another.
TEST(PackedColumn, NullsAtTheBitmapsByteBoundaries) {
  for (std::size_t count : {0u, 1u, 7u, 8u, 9u, 16u, 17u}) {
    ColumnPacker packer(ColumnKind::integer);
    for (std::size_t i = 0; i < count; ++i)
      packer.add(i % 3 == 2 ? std::optional<std::int64_t>() : std::optional<std::int64_t>(i));
    PackedColumn column(std::string(packer.finish()));
    ASSERT_EQ(column.size(), count);
    for (std::size_t i = 0; i < count; ++i) {
      EXPECT_EQ(column.is_null(i), i % 3 == 2) << count << " " << i;
      if (i % 3 != 2) {
        EXPECT_EQ(column.integer(i), static_cast<std::int64_t>(i));
      }
    }
  }
}

TEST(PackedColumn, ThePackerStartsANewColumnAfterFinish) {
  ColumnPacker packer(ColumnKind::integer);
  packer.add(std::optional<std::int64_t>(5));
  packer.finish();
  packer.add(std::optional<std::int64_t>(7));
  PackedColumn column(std::string(packer.finish()));
  ASSERT_EQ(column.size(), 1u);
  EXPECT_EQ(column.integer(0), 7);
}

TEST(PackedColumn, AValueOfAnotherKindIsAProgrammingError) {
  ColumnPacker packer(ColumnKind::integer);
  EXPECT_THROW(packer.add(std::optional<std::string_view>("text")), std::logic_error);
  EXPECT_THROW(packer.add(std::optional<double>(1.5)), std::logic_error);
}

TEST(PackedColumn, BytesItDidNotWriteAreRefused) {
  ColumnPacker packer(ColumnKind::text);
  packer.add(std::optional<std::string_view>("Cuora trifasciata"));
  const std::string good(packer.finish());
  ASSERT_NO_THROW(PackedColumn{good});
  const std::vector<std::string> bad{
      "",                               // no kind
      "X" + good.substr(1),             // an unknown kind
      good.substr(0, good.size() - 1),  // the text cut short
      good + "!",                       // a byte after the last value
      std::string("T"),                 // no count
      std::string("T\x02", 2),          // a count, no bitmap
      std::string("I\x01\x00\xff", 4),  // a varint that does not end
      std::string("I\x01\x00", 3) + std::string(10, '\xff') + "\x01",  // one over 64 bits
      std::string("R\x01\x00\x01\x02\x03", 6),                         // a real of 3 bytes
      std::string("T\x01\x00\xff\xff\xff\xff\x0f", 8),                 // a length past the end
  };
  for (const std::string& bytes : bad)
    EXPECT_THROW(PackedColumn{bytes}, std::invalid_argument) << testing::PrintToString(bytes);
}

}  // namespace
}  // namespace bsap::store
