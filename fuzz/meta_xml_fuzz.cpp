// The Darwin Core Archive descriptor: parse_meta_xml on meta.xml as an uploaded archive carries it,
// then what the importer does with a descriptor (resolving its files against the archive's
// members, the columns each table needs). The second piece of the input, when there is one, is
// read as a lone data file's header line instead (detect_delimiter, descriptor_from_header).
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "biodata/archive_descriptor.h"
#include "biodata/delimited_reader.h"
#include "fuzz_support.h"

namespace {

using namespace bsap::biodata;

void use_table(const TableDescriptor& table) {
  (void)table.short_row_type();
  (void)table.required_columns();
  for (const FieldDescriptor& field : table.fields) (void)table.field_position(field.short_name);
  (void)table.field_position("scientificName");
}

void use_descriptor(ArchiveDescriptor& descriptor) {
  use_table(descriptor.core);
  for (const TableDescriptor& extension : descriptor.extensions) use_table(extension);
  // An archive holding the usual members, so that some locations resolve and some do not.
  const std::vector<std::string> members = {"occurrence.txt", "eml.xml", "multimedia.txt",
                                            "taxon.txt", "Occurrence.TXT"};
  (void)resolve_locations(descriptor, [&](std::string_view name) -> std::optional<std::string> {
    for (const std::string& member : members)
      if (member == name) return member;
    return std::nullopt;
  });
}

void use_header_line(std::string_view head) {
  const char delimiter = detect_delimiter(head);
  DelimitedFormat format;
  format.field_delimiter = delimiter;
  DelimitedReader reader(make_string_stream(std::string(head)), format);
  const std::vector<std::string>& header = reader.header();
  ArchiveDescriptor descriptor = descriptor_from_header("data.txt", delimiter, header);
  use_table(descriptor.core);
  (void)find_lone_data_file({"data.txt", "eml.xml"}, "upload.zip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto pieces = bsap::fuzz::split_pieces(bsap::fuzz::as_text(data, size), 2);
  auto parsed = parse_meta_xml(pieces[0]);
  if (auto* descriptor = std::get_if<ArchiveDescriptor>(&parsed)) use_descriptor(*descriptor);
  if (!pieces[1].empty()) use_header_line(pieces[1]);
  return 0;
}
