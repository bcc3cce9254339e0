// A 1 km square's species as the embedded store packs them (store/cell_taxa_list.h): every taxon
// and its records come back, two lists add up taxon by taxon, and bytes the packer did not write
// are refused.
#include "store/cell_taxa_list.h"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <vector>

#include "store/packed_column.h"

namespace bsap::store {
namespace {

using Taxa = std::vector<TaxonRecords>;

TEST(CellTaxaList, TaxaComeBackWithTheirRecords) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  const Taxa taxa{{1, 1}, {2, 300}, {5500, 12}, {kMax, kMax}};
  EXPECT_EQ(unpack_cell_taxa(pack_cell_taxa(taxa)), taxa);
  EXPECT_EQ(unpack_cell_taxa(pack_cell_taxa(Taxa{})), Taxa{});
}

TEST(CellTaxaList, AddingListsSumsATaxonInBothAndKeepsTaxonOrder) {
  const Taxa held{{2, 5}, {7, 1}, {9, 2}};
  const Taxa added{{1, 3}, {7, 4}, {10, 1}};
  EXPECT_EQ(add_cell_taxa(held, added), (Taxa{{1, 3}, {2, 5}, {7, 5}, {9, 2}, {10, 1}}));
  EXPECT_EQ(add_cell_taxa(held, Taxa{}), held);
  EXPECT_EQ(add_cell_taxa(Taxa{}, added), added);
}

std::string integers(std::initializer_list<std::optional<std::int64_t>> values) {
  ColumnPacker packer(ColumnKind::integer);
  for (const auto& value : values) packer.add(value);
  return std::string(packer.finish());
}

TEST(CellTaxaList, BytesThePackerDidNotWriteAreRefused) {
  ColumnPacker text(ColumnKind::text);
  text.add(std::optional<std::string_view>("1"));
  text.add(std::optional<std::string_view>("2"));
  for (const std::string& bad : {std::string(text.finish()),   // not integers
                                 integers({1}),                // a taxon without records
                                 integers({1, std::nullopt}),  // a NULL
                                 integers({1, 0}),             // no records: just under 1
                                 integers({3, 1, 3, 1}),       // a taxon twice
                                 integers({3, 1, 2, 1}),       // out of order
                                 std::string("I\x05", 2)})     // cut short
    EXPECT_THROW(unpack_cell_taxa(bad), std::invalid_argument) << bad.size();
  EXPECT_NO_THROW(unpack_cell_taxa(integers({3, 1, 4, 1})));  // 1 record: at the limit
}

}  // namespace
}  // namespace bsap::store
