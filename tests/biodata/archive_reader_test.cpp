// The reader over archives the samples lack: written here, in a folder or a zip of their own.
#include "biodata/archive_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <fstream>
#include <iterator>

#include "loaded_archive.h"
#include "temp_folder.h"

namespace bsap::biodata {
namespace {

using testing::kSamples;
using testing::load_archive;
using testing::LoadedArchive;
using testing::refusal;
using testing::TempFolder;

std::string meta_xml(std::string_view core_attributes, std::string_view core_fields,
                     std::string_view extensions = "") {
  return "<archive xmlns=\"http://rs.tdwg.org/dwc/text/\">\n<core rowType=\"http://rs.tdwg.org/"
         "dwc/terms/Occurrence\" " +
         std::string(core_attributes) + ">" + std::string(core_fields) + "</core>" +
         std::string(extensions) + "</archive>";
}

const char* const kOccurrenceCore =
    "<files><location>occurrence.txt</location></files><id index=\"0\"/>"
    "<field index=\"1\" term=\"http://rs.tdwg.org/dwc/terms/scientificName\"/>"
    "<field index=\"2\" term=\"http://rs.tdwg.org/dwc/terms/locality\"/>";

const char* const kTabsWithHeader = "fieldsTerminatedBy=\"\\t\" ignoreHeaderLines=\"1\"";

std::string media_extension(std::string_view attributes) {
  return "<extension rowType=\"http://rs.gbif.org/terms/1.0/Multimedia\" " +
         std::string(attributes) +
         "><files><location>media.txt</location></files><coreid index=\"0\"/>"
         "<field index=\"1\" term=\"http://purl.org/dc/terms/title\"/>"
         "<field default=\"StillImage\" term=\"http://purl.org/dc/terms/type\"/></extension>";
}

std::u16string widen(std::string_view ascii) { return std::u16string(ascii.begin(), ascii.end()); }

std::string utf16le_with_bom(std::u16string_view text) {
  std::string bytes("\xFF\xFE", 2);
  for (char16_t unit : text) {
    bytes += static_cast<char>(unit & 0xFF);
    bytes += static_cast<char>(unit >> 8);
  }
  return bytes;
}

void write_zip(const std::filesystem::path& path,
               const std::vector<std::pair<std::string, std::string>>& members) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(zip, nullptr);
  for (const auto& [name, bytes] : members) {
    zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    ASSERT_GE(zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
  }
  ASSERT_EQ(zip_close(zip), 0);  // reads the buffers, which outlive this call
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(ArchiveReader, DosLineEndsAreReadUnderALineFeedDeclaration) {
  TempFolder folder;
  folder.write("meta.xml", meta_xml(std::string(kTabsWithHeader) + " linesTerminatedBy=\"\\n\"",
                                    kOccurrenceCore));
  folder.write("occurrence.txt",
               "id\tname\tlocality\r\n1\tPanthera pardus\tTai Po\r\n"
               "2\tPrionailurus bengalensis\tSai Kung\r\n");
  LoadedArchive archive = load_archive(folder.path());
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  ASSERT_EQ(archive.records.size(), 2u);
  EXPECT_EQ(archive.records[1].value("locality"), "Sai Kung");
  EXPECT_EQ(archive.records[1].line, 3u);
}

TEST(ArchiveReader, Utf16LittleEndianMetaXmlAndDataAreRead) {
  TempFolder folder;
  std::string meta =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" +
      meta_xml(std::string(kTabsWithHeader) + " encoding=\"UTF-16LE\"", kOccurrenceCore);
  folder.write("meta.xml", utf16le_with_bom(widen(meta)));
  folder.write("occurrence.txt",
               utf16le_with_bom(widen("id\tname\tlocality\n1\tPanthera pardus\t") + u"大埔\n"));
  LoadedArchive archive = load_archive(folder.path());
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  ASSERT_EQ(archive.records.size(), 1u);
  EXPECT_EQ(archive.records[0].value("locality"), "\xE5\xA4\xA7\xE5\x9F\x94");  // 大埔
}

TEST(ArchiveReader, Latin1ExtensionIsConvertedToUtf8AndDefaultsApplyToItsRows) {
  TempFolder folder;
  folder.write("meta.xml", meta_xml(kTabsWithHeader, kOccurrenceCore,
                                    media_extension("encoding=\"ISO-8859-1\" "
                                                    "fieldsTerminatedBy=\"\\t\"")));
  folder.write("occurrence.txt", "id\tname\tlocality\n1\tPanthera pardus\tTai Po\n");
  folder.write("media.txt", "1\tM\xF6nch photo\n");
  LoadedArchive archive = load_archive(folder.path());
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  ASSERT_EQ(archive.extension_rows[0][0].size(), 1u);
  const Record& photo = archive.extension_rows[0][0][0];
  EXPECT_EQ(photo.value("title"), "M\xC3\xB6nch photo");
  EXPECT_EQ(photo.value("type"), "StillImage");
}

TEST(ArchiveReader, ZippedCsvWithEscapedJsonGivesTheJson) {
  TempFolder folder;
  std::filesystem::path zip = folder.path() / "json.zip";
  write_zip(zip, {{"meta.xml",
                   meta_xml("ignoreHeaderLines=\"1\"",
                            "<files><location>occurrence.txt</location></files><id index=\"0\"/>"
                            "<field index=\"1\" "
                            "term=\"http://rs.tdwg.org/dwc/terms/dynamicProperties\"/>")},
                  {"occurrence.txt",
                   "id,dynamicProperties\n"
                   "1,\"{\"\"sex\"\":\"\"female\"\",\"\"remarks\"\":\"\"seen, twice\"\"}\"\n"}});
  LoadedArchive archive = load_archive(zip);
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  ASSERT_EQ(archive.records.size(), 1u);
  EXPECT_EQ(archive.records[0].value("dynamicProperties"),
            R"({"sex":"female","remarks":"seen, twice"})");
}

TEST(ArchiveReader, BadRowsAreReportedAndTheImportGoesOn) {
  TempFolder folder;
  folder.write("meta.xml", meta_xml(kTabsWithHeader, kOccurrenceCore));
  folder.write("occurrence.txt", "id\tname\tlocality\n1\ta\tx\n2\tb\tx\tstray\n3\tc\n4\td\tx\n");
  LoadedArchive archive = load_archive(folder.path());
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  std::vector<std::string> ids;
  for (const Record& record : archive.records) ids.push_back(record.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "3", "4"}));
  const FileReport& core = archive.report.files.front();
  EXPECT_EQ(core.rows_read, 3u);
  EXPECT_EQ(core.faults.skipped_rows(), 1u);
  EXPECT_EQ(core.faults.kept_rows(), 1u);
  EXPECT_EQ(core.faults.first_faults()[0].line, 3u);
  EXPECT_EQ(core.faults.first_faults()[1].line, 4u);
}

TEST(ArchiveReader, ExtensionRowsWithoutTheirCoreRecordAreNoted) {
  TempFolder folder;
  folder.write("meta.xml", meta_xml(kTabsWithHeader, kOccurrenceCore,
                                    media_extension("fieldsTerminatedBy=\"\\t\"")));
  folder.write("occurrence.txt", "id\tname\tlocality\n1\ta\tx\n");
  folder.write("media.txt", "1\tfirst\n9\torphan\n9\torphan too\n");
  LoadedArchive archive = load_archive(folder.path());
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_EQ(archive.extension_rows[0][0].size(), 1u);
  EXPECT_EQ(archive.report.notes,
            (std::vector<std::string>{
                "2 row(s) of 'media.txt' have a coreid that matches no core record"}));
}

TEST(ArchiveReader, ExtensionBeyondTheMemoryBudgetIsRefusedBeforeAnyRecord) {
  TempFolder folder;
  folder.write("meta.xml", meta_xml(kTabsWithHeader, kOccurrenceCore,
                                    media_extension("fieldsTerminatedBy=\"\\t\"")));
  folder.write("occurrence.txt", "id\tname\tlocality\n1\ta\tx\n");
  folder.write("media.txt", std::string("1\t") + std::string(4096, 'x') + "\n");
  ReaderLimits limits;
  limits.extension_index_bytes = 1024;
  auto opened = ArchiveReader::open(folder.path(), limits);
  ASSERT_TRUE(std::holds_alternative<ArchiveError>(opened));
  EXPECT_EQ(std::get<ArchiveError>(opened).message(),
            "media.txt: needs more than 1024 bytes to be joined to the core in memory; too large "
            "for now");
}

TEST(ArchiveReader, SeveralLocationsAreReadOneAfterAnother) {
  TempFolder folder;
  folder.write(
      "meta.xml",
      meta_xml(kTabsWithHeader,
               "<files><location>part1.txt</location><location>part2.txt</location>"
               "</files><id index=\"0\"/>"
               "<field index=\"1\" term=\"http://rs.tdwg.org/dwc/terms/scientificName\"/>"));
  folder.write("part1.txt", "id\tname\n1\ta\n");
  folder.write("part2.txt", "id\tname\n2\tb\n3\tc\n");
  LoadedArchive archive = load_archive(folder.path());
  ASSERT_FALSE(archive.failure) << archive.failure->message();
  EXPECT_EQ(archive.records.size(), 3u);
  ASSERT_EQ(archive.report.files.size(), 2u);
  EXPECT_EQ(archive.report.files[1].file, "part2.txt");
  EXPECT_EQ(archive.report.files[1].rows_read, 2u);
}

TEST(ArchiveReader, UnknownEncodingIsRefusedNamingTheFile) {
  TempFolder folder;
  folder.write("meta.xml", meta_xml("encoding=\"EBCDIC-XYZ\"", kOccurrenceCore));
  folder.write("occurrence.txt", "1,a,x\n");
  EXPECT_EQ(refusal(folder.path()), "occurrence.txt: encoding 'EBCDIC-XYZ' is not supported");
}

TEST(ArchiveReader, CorruptZipEntryEndsTheReadingWithAnErrorNamingTheFile) {
  TempFolder folder;
  std::string bytes = read_bytes(kSamples / "gbif-dwca-io/archive-occ.zip");
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5A);
  LoadedArchive archive = load_archive(folder.write("corrupt.zip", bytes));
  ASSERT_TRUE(archive.failure);
  EXPECT_TRUE(archive.failure->message().starts_with("DarwinCore.txt: is corrupt in the zip: "))
      << archive.failure->message();
  EXPECT_LT(archive.records.size(), 1534u);  // whatever came before must be discarded
}

TEST(ArchiveReader, TruncatedZipIsRefused) {
  TempFolder folder;
  std::string bytes = read_bytes(kSamples / "python-dwca-reader/dwca-simple-test-archive.zip");
  std::filesystem::path zip = folder.write("truncated.zip", bytes.substr(0, bytes.size() / 2));
  EXPECT_TRUE(refusal(zip).starts_with("truncated.zip: is not a readable zip: ")) << refusal(zip);
}

TEST(ArchiveReader, MissingPathIsRefused) {
  EXPECT_EQ(refusal("/nonexistent/occurrences.zip"),
            "occurrences.zip: does not exist or is not a file or folder");
}

}  // namespace
}  // namespace bsap::biodata
