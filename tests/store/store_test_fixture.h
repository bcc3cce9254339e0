// The store suite's fixture: every test gets a database of its own on the backend under test
// (ctest runs tests as separate processes, two at a time), migrated, and removed afterwards.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/role.h"
#include "store/store.h"

namespace bsap::store::testing {

// A fresh, empty database: a temporary SQLite file, or a new database in the PostgreSQL cluster
// named by BSAP_TEST_PG_URL. Throws std::runtime_error (saying how to get a cluster) if that
// variable is unset.
class TestDatabase {
 public:
  explicit TestDatabase(Backend backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }

 private:
  Backend backend_;
  std::string url_;
  std::string sqlite_folder_;
  std::string postgres_admin_url_;
  std::string postgres_name_;
};

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A user with a placeholder password hash (hashing is slow and not under test here).
  std::int64_t add_test_user(const std::string& username,
                             const std::vector<Role>& roles = {Role::secretariat});
  // Runs raw SQL in a committed transaction, as an intruder with database access would.
  void execute_sql(const std::string& statement);
  std::int64_t count_rows(const std::string& table);

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

// Every row of a query as "v1|v2|…", in the query's order; NULL as "-", numbers as
// std::to_string writes them, so that both backends' rows compare as text.
std::vector<std::string> row_lines(Store& store, std::string_view query);

// The hub's test areas, for tests that build a database by hand: layer 1 "dcca" with area 1
// "P01" (Tai Po Kau) and area 2 "P02" (Mai Po), each a point's WKB (PostGIS derives their
// geometry from it).
void insert_two_areas(Transaction& tx);

// Applies migrations 1 to `version` to an empty database as Store::migrate does (statements,
// fill, the schema_migrations record), for tests of a database as an older bsap left it.
void apply_migrations_up_to(Transaction& tx, int version);

}  // namespace bsap::store::testing
