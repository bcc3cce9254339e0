#include "biodata/archive_reader.h"

#include <exception>

#include "biodata/archive_source.h"
#include "biodata/extension_index.h"
#include "biodata/text_decoder.h"

namespace bsap::biodata {

namespace {

constexpr std::size_t kMaxMetaXmlBytes = 16 * 1024 * 1024;
// A header line longer than this is not a header line.
constexpr std::size_t kMaxHeadBytes = 1024 * 1024;

struct ExtensionJoin {
  std::unique_ptr<TableReader> rows;
  ExtensionIndex index;
};

// The decoded start of a data file, up to its first line break.
std::variant<std::string, ArchiveError> read_head(const ArchiveSource& source,
                                                  const std::string& data_file) {
  auto raw = source.open_member(data_file);
  if (auto* error = std::get_if<ArchiveError>(&raw)) return *error;
  auto decoded =
      decode_to_utf8(std::move(std::get<std::unique_ptr<ByteStream>>(raw)), "UTF-8", data_file);
  if (auto* error = std::get_if<ArchiveError>(&decoded)) return *error;
  ByteStream& stream = *std::get<std::unique_ptr<Utf8DecodingStream>>(decoded);
  std::string head;
  std::string chunk(64 * 1024, '\0');
  while (head.size() < kMaxHeadBytes && head.find_first_of("\r\n") == std::string::npos) {
    std::size_t got = stream.read(chunk);
    if (got == 0) break;
    head.append(chunk.data(), got);
  }
  if (stream.error()) return *stream.error();
  return head;
}

std::variant<ArchiveDescriptor, ArchiveError> infer_descriptor(const ArchiveSource& source,
                                                               const std::string& data_file) {
  auto head = read_head(source, data_file);
  if (auto* error = std::get_if<ArchiveError>(&head)) return *error;
  char delimiter = detect_delimiter(std::get<std::string>(head));
  DelimitedFormat format;
  format.field_delimiter = delimiter;
  format.header_lines = 1;
  DelimitedReader header_reader(make_string_stream(std::move(std::get<std::string>(head))), format);
  return descriptor_from_header(data_file, delimiter, header_reader.header());
}

std::variant<ArchiveDescriptor, ArchiveError> load_descriptor(const ArchiveSource& source,
                                                              const std::string& archive_name) {
  auto meta_xml = source.find_member("meta.xml");
  if (!meta_xml) {
    auto data_file = find_lone_data_file(source.members(), archive_name);
    if (auto* error = std::get_if<ArchiveError>(&data_file)) return *error;
    return infer_descriptor(source, std::get<std::string>(data_file));
  }
  auto text = source.read_member(*meta_xml, kMaxMetaXmlBytes);
  if (auto* error = std::get_if<ArchiveError>(&text)) return *error;
  auto parsed = parse_meta_xml(std::get<std::string>(text));
  if (auto* descriptor = std::get_if<ArchiveDescriptor>(&parsed)) {
    auto lookup = [&](std::string_view name) { return source.find_member(name); };
    if (auto error = resolve_locations(*descriptor, lookup)) return *error;
  }
  return parsed;
}

ArchiveError unexpected_failure(const std::string& archive, const std::exception& failure) {
  return ArchiveError{archive, std::string("could not be read: ") + failure.what()};
}

}  // namespace

struct ArchiveReader::State {
  std::string archive_name;
  ReaderLimits limits;
  std::unique_ptr<ArchiveSource> source;
  ArchiveDescriptor descriptor;  // records point into it: never moved once readers exist
  std::unique_ptr<TableReader> core;
  std::vector<ExtensionJoin> extensions;
  std::size_t core_records = 0;
  bool finished = false;
  std::optional<ArchiveError> error;

  std::vector<std::string> notes;
  std::optional<ArchiveError> open_tables();
  void finish();
};

// Opens the core and reads every extension into its index: all that can find the archive broken
// happens here, before the first record. A core that does not fit meta.xml is broken, as every
// record would be misread; an extension that does not fit is read as far as it goes and noted,
// since the core records are sound without it (GBIF's own checklist_980 has such an extension).
std::optional<ArchiveError> ArchiveReader::State::open_tables() {
  auto core_rows = TableReader::open(*source, descriptor.core, limits);
  if (auto* failure = std::get_if<ArchiveError>(&core_rows)) return *failure;
  core = std::move(std::get<std::unique_ptr<TableReader>>(core_rows));
  if (auto mismatch = core->header_mismatch()) return mismatch;
  std::size_t budget = limits.extension_index_bytes;
  for (const TableDescriptor& table : descriptor.extensions) {
    auto rows = TableReader::open(*source, table, limits);
    if (auto* failure = std::get_if<ArchiveError>(&rows)) return *failure;
    auto& reader = std::get<std::unique_ptr<TableReader>>(rows);
    if (auto mismatch = reader->header_mismatch()) notes.push_back(mismatch->message());
    auto index = ExtensionIndex::build(*reader, table.locations.front(), budget);
    if (auto* failure = std::get_if<ArchiveError>(&index)) return *failure;
    extensions.push_back({std::move(reader), std::move(std::get<ExtensionIndex>(index))});
  }
  return std::nullopt;
}

void ArchiveReader::State::finish() {
  finished = true;
  if (!error && core->error()) error = core->error();
}

ArchiveReader::ArchiveReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
ArchiveReader::ArchiveReader(ArchiveReader&&) noexcept = default;
ArchiveReader& ArchiveReader::operator=(ArchiveReader&&) noexcept = default;
ArchiveReader::~ArchiveReader() = default;

std::variant<ArchiveReader, ArchiveError> ArchiveReader::open(const std::filesystem::path& archive,
                                                              const ReaderLimits& limits) {
  auto state = std::make_unique<State>();
  state->archive_name = archive.filename().string();
  state->limits = limits;
  try {
    auto source = open_archive_source(archive);
    if (auto* failure = std::get_if<ArchiveError>(&source)) return *failure;
    state->source = std::move(std::get<std::unique_ptr<ArchiveSource>>(source));
    auto descriptor = load_descriptor(*state->source, state->archive_name);
    if (auto* failure = std::get_if<ArchiveError>(&descriptor)) return *failure;
    state->descriptor = std::move(std::get<ArchiveDescriptor>(descriptor));
    if (auto failure = state->open_tables()) return *failure;
  } catch (const std::exception& failure) {  // memory exhausted: still a value at the boundary
    return unexpected_failure(state->archive_name, failure);
  }
  return ArchiveReader(std::move(state));
}

const ArchiveDescriptor& ArchiveReader::descriptor() const { return state_->descriptor; }

const std::optional<ArchiveError>& ArchiveReader::error() const { return state_->error; }

bool ArchiveReader::next(CoreRecord& record) {
  State& state = *state_;
  if (state.finished) return false;
  try {
    if (!state.core->next(record.core)) {
      state.finish();
      return false;
    }
    ++state.core_records;
    record.extensions.clear();
    for (ExtensionJoin& extension : state.extensions) {
      record.extensions.push_back(extension.index.rows_for(record.core.id));
    }
    return true;
  } catch (const std::exception& failure) {
    state.error = unexpected_failure(state.archive_name, failure);
    state.finished = true;
    return false;
  }
}

ArchiveReport ArchiveReader::report() const {
  const State& state = *state_;
  ArchiveReport report;
  report.core_records = state.core_records;
  report.files = state.core->reports();
  report.notes = state.notes;
  for (const ExtensionJoin& extension : state.extensions) {
    for (FileReport& file : extension.rows->reports()) report.files.push_back(std::move(file));
    std::size_t unjoined = extension.index.unjoined_rows();
    if (state.finished && unjoined > 0) {
      report.notes.push_back(std::to_string(unjoined) + " row(s) of '" +
                             extension.rows->reports().front().file +
                             "' have a coreid that matches no core record");
    }
  }
  return report;
}

}  // namespace bsap::biodata
