#include "biodata/table_reader.h"

#include <algorithm>

namespace bsap::biodata {

namespace {

DelimitedFormat format_of(const TableDescriptor& table, const ReaderLimits& limits) {
  DelimitedFormat format;
  format.field_delimiter = table.fields_terminated_by;
  format.quote = table.fields_enclosed_by;
  format.header_lines = table.ignore_header_lines;
  format.min_fields = table.required_columns();
  format.max_row_bytes = limits.max_row_bytes;
  format.max_faults_kept = limits.max_faults_kept;
  return format;
}

// "4 (scientificName)", or "0 (the id)", for the column meta.xml names last.
std::string describe_column(const TableDescriptor& table, std::size_t column) {
  auto field = std::find_if(table.fields.begin(), table.fields.end(),
                            [&](const FieldDescriptor& f) { return f.index == column; });
  std::string name = field != table.fields.end() ? field->short_name : "the id";
  return std::to_string(column) + " (" + name + ")";
}

std::optional<ArchiveError> find_header_mismatch(const TableDescriptor& table,
                                                 const std::string& file,
                                                 const std::vector<std::string>& header) {
  std::size_t needed = table.required_columns();
  if (header.empty() || header.size() >= needed) return std::nullopt;
  std::string delimiter =
      table.fields_terminated_by == '\t' ? "\\t" : std::string(1, table.fields_terminated_by);
  return ArchiveError{file, "header line has " + std::to_string(header.size()) +
                                " column(s) but meta.xml maps column " +
                                describe_column(table, needed - 1) + "; fields are split on '" +
                                delimiter + "' (',' when meta.xml does not say)"};
}

}  // namespace

std::variant<std::unique_ptr<TableReader>, ArchiveError> TableReader::open(
    const ArchiveSource& source, const TableDescriptor& table, const ReaderLimits& limits) {
  std::unique_ptr<TableReader> reader(new TableReader(table));
  for (const std::string& location : table.locations) {
    auto file = open_file(source, table, location, limits);
    if (auto* error = std::get_if<ArchiveError>(&file)) return *error;
    reader->files_.push_back(std::move(std::get<OpenFile>(file)));
  }
  return reader;
}

std::variant<TableReader::OpenFile, ArchiveError> TableReader::open_file(
    const ArchiveSource& source, const TableDescriptor& table, const std::string& location,
    const ReaderLimits& limits) {
  auto raw = source.open_member(location);
  if (auto* error = std::get_if<ArchiveError>(&raw)) return *error;
  auto decoded = decode_to_utf8(std::move(std::get<std::unique_ptr<ByteStream>>(raw)),
                                table.encoding, location);
  if (auto* error = std::get_if<ArchiveError>(&decoded)) return *error;
  auto& stream = std::get<std::unique_ptr<Utf8DecodingStream>>(decoded);
  const Utf8DecodingStream* decoder = stream.get();
  auto rows = std::make_unique<DelimitedReader>(std::move(stream), format_of(table, limits));
  const std::vector<std::string>& header = rows->header();
  if (rows->error()) return *rows->error();
  auto mismatch = find_header_mismatch(table, location, header);
  return OpenFile{location, decoder, std::move(rows), std::move(mismatch)};
}

bool TableReader::next(Record& record) {
  while (current_ < files_.size()) {
    DelimitedReader& rows = *files_[current_].rows;
    if (rows.next(row_)) {
      fill_record(table_, row_, record);
      return true;
    }
    if (rows.error()) {
      error_ = rows.error();
      return false;
    }
    ++current_;
  }
  return false;
}

std::optional<ArchiveError> TableReader::header_mismatch() const {
  for (const OpenFile& file : files_) {
    if (file.header_mismatch) return file.header_mismatch;
  }
  return std::nullopt;
}

std::vector<FileReport> TableReader::reports() const {
  std::vector<FileReport> reports;
  for (const OpenFile& file : files_) {
    reports.push_back({file.name, file.rows->rows_read(), file.rows->faults(),
                       file.decoder->replaced_sequences()});
  }
  return reports;
}

}  // namespace bsap::biodata
