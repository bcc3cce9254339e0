#include "biodata/archive_descriptor.h"
#include "biodata/text_case.h"
#include "biodata/text_trim.h"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <iterator>

namespace bsap::biodata {

namespace {

constexpr std::string_view kMetaXml = "meta.xml";
constexpr std::string_view kDarwinCoreTerms = "http://rs.tdwg.org/dwc/terms/";
constexpr std::string_view kDublinCoreTerms = "http://purl.org/dc/terms/";

ArchiveError meta_error(std::string reason) {
  return ArchiveError{std::string(kMetaXml), std::move(reason)};
}

std::string_view after_last_separator(std::string_view uri) {
  std::size_t cut = uri.find_last_of("/#");
  return cut == std::string_view::npos ? uri : uri.substr(cut + 1);
}

std::optional<std::size_t> parse_count(std::string_view text) {
  text = trim(text);
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// XML elements compared by local name, so that a prefixed <dwc:core> reads like <core>.
bool has_local_name(const pugi::xml_node& node, std::string_view name) {
  std::string_view qualified = node.name();
  std::size_t colon = qualified.find(':');
  return (colon == std::string_view::npos ? qualified : qualified.substr(colon + 1)) == name;
}

std::vector<pugi::xml_node> children_named(const pugi::xml_node& parent, std::string_view name) {
  std::vector<pugi::xml_node> found;
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && has_local_name(child, name)) found.push_back(child);
  }
  return found;
}

pugi::xml_node child_named(const pugi::xml_node& parent, std::string_view name) {
  auto found = children_named(parent, name);
  return found.empty() ? pugi::xml_node() : found.front();
}

// meta.xml writes special characters as escapes: "\t", "\n", "\r\n", "\"". Some writers put ''
// for "none".
std::string unescape_attribute(std::string_view raw) {
  if (raw == "''") return "";
  std::string text;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      text += raw[i];
      continue;
    }
    switch (raw[++i]) {
      case 't':
        text += '\t';
        break;
      case 'n':
        text += '\n';
        break;
      case 'r':
        text += '\r';
        break;
      default:
        text += raw[i];  // \" \' and \\ stand for the character itself
    }
  }
  return text;
}

// Parses one <core> or <extension>; `label` names it in faults ("core", "extension 'Multimedia'").
class TableParser {
 public:
  TableParser(const pugi::xml_node& node, bool is_core) : node_(node), is_core_(is_core) {
    table_.row_type = trim(node.attribute("rowType").value());
    label_ =
        is_core ? std::string("core") : "extension '" + std::string(table_.short_row_type()) + "'";
  }

  std::variant<TableDescriptor, ArchiveError> parse() {
    if (table_.row_type.empty()) return fault("has no rowType");
    if (auto error = read_format()) return *error;
    if (auto error = read_locations()) return *error;
    if (auto error = read_id()) return *error;
    for (const pugi::xml_node& field : children_named(node_, "field")) {
      if (auto error = read_field(field)) return *error;
    }
    return table_;
  }

 private:
  ArchiveError fault(const std::string& reason) const { return meta_error(label_ + " " + reason); }

  std::optional<ArchiveError> read_format() {
    if (auto encoding = trim(node_.attribute("encoding").value()); !encoding.empty()) {
      table_.encoding = encoding;
    }
    if (auto error = read_line_terminator()) return error;
    if (auto error = read_ignore_header_lines()) return error;
    if (auto error = read_delimiter()) return error;
    return read_quote();
  }

  std::optional<ArchiveError> read_line_terminator() {
    pugi::xml_attribute attribute = node_.attribute("linesTerminatedBy");
    if (!attribute) return std::nullopt;
    table_.lines_terminated_by = unescape_attribute(attribute.value());
    for (std::string_view line_break : {"\n", "\r\n", "\r"}) {
      if (table_.lines_terminated_by == line_break) return std::nullopt;
    }
    return fault("has linesTerminatedBy '" + std::string(attribute.value()) +
                 "'; only \\n, \\r\\n and \\r are supported");
  }

  std::optional<ArchiveError> read_ignore_header_lines() {
    pugi::xml_attribute attribute = node_.attribute("ignoreHeaderLines");
    if (!attribute) return std::nullopt;
    auto count = parse_count(attribute.value());
    if (!count) {
      return fault("has ignoreHeaderLines '" + std::string(attribute.value()) + "', not a number");
    }
    table_.ignore_header_lines = *count;
    return std::nullopt;
  }

  std::optional<ArchiveError> read_delimiter() {
    pugi::xml_attribute attribute = node_.attribute("fieldsTerminatedBy");
    if (!attribute) return std::nullopt;
    std::string delimiter = unescape_attribute(attribute.value());
    if (delimiter.size() != 1) {
      return fault("has fieldsTerminatedBy '" + std::string(attribute.value()) +
                   "'; only a single character is supported");
    }
    table_.fields_terminated_by = delimiter.front();
    return std::nullopt;
  }

  std::optional<ArchiveError> read_quote() {
    pugi::xml_attribute attribute = node_.attribute("fieldsEnclosedBy");
    if (!attribute) return std::nullopt;
    std::string quote = unescape_attribute(attribute.value());
    if (quote.size() > 1) {
      return fault("has fieldsEnclosedBy '" + std::string(attribute.value()) +
                   "'; only a single character or none is supported");
    }
    table_.fields_enclosed_by = quote.empty() ? std::nullopt : std::optional<char>(quote.front());
    return std::nullopt;
  }

  std::optional<ArchiveError> read_locations() {
    for (const pugi::xml_node& location : children_named(child_named(node_, "files"), "location")) {
      if (auto text = trim(location.text().get()); !text.empty()) {
        table_.locations.emplace_back(text);
      }
    }
    if (table_.locations.empty()) return fault("has no <files><location>");
    return std::nullopt;
  }

  std::optional<ArchiveError> read_id() {
    const std::string element = is_core_ ? "id" : "coreid";
    pugi::xml_node id = child_named(node_, element);
    if (!id) return is_core_ ? std::nullopt : std::optional(fault("has no <coreid>"));
    auto index = parse_count(id.attribute("index").value());
    if (!index) return fault("has an <" + element + "> without a numeric index");
    table_.id_index = index;
    return std::nullopt;
  }

  std::optional<ArchiveError> read_field(const pugi::xml_node& node) {
    FieldDescriptor field;
    field.term = trim(node.attribute("term").value());
    if (field.term.empty()) return fault("has a <field> without a term");
    field.short_name = after_last_separator(field.term);
    if (pugi::xml_attribute index = node.attribute("index")) {
      field.index = parse_count(index.value());
      if (!field.index) {
        return fault("field '" + field.short_name + "' has index '" + index.value() +
                     "', not a number");
      }
    }
    if (pugi::xml_attribute value = node.attribute("default")) field.default_value = value.value();
    table_.fields.push_back(std::move(field));
    return std::nullopt;
  }

  pugi::xml_node node_;
  bool is_core_;
  std::string label_;
  TableDescriptor table_;
};

std::variant<TableDescriptor, ArchiveError> parse_table(const pugi::xml_node& node, bool is_core) {
  return TableParser(node, is_core).parse();
}

bool is_metadata_document(std::string_view member) {
  return equal_ignoring_case(member, "eml.xml") || equal_ignoring_case(member, "metadata.xml") ||
         member.starts_with("dataset/");
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "'" : ", '") + name + "'";
  return list;
}

std::optional<ArchiveError> resolve_table(TableDescriptor& table, const std::string& label,
                                          const MemberLookup& find_member) {
  for (std::string& location : table.locations) {
    if (location.find("://") != std::string::npos) {
      return meta_error(label + " file '" + location + "' is a URL; remote files are not fetched");
    }
    auto member = find_member(location);
    if (!member) return meta_error(label + " file '" + location + "' is not in the archive");
    location = *member;
  }
  return std::nullopt;
}

std::string term_for_header_cell(std::string_view cell) {
  if (cell.find("://") != std::string_view::npos) return std::string(cell);
  for (std::string_view prefix : {"dc:", "dcterms:"}) {
    if (cell.starts_with(prefix))
      return std::string(kDublinCoreTerms) + std::string(cell.substr(prefix.size()));
  }
  if (cell.starts_with("dwc:")) cell.remove_prefix(4);
  return std::string(kDarwinCoreTerms) + std::string(cell);
}

// The row type whose identifying terms the header holds; Occurrence when none does.
std::string row_type_from_terms(const TableDescriptor& table) {
  struct Clue {
    std::string_view term;
    std::string_view row_type;
  };
  constexpr std::array<Clue, 4> clues{{{"occurrenceID", "Occurrence"},
                                       {"basisOfRecord", "Occurrence"},
                                       {"taxonID", "Taxon"},
                                       {"eventID", "Event"}}};
  for (const Clue& clue : clues) {
    if (table.field_position(clue.term))
      return std::string(kDarwinCoreTerms) + std::string(clue.row_type);
  }
  return std::string(kDarwinCoreTerms) + "Occurrence";
}

// An "id" column, else the row type's own identifier (occurrenceID for an Occurrence).
std::optional<std::size_t> id_column(const TableDescriptor& table) {
  auto position = table.field_position("id");
  if (!position) position = table.field_position(std::string(table.short_row_type()) + "ID");
  if (!position) return std::nullopt;
  return table.fields[*position].index;
}

}  // namespace

std::string_view TableDescriptor::short_row_type() const { return after_last_separator(row_type); }

std::optional<std::size_t> TableDescriptor::field_position(std::string_view term) const {
  auto exact = std::find_if(fields.begin(), fields.end(), [&](const FieldDescriptor& field) {
    return field.term == term || field.short_name == term;
  });
  if (exact != fields.end()) return static_cast<std::size_t>(exact - fields.begin());
  auto loose = std::find_if(fields.begin(), fields.end(), [&](const FieldDescriptor& field) {
    return equal_ignoring_case(field.short_name, term);
  });
  if (loose != fields.end()) return static_cast<std::size_t>(loose - fields.begin());
  return std::nullopt;
}

std::size_t TableDescriptor::required_columns() const {
  std::size_t columns = id_index ? *id_index + 1 : 0;
  for (const FieldDescriptor& field : fields) {
    if (field.index) columns = std::max(columns, *field.index + 1);
  }
  return columns;
}

std::variant<ArchiveDescriptor, ArchiveError> parse_meta_xml(std::string_view xml) {
  pugi::xml_document document;
  pugi::xml_parse_result parsed =
      document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    return meta_error(std::string("is not well-formed XML (") + parsed.description() + " at byte " +
                      std::to_string(parsed.offset) + ")");
  }
  pugi::xml_node archive = child_named(document, "archive");
  if (!archive) return meta_error("has no <archive> root element");
  auto cores = children_named(archive, "core");
  if (cores.size() != 1)
    return meta_error(cores.empty() ? "has no <core>" : "has more than one <core>");

  ArchiveDescriptor descriptor;
  auto core = parse_table(cores.front(), true);
  if (auto* error = std::get_if<ArchiveError>(&core)) return *error;
  descriptor.core = std::move(std::get<TableDescriptor>(core));
  for (const pugi::xml_node& node : children_named(archive, "extension")) {
    auto extension = parse_table(node, false);
    if (auto* error = std::get_if<ArchiveError>(&extension)) return *error;
    descriptor.extensions.push_back(std::move(std::get<TableDescriptor>(extension)));
  }
  if (!descriptor.extensions.empty() && !descriptor.core.id_index) {
    return meta_error("core has no <id>, which its extensions need to join their rows to it");
  }
  if (auto metadata = trim(archive.attribute("metadata").value()); !metadata.empty()) {
    descriptor.metadata = std::string(metadata);
  }
  return descriptor;
}

std::optional<ArchiveError> resolve_locations(ArchiveDescriptor& descriptor,
                                              const MemberLookup& find_member) {
  if (auto error = resolve_table(descriptor.core, "core", find_member)) return error;
  for (TableDescriptor& extension : descriptor.extensions) {
    std::string label = "extension '" + std::string(extension.short_row_type()) + "'";
    if (auto error = resolve_table(extension, label, find_member)) return error;
  }
  if (!descriptor.metadata) return std::nullopt;
  auto member = find_member(*descriptor.metadata);
  if (!member)
    return meta_error("metadata file '" + *descriptor.metadata + "' is not in the archive");
  descriptor.metadata = member;
  return std::nullopt;
}

std::variant<std::string, ArchiveError> find_lone_data_file(const std::vector<std::string>& members,
                                                            const std::string& archive) {
  std::vector<std::string> data_files;
  std::copy_if(members.begin(), members.end(), std::back_inserter(data_files),
               [](const std::string& member) { return !is_metadata_document(member); });
  if (data_files.size() == 1) return data_files.front();
  if (data_files.empty()) return ArchiveError{archive, "has no meta.xml and no data file"};
  return ArchiveError{archive, "has no meta.xml and " + std::to_string(data_files.size()) +
                                   " data files (" + quoted_list(data_files) +
                                   "); without meta.xml an archive holds a single data file"};
}

char detect_delimiter(std::string_view head) {
  std::string_view first_line = head.substr(0, head.find_first_of("\r\n"));
  char best = '\t';
  std::ptrdiff_t best_count = std::count(first_line.begin(), first_line.end(), '\t');
  for (char candidate : {',', ';'}) {
    std::ptrdiff_t count = std::count(first_line.begin(), first_line.end(), candidate);
    if (count > best_count) {
      best = candidate;
      best_count = count;
    }
  }
  return best;
}

ArchiveDescriptor descriptor_from_header(const std::string& data_file, char delimiter,
                                         const std::vector<std::string>& header) {
  ArchiveDescriptor descriptor;
  descriptor.inferred = true;
  TableDescriptor& core = descriptor.core;
  core.locations = {data_file};
  core.fields_terminated_by = delimiter;
  core.ignore_header_lines = 1;
  for (std::size_t column = 0; column < header.size(); ++column) {
    std::string_view cell = trim(header[column]);
    if (cell.empty()) continue;  // a column without a name carries no term
    std::string term = term_for_header_cell(cell);
    std::string short_name(after_last_separator(term));
    core.fields.push_back({std::move(term), std::move(short_name), column, std::nullopt});
  }
  core.row_type = row_type_from_terms(core);
  core.id_index = id_column(core);
  return descriptor;
}

}  // namespace bsap::biodata
