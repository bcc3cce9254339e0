#include "biodata/archive_descriptor.h"

#include <gtest/gtest.h>

#include <string>

namespace bsap::biodata {
namespace {

const char* const kStarMetaXml = R"(<?xml version='1.0' encoding='utf-8'?>
<archive xmlns="http://rs.tdwg.org/dwc/text/" metadata="eml.xml">
  <core encoding="UTF-8" fieldsTerminatedBy="\t" linesTerminatedBy="\r\n" fieldsEnclosedBy=''
        ignoreHeaderLines="1" rowType="http://rs.tdwg.org/dwc/terms/Taxon">
    <files><location> taxa.txt </location></files>
    <id index="0"/>
    <field index="1" term="http://rs.tdwg.org/dwc/terms/scientificName"/>
    <field index="2" term="http://purl.org/dc/terms/modified"/>
    <field index="3" default="Belgium" term="http://rs.tdwg.org/dwc/terms/country"/>
    <field term="http://example.org/terms#sourceCode" default="BGBM"/>
  </core>
  <extension encoding="ISO-8859-1" fieldsTerminatedBy="," fieldsEnclosedBy="\&quot;"
             rowType="http://rs.gbif.org/terms/1.0/Multimedia">
    <files><location>media.txt</location></files>
    <coreid index="2"/>
    <field index="1" term="http://purl.org/dc/terms/identifier"/>
  </extension>
</archive>)";

ArchiveDescriptor parse_valid(std::string_view xml) {
  auto parsed = parse_meta_xml(xml);
  if (auto* error = std::get_if<ArchiveError>(&parsed)) ADD_FAILURE() << error->message();
  return std::get<ArchiveDescriptor>(parsed);
}

std::string parse_fault(std::string_view xml) {
  auto parsed = parse_meta_xml(xml);
  if (!std::holds_alternative<ArchiveError>(parsed)) return "(parsed)";
  return std::get<ArchiveError>(parsed).message();
}

std::string with_core(std::string_view core_attributes, std::string_view core_body,
                      std::string_view rest = "") {
  return "<archive xmlns=\"http://rs.tdwg.org/dwc/text/\"><core rowType=\"http://rs.tdwg.org/"
         "dwc/terms/Occurrence\" " +
         std::string(core_attributes) + ">" + std::string(core_body) + "</core>" +
         std::string(rest) + "</archive>";
}

const char* const kCoreFiles =
    "<files><location>occurrence.txt</location></files><id index=\"0\"/>";

TEST(ArchiveDescriptor, MetaXmlGivesTheCoreFormatWithItsEscapes) {
  ArchiveDescriptor descriptor = parse_valid(kStarMetaXml);
  const TableDescriptor& core = descriptor.core;
  EXPECT_EQ(core.short_row_type(), "Taxon");
  EXPECT_EQ(core.locations, (std::vector<std::string>{"taxa.txt"}));
  EXPECT_EQ(core.fields_terminated_by, '\t');
  EXPECT_EQ(core.fields_enclosed_by, std::nullopt);  // '' means none
  EXPECT_EQ(core.lines_terminated_by, "\r\n");
  EXPECT_EQ(core.ignore_header_lines, 1u);
  EXPECT_EQ(core.id_index, 0u);
  EXPECT_EQ(descriptor.metadata, "eml.xml");
}

TEST(ArchiveDescriptor, FieldsCarryTermShortNameIndexAndDefault) {
  const TableDescriptor core = parse_valid(kStarMetaXml).core;
  ASSERT_EQ(core.fields.size(), 4u);
  EXPECT_EQ(core.fields[1].term, "http://purl.org/dc/terms/modified");
  EXPECT_EQ(core.fields[1].short_name, "modified");
  EXPECT_EQ(core.fields[2].index, 3u);
  EXPECT_EQ(core.fields[2].default_value, "Belgium");
  EXPECT_EQ(core.fields[3].short_name, "sourceCode");  // after the '#'
  EXPECT_EQ(core.fields[3].index, std::nullopt);
  EXPECT_EQ(core.required_columns(), 4u);
}

TEST(ArchiveDescriptor, ExtensionsKeepTheirOwnFormatAndCoreid) {
  ArchiveDescriptor descriptor = parse_valid(kStarMetaXml);
  ASSERT_EQ(descriptor.extensions.size(), 1u);
  const TableDescriptor& media = descriptor.extensions.front();
  EXPECT_EQ(media.short_row_type(), "Multimedia");
  EXPECT_EQ(media.encoding, "ISO-8859-1");
  EXPECT_EQ(media.fields_terminated_by, ',');
  EXPECT_EQ(media.fields_enclosed_by, '"');  // written \" in meta.xml
  EXPECT_EQ(media.id_index, 2u);
  EXPECT_EQ(media.required_columns(), 3u);
}

TEST(ArchiveDescriptor, MissingAttributesTakeTheTextGuideDefaults) {
  ArchiveDescriptor descriptor = parse_valid(with_core("", kCoreFiles));
  const TableDescriptor& core = descriptor.core;
  EXPECT_EQ(core.encoding, "UTF-8");
  EXPECT_EQ(core.fields_terminated_by, ',');
  EXPECT_EQ(core.fields_enclosed_by, '"');
  EXPECT_EQ(core.lines_terminated_by, "\n");
  EXPECT_EQ(core.ignore_header_lines, 0u);
  EXPECT_EQ(descriptor.metadata, std::nullopt);
}

TEST(ArchiveDescriptor, FieldPositionTakesFullTermShortNameOrAnyCase) {
  const TableDescriptor core = parse_valid(kStarMetaXml).core;
  EXPECT_EQ(core.field_position("http://rs.tdwg.org/dwc/terms/scientificName"), 0u);
  EXPECT_EQ(core.field_position("country"), 2u);
  EXPECT_EQ(core.field_position("SCIENTIFICNAME"), 0u);
  EXPECT_EQ(core.field_position("eventDate"), std::nullopt);
}

TEST(ArchiveDescriptor, Utf16LittleEndianMetaXmlIsRead) {
  std::string utf8 = with_core("fieldsTerminatedBy=\"\\t\"", kCoreFiles);
  std::string utf16("\xFF\xFE", 2);
  for (char c : utf8) utf16 += std::string{c, '\0'};
  ArchiveDescriptor descriptor = parse_valid(utf16);
  EXPECT_EQ(descriptor.core.fields_terminated_by, '\t');
  EXPECT_EQ(descriptor.core.locations, (std::vector<std::string>{"occurrence.txt"}));
}

TEST(ArchiveDescriptor, ExtensionWithoutCoreidIsRefused) {
  std::string xml = with_core("", kCoreFiles,
                              "<extension rowType=\"http://rs.gbif.org/terms/1.0/Multimedia\">"
                              "<files><location>media.txt</location></files></extension>");
  EXPECT_EQ(parse_fault(xml), "meta.xml: extension 'Multimedia' has no <coreid>");
}

TEST(ArchiveDescriptor, CoreWithoutIdIsRefusedWhenExtensionsNeedIt) {
  std::string xml = with_core("", "<files><location>taxa.txt</location></files>",
                              "<extension rowType=\"http://rs.gbif.org/terms/1.0/Multimedia\">"
                              "<files><location>media.txt</location></files><coreid index=\"0\"/>"
                              "</extension>");
  EXPECT_EQ(parse_fault(xml),
            "meta.xml: core has no <id>, which its extensions need to join their rows to it");
}

TEST(ArchiveDescriptor, DescriptorFaultsSayWhatIsWrong) {
  EXPECT_EQ(parse_fault(with_core("", "<id index=\"0\"/>")),
            "meta.xml: core has no <files><location>");
  EXPECT_EQ(parse_fault(with_core("fieldsTerminatedBy=\"||\"", kCoreFiles)),
            "meta.xml: core has fieldsTerminatedBy '||'; only a single character is supported");
  EXPECT_EQ(parse_fault(with_core("linesTerminatedBy=\"|\"", kCoreFiles)),
            "meta.xml: core has linesTerminatedBy '|'; only \\n, \\r\\n and \\r are supported");
  EXPECT_EQ(parse_fault(with_core("ignoreHeaderLines=\"one\"", kCoreFiles)),
            "meta.xml: core has ignoreHeaderLines 'one', not a number");
  EXPECT_EQ(parse_fault(with_core(
                "", std::string(kCoreFiles) + "<field index=\"x\" term=\"http://a/b/locality\"/>")),
            "meta.xml: core field 'locality' has index 'x', not a number");
  EXPECT_EQ(parse_fault(with_core("", std::string(kCoreFiles) + "<field index=\"1\"/>")),
            "meta.xml: core has a <field> without a term");
  EXPECT_EQ(parse_fault("<archive/>"), "meta.xml: has no <core>");
  EXPECT_EQ(parse_fault("<other/>"), "meta.xml: has no <archive> root element");
}

TEST(ArchiveDescriptor, MalformedXmlIsRefusedWithItsPosition) {
  EXPECT_EQ(parse_fault("<archive><core></archive>"),
            "meta.xml: is not well-formed XML (Start-end tags mismatch at byte 17)");
}

TEST(ArchiveDescriptor, LocationsResolveToMembersOrNameTheMissingFile) {
  ArchiveDescriptor descriptor = parse_valid(kStarMetaXml);
  auto members = [](std::string_view name) -> std::optional<std::string> {
    if (name == "taxa.txt") return "Taxa.txt";
    if (name == "eml.xml") return "eml.xml";
    return std::nullopt;
  };
  auto error = resolve_locations(descriptor, members);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message(),
            "meta.xml: extension 'Multimedia' file 'media.txt' is not in the archive");
  EXPECT_EQ(descriptor.core.locations.front(), "Taxa.txt");
}

TEST(ArchiveDescriptor, RemoteLocationIsNotFetched) {
  ArchiveDescriptor descriptor =
      parse_valid(with_core("", "<files><location>http://example.org/occ.txt</location></files>"));
  auto error = resolve_locations(descriptor, [](std::string_view) { return std::nullopt; });
  ASSERT_TRUE(error);
  EXPECT_EQ(
      error->message(),
      "meta.xml: core file 'http://example.org/occ.txt' is a URL; remote files are not fetched");
}

TEST(LoneDataFile, MetadataDocumentsBesideItAreNotData) {
  auto found = find_lone_data_file({"occurrence.csv", "EML.xml", "dataset/1.xml"}, "a.zip");
  ASSERT_TRUE(std::holds_alternative<std::string>(found));
  EXPECT_EQ(std::get<std::string>(found), "occurrence.csv");
}

TEST(LoneDataFile, TwoDataFilesWithoutMetaXmlAreRefused) {
  auto found = find_lone_data_file({"occurrence.csv", "random_file"}, "a.zip");
  ASSERT_TRUE(std::holds_alternative<ArchiveError>(found));
  EXPECT_EQ(std::get<ArchiveError>(found).message(),
            "a.zip: has no meta.xml and 2 data files ('occurrence.csv', 'random_file'); without "
            "meta.xml an archive holds a single data file");
}

TEST(LoneDataFile, NoDataFileIsRefused) {
  auto found = find_lone_data_file({"eml.xml"}, "empty");
  ASSERT_TRUE(std::holds_alternative<ArchiveError>(found));
  EXPECT_EQ(std::get<ArchiveError>(found).message(), "empty: has no meta.xml and no data file");
}

TEST(InferredDescriptor, DelimiterIsWhatTheHeaderLineHoldsMostOf) {
  EXPECT_EQ(detect_delimiter("id\tname,with comma\n1,2,3,4"), '\t');
  EXPECT_EQ(detect_delimiter("id,name,locality\r\n"), ',');
  EXPECT_EQ(detect_delimiter("taxonID;scientificName"), ';');
  EXPECT_EQ(detect_delimiter("scientificName"), '\t');
}

TEST(InferredDescriptor, HeaderCellsBecomeTermsAndTheIdColumnIsFound) {
  ArchiveDescriptor descriptor = descriptor_from_header(
      "data.csv", ',',
      {"dwc:occurrenceID", "dc:modified", "http://example.org/t/x", "", "locality"});
  const TableDescriptor& core = descriptor.core;
  EXPECT_TRUE(descriptor.inferred);
  EXPECT_EQ(core.short_row_type(), "Occurrence");
  EXPECT_EQ(core.ignore_header_lines, 1u);
  EXPECT_EQ(core.fields_enclosed_by, '"');
  ASSERT_EQ(core.fields.size(), 4u);  // the unnamed column carries no term
  EXPECT_EQ(core.fields[0].term, "http://rs.tdwg.org/dwc/terms/occurrenceID");
  EXPECT_EQ(core.fields[1].term, "http://purl.org/dc/terms/modified");
  EXPECT_EQ(core.fields[2].term, "http://example.org/t/x");
  EXPECT_EQ(core.fields[3].index, 4u);
  EXPECT_EQ(core.id_index, 0u);
}

TEST(InferredDescriptor, RowTypeFollowsTheIdentifyingTerms) {
  auto row_type = [](std::vector<std::string> header) {
    return std::string(descriptor_from_header("f", '\t', header).core.short_row_type());
  };
  EXPECT_EQ(row_type({"taxonID", "scientificName"}), "Taxon");
  EXPECT_EQ(row_type({"eventID", "eventDate"}), "Event");
  EXPECT_EQ(row_type({"taxonID", "basisOfRecord"}), "Occurrence");
  EXPECT_EQ(row_type({"scientificName"}), "Occurrence");
}

}  // namespace
}  // namespace bsap::biodata
