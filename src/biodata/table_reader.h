// Reads one table of an archive (the core or an extension) as records: its file, or its files
// one after another when meta.xml gives several locations.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "biodata/archive_descriptor.h"
#include "biodata/archive_error.h"
#include "biodata/archive_record.h"
#include "biodata/archive_source.h"
#include "biodata/delimited_reader.h"
#include "biodata/row_fault.h"
#include "biodata/text_decoder.h"

namespace bsap::biodata {

struct ReaderLimits {
  std::size_t max_row_bytes = 1024 * 1024;  // a longer row is skipped (an unclosed quote)
  std::size_t max_faults_kept = 1000;       // per file; all are counted
  // What the extensions may take in memory to be joined to the core (see extension_index.h).
  std::size_t extension_index_bytes = std::size_t{512} * 1024 * 1024;
};

struct FileReport {
  std::string file;
  std::size_t rows_read = 0;  // rows delivered, including those kept with a fault
  RowFaultLog faults;
  std::size_t replaced_sequences = 0;  // undecodable bytes read as U+FFFD
};

class TableReader {
 public:
  // Opens every file of the table and reads its header line, so that a file that cannot be read
  // is refused before any row is delivered.
  static std::variant<std::unique_ptr<TableReader>, ArchiveError> open(const ArchiveSource& source,
                                                                       const TableDescriptor& table,
                                                                       const ReaderLimits& limits);

  // The next record, or false at the end or on a read error (see error()).
  bool next(Record& record);
  const std::optional<ArchiveError>& error() const { return error_; }
  std::vector<FileReport> reports() const;
  // A header line narrower than the columns meta.xml maps: the descriptor does not fit the file
  // (most often a wrong or missing fieldsTerminatedBy). The missing values read as empty.
  std::optional<ArchiveError> header_mismatch() const;

 private:
  struct OpenFile {
    std::string name;
    const Utf8DecodingStream* decoder;  // owned by `rows`
    std::unique_ptr<DelimitedReader> rows;
    std::optional<ArchiveError> header_mismatch;
  };

  explicit TableReader(const TableDescriptor& table) : table_(table) {}
  static std::variant<OpenFile, ArchiveError> open_file(const ArchiveSource& source,
                                                        const TableDescriptor& table,
                                                        const std::string& location,
                                                        const ReaderLimits& limits);

  const TableDescriptor& table_;
  std::vector<OpenFile> files_;
  std::size_t current_ = 0;
  DelimitedRow row_;
  std::optional<ArchiveError> error_;
};

}  // namespace bsap::biodata
