#include "store/backup.h"

#include <soci/soci.h>

#include "store/audit_repo.h"
#include "store/backup_backends.h"
#include "store/catalogue.h"
#include "store/migrations.h"
#include "store/soci_errors.h"

namespace bsap::store {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

bool is_sqlite(std::string_view url) { return url.starts_with(kSqlitePrefix); }

bool is_postgres(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string unsupported_url() {
  return "unsupported database URL: use sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE";
}

}  // namespace

BackupOutcome backup_database(std::string_view url, const std::filesystem::path& file,
                              const CopyProgress& progress) {
  BackupOutcome outcome;
  try {
    if (is_sqlite(url))
      outcome.bytes = sqlite_backup(url.substr(kSqlitePrefix.size()), file, progress);
    else if (is_postgres(url))
      outcome.bytes = postgres_backup(std::string(url), file);
    else
      throw StoreError(unsupported_url());
    outcome.ok = true;
  } catch (const std::exception& e) {
    outcome.message = e.what();
  }
  return outcome;
}

RestoreOutcome restore_database(std::string_view url, const std::filesystem::path& file, bool force,
                                const CopyProgress& progress) {
  try {
    if (!std::filesystem::is_regular_file(file))
      throw BadBackup("no backup file at " + file.string());
    if (is_sqlite(url))
      return sqlite_restore(url.substr(kSqlitePrefix.size()), file, force, progress);
    if (is_postgres(url)) return postgres_restore(std::string(url), file, force);
    throw StoreError(unsupported_url());
  } catch (const TargetHoldsData& e) {
    return {RestoreStatus::target_holds_data, e.what()};
  } catch (const BadBackup& e) {
    return {RestoreStatus::bad_backup, e.what()};
  } catch (const std::exception& e) {
    return {RestoreStatus::failed, e.what()};
  }
}

bool holds_data(Transaction& tx) {
  for (const std::string& table : table_names(tx)) {
    if (table == "schema_migrations") continue;
    // The audit head's starting row (seq 0) comes with the schema; any other is data.
    const std::string query = table == "audit_head"
                                  ? "SELECT COUNT(*) FROM audit_head WHERE seq > 0"
                                  : "SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) t";
    int rows = 0;
    translate_soci_errors("counting rows in " + table,
                          [&] { tx.sql() << query, soci::into(rows); });
    if (rows > 0) return true;
  }
  return false;
}

RestoreOutcome checked_in_scratch(const std::filesystem::path& file, const std::string& scratch_url,
                                  std::string_view failure, const std::function<void()>& load) {
  RestoreOutcome outcome{RestoreStatus::restored, ""};
  try {
    load();
    auto candidate = open_store(scratch_url);
    const std::string problem =
        check_restorable(*candidate, outcome.schema_version, outcome.audit_records);
    if (!problem.empty())
      throw BadBackup("the backup " + file.string() + " is refused: " + problem);
  } catch (const BadBackup&) {
    throw;
  } catch (const std::exception& e) {
    throw BadBackup("the backup " + file.string() + " " + std::string(failure) + ": " + e.what());
  }
  return outcome;
}

std::string check_restorable(Store& store, int& schema_version, std::int64_t& audit_records) {
  schema_version = store.schema_version();
  const int known = migrations().back().version;  // the newest schema this program knows
  if (schema_version == 0) return "it holds no bsap schema (no schema_migrations)";
  if (schema_version > known)
    return "its schema version " + std::to_string(schema_version) +
           " is newer than this program knows (" + std::to_string(known) +
           "); restore it with the bsap that made it";
  std::string problem;
  in_transaction(store, [&](Transaction& tx) {
    if (tx.backend() == Backend::sqlite) {
      std::string integrity;
      tx.sql() << "PRAGMA integrity_check", soci::into(integrity);
      if (integrity != "ok") {
        problem = "SQLite's integrity check fails: " + integrity;
        return;
      }
    }
    const AuditVerification verification = verify_audit_log(tx);
    audit_records = verification.records_checked;
    if (!verification.ok())
      problem = "its audit chain does not verify: " + verification.problems.front().detail;
  });
  return problem;
}

std::string holds_data_message(const std::string& target) {
  return target +
         " holds data; restoring would replace it. Restore into an empty database, or give "
         "--force to replace it";
}

}  // namespace bsap::store
