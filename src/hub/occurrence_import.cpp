#include "hub/occurrence_import.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "biodata/archive_reader.h"
#include "biodata/occurrence_interpretation.h"
#include "hub/home_region.h"
#include "hub/occurrence_placer.h"
#include "store/bio_area_repo.h"
#include "store/bio_occurrence_repo.h"
#include "store/bio_taxon_repo.h"
#include "store/utc_clock.h"

namespace bsap::hub {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kBatch = 10'000;

// Adds the time `work` takes to `total` (milliseconds).
template <typename Work>
auto timed(double& total, Work&& work) {
  auto start = Clock::now();
  struct Add {
    double& total;
    Clock::time_point start;
    ~Add() { total += std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }
  } add{total, start};
  return work();
}

std::string default_key(const std::filesystem::path& archive) {
  std::filesystem::path name =
      archive.filename().empty() ? archive.parent_path().filename() : archive.filename();
  return name.extension() == ".zip" ? name.stem().string() : name.string();
}

std::vector<std::string> report_notes(const biodata::ArchiveReport& report) {
  std::vector<std::string> notes = report.notes;
  for (const auto& file : report.files)
    for (const auto& fault : file.faults.first_faults())
      notes.push_back(
          file.file + " line " + std::to_string(fault.line) + ": " + fault.reason +
          (fault.disposition == biodata::RowDisposition::skipped ? " (skipped)" : " (kept)"));
  return notes;
}

// A read error part-way through the archive: the import is abandoned.
struct ReadFailure {
  biodata::ArchiveError error;
};

// The pipeline's moving parts, set up before the transaction opens.
struct Pipeline {
  biodata::TaxonMatcher checklist;
  HomeRegion region;
  OccurrencePlacer placer;
  biodata::InterpretationContext context;

  Pipeline(const ImportOptions& options, std::vector<store::BioArea> areas,
           std::vector<biodata::ChecklistName> names)
      : checklist(names), region(load_home_region(options.home_region)), placer(areas) {
    context.today = options.today;
    context.checklist = &checklist;
    context.coordinates.in_home_region = [this](LonLat p) { return region.contains(p); };
    context.coordinates.from_hk1980_grid = [this](double e, double n) {
      return placer.from_hk1980_grid(e, n);
    };
  }
};

}  // namespace

std::variant<ImportSummary, biodata::ArchiveError> import_occurrences(
    store::Store& store, const std::filesystem::path& archive, const ImportOptions& options) {
  auto started = Clock::now();
  auto opened = biodata::ArchiveReader::open(archive);
  if (auto* error = std::get_if<biodata::ArchiveError>(&opened)) return *error;
  auto& reader = std::get<biodata::ArchiveReader>(opened);

  std::vector<store::BioArea> areas;
  std::vector<biodata::ChecklistName> names;
  store::in_transaction(store, [&](store::Transaction& tx) {
    areas = store::list_all_areas(tx);
    names = store::checklist_names(tx);
  });
  Pipeline pipeline(options, std::move(areas), std::move(names));
  biodata::OccurrenceInterpreter interpreter(reader.descriptor().core, pipeline.context);

  ImportSummary summary;
  summary.dataset = options.dataset_key.empty() ? default_key(archive) : options.dataset_key;
  store::BioDataset dataset{0,
                            summary.dataset,
                            summary.dataset,
                            archive.string(),
                            store::utc_timestamp(),
                            options.actor,
                            0,
                            0,
                            "{}"};
  std::array<std::size_t, biodata::kOccurrenceFlagCount> flag_counts{};
  try {
    store::in_transaction(store, [&](store::Transaction& tx) {
      std::int64_t dataset_id = store::begin_dataset_import(tx, dataset);
      store::OccurrenceWriter writer(tx, dataset_id);
      std::vector<biodata::Occurrence> occurrences;
      std::vector<store::OccurrenceRow> rows;
      occurrences.reserve(kBatch);
      rows.reserve(kBatch);
      auto flush = [&] {
        for (std::size_t i = 0; i < occurrences.size(); ++i) rows[i].occurrence = &occurrences[i];
        timed(summary.timings.persist_ms, [&] { writer.write(rows); });
        summary.records_loaded += rows.size();
        occurrences.clear();
        rows.clear();
        if (options.progress) options.progress(summary.records_loaded);
      };
      biodata::CoreRecord record;
      while (timed(summary.timings.read_ms, [&] { return reader.next(record); })) {
        occurrences.push_back(
            timed(summary.timings.validate_ms, [&] { return interpreter.interpret(record.core); }));
        const biodata::Occurrence& occurrence = occurrences.back();
        for (biodata::OccurrenceFlag flag : biodata::all_flags())
          if (occurrence.flags.has(flag)) ++flag_counts[static_cast<std::size_t>(flag)];
        Placement placement =
            timed(summary.timings.join_ms, [&] { return pipeline.placer.place(occurrence); });
        rows.push_back({nullptr, std::move(placement.grid_cell), std::move(placement.area_ids)});
        if (occurrences.size() == kBatch) flush();
      }
      // Thrown, the transaction rolls back: nothing of this import stays.
      if (reader.error()) throw ReadFailure{*reader.error()};
      flush();
      timed(summary.timings.persist_ms, [&] { writer.finish(); });
      biodata::ArchiveReport report = reader.report();
      summary.records_read = summary.records_loaded;
      if (!report.files.empty()) summary.records_read += report.files.front().faults.skipped_rows();
      summary.notes = report_notes(report);
      for (biodata::OccurrenceFlag flag : biodata::all_flags())
        if (auto count = flag_counts[static_cast<std::size_t>(flag)])
          summary.flags[std::string(biodata::flag_name(flag))] = count;
      dataset.records_read = static_cast<std::int64_t>(summary.records_read);
      dataset.records_loaded = static_cast<std::int64_t>(summary.records_loaded);
      dataset.report_json = summary_json(summary);
      store::finish_dataset_import(tx, dataset, options.actor);
    });
  } catch (const ReadFailure& failure) {
    return failure.error;
  }
  summary.timings.total_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  return summary;
}

std::string summary_json(const ImportSummary& summary) {
  nlohmann::json flags = nlohmann::json::object();
  for (const auto& [name, count] : summary.flags) flags[name] = count;
  const ImportTimings& t = summary.timings;
  return nlohmann::json{{"dataset", summary.dataset},
                        {"records_read", summary.records_read},
                        {"records_loaded", summary.records_loaded},
                        {"flags", flags},
                        {"notes", summary.notes},
                        {"timings_ms",
                         {{"read", t.read_ms},
                          {"validate", t.validate_ms},
                          {"join", t.join_ms},
                          {"persist", t.persist_ms},
                          {"total", t.total_ms}}}}
      .dump();
}

}  // namespace bsap::hub
