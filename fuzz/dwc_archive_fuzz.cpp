// A whole Darwin Core Archive as the hub's import reads it (ArchiveReader): meta.xml, the core
// data file and one extension file, written to a folder, then every core record with its
// extension rows and the report. The input is "META.XML\n---\nCORE\n---\nEXTENSION"; the seeds'
// meta.xml name the files occurrence.txt and multimedia.txt. Without meta.xml the core file is
// read as a lone data file.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <variant>

#include "biodata/archive_reader.h"
#include "biodata/recorded_date.h"
#include "fuzz_support.h"

namespace {

const bsap::fuzz::ScratchFolder& scratch() {
  static const bsap::fuzz::ScratchFolder folder("bsap-fuzz-dwca");
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto pieces = bsap::fuzz::split_pieces(bsap::fuzz::as_text(data, size), 3);
  const std::filesystem::path archive = scratch().path() / "archive";
  std::filesystem::remove_all(archive);
  std::filesystem::create_directories(archive);
  if (!pieces[0].empty()) bsap::fuzz::write_file(archive / "meta.xml", pieces[0]);
  bsap::fuzz::write_file(archive / "occurrence.txt", pieces[1]);
  if (!pieces[2].empty()) bsap::fuzz::write_file(archive / "multimedia.txt", pieces[2]);

  bsap::biodata::ReaderLimits limits;
  limits.max_row_bytes = 4096;
  limits.extension_index_bytes = 1024 * 1024;
  auto opened = bsap::biodata::ArchiveReader::open(archive, limits);
  if (!std::holds_alternative<bsap::biodata::ArchiveReader>(opened)) return 0;
  auto& reader = std::get<bsap::biodata::ArchiveReader>(opened);
  const std::size_t extensions = reader.descriptor().extensions.size();
  bsap::biodata::CoreRecord record;
  std::size_t records = 0;
  while (reader.next(record)) {
    ++records;
    if (record.extensions.size() != extensions) std::abort();
    if (record.core.values.size() != reader.descriptor().core.fields.size()) std::abort();
    (void)bsap::biodata::interpret_recorded_date(
        {record.core.value("eventDate"), record.core.value("year"), record.core.value("month"),
         record.core.value("day")},
        {2026, 3, 1});
  }
  if (reader.report().core_records != records && !reader.error()) std::abort();
  return 0;
}
