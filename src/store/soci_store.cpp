#include "store/soci_store.h"

#include <soci/soci.h>

#include "store/soci_errors.h"
#include "store/utc_clock.h"

namespace bsap::store {

// The SQL transaction on one leased connection. Plain BEGIN/COMMIT/ROLLBACK statements rather
// than soci::transaction, because SQLite needs BEGIN IMMEDIATE (see sqlite_store.cpp).
class SociStore::SociTransaction final : public Transaction {
 public:
  SociTransaction(SociStore& store, SessionPool::Lease lease)
      : store_(store), lease_(std::move(lease)) {
    try {
      sql() << store_.begin_statement();
    } catch (const soci::soci_error&) {
      lease_.discard();  // most likely a dropped connection; the next begin() opens a new one
      throw;
    }
  }

  ~SociTransaction() override {
    if (!open_) return;
    try {
      sql() << "ROLLBACK";
    } catch (...) {
      lease_.discard();  // the connection's state is unknown; never lend it again
    }
  }

  void commit() override {
    translate_soci_errors("committing", [this] {
      store_.check_committable(sql());
      sql() << "COMMIT";
    });
    open_ = false;
  }

  soci::session& sql() override { return lease_.session(); }
  Backend backend() const override { return store_.backend(); }

 private:
  SociStore& store_;
  SessionPool::Lease lease_;
  bool open_ = true;
};

SociStore::SociStore(Backend backend, std::size_t pool_capacity)
    : backend_(backend), pool_(pool_capacity, [this] { return connect(); }) {}

void SociStore::connect_now() { pool_.acquire(); }

std::unique_ptr<Transaction> SociStore::begin() {
  return translate_soci_errors("starting a transaction", [this] {
    return std::make_unique<SociTransaction>(*this, pool_.acquire());
  });
}

int SociStore::migrate() {
  return translate_soci_errors("migrating the database", [this] {
    create_migrations_table();
    int applied = 0;
    for (const Migration& migration : migrations())
      if (apply(migration)) ++applied;
    return applied;
  });
}

int SociStore::schema_version() {
  return translate_soci_errors("reading the schema version", [this] {
    auto tx = begin();
    if (!table_exists(tx->sql(), "schema_migrations")) return 0;
    int version = 0;
    soci::indicator present = soci::i_null;
    tx->sql() << "SELECT MAX(version) FROM schema_migrations", soci::into(version, present);
    return present == soci::i_ok ? version : 0;
  });
}

void SociStore::create_migrations_table() {
  auto tx = begin();
  lock_for_migration(tx->sql());
  tx->sql() << "CREATE TABLE IF NOT EXISTS schema_migrations ("
               "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
  tx->commit();
}

// Applies migration unless it already is; false if it was. The check runs under the migration
// lock, so two processes starting together apply each migration once.
bool SociStore::apply(const Migration& migration) {
  auto tx = begin();
  soci::session& sql = tx->sql();
  lock_for_migration(sql);
  int already = 0;
  sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :version",
      soci::use(migration.version), soci::into(already);
  if (already > 0) return false;

  for (const std::string& statement : migration_statements(migration, backend_)) sql << statement;
  if (migration.fill) migration.fill(*tx);
  const std::string name(migration.name);
  const std::string applied_at = utc_timestamp();
  sql << "INSERT INTO schema_migrations (version, name, applied_at) "
         "VALUES (:version, :name, :applied_at)",
      soci::use(migration.version), soci::use(name), soci::use(applied_at);
  tx->commit();
  return true;
}

}  // namespace bsap::store
