// What a Darwin Core Archive holds, as its descriptor meta.xml says (Darwin Core text guide,
// https://dwc.tdwg.org/text/): the core table, its extensions, their files and formats, and which
// column holds which term. Without meta.xml, a lone data file's header line says it instead.
// Everything here is pure: text and names in, a descriptor or the fault out.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "biodata/archive_error.h"

namespace bsap::biodata {

struct FieldDescriptor {
  std::string term;                  // the full URI, "http://rs.tdwg.org/dwc/terms/scientificName"
  std::string short_name;            // after the last '/' or '#', "scientificName"
  std::optional<std::size_t> index;  // the column; none for a field that only has a default
  std::optional<std::string> default_value;  // for an empty cell, or every row without index
};

// The core or one extension: a <core> or <extension> element of meta.xml.
struct TableDescriptor {
  std::string row_type;                // "http://rs.tdwg.org/dwc/terms/Occurrence"
  std::vector<std::string> locations;  // members of the archive, read one after another
  std::string encoding = "UTF-8";
  char fields_terminated_by = ',';               // the text guide's defaults
  std::optional<char> fields_enclosed_by = '"';  // none: quotes are data
  // One of \n, \r\n, \r. The reader takes the line ending from the file itself all the same:
  // files often disagree with their meta.xml, and DOS files declared \n are common.
  std::string lines_terminated_by = "\n";
  std::size_t ignore_header_lines = 0;
  std::optional<std::size_t> id_index;  // <id> of the core, <coreid> of an extension
  std::vector<FieldDescriptor> fields;

  std::string_view short_row_type() const;  // "Occurrence"
  // The position in `fields` of a term given by full URI or short name; a short name also
  // matches ignoring case, since header lines spell terms as they please ("scientificname").
  std::optional<std::size_t> field_position(std::string_view term) const;
  // How many columns a row needs for every index meta.xml names.
  std::size_t required_columns() const;
};

struct ArchiveDescriptor {
  TableDescriptor core;
  std::vector<TableDescriptor> extensions;
  std::optional<std::string> metadata;  // the EML document meta.xml points to
  bool inferred = false;                // read from a lone data file's header line
};

// Parses meta.xml (in any encoding XML allows). Faults name "meta.xml" and what is wrong:
// "extension 'Multimedia' has no <coreid>".
std::variant<ArchiveDescriptor, ArchiveError> parse_meta_xml(std::string_view xml);

// Finds a member of the archive by name (see ArchiveSource::find_member).
using MemberLookup = std::function<std::optional<std::string>(std::string_view)>;

// Replaces every location (and the metadata file) by the member it names, or says which is
// missing: "meta.xml: core file 'occurrence.txt' is not in the archive".
std::optional<ArchiveError> resolve_locations(ArchiveDescriptor& descriptor,
                                              const MemberLookup& find_member);

// Without meta.xml an archive holds exactly one data file, beside an optional metadata document
// (eml.xml, metadata.xml, GBIF's dataset/ folder). `archive` names the archive in the fault.
std::variant<std::string, ArchiveError> find_lone_data_file(const std::vector<std::string>& members,
                                                            const std::string& archive);

// Tab, comma or semicolon: whichever the first line holds most of (tab on a tie).
char detect_delimiter(std::string_view head);

// The descriptor of a lone data file from its header line: each cell a term ("catalogNumber",
// "dwc:catalogNumber", "dc:modified" or a full URI), the row type guessed from the terms present,
// double quotes as the quote character, UTF-8 unless a byte order mark says otherwise.
ArchiveDescriptor descriptor_from_header(const std::string& data_file, char delimiter,
                                         const std::vector<std::string>& header);

}  // namespace bsap::biodata
