// The hub's downloads (issue 9 §5) and what they show of a sensitive species (§6): the CSV's
// Darwin Core header and values, a Darwin Core Archive that the hub's own reader opens with every
// record and value, and a generalised record that carries neither its point nor its locality.
#include "hub/occurrence_download.h"

#include <gtest/gtest.h>

#include "biodata/archive_reader.h"
#include "biodata/occurrence_flag.h"
#include "biodata/temp_folder.h"

namespace bsap::hub {
namespace {

store::StoredOccurrence stored(int sensitivity) {
  store::StoredOccurrence o;
  o.id = 7;
  o.dataset_key = "hk-survey";
  o.occurrence_id = "hk:7";
  o.record_key = "hk:7";
  o.scientific_name = "Liuixalus romeri (Smith, 1953)";
  o.taxon_id = 3;
  o.accepted_name = "Liuixalus romeri (Smith, 1953)";
  o.sensitivity = sensitivity;
  o.basis_of_record = "HumanObservation";
  o.event_date = "2024-05-01";
  o.year = 2024;
  o.latitude = 22.4312468;
  o.longitude = 114.1734529;
  o.uncertainty_m = 30;
  o.individual_count = 2;
  o.locality = "Pool below the second waterfall, \"B\"";
  o.recorded_by = "A. Survey, B. Team";
  o.flags = 0;
  o.grid_cell = "E834N826";
  return o;
}

TEST(OccurrenceDownload, CsvHasDarwinCoreTermsAndTheRecordsValues) {
  std::vector<PublishedOccurrence> records = {publish_occurrence(stored(0), false)};
  std::string csv = occurrences_csv(records);
  EXPECT_TRUE(csv.starts_with("occurrenceID,datasetID,basisOfRecord,scientificName,"))
      << csv.substr(0, 120);
  EXPECT_NE(csv.find("22.4312468,114.1734529,WGS84,30,2,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"Pool below the second waterfall, \"\"B\"\"\""), std::string::npos);
  EXPECT_NE(csv.find("\"A. Survey, B. Team\""), std::string::npos);
}

TEST(OccurrenceDownload, AGeneralisedRecordLosesItsPointAndLocality) {
  PublishedOccurrence shown = publish_occurrence(stored(2), false);  // 0.01°
  ASSERT_TRUE(shown.point);
  EXPECT_NEAR(shown.point->lat, 22.435, 1e-9);
  EXPECT_NEAR(shown.point->lon, 114.175, 1e-9);
  EXPECT_TRUE(shown.locality.empty());
  EXPECT_NE(shown.information_withheld.find("locality withheld"), std::string::npos);
  std::string csv = occurrences_csv(std::vector{shown});
  EXPECT_EQ(csv.find("22.4312468"), std::string::npos);
  EXPECT_EQ(csv.find("waterfall"), std::string::npos);
  EXPECT_NE(csv.find("0.01° grid cell"), std::string::npos);
}

TEST(OccurrenceDownload, StaffKeepThePreciseRecord) {
  PublishedOccurrence shown = publish_occurrence(stored(4), true);
  EXPECT_EQ(shown.point->lat, 22.4312468);
  EXPECT_EQ(shown.locality, "Pool below the second waterfall, \"B\"");
  EXPECT_TRUE(shown.data_generalizations.empty());
}

TEST(OccurrenceDownload, AWithheldRecordIsOffTheMap) {
  PublishedOccurrence shown = publish_occurrence(stored(4), false);
  EXPECT_FALSE(shown.point);
  EXPECT_FALSE(shown.on_map);
  EXPECT_EQ(shown.data_generalizations, "coordinates withheld");
}

TEST(OccurrenceDownload, AnUnknownSensitivityIsWithheld) {
  EXPECT_FALSE(publish_occurrence(stored(9), false).point);
}

TEST(OccurrenceDownload, AFlaggedRecordIsOffTheMapAndNamesItsIssue) {
  store::StoredOccurrence o = stored(0);
  biodata::FlagSet flags;
  flags.add(biodata::OccurrenceFlag::presumed_swapped_coordinate);
  flags.add(biodata::OccurrenceFlag::country_coordinate_mismatch);
  o.flags = flags.bits();
  PublishedOccurrence shown = publish_occurrence(o, false);
  EXPECT_FALSE(shown.on_map);
  EXPECT_EQ(shown.issues, "PRESUMED_SWAPPED_COORDINATE;COUNTRY_COORDINATE_MISMATCH");
}

TEST(OccurrenceDownload, TheArchiveReadsBackWithEveryRecordAndValue) {
  store::StoredOccurrence second = stored(0);
  second.occurrence_id = "hk:8";
  second.locality = "Tab\there, and a\nline break";
  std::vector<PublishedOccurrence> records = {publish_occurrence(stored(0), false),
                                              publish_occurrence(second, false)};
  std::string zip = occurrence_archive(records, {"Test download", "Two records", "2026-11-23"});
  biodata::testing::TempFolder folder;
  auto path = folder.write("download.zip", zip);

  auto opened = biodata::ArchiveReader::open(path);
  ASSERT_TRUE(std::holds_alternative<biodata::ArchiveReader>(opened))
      << std::get<biodata::ArchiveError>(opened).message();
  auto& reader = std::get<biodata::ArchiveReader>(opened);
  biodata::CoreRecord record;
  std::vector<std::string> ids, localities, latitudes;
  while (reader.next(record)) {
    ids.emplace_back(record.core.id);
    localities.emplace_back(record.core.value("locality"));
    latitudes.emplace_back(record.core.value("decimalLatitude"));
  }
  EXPECT_FALSE(reader.error());
  EXPECT_EQ(ids, (std::vector<std::string>{"hk:7", "hk:8"}));
  EXPECT_EQ(localities[1], "Tab here, and a line break");
  EXPECT_EQ(latitudes[0], "22.4312468");
  EXPECT_EQ(download_terms().size(), 18u);
}

}  // namespace
}  // namespace bsap::hub
