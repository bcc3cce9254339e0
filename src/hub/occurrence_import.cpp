#include "hub/occurrence_import.h"

#include <array>
#include <bit>
#include <chrono>
#include <exception>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <thread>

#include "biodata/archive_reader.h"
#include "biodata/occurrence_interpretation.h"
#include "core/bounded_queue.h"
#include "hub/home_region.h"
#include "hub/occurrence_placer.h"
#include "hub/record_key_set.h"
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

// Records on their way through the import: interpreted, placed, written, then reused for later
// records, so that their strings and vectors are allocated once an import rather than once a
// record. rows[i].occurrence points into occurrences.
struct Batch {
  std::vector<biodata::Occurrence> occurrences;  // the first `read` of them hold this batch's
  std::vector<std::size_t> repeated;       // the records whose key an earlier row had, ascending
  std::vector<store::OccurrenceRow> rows;  // the first `loaded` of them are to be written
  std::size_t read = 0, loaded = 0;

  std::span<const store::OccurrenceRow> loaded_rows() const { return {rows.data(), loaded}; }
};
using BatchPtr = std::unique_ptr<Batch>;

// What the reading side found besides its batches. Each field belongs to one of its two threads
// until both are joined.
struct Production {
  // The reading thread's.
  double read_ms = 0, validate_ms = 0;
  // A record whose key (its occurrenceID, else its values) an earlier row of the archive had is
  // skipped: a dataset holds a record once, and the first row is the one loaded.
  RecordKeySet record_keys;
  biodata::RowFaultLog repeated_keys;
  std::exception_ptr read_failure;  // an exception that stopped it
  // The placing thread's.
  std::array<std::size_t, biodata::kOccurrenceFlagCount> flag_counts{};
  store::SpeciesTally tally;  // what the records add to the species summaries
  double join_ms = 0;
  std::exception_ptr place_failure;
};

// Batches in use at once: one being read, one placed, one written and the rest queued between,
// enough that no thread waits on another's hiccups, few enough that memory stays bounded (a
// batch of 10,000 records is a few megabytes).
constexpr std::size_t kBatches = 6;

// The queues between the threads, in the order a batch goes round: read and interpreted, placed,
// then written and back to be read into again.
struct Queues {
  BoundedQueue<BatchPtr> interpreted{kBatches};
  BoundedQueue<BatchPtr> placed{kBatches};
  BoundedQueue<BatchPtr> spare{kBatches};

  Queues() {
    for (std::size_t i = 0; i < kBatches; ++i) spare.push(std::make_unique<Batch>());
  }
  void cancel() {
    interpreted.cancel();
    placed.cancel();
    spare.cancel();
  }
};

// The rows as read, before they are interpreted into a batch: the reading thread's own, reused.
struct ReadRows {
  std::vector<biodata::CoreRecord> records = std::vector<biodata::CoreRecord>(kBatch);
  std::size_t count = 0;
};

// Reads up to kBatch records; false when the archive has ended (or failed).
bool read_rows(biodata::ArchiveReader& reader, ReadRows& rows) {
  for (rows.count = 0; rows.count < kBatch; ++rows.count)
    if (!reader.next(rows.records[rows.count])) return false;
  return true;
}

// Interprets the rows into the batch and finds those whose key an earlier row had.
void interpret_rows(biodata::OccurrenceInterpreter& interpreter, const ReadRows& rows, Batch& batch,
                    Production& out) {
  batch.read = rows.count;
  if (batch.occurrences.size() < batch.read) batch.occurrences.resize(batch.read);
  std::vector<std::string_view> keys(batch.read);
  for (std::size_t i = 0; i < batch.read; ++i) {
    interpreter.interpret(rows.records[i].core, batch.occurrences[i]);
    keys[i] = batch.occurrences[i].record_key;
  }
  batch.repeated.clear();
  out.record_keys.insert_all(keys, batch.repeated);
  for (std::size_t i : batch.repeated)
    out.repeated_keys.add({rows.records[i].core.line, biodata::RowDisposition::skipped,
                           "the record key \"" + batch.occurrences[i].record_key +
                               "\" (its occurrenceID, else its values) repeats an earlier "
                               "row's; only the first row is loaded"});
}

// Counts the flags of the records to be loaded (the repeated ones left out), places them and adds
// them to the tally.
void place_batch(OccurrencePlacer& placer, Batch& batch, Production& out) {
  if (batch.rows.size() < batch.read) batch.rows.resize(batch.read);
  batch.loaded = 0;
  Placement placement;
  auto next_repeated = batch.repeated.begin();
  for (std::size_t i = 0; i < batch.read; ++i) {
    if (next_repeated != batch.repeated.end() && *next_repeated == i) {
      ++next_repeated;
      continue;
    }
    const biodata::Occurrence& occurrence = batch.occurrences[i];
    for (auto bits = occurrence.flags.bits(); bits != 0; bits &= bits - 1)
      ++out.flag_counts[static_cast<std::size_t>(std::countr_zero(bits))];
    store::OccurrenceRow& row = batch.rows[batch.loaded++];
    row.occurrence = &occurrence;
    placer.place(occurrence, placement);
    row.grid_cell.swap(placement.grid_cell);
    row.area_ids.swap(placement.area_ids);
  }
  // store::tally_rows() of the rows, each record's rows fetched from memory ahead of its turn.
  constexpr std::size_t kAhead = 8;
  for (std::size_t i = 0; i < batch.loaded; ++i) {
    if (i + kAhead < batch.loaded) {
      const store::OccurrenceRow& ahead = batch.rows[i + kAhead];
      out.tally.prefetch(ahead.occurrence->taxon, ahead.grid_cell, ahead.area_ids);
    }
    const store::OccurrenceRow& row = batch.rows[i];
    out.tally.add(row.occurrence->taxon, row.occurrence->date, row.grid_cell, row.area_ids);
  }
}

// The reading thread: reads and interprets the archive's records batch by batch until the
// archive ends, a read fails (reader.error()), or the queues are cancelled. It always closes the
// queue of interpreted batches, so the placing thread never waits for a batch that will not come.
void read_and_interpret(biodata::ArchiveReader& reader, biodata::OccurrenceInterpreter& interpreter,
                        Queues& queues, Production& out) {
  try {
    ReadRows rows;
    for (bool more = true; more;) {
      std::optional<BatchPtr> batch = queues.spare.pop();
      if (!batch) break;
      more = timed(out.read_ms, [&] { return read_rows(reader, rows); });
      timed(out.validate_ms, [&] { interpret_rows(interpreter, rows, **batch, out); });
      if (!queues.interpreted.push(std::move(*batch))) break;
    }
  } catch (...) {
    out.read_failure = std::current_exception();
  }
  queues.interpreted.close();
}

// The placing thread: places and tallies the interpreted batches, in the order read, and passes
// them on to the writer; it closes the queue of placed batches once the interpreted ones end.
void place_and_tally(OccurrencePlacer& placer, Queues& queues, Production& out) {
  try {
    while (std::optional<BatchPtr> batch = queues.interpreted.pop()) {
      timed(out.join_ms, [&] { place_batch(placer, **batch, out); });
      bool taken = (*batch)->loaded == 0 ? queues.spare.push(std::move(*batch))  // nothing to write
                                         : queues.placed.push(std::move(*batch));
      if (!taken) break;
    }
  } catch (...) {
    out.place_failure = std::current_exception();
  }
  queues.placed.close();
}

// The reading side, two threads for as long as it lives: one reads and interprets, the other
// places, each batch in turn, while the caller's thread writes. When the writer leaves early (an
// exception from the store), the queues are cancelled and the threads joined before the
// transaction's rollback, so no thread outlives the import.
class ReadingThreads {
 public:
  ReadingThreads(biodata::ArchiveReader& reader, biodata::OccurrenceInterpreter& interpreter,
                 OccurrencePlacer& placer, Queues& queues, Production& out)
      : queues_(queues), reading_([&reader, &interpreter, &queues, &out] {
          read_and_interpret(reader, interpreter, queues, out);
        }) {
    try {
      placing_ = std::thread([&placer, &queues, &out] { place_and_tally(placer, queues, out); });
    } catch (...) {  // no second thread to be had: the first is stopped before the error leaves
      join();
      throw;
    }
  }
  ~ReadingThreads() { join(); }
  ReadingThreads(const ReadingThreads&) = delete;
  ReadingThreads& operator=(const ReadingThreads&) = delete;

  void join() {
    if (!reading_.joinable()) return;
    queues_.cancel();  // after the last batch a no-op; before it, it stops both threads
    reading_.join();
    if (placing_.joinable()) placing_.join();
  }

 private:
  Queues& queues_;
  std::thread reading_, placing_;
};

}  // namespace

// Three threads: the reading thread reads and interprets records, the placing thread places and
// tallies them (ReadingThreads above), and this one writes the batches before, in the
// transaction. The timings add up each thread's own work, so their sum can exceed the total.
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
      Queues queues;
      ReadingThreads reading(reader, interpreter, pipeline.placer, queues, production);
      while (std::optional<BatchPtr> batch = queues.placed.pop()) {
        timed(summary.timings.persist_ms, [&] { writer.write((*batch)->loaded_rows()); });
        summary.records_loaded += (*batch)->loaded;
        if (options.progress) options.progress(summary.records_loaded);
        queues.spare.push(std::move(*batch));
      }
      reading.join();
      if (production.read_failure) std::rethrow_exception(production.read_failure);
      if (production.place_failure) std::rethrow_exception(production.place_failure);
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
