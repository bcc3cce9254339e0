// `bsap backup FILE` and `bsap restore FILE [--force]`: the store does the work (store/backup.h);
// this file reads the options, shows progress and maps outcomes to exit codes.
#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "store/backup.h"

namespace bsap::cli {
namespace {

// Prints a line each time another tenth of a copy is done, for copies of more than one step.
store::CopyProgress tenths_on_stderr(const std::string& what) {
  return [what, reported = std::int64_t{0}](std::int64_t done, std::int64_t total) mutable {
    if (total <= 0 || (done == total && reported == 0)) return;
    const std::int64_t tenth = done * 10 / total;
    if (tenth <= reported) return;
    reported = tenth;
    std::cerr << what << ": " << done << " of " << total << " pages (" << tenth * 10 << "%)\n";
  };
}

std::string megabytes(std::uintmax_t bytes) {
  return std::to_string(bytes / (1024 * 1024)) + "." +
         std::to_string(bytes % (1024 * 1024) * 10 / (1024 * 1024)) + " MiB";
}

void run_backup(const GlobalOptions& options, const std::string& file) {
  const auto started = std::chrono::steady_clock::now();
  const store::BackupOutcome outcome =
      store::backup_database(options.db_url, file, tenths_on_stderr("backup"));
  if (!outcome.ok) {
    std::cerr << "bsap backup: " << outcome.message << "\n";
    throw CommandExit{kStoreFailed};
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  std::cout << "backup: wrote " << file << " (" << megabytes(outcome.bytes) << ", " << outcome.bytes
            << " bytes) in " << elapsed.count() << " ms\n";
}

void run_restore(const GlobalOptions& options, const std::string& file, bool force) {
  const store::RestoreOutcome outcome =
      store::restore_database(options.db_url, file, force, tenths_on_stderr("restore"));
  switch (outcome.status) {
    case store::RestoreStatus::restored:
      std::cout << "restore: " << file << " restored; schema version " << outcome.schema_version
                << ", audit log " << outcome.audit_records << " records, chain intact\n";
      return;
    case store::RestoreStatus::target_holds_data:
      std::cerr << "bsap restore: " << outcome.message << "\n";
      throw CommandExit{kBadInput};
    case store::RestoreStatus::bad_backup:
      std::cerr << "bsap restore: " << outcome.message << "; the database was not changed\n";
      throw CommandExit{kCheckFailed};
    case store::RestoreStatus::failed:
      std::cerr << "bsap restore: " << outcome.message << "; the database was not changed\n";
      throw CommandExit{kStoreFailed};
  }
}

}  // namespace

void add_backup_commands(CLI::App& app, const GlobalOptions& options) {
  static std::string backup_file;
  auto* backup = app.add_subcommand(
      "backup",
      "Write the database to FILE while the server may run (SQLite: a database file; "
      "PostgreSQL: a pg_dump custom-format archive)");
  backup->add_option("file", backup_file, "The backup file to write")->required();
  backup->callback([&options] { run_backup(options, backup_file); });

  static std::string restore_file;
  static bool force = false;
  auto* restore = app.add_subcommand(
      "restore",
      "Replace the database with a backup, after checking it (integrity, schema version, audit "
      "chain); stop the server first");
  restore->add_option("file", restore_file, "The backup file to read")->required();
  restore->add_flag("--force", force, "Replace a database that holds data");
  restore->callback([&options] { run_restore(options, restore_file, force); });
}

}  // namespace bsap::cli
