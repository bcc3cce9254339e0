#include "store/postgres_store.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <algorithm>

#include "store/soci_errors.h"
#include "store/soci_store.h"

namespace bsap::store {
namespace {

constexpr std::size_t kPoolCapacity = 8;
// Any constant will do, as long as nothing else in the database uses it: "bsap" in ASCII.
constexpr long long kMigrationLockKey = 0x62736170;

// "host:port (database db)" for messages, from libpq's own parse of the URL; never the password.
std::string describe_target(std::string_view url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(std::string(url).c_str(), &error);
  if (options == nullptr) {
    std::string reason = error ? error : "out of memory";
    PQfreemem(error);
    throw StoreError(fmt::format("bad PostgreSQL URL: {}", reason));
  }
  std::string host = "localhost", port = "5432", dbname = "(default)";
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || *o->val == '\0') continue;
    const std::string_view keyword = o->keyword;
    if (keyword == "host" || keyword == "hostaddr") host = o->val;
    if (keyword == "port") port = o->val;
    if (keyword == "dbname") dbname = o->val;
  }
  PQconninfoFree(options);
  return fmt::format("{}:{} (database {})", host, port, dbname);
}

// The URL handed to SOCI, with the parameters bsap relies on unless the operator set them. It also
// works around SOCI 4.0, which splits its connect string into key=value words and appends "=" to
// a word without one, mangling a bare URL; a URL with a query string has "=" and no spaces (they
// are percent-encoded), so it passes through whole.
std::string connection_url(std::string_view url) {
  std::string out(url);
  for (std::string_view parameter : {"application_name=bsap", "connect_timeout=10"}) {
    const std::string key(parameter.substr(0, parameter.find('=') + 1));
    if (out.find(key) != std::string::npos) continue;
    out += out.find('?') == std::string::npos ? '?' : '&';
    out += parameter;
  }
  return out;
}

PGconn* native_connection(soci::session& sql) {
  return static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
}

class PostgresStore final : public SociStore {
 public:
  explicit PostgresStore(std::string_view url)
      : SociStore(Backend::postgres, kPoolCapacity),
        url_(connection_url(url)),
        target_(describe_target(url)) {
    connect_now();
  }

 private:
  std::unique_ptr<soci::session> connect() override {
    return translate_soci_errors("cannot connect to PostgreSQL at " + target_, [this] {
      auto sql = std::make_unique<soci::session>(soci::postgresql, url_);
      // Keeps NOTICEs such as "relation already exists, skipping" off the operator's terminal.
      *sql << "SET client_min_messages TO WARNING";
      return sql;
    });
  }

  // READ COMMITTED; the audit head's row lock (audit_repo.cpp) orders appenders.
  std::string_view begin_statement() const override { return "BEGIN"; }

  // After a failed statement PostgreSQL answers COMMIT with a silent ROLLBACK; a caller that
  // caught the error and committed anyway must hear that nothing was saved.
  void check_committable(soci::session& sql) override {
    if (PQtransactionStatus(native_connection(sql)) == PQTRANS_INERROR)
      throw StoreError("the transaction failed earlier and was rolled back; nothing was saved");
  }

  void lock_for_migration(soci::session& sql) override {
    sql << "SELECT pg_advisory_xact_lock(:key)", soci::use(kMigrationLockKey);
  }

  bool table_exists(soci::session& sql, const std::string& table) override {
    int count = 0;
    sql << "SELECT COUNT(*) FROM information_schema.tables "
           "WHERE table_schema = current_schema() AND table_name = :name",
        soci::use(table), soci::into(count);
    return count > 0;
  }

  const std::string url_;
  const std::string target_;
};

}  // namespace

std::unique_ptr<Store> open_postgres_store(std::string_view url) {
  return std::make_unique<PostgresStore>(url);
}

std::string url_with_database(const std::string& url, const std::string& name) {
  const auto authority = url.find("://") + 3;
  const auto path = url.find('/', authority);
  const auto query = url.find('?', authority);
  const std::string parameters = query == std::string::npos ? "" : url.substr(query);
  const auto host_end = path == std::string::npos ? std::min(query, url.size()) : path;
  return url.substr(0, host_end) + "/" + name + parameters;
}

}  // namespace bsap::store
