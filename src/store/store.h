// The storage interface the rest of bsap sees. Two implementations: SQLite (WAL, foreign keys on;
// the default, one file) and PostgreSQL 15. Both apply the same numbered migrations at start.
//
// Every write happens inside a Transaction; a Transaction that is destroyed without commit()
// rolls back, so an exception never leaves half a change behind. Audit records are appended in
// the same transaction as the change they describe (see audit_repo.h).
#pragma once
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace soci {
class session;
}

namespace bsap::store {

enum class Backend { sqlite, postgres };

// A storage failure with a message that says what to fix (bad URL, unreachable server, ...).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Transaction {
 public:
  virtual ~Transaction() = default;  // rolls back unless committed
  virtual void commit() = 0;
  virtual soci::session& sql() = 0;
  virtual Backend backend() const = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual Backend backend() const = 0;
  // Applies every migration not yet applied, in order, each in its own transaction.
  // Returns how many were applied.
  virtual int migrate() = 0;
  // The newest migration number applied (0 for an empty database).
  virtual int schema_version() = 0;
  // Starts a write transaction. Thread-safe: callers on several threads each get their own.
  virtual std::unique_ptr<Transaction> begin() = 0;
};

// Opens a store from a URL: "sqlite:PATH" (creating the file and its folder) or
// "postgresql://user@host:port/db". Throws StoreError with a message naming the URL's fault.
std::unique_ptr<Store> open_store(std::string_view url);

// Runs work in a new transaction and commits it; if work throws, the transaction rolls back and
// the exception propagates, a database error (SOCI's) as StoreError, so that callers outside
// store/ need not know SOCI.
void in_transaction(Store& store, const std::function<void(Transaction&)>& work);

}  // namespace bsap::store
