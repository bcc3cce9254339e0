// The Darwin Core Archive reader, the module's front door: opens a zipped archive, a folder or a
// lone data file, and delivers the core records one at a time, each with its extension rows.
//
// A broken archive (meta.xml wrong or missing a file it names, a header that does not fit
// meta.xml, an encoding not known, a zip that cannot be read) is refused by open() before any
// record is delivered. A bad row never stops the reading: it is reported (see report()). A read
// error mid-way (a corrupt zip entry) ends next() with error() set; the caller must then discard
// what it took from this archive, as a store does by rolling back its transaction.
#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "biodata/archive_descriptor.h"
#include "biodata/archive_error.h"
#include "biodata/archive_record.h"
#include "biodata/table_reader.h"

namespace bsap::biodata {

struct CoreRecord {
  Record core;
  // For each extension in meta.xml's order, its rows whose coreid is this record's id. Valid
  // until the reader is destroyed.
  std::vector<std::span<const Record>> extensions;
};

struct ArchiveReport {
  std::size_t core_records = 0;
  std::vector<FileReport> files;   // the core's files, then each extension's
  std::vector<std::string> notes;  // about the archive as a whole, such as unjoined extension rows
};

class ArchiveReader {
 public:
  static std::variant<ArchiveReader, ArchiveError> open(const std::filesystem::path& archive,
                                                        const ReaderLimits& limits = {});
  ArchiveReader(ArchiveReader&&) noexcept;
  ArchiveReader& operator=(ArchiveReader&&) noexcept;
  ~ArchiveReader();

  const ArchiveDescriptor& descriptor() const;
  // The next core record, or false at the end or on a read error (see error()).
  bool next(CoreRecord& record);
  const std::optional<ArchiveError>& error() const;
  // Rows read and faults so far; complete once next() has returned false.
  ArchiveReport report() const;

 private:
  struct State;
  explicit ArchiveReader(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace bsap::biodata
