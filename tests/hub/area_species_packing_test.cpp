// The packed form of an area's species list (store/area_species.h; migration 16): what is packed
// comes back field for field and in order, whatever the names hold, and text it did not write
// is refused rather than read as a wrong list.
#include <gtest/gtest.h>

#include <stdexcept>

#include "store/area_species.h"

namespace bsap::store {
namespace {

AreaSpecies species(std::int64_t id, std::string name) {
  AreaSpecies s;
  s.taxon_id = id;
  s.scientific_name = std::move(name);
  s.name_zh = "金錢龜";
  s.name_en = "Golden coin turtle";
  s.iucn_category = "CR";
  s.establishment = "native";
  s.sensitivity = 4;
  s.records = 12;
  s.first_date = "1999-09";
  s.last_date = "2021-06-30";
  return s;
}

void expect_same(const AreaSpecies& a, const AreaSpecies& b) {
  EXPECT_EQ(a.taxon_id, b.taxon_id);
  EXPECT_EQ(a.scientific_name, b.scientific_name);
  EXPECT_EQ(a.name_zh, b.name_zh);
  EXPECT_EQ(a.name_en, b.name_en);
  EXPECT_EQ(a.iucn_category, b.iucn_category);
  EXPECT_EQ(a.establishment, b.establishment);
  EXPECT_EQ(a.sensitivity, b.sensitivity);
  EXPECT_EQ(a.records, b.records);
  EXPECT_EQ(a.first_date, b.first_date);
  EXPECT_EQ(a.last_date, b.last_date);
}

TEST(AreaSpeciesPacking, RoundTripsEveryFieldInOrder) {
  std::vector<AreaSpecies> list{species(7, "Cuora trifasciata (Bell, 1825)"),
                                species(3, "Milvus migrans")};
  list[1].name_zh.clear();     // no Chinese name
  list[1].first_date.clear();  // no dated record
  list[1].last_date.clear();
  auto back = unpack_area_species(pack_area_species(list));
  ASSERT_EQ(back.size(), 2u);
  expect_same(back[0], list[0]);
  expect_same(back[1], list[1]);
}

TEST(AreaSpeciesPacking, TabsLineBreaksAndBackslashesInNamesSurvive) {
  AreaSpecies odd = species(1, "A\tb\nc\\d\\t");
  odd.name_en = "\\";
  odd.name_zh = "\n";
  auto back = unpack_area_species(pack_area_species(std::vector{odd}));
  ASSERT_EQ(back.size(), 1u);
  expect_same(back[0], odd);
}

TEST(AreaSpeciesPacking, AnEmptyListIsACountOfNought) {
  EXPECT_EQ(pack_area_species({}), "0\n");
  EXPECT_TRUE(unpack_area_species("0\n").empty());
}

TEST(AreaSpeciesPacking, TextItDidNotWriteIsRefused) {
  std::string good = pack_area_species(std::vector{species(1, "Milvus migrans")});
  for (std::string bad : {std::string(""), std::string("1\n"), std::string("x\n"),
                          good.substr(0, good.size() - 1),  // the last line's end missing
                          good + "extra\n", std::string("2\n") + good.substr(2),
                          std::string("1\n1\t2\t3\n"),                          // too few fields
                          std::string("1\n1\t2\t3\ta\tb\tc\td\te\tf\tg\th\n"),  // too many
                          std::string("1\nx\t2\t3\ta\tb\tc\td\te\tf\tg\n"),     // not a number
                          std::string("1\n1\t2\t3\ta\\q\tb\tc\td\te\tf\tg\n"),  // unknown escape
                          std::string("99999999999\n")})
    EXPECT_THROW(unpack_area_species(bad), std::invalid_argument) << bad;
}

TEST(AreaSpeciesPacking, SortsByScientificNameThenTaxonId) {
  std::vector<AreaSpecies> list{species(9, "Milvus migrans"), species(2, "Cuora trifasciata"),
                                species(4, "Milvus migrans")};
  sort_by_scientific_name(list);
  EXPECT_EQ(list[0].taxon_id, 2);
  EXPECT_EQ(list[1].taxon_id, 4);
  EXPECT_EQ(list[2].taxon_id, 9);
}

}  // namespace
}  // namespace bsap::store
