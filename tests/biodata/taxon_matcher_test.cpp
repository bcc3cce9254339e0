// Matching occurrence names to the checklist (issue 9 §2–3): exact, fuzzy at one and two letters
// and just beyond, synonyms to accepted names, homonyms and ties refused.
#include "biodata/taxon_matcher.h"

#include <gtest/gtest.h>

namespace bsap::biodata {
namespace {

TaxonMatcher checklist() {
  return TaxonMatcher({
      {1, "Aquilaria sinensis (Lour.) Spreng.", std::nullopt},
      {2, "Aquilaria chinensis Spreng.", 1},  // a synonym of 1
      {3, "Cuora trifasciata (Bell, 1825)", std::nullopt},
      {4, "Mauremys mutica (Cantor, 1842)", std::nullopt},
      {5, "Mauremys reevesii (Gray, 1831)", std::nullopt},
      {6, "Lantana camara L.", std::nullopt},
      {7, "Quercus robur subsp. pedunculiflora K.Koch", std::nullopt},
      {8, "Morus alba L.", std::nullopt},
      {9, "Morus alba Thunb.", std::nullopt},  // a homonym: two accepted taxa, one canonical name
  });
}

TEST(CanonicalName, DropsAuthorshipKeepsRankMarkers) {
  EXPECT_EQ(canonical_name("Puma concolor (Linnaeus, 1771)"), "Puma concolor");
  EXPECT_EQ(canonical_name("  Lantana   camara L. "), "Lantana camara");
  EXPECT_EQ(canonical_name("Quercus robur subsp. pedunculiflora K.Koch"),
            "Quercus robur subsp. pedunculiflora");
  EXPECT_EQ(canonical_name("Lauraceae"), "Lauraceae");
  EXPECT_EQ(canonical_name("AQUILARIA sinensis"), "Aquilaria sinensis");
  EXPECT_EQ(canonical_name("x Citrofortunella microcarpa"), "Citrofortunella microcarpa");
  EXPECT_EQ(canonical_name(""), "");
  EXPECT_EQ(canonical_name("unknown bird"), "");
  EXPECT_EQ(canonical_name("1234"), "");
}

TEST(EditDistance, CountsEditsUpToTheLimit) {
  EXPECT_EQ(edit_distance("sinensis", "sinensis", 2), 0);
  EXPECT_EQ(edit_distance("sinensis", "sinenssi", 2), 2);
  EXPECT_EQ(edit_distance("sinensis", "chinensis", 2), 2);
  EXPECT_EQ(edit_distance("abc", "xyz", 2), 3);
  EXPECT_EQ(edit_distance("a", "abcd", 2), 3);
  EXPECT_EQ(edit_distance("", "", 2), 0);
  EXPECT_EQ(edit_distance("ab", "", 2), 2);
}

// Up to 63 letters the table's rows are on the stack, from 64 on the heap: both count alike.
TEST(EditDistance, NamesShorterAndLongerThanTheRowsOnTheStack) {
  for (std::size_t length : {62u, 63u, 64u, 65u, 200u}) {
    std::string a(length, 'a');
    std::string b = a;
    b[length / 2] = 'b';
    b.pop_back();
    EXPECT_EQ(edit_distance(a, a, 2), 0) << length;
    EXPECT_EQ(edit_distance(a, b, 2), 2) << length;
    EXPECT_EQ(edit_distance(b, a, 2), 2) << length;
    EXPECT_EQ(edit_distance(a, b, 1), 2) << length;  // past the limit: the limit + 1
    EXPECT_EQ(edit_distance(a, std::string(length, 'b'), 2), 3) << length;
  }
}

TEST(TaxonMatcher, ExactIgnoringAuthorship) {
  auto matcher = checklist();
  auto match = matcher.match("Cuora trifasciata");
  EXPECT_EQ(match.kind, MatchKind::exact);
  EXPECT_EQ(match.taxon, 3);
  EXPECT_EQ(matcher.match("Cuora trifasciata Bell").taxon, 3);
}

TEST(TaxonMatcher, SynonymResolvesToItsAcceptedName) {
  auto match = checklist().match("Aquilaria chinensis");
  EXPECT_EQ(match.kind, MatchKind::exact);
  EXPECT_EQ(match.taxon, 1);
}

TEST(TaxonMatcher, FuzzyAtOneAndTwoEpithetLettersNotThree) {
  auto matcher = checklist();
  EXPECT_EQ(matcher.match("Cuora trifaciata").kind, MatchKind::fuzzy);  // one letter
  EXPECT_EQ(matcher.match("Cuora trifaciata").taxon, 3);
  EXPECT_EQ(matcher.match("Cuora trifacata").kind, MatchKind::fuzzy);  // two letters
  EXPECT_EQ(matcher.match("Cuora trfacata").kind, MatchKind::none);    // three letters
}

TEST(TaxonMatcher, ShortEpithetsAllowFewerEdits) {
  // "alba" (4 letters) allows one edit; "camara" (6) allows one: a quarter of the length.
  auto matcher = checklist();
  EXPECT_EQ(matcher.match("Lantana camera").kind, MatchKind::fuzzy);
  EXPECT_EQ(matcher.match("Lantana cemera").kind, MatchKind::none);
}

TEST(TaxonMatcher, FuzzyGenusByOneLetterWithTheSameEpithet) {
  auto matcher = checklist();
  EXPECT_EQ(matcher.match("Mauremis mutica").kind, MatchKind::fuzzy);
  EXPECT_EQ(matcher.match("Mauremis mutica").taxon, 4);
  EXPECT_EQ(matcher.match("Maurenis mutika").kind, MatchKind::none);
}

TEST(TaxonMatcher, HomonymsAndTiesAreNoMatch) {
  auto matcher = checklist();
  EXPECT_EQ(matcher.match("Morus alba").kind, MatchKind::none);
  // "Mauremys reevesi" is one letter from reevesii only: a match, not a tie.
  EXPECT_EQ(matcher.match("Mauremys reevesi").kind, MatchKind::fuzzy);
}

TEST(TaxonMatcher, UnknownAndEmptyNamesAreNone) {
  auto matcher = checklist();
  EXPECT_EQ(matcher.match("Panthera tigris").kind, MatchKind::none);
  EXPECT_EQ(matcher.match("").kind, MatchKind::none);
  EXPECT_EQ(TaxonMatcher({}).match("Cuora trifasciata").kind, MatchKind::none);
}

}  // namespace
}  // namespace bsap::biodata
