// What the SQLite and PostgreSQL stores share: the connection pool, transactions and migrations,
// all over SOCI. A backend supplies only how to connect and the few statements that differ.
#pragma once
#include <cstddef>
#include <memory>
#include <string_view>

#include "store/migrations.h"
#include "store/session_pool.h"
#include "store/store.h"

namespace bsap::store {

class SociStore : public Store {
 public:
  Backend backend() const final { return backend_; }
  int migrate() final;
  int schema_version() final;
  std::unique_ptr<Transaction> begin() final;

 protected:
  SociStore(Backend backend, std::size_t pool_capacity);

  // Derived constructors call this last, so that a store that cannot connect fails in
  // open_store rather than at its first request.
  void connect_now();

  // One new connection, configured for use (pragmas, session settings). Throws StoreError.
  virtual std::unique_ptr<soci::session> connect() = 0;
  // The statement that starts a write transaction.
  virtual std::string_view begin_statement() const = 0;
  // Throws StoreError if the open transaction can no longer commit.
  virtual void check_committable(soci::session&) {}
  // Called first in every migration transaction, to keep other processes from migrating at the
  // same time.
  virtual void lock_for_migration(soci::session&) {}
  virtual bool table_exists(soci::session& sql, const std::string& table) = 0;

 private:
  class SociTransaction;

  void create_migrations_table();
  bool apply(const Migration& migration);

  const Backend backend_;
  SessionPool pool_;
};

}  // namespace bsap::store
