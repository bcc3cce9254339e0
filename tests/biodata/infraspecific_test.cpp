// A subspecies', variety's or form's species by name (decision 0012 §6).
#include "biodata/infraspecific.h"

#include <gtest/gtest.h>

namespace bsap::biodata {
namespace {

TEST(Infraspecific, SubspeciesVarietiesAndFormsAreInfraspecificInAnyCase_Issue9S3) {
  EXPECT_TRUE(is_infraspecific_rank("subspecies"));
  EXPECT_TRUE(is_infraspecific_rank("SUBSPECIES"));
  EXPECT_TRUE(is_infraspecific_rank("variety"));
  EXPECT_TRUE(is_infraspecific_rank("Form"));
  EXPECT_FALSE(is_infraspecific_rank("species"));
  EXPECT_FALSE(is_infraspecific_rank("genus"));
  EXPECT_FALSE(is_infraspecific_rank("subvariety"));
  EXPECT_FALSE(is_infraspecific_rank(""));
}

TEST(Infraspecific, TheSpeciesNameIsTheFirstTwoWordsOfAThreeWordName_Issue9S3) {
  EXPECT_EQ(species_name_of("Cuora trifasciata luteocephala"), "Cuora trifasciata");
  EXPECT_EQ(species_name_of("Lantana camara aculeata"), "Lantana camara");
  EXPECT_EQ(species_name_of("Lantana camara var aculeata"), "Lantana camara");
  EXPECT_EQ(species_name_of("Cuora trifasciata"), "");  // a species: no species of its own
  EXPECT_EQ(species_name_of("Cuora trifasciata "), "");
  EXPECT_EQ(species_name_of("Cuora  trifasciata luteocephala"), "");
  EXPECT_EQ(species_name_of("Cuora trifasciata  luteocephala"), "");
  EXPECT_EQ(species_name_of("Cuora"), "");
  EXPECT_EQ(species_name_of(""), "");
}

}  // namespace
}  // namespace bsap::biodata
