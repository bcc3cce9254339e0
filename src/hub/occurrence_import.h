// `bsap biodata import`: a Darwin Core Archive read, interpreted, placed and written as one
// dataset in one transaction (issue 9 §1–2). A bad row never stops it; a broken archive, or a read
// error part-way, stops it with the file and the fault named and nothing written.
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "biodata/archive_error.h"
#include "biodata/recorded_date.h"
#include "store/store.h"

namespace bsap::hub {

struct ImportOptions {
  std::string actor;        // who imports, for the audit log
  std::string dataset_key;  // "" for the archive's file name
  biodata::CalendarDate today;
  std::filesystem::path home_region;  // data/biodata/home_region.yaml
  // Called every so many records with the count so far: a terminal's progress bar.
  std::function<void(std::size_t records)> progress;
};

struct ImportTimings {
  double read_ms = 0, validate_ms = 0, join_ms = 0, persist_ms = 0, total_ms = 0;
};

struct ImportSummary {
  std::string dataset;
  std::size_t records_read = 0;              // core rows in the files, skipped ones included
  std::size_t records_loaded = 0;            // written to the store
  std::map<std::string, std::size_t> flags;  // GBIF flag name -> records with it
  std::vector<std::string> notes;            // rows skipped or mended, unjoined extension rows
  ImportTimings timings;
};

std::variant<ImportSummary, biodata::ArchiveError> import_occurrences(
    store::Store& store, const std::filesystem::path& archive, const ImportOptions& options);

// The summary as the command-line contract prints it:
// {"dataset":..,"records_read":N,"records_loaded":N,"flags":{..},"notes":[..],"timings_ms":{..}}
std::string summary_json(const ImportSummary& summary);

}  // namespace bsap::hub
