#include "hub/occurrence_import.h"

#include <array>
#include <chrono>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <unordered_set>

#include "biodata/archive_reader.h"
#include "biodata/occurrence_interpretation.h"
#include "core/bounded_queue.h"
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

void add_fault_notes(std::vector<std::string>& notes, const std::string& file,
                     const biodata::RowFaultLog& faults) {
  for (const auto& fault : faults.first_faults())
    notes.push_back(
        file + " line " + std::to_string(fault.line) + ": " + fault.reason +
        (fault.disposition == biodata::RowDisposition::skipped ? " (skipped)" : " (kept)"));
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

// Records read, interpreted and placed, on their way to the store. rows[i].occurrence points
// into occurrences, whose buffer moves with the batch.
struct PlacedBatch {
  std::vector<biodata::Occurrence> occurrences;
  std::vector<store::OccurrenceRow> rows;
};

// What the reading thread found besides its batches.
struct Production {
  std::array<std::size_t, biodata::kOccurrenceFlagCount> flag_counts{};
  store::SpeciesTally tally;  // what the records add to the species summaries
  // A record whose key (its occurrenceID, else its values) an earlier row of the archive had is
  // skipped: a dataset holds a record once, and the first row is the one loaded.
  std::unordered_set<std::string> record_keys;
  biodata::RowFaultLog repeated_keys;
  double read_ms = 0, validate_ms = 0, join_ms = 0;
  std::exception_ptr failure;  // an exception that stopped it
};

// Batches queued between the two threads: enough that neither waits on the other's hiccups, few
// enough that memory stays bounded (a batch of 10,000 records is a few megabytes).
constexpr std::size_t kQueuedBatches = 4;

// The reading thread: reads, interprets and places the archive's records batch by batch until
// the archive ends, a read fails (reader.error()), or the writer cancels the queue. It always
// closes the queue, so the writer never waits for a batch that will not come.
void produce(biodata::ArchiveReader& reader, biodata::OccurrenceInterpreter& interpreter,
             OccurrencePlacer& placer, BoundedQueue<PlacedBatch>& queue, Production& out) {
  try {
    PlacedBatch batch;
    auto send = [&] {
      for (std::size_t i = 0; i < batch.rows.size(); ++i)
        batch.rows[i].occurrence = &batch.occurrences[i];
      store::tally_rows(out.tally, batch.rows);
      bool taken = queue.push(std::move(batch));
      batch = PlacedBatch{};
      batch.occurrences.reserve(kBatch);
      batch.rows.reserve(kBatch);
      return taken;
    };
    batch.occurrences.reserve(kBatch);
    batch.rows.reserve(kBatch);
    biodata::CoreRecord record;
    while (timed(out.read_ms, [&] { return reader.next(record); })) {
      biodata::Occurrence interpreted =
          timed(out.validate_ms, [&] { return interpreter.interpret(record.core); });
      if (!out.record_keys.insert(interpreted.record_key).second) {
        out.repeated_keys.add({record.core.line, biodata::RowDisposition::skipped,
                               "the record key \"" + interpreted.record_key +
                                   "\" (its occurrenceID, else its values) repeats an earlier "
                                   "row's; only the first row is loaded"});
        continue;
      }
      batch.occurrences.push_back(std::move(interpreted));
      const biodata::Occurrence& occurrence = batch.occurrences.back();
      for (biodata::OccurrenceFlag flag : biodata::all_flags())
        if (occurrence.flags.has(flag)) ++out.flag_counts[static_cast<std::size_t>(flag)];
      Placement placement = timed(out.join_ms, [&] { return placer.place(occurrence); });
      batch.rows.push_back(
          {nullptr, std::move(placement.grid_cell), std::move(placement.area_ids)});
      if (batch.rows.size() == kBatch && !send()) break;
    }
    if (!batch.rows.empty()) send();
  } catch (...) {
    out.failure = std::current_exception();
  }
  queue.close();
}

// Runs produce() on a thread of its own for as long as it lives: when the writer leaves early
// (an exception from the store), the queue is cancelled and the thread joined before the
// transaction's rollback, so no thread outlives the import.
class ReadingThread {
 public:
  ReadingThread(biodata::ArchiveReader& reader, biodata::OccurrenceInterpreter& interpreter,
                OccurrencePlacer& placer, BoundedQueue<PlacedBatch>& queue, Production& out)
      : queue_(queue), thread_([&reader, &interpreter, &placer, &queue, &out] {
          produce(reader, interpreter, placer, queue, out);
        }) {}
  ~ReadingThread() { join(); }
  ReadingThread(const ReadingThread&) = delete;
  ReadingThread& operator=(const ReadingThread&) = delete;

  void join() {
    if (!thread_.joinable()) return;
    queue_.cancel();  // after the last batch a no-op; before it, it stops the reader
    thread_.join();
  }

 private:
  BoundedQueue<PlacedBatch>& queue_;
  std::thread thread_;
};

}  // namespace

// Two threads: the reading thread reads, interprets and places records (produce above) while
// this one writes the batches before, in the transaction. The store's writing is most of an
// import's time, so on two cores the rest is hidden behind it; the timings add up each thread's
// own work, so their sum can exceed the total.
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
  Production production;
  try {
    store::in_transaction(store, [&](store::Transaction& tx) {
      std::int64_t dataset_id = store::begin_dataset_import(tx, dataset);
      store::OccurrenceWriter writer(tx, dataset_id);
      BoundedQueue<PlacedBatch> queue(kQueuedBatches);
      ReadingThread reading(reader, interpreter, pipeline.placer, queue, production);
      while (std::optional<PlacedBatch> batch = queue.pop()) {
        timed(summary.timings.persist_ms, [&] { writer.write(batch->rows); });
        summary.records_loaded += batch->rows.size();
        if (options.progress) options.progress(summary.records_loaded);
      }
      reading.join();
      if (production.failure) std::rethrow_exception(production.failure);
      // Thrown, the transaction rolls back: nothing of this import stays.
      if (reader.error()) throw ReadFailure{*reader.error()};
      timed(summary.timings.persist_ms, [&] { writer.finish(production.tally); });
      biodata::ArchiveReport report = reader.report();
      summary.records_read = summary.records_loaded + production.repeated_keys.skipped_rows();
      if (!report.files.empty()) summary.records_read += report.files.front().faults.skipped_rows();
      summary.notes = report.notes;
      for (const auto& file : report.files) add_fault_notes(summary.notes, file.file, file.faults);
      if (!report.files.empty())
        add_fault_notes(summary.notes, report.files.front().file, production.repeated_keys);
      for (biodata::OccurrenceFlag flag : biodata::all_flags())
        if (auto count = production.flag_counts[static_cast<std::size_t>(flag)])
          summary.flags[std::string(biodata::flag_name(flag))] = count;
      summary.timings.read_ms = production.read_ms;
      summary.timings.validate_ms = production.validate_ms;
      summary.timings.join_ms = production.join_ms;
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
