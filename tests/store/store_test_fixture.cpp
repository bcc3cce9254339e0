#include "store_test_fixture.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "store/migrations.h"
#include "store/postgres_store.h"
#include "store/user_repo.h"

namespace bsap::store::testing {
namespace {

std::string postgres_base_url() {
  const char* url = std::getenv("BSAP_TEST_PG_URL");
  if (url == nullptr || *url == '\0')
    throw std::runtime_error(
        "BSAP_TEST_PG_URL is not set, so the PostgreSQL cases cannot run. Run them with "
        "`make test`, or start a throwaway cluster for this program with "
        "`scripts/with-postgres.sh build/h-store/tests/store_tests`.");
  return url;
}

// Unique across the two test processes ctest runs at once and across tests in one process.
std::string unique_name() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return "bsap_t_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(random() % 1'000'000);
}

void run_admin(const std::string& admin_url, const std::string& statement) {
  // A query string keeps SOCI 4.0 from mangling the URL (see src/store/postgres_store.cpp).
  const char* separator = admin_url.find('?') == std::string::npos ? "?" : "&";
  soci::session admin(soci::postgresql, admin_url + separator + "application_name=bsap_tests");
  admin << statement;
}

}  // namespace

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  const std::string name = unique_name();
  if (backend_ == Backend::sqlite) {
    sqlite_folder_ = (std::filesystem::temp_directory_path() / name).string();
    url_ = "sqlite:" + sqlite_folder_ + "/bsap.db";  // the store creates the folder
    return;
  }
  postgres_admin_url_ = postgres_base_url();
  run_admin(postgres_admin_url_, "CREATE DATABASE " + name);
  postgres_name_ = name;
  url_ = url_with_database(postgres_admin_url_, name);
}

TestDatabase::~TestDatabase() {
  try {
    if (backend_ == Backend::sqlite)
      std::filesystem::remove_all(sqlite_folder_);
    else if (!postgres_name_.empty())
      run_admin(postgres_admin_url_, "DROP DATABASE IF EXISTS " + postgres_name_ + " WITH (FORCE)");
  } catch (const std::exception& e) {
    ADD_FAILURE() << "could not remove the test database: " << e.what();
  }
}

void StoreTest::SetUp() {
  try {
    database_ = std::make_unique<TestDatabase>(GetParam());
  } catch (const std::exception& e) {
    GTEST_FAIL() << e.what();
  }
  store_ = open_store(database_->url());
  store_->migrate();
}

void StoreTest::TearDown() {
  store_.reset();  // close the connections before the database goes
  database_.reset();
}

std::int64_t StoreTest::add_test_user(const std::string& username, const std::vector<Role>& roles) {
  std::int64_t id = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    id = add_user(tx,
                  {username, "Name of " + username, username + "@example.org",
                   "$argon2id$placeholder", roles},
                  "test");
  });
  return id;
}

void StoreTest::execute_sql(const std::string& statement) {
  in_transaction(*store_, [&](Transaction& tx) { tx.sql() << statement; });
}

std::int64_t StoreTest::count_rows(const std::string& table) {
  std::int64_t count = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(count);
  });
  return count;
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "sqlite" : "postgres";
}

namespace {

std::string text_of(const soci::row& row, std::size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(i);
    case soci::dt_double:
      return std::to_string(row.get<double>(i));
    case soci::dt_integer:
      return std::to_string(row.get<int>(i));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(i));
    default:
      return "?";
  }
}

}  // namespace

std::vector<std::string> row_lines(Store& store, std::string_view query) {
  std::vector<std::string> out;
  in_transaction(store, [&](Transaction& tx) {
    soci::rowset<soci::row> rows = (tx.sql().prepare << std::string(query));
    for (const soci::row& row : rows) {
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) line += "|";
        line += row.get_indicator(i) == soci::i_null ? "-" : text_of(row, i);
      }
      out.push_back(line);
    }
  });
  return out;
}

void insert_two_areas(Transaction& tx) {
  tx.sql() << "INSERT INTO bio_layers (code, name_zh, name_en, kind, source, imported_at, "
              "imported_by, repair_report_json) VALUES ('dcca', '區', 'DCCA', 'district', 's', "
              "'2026-11-01', 't', '[]')";
  // POINT(1 2) as WKB.
  const std::string point = tx.backend() == Backend::sqlite
                                ? "X'0101000000000000000000F03F0000000000000040'"
                                : "'\\x0101000000000000000000f03f0000000000000040'";
  tx.sql() << "INSERT INTO bio_areas (layer_id, code, name_zh, name_en, area_m2, wkb) VALUES "
              "(1, 'P01', '大埔滘', 'Tai Po Kau', 1.5, " +
                  point + "), (1, 'P02', '米埔', 'Mai Po', 2.5, " + point + ")";
}

void apply_migrations_up_to(Transaction& tx, int version) {
  tx.sql() << "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
              "applied_at TEXT NOT NULL)";
  for (const Migration& migration : migrations()) {
    if (migration.version > version) break;
    for (const std::string& statement : migration_statements(migration, tx.backend()))
      tx.sql() << statement;
    if (migration.fill) migration.fill(tx);
    const std::string name(migration.name);
    tx.sql() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, "
                ":name, '2026-01-01T00:00:00.000Z')",
        soci::use(migration.version), soci::use(name);
  }
}

}  // namespace bsap::store::testing
