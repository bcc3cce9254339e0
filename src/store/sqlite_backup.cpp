// SQLite backup and restore through SQLite's online backup API (sqlite3_backup_*).
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <fstream>

#include "store/backup_backends.h"

namespace bsap::store {
namespace {

// 1,024 pages of 4 KiB: 4 MiB per step, so a long copy reports its progress while a writer that
// changes the source between steps (which restarts the copy) has few chances to.
constexpr int kPagesPerStep = 1024;
constexpr int kBusyTimeoutMs = 10'000;
constexpr std::string_view kSqliteHeader{"SQLite format 3\0", 16};

class Connection {
 public:
  Connection(const std::filesystem::path& path, int flags) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      const std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      throw StoreError("cannot open SQLite database " + path.string() + ": " + reason);
    }
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  }
  ~Connection() { sqlite3_close(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* get() const { return db_; }

  // Runs sql and returns the first column of its first row ("" when none).
  std::string query_text(const char* sql, const std::string& doing) {
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr);
    std::string result;
    if (rc == SQLITE_OK) rc = sqlite3_step(statement);
    if (rc == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(statement, 0);
      result = text ? reinterpret_cast<const char*>(text) : "";
      while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      }
    }
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) throw StoreError(doing + ": " + sqlite3_errmsg(db_));
    return result;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Copies every page of from into to. The destination's writes are one transaction, committed
// only when the last page is in, so a failure part-way leaves the destination as it was.
void copy_pages(Connection& from, Connection& to, const std::string& doing,
                const CopyProgress& progress) {
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (backup == nullptr) throw StoreError(doing + ": " + sqlite3_errmsg(to.get()));
  int rc = SQLITE_OK;
  while ((rc = sqlite3_backup_step(backup, kPagesPerStep)) == SQLITE_OK) {
    const int total = sqlite3_backup_pagecount(backup);
    if (progress) progress(total - sqlite3_backup_remaining(backup), total);
  }
  const int total = sqlite3_backup_pagecount(backup);
  if (rc == SQLITE_DONE && progress) progress(total, total);
  sqlite3_backup_finish(backup);
  if (rc == SQLITE_DONE) return;
  const std::string reason = sqlite3_errstr(rc), detail = sqlite3_errmsg(to.get());
  throw StoreError(doing + ": " + reason + (detail == reason ? "" : " (" + detail + ")"));
}

void remove_database_files(const std::filesystem::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path.string() + suffix, ignored);
}

// A scratch file beside target (same folder, so the same file system), removed when done.
class ScratchFile {
 public:
  ScratchFile(const std::filesystem::path& target, const char* purpose)
      : path_(target.string() + "." + purpose + "-" + std::to_string(getpid())) {
    remove_database_files(path_);
  }
  ~ScratchFile() { remove_database_files(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Makes a rename in folder survive a power cut.
void sync_folder(const std::filesystem::path& folder) {
  const int fd = open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

bool starts_with_sqlite_header(const std::filesystem::path& file) {
  std::array<char, kSqliteHeader.size()> header{};
  std::ifstream in(file, std::ios::binary);
  in.read(header.data(), header.size());
  return in && std::string_view(header.data(), header.size()) == kSqliteHeader;
}

void create_parent_folder(const std::filesystem::path& path) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
}

}  // namespace

std::uintmax_t sqlite_backup(const std::filesystem::path& database,
                             const std::filesystem::path& file, const CopyProgress& progress) {
  if (!std::filesystem::is_regular_file(database))
    throw StoreError("no SQLite database at " + database.string());
  create_parent_folder(file);
  ScratchFile partial(file, "partial");
  {
    Connection source(database, SQLITE_OPEN_READWRITE);
    Connection copy(partial.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    copy_pages(source, copy, "copying " + database.string(), progress);
    // The live database is in WAL mode; the backup is one self-contained file.
    copy.query_text("PRAGMA journal_mode = DELETE", "making the backup one file");
    const std::string integrity = copy.query_text("PRAGMA integrity_check", "checking the backup");
    if (integrity != "ok")
      throw StoreError("the copy fails SQLite's integrity check: " + integrity);
  }
  std::filesystem::rename(partial.path(), file);
  sync_folder(file.parent_path());
  return std::filesystem::file_size(file);
}

RestoreOutcome sqlite_restore(const std::filesystem::path& database,
                              const std::filesystem::path& file, bool force,
                              const CopyProgress& progress) {
  if (!starts_with_sqlite_header(file))
    throw BadBackup(file.string() +
                    " is not a SQLite database, so not a backup of a sqlite: database");
  create_parent_folder(database);
  if (std::filesystem::exists(database) && !force) {
    auto target = open_store("sqlite:" + database.string());
    bool has_data = false;
    in_transaction(*target, [&](Transaction& tx) { has_data = holds_data(tx); });
    if (has_data) throw TargetHoldsData(holds_data_message(database.string()));
  }

  // Check a copy of the backup rather than the file itself: opening it as a store would write to
  // it (WAL), and the copy is what goes into the target.
  ScratchFile scratch(database, "restore");
  const RestoreOutcome outcome = checked_in_scratch(
      file, "sqlite:" + scratch.path().string(), "is damaged or incomplete", [&] {
        Connection source(file, SQLITE_OPEN_READONLY);
        Connection copy(scratch.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        copy_pages(source, copy, "reading the backup", {});
      });

  Connection from(scratch.path(), SQLITE_OPEN_READONLY);
  Connection into(database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  copy_pages(from, into, "writing " + database.string(), progress);
  return outcome;
}

}  // namespace bsap::store
