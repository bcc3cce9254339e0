// Backing a database up to one file and restoring it, on either backend (issue 10).
//
// SQLite: the online backup API copies the live database page by page (the server may keep
// running) into a single self-contained file. Restore copies the file to a scratch database
// beside the target, checks it there (integrity_check, a schema version this program knows, the
// audit chain), and only then copies it into the target with the backup API, whose destination
// writes are one transaction: a restore that fails leaves the target as it was.
//
// PostgreSQL: pg_dump's custom format (one consistent snapshot while the server runs). Restore
// reads the whole archive, restores it into a scratch database and checks it there as above, then
// replays it into the target with psql in one transaction that first drops the target's tables.
//
// Failures come back as outcomes with a message for the operator, never as exceptions.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace bsap::store {

// Called as a copy proceeds: units done of total (SQLite pages; PostgreSQL reports no progress).
using CopyProgress = std::function<void(std::int64_t done, std::int64_t total)>;

struct BackupOutcome {
  bool ok = false;
  std::string message;  // what went wrong; empty when ok
  std::uintmax_t bytes = 0;
};

// Writes the database at url to file, atomically: the file appears whole or not at all.
BackupOutcome backup_database(std::string_view url, const std::filesystem::path& file,
                              const CopyProgress& progress = {});

enum class RestoreStatus {
  restored,
  target_holds_data,  // refused: the target has data and force was not given
  bad_backup,         // refused: the file is not a backup, damaged, or fails its checks
  failed,             // the restore itself failed; the target is unchanged
};

struct RestoreOutcome {
  RestoreStatus status = RestoreStatus::failed;
  std::string message;  // why it was refused or failed; empty when restored
  int schema_version = 0;
  std::int64_t audit_records = 0;
};

// Replaces the database at url with the backup in file, after checking the backup. A target
// holding data is replaced only when force is set.
RestoreOutcome restore_database(std::string_view url, const std::filesystem::path& file, bool force,
                                const CopyProgress& progress = {});

// True when a table other than the schema's own bookkeeping (schema_migrations, the audit head's
// starting row) holds a row.
bool holds_data(Transaction& tx);

// Why the database cannot serve as bsap's (damaged, a schema version this program does not know,
// a broken audit chain), or "" when it can. Sets the schema version and audit records found.
std::string check_restorable(Store& store, int& schema_version, std::int64_t& audit_records);

}  // namespace bsap::store
