// GBIF's own reader's test archives (gbif/dwca-io, src/test/resources): each loads with the
// right records, or is refused with a message naming the file and the fault.
#include <gtest/gtest.h>

#include "loaded_archive.h"

namespace bsap::biodata {
namespace {

using testing::BrokenCase;
using testing::kSamples;
using testing::load_archive;
using testing::LoadedArchive;
using testing::refusal;

const std::filesystem::path kGbif = kSamples / "gbif-dwca-io";

TEST(GbifDwcaIoSamples, ArchiveOccZipHas1534QuotedCsvOccurrences) {
  LoadedArchive archive = load_archive(kGbif / "archive-occ.zip");
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  ASSERT_EQ(archive.records.size(), 1534u);
  const Record& first = archive.records.front();
  EXPECT_EQ(first.id, "3170b210-6254-43d3-9740-de18b261b594");
  EXPECT_EQ(first.value("ScientificName"), "Ballota acetabulosa (L.) Benth.");
  EXPECT_EQ(first.value("scientificName"), "Ballota acetabulosa (L.) Benth.");
  EXPECT_EQ(first.value("DecimalLatitude"), "38.10695");
  EXPECT_EQ(first.value("DecimalLongitude"), "26.85083");
  EXPECT_EQ(first.value("Collector"), "Markus D\xC3\xB6ring");
  EXPECT_EQ(first.value("Locality"),  // a comma inside the quotes
            "Doganbey - Seferihisar. Near sea , 0m. N 38\xC2\xB0"
            "06\xC2\xB4"
            "25\xC2\xB4\xC2\xB4 "
            "O 26\xC2\xB0"
            "51\xC2\xB4"
            "03\xC2\xB4\xC2\xB4");
  EXPECT_EQ(archive.report.files.front().faults.count(), 0u);
}

TEST(GbifDwcaIoSamples, ArchiveTaxZipJoinsVernacularNamesToTheirTaxa) {
  LoadedArchive archive = load_archive(kGbif / "archive-tax.zip");  // all under archive-tax/
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_EQ(archive.records.size(), 3248u);
  EXPECT_EQ(archive.extension_rows_total(0), 1057u);
  const Record* dolphin = archive.find("544382");
  ASSERT_NE(dolphin, nullptr);
  EXPECT_EQ(dolphin->value("scientificName"), "Tursiops truncatus truncatus Montagu");
  std::size_t index = static_cast<std::size_t>(dolphin - archive.records.data());
  const auto& names = archive.extension_rows[index][0];
  ASSERT_EQ(names.size(), 27u);
  EXPECT_EQ(names.front().value("vernacularName"), "Afale");
  EXPECT_EQ(names.front().value("language"), "Turkish");
}

TEST(GbifDwcaIoSamples, ArchiveDwcFolderKeepsRowsMissingTrailingEmptyValues) {
  LoadedArchive archive = load_archive(kGbif / "archive-dwc");
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_EQ(archive.records.size(), 3248u);
  EXPECT_EQ(archive.extension_rows_total(0), 1057u);  // vernacular names
  EXPECT_EQ(archive.extension_rows_total(1), 0u);     // media.txt holds a header only
  const FileReport& core = archive.report.files.front();
  EXPECT_EQ(core.file, "DarwinCore.txt");
  EXPECT_EQ(core.faults.skipped_rows(), 0u);
  EXPECT_EQ(core.faults.kept_rows(), 3108u);
  EXPECT_EQ(core.faults.first_faults().front().line, 114u);
  EXPECT_EQ(archive.find("544281")->value("acceptedNameUsageID"), "");
}

TEST(GbifDwcaIoSamples, Checklist980LoadsAndNotesItsReferencesExtensionThatDoesNotFit) {
  LoadedArchive archive = load_archive(kGbif / "checklist_980.zip");
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_EQ(archive.records.size(), 356u);
  ASSERT_EQ(archive.reader->descriptor().extensions.size(), 3u);
  EXPECT_EQ(archive.extension_rows_total(2), 740u);  // occurrences joined on column 1
  const Record* agelena = archive.find("980-sp2");
  ASSERT_NE(agelena, nullptr);
  EXPECT_EQ(agelena->value("genus"), "Agelena");
  std::size_t index = static_cast<std::size_t>(agelena - archive.records.data());
  EXPECT_EQ(archive.extension_rows[index][2].size(), 2u);
  EXPECT_EQ(archive.report.notes,
            (std::vector<std::string>{
                "references.csv: header line has 18 column(s) but meta.xml maps column 18 "
                "(taxonID); fields are split on ';' (',' when meta.xml does not say)",
                "1 row(s) of 'references.csv' have a coreid that matches no core record"}));
}

TEST(GbifDwcaIoSamples, TarGzArchiveIsRefusedAsUnsupported) {
  EXPECT_EQ(refusal(kGbif / "archive-tax.tar.gz"),
            "archive-tax.tar.gz: is a gzip (.tar.gz / .tgz) archive, which is not supported; "
            "unpack it into a folder or repack it as .zip");
}

struct LoneFileCase {
  const char* file;
  std::size_t records;
  const char* term;
  const char* first_value;  // of `term` in the first record
};

class LoneDataFiles : public ::testing::TestWithParam<LoneFileCase> {};

TEST_P(LoneDataFiles, ReadFromTheirHeaderLine) {
  const LoneFileCase& sample = GetParam();
  LoadedArchive archive = load_archive(kGbif / sample.file);
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_TRUE(archive.reader->descriptor().inferred);
  ASSERT_EQ(archive.records.size(), sample.records);
  EXPECT_EQ(archive.records.front().value(sample.term), sample.first_value);
}

INSTANTIATE_TEST_SUITE_P(
    GbifDwcaIoSamples, LoneDataFiles,
    ::testing::Values(
        LoneFileCase{"csv_always_quoted.csv", 2, "scientificName", "Muscardinus avellanarius"},
        LoneFileCase{"csv_incl_single_quotes.csv", 3, "decimalLatitude", "57.129932578015534"},
        LoneFileCase{"csv_quoted-unquoted_headers.csv", 3, "ID", "54729035"},
        LoneFileCase{"csv_unquoted.txt", 3, "scientificName", "Emberiza calandra"},
        LoneFileCase{"csv_unquoted_coordinates.txt", 3, "decimalLatitude", "10'12\""},
        LoneFileCase{"csv_optional_quotes_excel2008CSV.csv", 4, "Locality", "This has a, comma"},
        LoneFileCase{"csv_optional_quotes_puma.csv", 3391, "CatalogueNumber", "14451"},
        LoneFileCase{"MOBOTDarwinCore.csv", 3, "catalogNumber", "1"},  // after a UTF-8 BOM
        LoneFileCase{"gnub.tab", 9, "taxonID", "246daa62-6fce-448f-88b4-94b0ccc89cf1"},
        LoneFileCase{"gnub.tab.zip", 9, "taxonID", "246daa62-6fce-448f-88b4-94b0ccc89cf1"},
        LoneFileCase{"empty_line.tab", 6, "ScientificName", "Animalia"},
        LoneFileCase{"event.txt", 9, "eventDate", "10/04/2006"},
        LoneFileCase{"event-plus-id.txt", 9, "eventID", "1"},
        LoneFileCase{"dwca", 24, "ScientificName", "Globicephala melaena melaena Traill"},
        LoneFileCase{"constituentsdwca", 24, "TaxonRank", "Species"}));

TEST(GbifDwcaIoSamples, Excel2008CsvWithCarriageReturnLineEndsKeepsDoubledQuotes) {
  LoadedArchive archive = load_archive(kGbif / "csv_optional_quotes_excel2008CSV.csv");
  ASSERT_EQ(archive.records.size(), 4u);
  EXPECT_EQ(archive.records[3].value("Locality"),
            "What, if we have a \"quote, which has a comma, or 2\"");
  EXPECT_EQ(archive.records[3].line, 5u);
}

TEST(GbifDwcaIoSamples, SingleQuotesInsideDoubleQuotedValuesAreData) {
  LoadedArchive archive = load_archive(kGbif / "csv_incl_single_quotes.csv");
  ASSERT_EQ(archive.records.size(), 3u);
  EXPECT_EQ(archive.records[1].value("scientificName"), "'Emberiza calandra'");
}

TEST(GbifDwcaIoSamples, LoneFileRowTypeAndIdComeFromItsTerms) {
  LoadedArchive events = load_archive(kGbif / "event.txt");
  EXPECT_EQ(events.reader->descriptor().core.short_row_type(), "Event");
  EXPECT_EQ(events.records.back().id, "9");
  LoadedArchive taxa = load_archive(kGbif / "gnub.tab");
  EXPECT_EQ(taxa.reader->descriptor().core.short_row_type(), "Taxon");
}

TEST(GbifDwcaIoSamples, MissingEncodingDefaultsToUtf8) {
  for (const char* folder :
       {"defaults/extension-encoding-missing", "defaults/meta-file-encoding-missing"}) {
    LoadedArchive archive = load_archive(kGbif / folder);
    ASSERT_FALSE(archive.failure) << folder << ": " << archive.failure->message();
    EXPECT_EQ(archive.reader->descriptor().core.encoding, "UTF-8");
    EXPECT_TRUE(archive.records.empty());  // the data files are empty
  }
}

class BrokenGbifArchives : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenGbifArchives, AreRefusedNamingTheFault) {
  EXPECT_EQ(refusal(kGbif / GetParam().path), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    GbifDwcaIoSamples, BrokenGbifArchives,
    ::testing::Values(
        BrokenCase{"invalid/empty", "empty: has no meta.xml and no data file"},
        BrokenCase{"invalid/meta-file-location-missing", "meta.xml: core has no <files><location>"},
        BrokenCase{"invalid/extension-location-missing",
                   "meta.xml: extension 'Multimedia' has no <files><location>"},
        BrokenCase{
            "invalid/extension-id-missing",
            "meta.xml: core has no <id>, which its extensions need to join their rows to it"},
        BrokenCase{"invalid/extension-core-id-missing",
                   "meta.xml: core file 'taxa.txt' is not in the archive"},
        BrokenCase{"invalid/extension-missing",
                   "meta.xml: extension 'Multimedia' file 'media.txt' is not in the archive"},
        BrokenCase{"eml",  // EML documents, not an archive
                   "eml: has no meta.xml and 3 data files ('sample.xml', 'sample2.xml', "
                   "'sample3.xml'); without meta.xml an archive holds a single data file"}));

}  // namespace
}  // namespace bsap::biodata
