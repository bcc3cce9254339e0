// The tally of what an import's records add to the species summaries: the same rows, in key
// order (an area's by area and taxon, a square's by square with its taxa in order), as grouping
// the records would give (a std::map does it here), across the tables'
// growth, for squares whose code packs into a number and for those that do not.
#include "store/species_tally.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace bsap::store {
namespace {

using biodata::CalendarDate;

// Each square's taxa as (square, taxon) → records, from the tally's lists.
std::map<std::pair<std::string, std::int64_t>, std::int64_t> cell_rows(const SpeciesTally& tally) {
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> out;
  std::string previous;
  for (const SpeciesTally::CellTaxa& cell : tally.cell_taxa()) {
    EXPECT_TRUE(previous.empty() || previous < cell.grid_cell) << "squares in order, each once";
    previous = cell.grid_cell;
    EXPECT_FALSE(cell.taxa.empty());
    for (std::size_t i = 0; i < cell.taxa.size(); ++i) {
      if (i > 0) EXPECT_LT(cell.taxa[i - 1].taxon_id, cell.taxa[i].taxon_id) << cell.grid_cell;
      out[{cell.grid_cell, cell.taxa[i].taxon_id}] = cell.taxa[i].records;
    }
  }
  return out;
}

TEST(SpeciesTally, CountsAndDatesPerAreaAndTaxon) {
  SpeciesTally tally;
  std::vector<std::int64_t> areas{7, 3};
  tally.add(11, CalendarDate{2001, 5, 0}, std::nullopt, areas);
  tally.add(11, std::nullopt, std::nullopt, areas);  // no date: counted, dates unchanged
  tally.add(11, CalendarDate{1999, 0, 0}, std::nullopt, std::vector<std::int64_t>{3});
  tally.add(0, CalendarDate{1800, 1, 1}, "E836N818", areas);  // no taxon: not a species
  tally.add(12, std::nullopt, std::nullopt, std::vector<std::int64_t>{7});

  auto rows = tally.area_taxa();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(std::tie(rows[0].area_id, rows[0].taxon_id, rows[0].records),
            std::make_tuple(std::int64_t{3}, std::int64_t{11}, std::int64_t{3}));
  EXPECT_EQ(rows[0].first, (CalendarDate{1999, 0, 0}));
  EXPECT_EQ(rows[0].last, (CalendarDate{2001, 5, 0}));
  EXPECT_EQ(std::tie(rows[1].area_id, rows[1].taxon_id, rows[1].records),
            std::make_tuple(std::int64_t{7}, std::int64_t{11}, std::int64_t{2}));
  EXPECT_EQ(rows[1].first, rows[1].last);
  EXPECT_EQ(rows[2].taxon_id, 12);
  EXPECT_FALSE(rows[2].first);
  EXPECT_FALSE(rows[2].last);
  EXPECT_TRUE(tally.cell_taxa().empty());  // the only square's record had no taxon
}

TEST(SpeciesTally, SquaresOfEveryCodeLength) {
  SpeciesTally tally;
  const std::vector<std::string> codes{"E836N818",
                                       "E836N81",
                                       "E1N2",
                                       "E",
                                       "E1000N1000",  // longer than a number holds
                                       std::string("E8\0N8", 5),
                                       "E836N8180"};
  for (std::size_t i = 0; i < codes.size(); ++i)
    for (std::size_t times = 0; times <= i; ++times) tally.add(5, std::nullopt, codes[i], {});
  tally.add(6, std::nullopt, "E836N818", {});
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> expected;
  for (std::size_t i = 0; i < codes.size(); ++i) expected[{codes[i], 5}] = std::int64_t(i) + 1;
  expected[{"E836N818", 6}] = 1;
  EXPECT_EQ(cell_rows(tally), expected);
  EXPECT_TRUE(tally.area_taxa().empty());
}

TEST(SpeciesTally, AHundredThousandRecordsAgreeWithGroupingThem) {
  std::mt19937_64 random(2035);
  SpeciesTally tally;
  struct Row {
    std::int64_t records = 0;
    std::optional<CalendarDate> first, last;
  };
  std::map<std::pair<std::int64_t, std::int64_t>, Row> areas;
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> cells;
  for (int i = 0; i < 100'000; ++i) {
    // Ids far apart and near, negative and past 32 bits: the keys are two 64-bit ids.
    std::int64_t taxon =
        static_cast<std::int64_t>(random() % 3000) - 5 + (i % 7 == 0 ? 1LL << 40 : 0);
    std::vector<std::int64_t> in{static_cast<std::int64_t>(random() % 400)};
    if (random() % 4 == 0) in.push_back(1'000'000'007);
    std::optional<CalendarDate> date;
    if (random() % 5) date = CalendarDate{1900 + int(random() % 120), int(random() % 13), 0};
    std::optional<std::string> cell;
    if (random() % 3)
      cell = "E" + std::to_string(800 + random() % 70) + "N" + std::to_string(800 + random() % 50);
    tally.add(taxon, date, cell, in);
    if (taxon == 0) continue;
    for (std::int64_t area : in) {
      Row& row = areas[{area, taxon}];
      ++row.records;
      if (date && (!row.first || *date < *row.first)) row.first = date;
      if (date && (!row.last || *date > *row.last)) row.last = date;
    }
    if (cell) ++cells[{*cell, taxon}];
  }
  auto area_rows = tally.area_taxa();
  ASSERT_EQ(area_rows.size(), areas.size());
  auto want = areas.begin();
  for (const auto& row : area_rows) {
    ASSERT_EQ(std::pair(row.area_id, row.taxon_id), want->first);
    EXPECT_EQ(row.records, want->second.records);
    EXPECT_EQ(row.first, want->second.first);
    EXPECT_EQ(row.last, want->second.last);
    ++want;
  }
  EXPECT_EQ(cell_rows(tally), cells);
}

}  // namespace
}  // namespace bsap::store
