// The sample archives of python-dwca-reader (dwca/test/sample_files; description.rst says what
// each is for): each loads with the right records, or is refused with a message naming the fault.
#include <gtest/gtest.h>

#include "loaded_archive.h"

namespace bsap::biodata {
namespace {

using testing::BrokenCase;
using testing::kSamples;
using testing::load_archive;
using testing::LoadedArchive;
using testing::refusal;

const std::filesystem::path kPython = kSamples / "python-dwca-reader";

std::vector<std::string> values_of(const LoadedArchive& archive, std::string_view term) {
  std::vector<std::string> values;
  for (const Record& record : archive.records) values.emplace_back(record.value(term));
  return values;
}

struct SimpleCase {
  const char* sample;
  std::size_t records;
  std::vector<std::string> scientific_names;
};

class SimpleOccurrenceArchives : public ::testing::TestWithParam<SimpleCase> {};

TEST_P(SimpleOccurrenceArchives, LoadWithTheirRecords) {
  LoadedArchive archive = load_archive(kPython / GetParam().sample);
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_EQ(archive.records.size(), GetParam().records);
  EXPECT_EQ(values_of(archive, "scientificName"), GetParam().scientific_names);
  for (const FileReport& file : archive.report.files) EXPECT_EQ(file.faults.count(), 0u);
}

const std::vector<std::string> kTwoFishes{"tetraodon fluviatilis", "betta splendens"};

INSTANTIATE_TEST_SUITE_P(
    PythonDwcaReaderSamples, SimpleOccurrenceArchives,
    ::testing::Values(SimpleCase{"dwca-simple-test-archive.zip", 2, kTwoFishes},
                      SimpleCase{"dwca-noheaders-1.zip", 2, kTwoFishes},
                      SimpleCase{"dwca-nometadata.zip", 2, kTwoFishes},
                      SimpleCase{"dwca-default-metadata-filename.zip", 2, kTwoFishes},
                      SimpleCase{"dwca-simple-subdir.zip", 2, kTwoFishes},
                      SimpleCase{"dwca-simple-test-archive-enclosed.zip", 2, kTwoFishes},
                      SimpleCase{"dwca-csv-quote-dir", 2, kTwoFishes},
                      SimpleCase{"dwca-simple-dir",
                                 4,
                                 {"tetraodon fluviatilis", "betta splendens", "\"betta\" splendens",
                                  "'betta' splendens"}}),
    [](const auto& info) {
      std::string name = info.param.sample;
      std::erase_if(name, [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); });
      return name;
    });

TEST(PythonDwcaReaderSamples, QuotedCsvValueKeepsItsComma) {
  LoadedArchive archive = load_archive(kPython / "dwca-csv-quote-dir");
  ASSERT_EQ(archive.records.size(), 2u);
  EXPECT_EQ(archive.records[0].id, "3");
  EXPECT_EQ(archive.records[0].value("basisOfRecord"), "Observation, something");
}

TEST(PythonDwcaReaderSamples, SingleQuoteAsFieldsEnclosedByIsStripped) {
  LoadedArchive archive = load_archive(kPython / "dwca-simple-test-archive-enclosed.zip");
  EXPECT_EQ(values_of(archive, "locality"), (std::vector<std::string>{"Borneo", "Mumbai"}));
}

TEST(PythonDwcaReaderSamples, DefaultValueFillsATermMissingFromTheFile) {
  LoadedArchive archive = load_archive(kPython / "dwca-test-default.zip");
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_EQ(values_of(archive, "country"), (std::vector<std::string>{"Belgium", "Belgium"}));
  EXPECT_EQ(values_of(archive, "locality"), (std::vector<std::string>{"Borneo", "Mumbai"}));
}

TEST(PythonDwcaReaderSamples, DefaultValueFillsOnlyEmptyCells) {
  LoadedArchive archive = load_archive(kPython / "dwca-partial-default.zip");
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_EQ(values_of(archive, "country"), (std::vector<std::string>{"France", "Belgium"}));
}

TEST(PythonDwcaReaderSamples, GbifDownloadHas158RecordsOf64FieldsWithoutHeader) {
  for (const char* sample :
       {"gbif-results-lacks-s-metadata.zip", "gbif-results-whitespace-in-xml.zip"}) {
    LoadedArchive archive = load_archive(kPython / sample);
    ASSERT_FALSE(archive.failure) << sample << ": " << archive.failure->message();
    EXPECT_EQ(archive.reader->descriptor().core.ignore_header_lines, 0u);
    EXPECT_EQ(archive.reader->descriptor().core.fields.size(), 64u);
    ASSERT_EQ(archive.records.size(), 158u) << sample;
    const Record& first = archive.records.front();
    EXPECT_EQ(first.id, "607759330");
    EXPECT_EQ(first.value("scientificName"), "Chelonodon fluviatilis (Hamilton, 1822)");
    EXPECT_EQ(first.value("eventDate"), "Tue Apr 01 00:00:00 CET 1930");
    EXPECT_EQ(first.value("http://rs.gbif.org/terms/1.0/verbatimBasisOfRecord"),
              "PreservedSpecimen");
    EXPECT_EQ(archive.records.back().id, "782700656");
    EXPECT_EQ(archive.report.files.front().faults.count(), 0u);
  }
}

TEST(PythonDwcaReaderSamples, StarArchiveJoinsVernacularNamesByCoreid) {
  LoadedArchive archive = load_archive(kPython / "dwca-star-test-archive.zip");
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_EQ(values_of(archive, "genus"),
            (std::vector<std::string>{"Struthio", "Alectoris", "Peliperdix", "Dendroperdix"}));
  std::vector<std::string> ostrich_names;
  for (const Record& row : archive.extension_rows[0][0]) {
    ostrich_names.emplace_back(row.value("vernacularName"));
  }
  EXPECT_EQ(ostrich_names, (std::vector<std::string>{"ostrich", "volstruis", "strutsi"}));
  EXPECT_EQ(archive.extension_rows[1][0].size(), 1u);
  EXPECT_TRUE(archive.extension_rows[2][0].empty());
  EXPECT_TRUE(archive.report.notes.empty());
}

TEST(PythonDwcaReaderSamples, TwoExtensionsJoinEvenWhenCoreIdsAreUnordered) {
  for (const char* sample : {"dwca-2extensions.zip", "dwca-ids.zip"}) {
    LoadedArchive archive = load_archive(kPython / sample);
    ASSERT_FALSE(archive.failure) << sample << ": " << archive.failure->message();
    ASSERT_EQ(archive.records.size(), 4u);
    const Record* ostrich = archive.find("1");
    ASSERT_NE(ostrich, nullptr);
    std::size_t index = static_cast<std::size_t>(ostrich - archive.records.data());
    EXPECT_EQ(archive.extension_rows[index][0].size(), 2u) << sample;  // descriptions
    EXPECT_EQ(archive.extension_rows[index][1].size(), 3u) << sample;  // vernacular names
    EXPECT_EQ(archive.extension_rows[index][0][1].value("description"), "Gros oiseau");
  }
}

TEST(PythonDwcaReaderSamples, LoneCsvIsReadFromItsHeaderWithQuotedTabSeparatedValues) {
  for (const char* sample :
       {"dwca-simple-csv.zip", "dwca-simple-csv-eml.zip", "dwca-simple-csv-notenclosed.zip"}) {
    LoadedArchive archive = load_archive(kPython / sample);
    ASSERT_FALSE(archive.failure) << sample << ": " << archive.failure->message();
    EXPECT_EQ(archive.reader->descriptor().core.fields_terminated_by, '\t');
    ASSERT_EQ(archive.records.size(), 3u) << sample;
    EXPECT_EQ(archive.records.front().values.size(), 42u);
    EXPECT_EQ(archive.records.front().value("scientificName"), "Lactoria cornuta (Linnaeus, 1758)");
    EXPECT_EQ(archive.records.front().value("locality"),
              "Kumano Beach, Nakatane, Tanega-shima Island");
  }
}

TEST(PythonDwcaReaderSamples, RowsShortOfTheHeaderAreKeptAndReported) {
  // meta.xml and the header line name 235 columns; every data row has 234.
  LoadedArchive archive = load_archive(kPython / "dwca-malformed-descriptor");
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_EQ(archive.records.size(), 4u);
  const RowFaultLog& faults = archive.report.files.front().faults;
  EXPECT_EQ(faults.kept_rows(), 4u);
  EXPECT_EQ(faults.first_faults().front().line, 2u);
  EXPECT_EQ(faults.first_faults().front().reason,
            "234 fields where the header has 235; the missing trailing values are read as empty");
}

class BrokenPythonDwcaReaderArchives : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenPythonDwcaReaderArchives, AreRefusedNamingTheFault) {
  EXPECT_EQ(refusal(kPython / GetParam().path), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    PythonDwcaReaderSamples, BrokenPythonDwcaReaderArchives,
    ::testing::Values(
        BrokenCase{"dwca-invalid-lacks-metadata",
                   "meta.xml: metadata file 'eml.xml' is not in the archive"},
        BrokenCase{"dwca-missing-extension-details",
                   "meta.xml: extension 'VernacularName' has no <files><location>"},
        BrokenCase{"dwca-invalid-simple-toomuch.zip",
                   "dwca-invalid-simple-toomuch.zip: has no meta.xml and 2 data files "
                   "('0008333-160118175350007.csv', 'random_file'); without meta.xml an archive "
                   "holds a single data file"},
        BrokenCase{"dwca-invalid-simple-two.zip",
                   "dwca-invalid-simple-two.zip: has no meta.xml and 2 data files "
                   "('0008333-160118175350007.csv', 'random_file'); without meta.xml an archive "
                   "holds a single data file"},
        // No fieldsTerminatedBy: the text guide's default is ',', but the file is tab-separated.
        BrokenCase{"dwca-meta-default-values",
                   "occurrence.txt: header line has 1 column(s) but meta.xml maps column 4 "
                   "(scientificName); fields are split on ',' (',' when meta.xml does not say)"},
        BrokenCase{"dwca-simple-test-archive.tgz",
                   "dwca-simple-test-archive.tgz: is a gzip (.tar.gz / .tgz) archive, which is "
                   "not supported; unpack it into a folder or repack it as .zip"}));

}  // namespace
}  // namespace bsap::biodata
