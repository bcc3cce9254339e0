#include "store/store.h"

#include "store/postgres_store.h"
#include "store/soci_errors.h"
#include "store/sqlite_store.h"

namespace bsap::store {

std::unique_ptr<Store> open_store(std::string_view url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) return open_sqlite_store(url.substr(kSqlite.size()));
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return open_postgres_store(url);
  // Only the scheme is echoed: the rest of a mistyped URL may hold a password.
  const std::string_view scheme = url.substr(0, url.find(':'));
  throw StoreError("unsupported database URL (scheme \"" + std::string(scheme) +
                   "\"): use sqlite:PATH (for example sqlite:var/bsap.db) or "
                   "postgresql://USER@HOST:PORT/DATABASE");
}

void in_transaction(Store& store, const std::function<void(Transaction&)>& work) {
  auto tx = store.begin();
  translate_soci_errors("database error", [&] { work(*tx); });
  tx->commit();
}

}  // namespace bsap::store
