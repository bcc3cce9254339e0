#include "store/sqlite_store.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <system_error>

#include "store/soci_errors.h"
#include "store/soci_store.h"
#include "store/sqlite_occurrence_tables.h"
#include "store/sqlite_summary_tables.h"

namespace bsap::store {
namespace {

// How long a writer waits for another to finish before it fails with "database is locked".
constexpr int kBusyTimeoutMs = 10'000;
constexpr std::size_t kPoolCapacity = 8;
// How much of the database file a connection maps: more than a city's hub holds (about 1 GiB at
// a few million records), within SQLite's own limit of 2 GiB.
constexpr long long kMmapBytes = 1LL << 30;

class SqliteStore final : public SociStore {
 public:
  explicit SqliteStore(std::filesystem::path path)
      : SociStore(Backend::sqlite, kPoolCapacity), path_(std::move(path)) {
    connect_now();
  }

 private:
  std::unique_ptr<soci::session> connect() override {
    const std::string doing = "opening SQLite database " + path_.string();
    return translate_soci_errors(doing, [this] {
      auto sql = std::make_unique<soci::session>(soci::sqlite3, "db=\"" + path_.string() + "\"");
      // busy_timeout first: switching to WAL itself may wait for another connection.
      *sql << "PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs);
      *sql << "PRAGMA journal_mode = WAL";
      // FULL: a commit is on disk before COMMIT returns, so not even a power cut loses it.
      *sql << "PRAGMA synchronous = FULL";
      *sql << "PRAGMA foreign_keys = ON";
      // Reads from the file mapped into memory, not copied by a read() per page: a fresh
      // connection's first reads of a page are most of an area's species list (decision 0013
      // §6). Address space only; pages are shared with the kernel's cache of the file.
      *sql << "PRAGMA mmap_size = " + std::to_string(kMmapBytes);
      // The hub's records (migration 17) and its summaries (migration 18), SQLite modules of
      // bsap's own.
      auto* db = static_cast<soci::sqlite3_session_backend*>(sql->get_backend())->conn_;
      register_occurrence_tables(db);
      register_summary_tables(db);
      return sql;
    });
  }

  // IMMEDIATE takes the write lock at BEGIN, so a second writer waits there (busy_timeout)
  // instead of failing with SQLITE_BUSY when its first write finds a lock it cannot upgrade.
  // It also serialises audit appenders, which read the audit head and then write it.
  std::string_view begin_statement() const override { return "BEGIN IMMEDIATE"; }

  bool table_exists(soci::session& sql, const std::string& table) override {
    int count = 0;
    sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :name",
        soci::use(table), soci::into(count);
    return count > 0;
  }

  std::filesystem::path path_;
};

void create_parent_folder(const std::filesystem::path& path) {
  const auto folder = path.parent_path();
  if (folder.empty()) return;
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error)
    throw StoreError("cannot create the folder " + folder.string() +
                     " for the SQLite database: " + error.message());
}

}  // namespace

std::unique_ptr<Store> open_sqlite_store(std::string_view path) {
  if (path.empty()) throw StoreError("the sqlite: URL has no path; example: sqlite:var/bsap.db");
  if (path == ":memory:")
    throw StoreError(
        "in-memory SQLite is not supported: every pooled connection would see its own database");
  if (path.find('"') != std::string_view::npos)
    throw StoreError("the SQLite path must not contain a double quote");
  create_parent_folder(path);
  return std::make_unique<SqliteStore>(path);
}

}  // namespace bsap::store
