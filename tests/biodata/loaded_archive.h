// Reads a whole archive for a test: every core record with its extension rows, and the report.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "biodata/archive_reader.h"

namespace bsap::biodata::testing {

inline const std::filesystem::path kSamples = SHARED_DIR "/data/dwca";

struct LoadedArchive {
  std::optional<ArchiveReader> reader;  // owns what the records point to
  std::vector<Record> records;
  std::vector<std::vector<std::vector<Record>>> extension_rows;  // [record][extension][row]
  ArchiveReport report;
  std::optional<ArchiveError> failure;  // from open(), or from reading mid-way

  const Record* find(std::string_view id) const {
    for (const Record& record : records) {
      if (record.id == id) return &record;
    }
    return nullptr;
  }
  std::size_t extension_rows_total(std::size_t extension) const {
    std::size_t total = 0;
    for (const auto& per_record : extension_rows) total += per_record[extension].size();
    return total;
  }
};

inline LoadedArchive load_archive(const std::filesystem::path& path) {
  LoadedArchive loaded;
  auto opened = ArchiveReader::open(path);
  if (auto* error = std::get_if<ArchiveError>(&opened)) {
    loaded.failure = *error;
    return loaded;
  }
  loaded.reader.emplace(std::move(std::get<ArchiveReader>(opened)));
  CoreRecord record;
  while (loaded.reader->next(record)) {
    loaded.records.push_back(record.core);
    auto& joined = loaded.extension_rows.emplace_back();
    for (auto rows : record.extensions) joined.emplace_back(rows.begin(), rows.end());
  }
  loaded.failure = loaded.reader->error();
  loaded.report = loaded.reader->report();
  return loaded;
}

// A sample that must be refused, and the message it must be refused with.
struct BrokenCase {
  const char* path;  // relative to the sample folder
  const char* message;
};

// The message an archive is refused with, or "(loaded)".
inline std::string refusal(const std::filesystem::path& path) {
  LoadedArchive loaded = load_archive(path);
  return loaded.failure ? loaded.failure->message() : "(loaded)";
}

}  // namespace bsap::biodata::testing
