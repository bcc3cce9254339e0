// A whole core row interpreted (issue 9 §2): the flags the coordinate and date tests do not
// cover (basis of record, individual count, uncertainty, taxon match), the record key that makes
// a re-import idempotent, and a flagged record's geospatial verdict.
#include "biodata/occurrence_interpretation.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace bsap::biodata {
namespace {

using enum OccurrenceFlag;

TableDescriptor occurrence_table() {
  TableDescriptor table;
  table.row_type = "http://rs.tdwg.org/dwc/terms/Occurrence";
  for (const char* term : {"occurrenceID", "scientificName", "basisOfRecord", "eventDate",
                           "decimalLatitude", "decimalLongitude", "geodeticDatum",
                           "coordinateUncertaintyInMeters", "individualCount", "locality"}) {
    FieldDescriptor field;
    field.short_name = term;
    field.term = std::string("http://rs.tdwg.org/dwc/terms/") + term;
    table.fields.push_back(field);
  }
  return table;
}

class OccurrenceInterpretationTest : public ::testing::Test {
 protected:
  OccurrenceInterpretationTest() {
    context_.today = {2026, 11, 23};
    context_.checklist = &checklist_;
    context_.coordinates.in_home_region = [](LonLat p) {
      return p.lon >= 113.8 && p.lon <= 114.5 && p.lat >= 22.1 && p.lat <= 22.6;
    };
  }

  // A good record, with the named terms changed.
  Record record_of(const std::map<std::string, std::string>& changes, std::string id = "") {
    std::map<std::string, std::string> values{{"occurrenceID", "urn:hk:1"},
                                              {"scientificName", "Cuora trifasciata"},
                                              {"basisOfRecord", "HumanObservation"},
                                              {"eventDate", "2020-05-17"},
                                              {"decimalLatitude", "22.4"},
                                              {"decimalLongitude", "114.2"},
                                              {"geodeticDatum", "WGS84"},
                                              {"coordinateUncertaintyInMeters", "30"},
                                              {"individualCount", "2"},
                                              {"locality", "Tai Mo Shan"}};
    for (const auto& [term, value] : changes) values[term] = value;
    Record record;
    record.table = &table_;
    record.id = std::move(id);
    for (const auto& field : table_.fields) record.values.push_back(values[field.short_name]);
    return record;
  }

  Occurrence interpret(const std::map<std::string, std::string>& changes, std::string id = "") {
    OccurrenceInterpreter interpreter(table_, context_);
    return interpreter.interpret(record_of(changes, std::move(id)));
  }

  TableDescriptor table_ = occurrence_table();
  TaxonMatcher checklist_{{{3, "Cuora trifasciata (Bell, 1825)", std::nullopt}}};
  InterpretationContext context_;
};

TEST_F(OccurrenceInterpretationTest, AGoodRecordHasNoFlag) {
  Occurrence good = interpret({});
  EXPECT_TRUE(good.flags.empty()) << good.flags.bits();
  EXPECT_EQ(good.taxon, 3);
  EXPECT_EQ(good.record_key, "urn:hk:1");
  EXPECT_EQ(good.date->iso(), "2020-05-17");
  EXPECT_EQ(*good.individual_count, 2);
  EXPECT_DOUBLE_EQ(*good.uncertainty_m, 30);
  EXPECT_EQ(good.locality, "Tai Mo Shan");
}

TEST_F(OccurrenceInterpretationTest, TaxonMatchNoneAndFuzzy) {
  EXPECT_TRUE(interpret({{"scientificName", "Panthera tigris"}}).flags.has(taxon_match_none));
  EXPECT_TRUE(interpret({{"scientificName", ""}}).flags.has(taxon_match_none));
  Occurrence fuzzy = interpret({{"scientificName", "Cuora trifaciata"}});
  EXPECT_TRUE(fuzzy.flags.has(taxon_match_fuzzy));
  EXPECT_EQ(fuzzy.taxon, 3);
  EXPECT_FALSE(fuzzy.flags.has_geospatial_issue());
}

TEST_F(OccurrenceInterpretationTest, BasisOfRecordFromTheVocabularyInAnySpelling) {
  EXPECT_EQ(interpret({{"basisOfRecord", "HUMAN_OBSERVATION"}}).basis_of_record,
            "HumanObservation");
  EXPECT_EQ(interpret({{"basisOfRecord", "preserved specimen"}}).basis_of_record,
            "PreservedSpecimen");
  EXPECT_FALSE(
      interpret({{"basisOfRecord", "MaterialCitation"}}).flags.has(basis_of_record_invalid));
  Occurrence bad = interpret({{"basisOfRecord", "seen it myself"}});
  EXPECT_TRUE(bad.flags.has(basis_of_record_invalid));
  EXPECT_EQ(bad.basis_of_record, "seen it myself");
  EXPECT_TRUE(interpret({{"basisOfRecord", ""}}).flags.has(basis_of_record_invalid));
}

TEST_F(OccurrenceInterpretationTest, IndividualCountZeroOrMoreWholeNumbers) {
  EXPECT_FALSE(interpret({{"individualCount", "0"}}).flags.has(individual_count_invalid));
  EXPECT_FALSE(interpret({{"individualCount", "3.0"}}).flags.has(individual_count_invalid));
  EXPECT_FALSE(interpret({{"individualCount", ""}}).flags.has(individual_count_invalid));
  EXPECT_TRUE(interpret({{"individualCount", "-1"}}).flags.has(individual_count_invalid));
  EXPECT_TRUE(interpret({{"individualCount", "2.5"}}).flags.has(individual_count_invalid));
  EXPECT_TRUE(interpret({{"individualCount", "many"}}).flags.has(individual_count_invalid));
}

TEST_F(OccurrenceInterpretationTest, UncertaintyAboveZeroUpTo5000Km) {
  auto flagged = [&](const char* text) {
    return interpret({{"coordinateUncertaintyInMeters", text}})
        .flags.has(coordinate_uncertainty_meters_invalid);
  };
  EXPECT_TRUE(flagged("0"));
  EXPECT_FALSE(flagged("0.001"));
  EXPECT_FALSE(flagged("5000000"));
  EXPECT_TRUE(flagged("5000000.1"));
  EXPECT_TRUE(flagged("-10"));
  EXPECT_TRUE(flagged("about 30"));
  EXPECT_FALSE(flagged("30 m"));
  EXPECT_FALSE(flagged(""));
}

TEST_F(OccurrenceInterpretationTest, RecordKeyIsOccurrenceIdElseCoreIdElseRowDigest) {
  EXPECT_EQ(interpret({}, "row-7").record_key, "urn:hk:1");
  EXPECT_EQ(interpret({{"occurrenceID", ""}}, "row-7").record_key, "id:row-7");
  Occurrence first = interpret({{"occurrenceID", ""}});
  Occurrence again = interpret({{"occurrenceID", ""}});
  Occurrence other = interpret({{"occurrenceID", ""}, {"locality", "Lantau"}});
  EXPECT_EQ(first.record_key.substr(0, 4), "row:");
  EXPECT_EQ(first.record_key, again.record_key);
  EXPECT_NE(first.record_key, other.record_key);
}

// An occurrence's fields but its flags, to compare two at once.
auto every_field(const Occurrence& o) {
  return std::tuple(o.record_key, o.occurrence_id, o.scientific_name, o.taxon, o.basis_of_record,
                    o.date, o.point.has_value(), o.uncertainty_m, o.individual_count, o.locality,
                    o.recorded_by);
}

// An import interprets each row into the Occurrence of a row before: nothing of that row stays.
TEST_F(OccurrenceInterpretationTest, InterpretedIntoAReusedRecordNothingOfTheLastStays) {
  const std::vector<Record> rows{
      record_of({}),
      record_of({{"occurrenceID", ""},
                 {"scientificName", "Panthera tigris"},
                 {"basisOfRecord", "seen it"},
                 {"eventDate", "a while ago"},
                 {"decimalLatitude", ""},
                 {"decimalLongitude", ""},
                 {"coordinateUncertaintyInMeters", ""},
                 {"individualCount", ""},
                 {"locality", ""}},
                "row-7"),
      record_of({{"occurrenceID", ""}, {"individualCount", "many"}}),
      record_of({{"scientificName", "Cuora trifaciata"}, {"basisOfRecord", "human observation"}}),
      record_of({})};
  OccurrenceInterpreter interpreter(table_, context_);
  Occurrence reused;
  for (const Record& row : rows) {
    Occurrence fresh = OccurrenceInterpreter(table_, context_).interpret(row);
    interpreter.interpret(row, reused);
    EXPECT_EQ(every_field(reused), every_field(fresh)) << fresh.record_key;
    EXPECT_EQ(reused.flags, fresh.flags) << fresh.record_key;
  }
  interpreter.interpret(rows[1], reused);
  EXPECT_EQ(reused.record_key, "id:row-7");
  EXPECT_FALSE(reused.point);
  EXPECT_FALSE(reused.date);
  EXPECT_FALSE(reused.uncertainty_m);
  EXPECT_FALSE(reused.individual_count);
  EXPECT_EQ(reused.taxon, 0);
}

// The interpreter keeps each name's match: thousands of names, each asked for many times, in any
// order, give the checklist's own answer every time (through the cache's growth, names that share
// a prefix, and a name that differs only in its authorship).
TEST_F(OccurrenceInterpretationTest, ThousandsOfNamesMatchAsTheChecklistMatchesThem) {
  std::vector<ChecklistName> names;
  for (int i = 0; i < 3000; ++i)
    names.push_back(
        {100 + i,
         "Genus" + std::string(1, char('a' + i % 26)) + " epithet" + std::to_string(i / 26) + " L.",
         std::nullopt});
  const TaxonMatcher checklist(names);
  context_.checklist = &checklist;
  OccurrenceInterpreter interpreter(table_, context_);
  Occurrence out;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 3100; ++i) {  // the last hundred are in no checklist, or misspelt
      int n = (i * 7 + round * 11) % 3100;
      std::string name = "Genus" + std::string(1, char('a' + n % 26)) + " epithet" +
                         std::to_string(n / 26) + (n % 3 ? "" : " (Linnaeus)");
      interpreter.interpret(record_of({{"scientificName", name}}), out);
      TaxonMatch expected = checklist.match(name);
      ASSERT_EQ(out.taxon, expected.taxon) << name;
      ASSERT_EQ(out.flags.has(taxon_match_fuzzy), expected.kind == MatchKind::fuzzy) << name;
      ASSERT_EQ(out.flags.has(taxon_match_none), expected.kind == MatchKind::none) << name;
    }
  }
}

TEST(BasisOfRecordTerm, LettersAndDigitsOnlyAndWithoutRegardToCase) {
  const std::vector<std::pair<std::string, std::optional<std::string>>> cases{
      {"HumanObservation", "HumanObservation"},
      {"human-observation", "HumanObservation"},
      {" Human_Observation. ", "HumanObservation"},
      {"OCCURRENCE", "Occurrence"},
      {"Event", "Event"},
      {"HumanObservatio", std::nullopt},    // a letter short
      {"HumanObservations", std::nullopt},  // a letter over
      {"HumanObservation1", std::nullopt},  // a digit is not dropped
      // Bytes outside ASCII are passed over as punctuation is, as isalnum() does in C and UTF-8.
      {"Occurrence\u00e9", "Occurrence"},
      {"Observaci\u00f3n", std::nullopt},
      {"", std::nullopt},
      {"--", std::nullopt}};
  for (const auto& [text, term] : cases) EXPECT_EQ(basis_of_record_term(text), term) << text;
  EXPECT_EQ(basis_of_record_term_view("machine observation"), "MachineObservation");
}

TEST_F(OccurrenceInterpretationTest, GeospatialFlagsKeepTheRecordOffTheMap) {
  Occurrence zero = interpret({{"decimalLatitude", "0"}, {"decimalLongitude", "0"}});
  EXPECT_TRUE(zero.flags.has(zero_coordinate));
  EXPECT_TRUE(zero.flags.has_geospatial_issue());
  Occurrence no_datum = interpret({{"geodeticDatum", ""}});
  EXPECT_TRUE(no_datum.flags.has(geodetic_datum_assumed_wgs84));
  EXPECT_FALSE(no_datum.flags.has_geospatial_issue());
}

TEST(OccurrenceFlag, NamesRoundTripAndGeospatialSetIsGbifs) {
  for (OccurrenceFlag flag : all_flags()) EXPECT_EQ(flag_from_name(flag_name(flag)), flag);
  EXPECT_EQ(all_flags().size(), 15u);
  EXPECT_EQ(flag_name(OccurrenceFlag::country_coordinate_mismatch), "COUNTRY_COORDINATE_MISMATCH");
  int geospatial = 0;
  for (OccurrenceFlag flag : all_flags()) geospatial += is_geospatial(flag);
  EXPECT_EQ(geospatial, 6);
  EXPECT_FALSE(is_geospatial(OccurrenceFlag::coordinate_reprojected));
  EXPECT_FALSE(flag_from_name("NOT_A_FLAG"));
}

}  // namespace
}  // namespace bsap::biodata
