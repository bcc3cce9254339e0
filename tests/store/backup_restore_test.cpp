// `bsap backup` and `bsap restore`, the real program on each backend: the demo database comes back
// row for row with its audit chain intact; a damaged backup or a target with data is refused and
// the target left as it was.
#include <gmock/gmock.h>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "store/audit_repo.h"
#include "store/backup.h"
#include "store/catalogue.h"
#include "store/user_repo.h"
#include "store_test_fixture.h"
#include "support/run_program.h"

namespace bsap::store::testing {
namespace {

using test_support::ProgramResult;
using test_support::run_bsap;
using ::testing::HasSubstr;

using Row = std::vector<std::string>;
using Tables = std::map<std::string, std::vector<Row>>;

// Every row of table, each value as the database writes it as text (NULL as "NULL"), sorted.
std::vector<Row> rows_of(Transaction& tx, const std::string& table) {
  std::string select;
  for (const std::string& column : column_names(tx, table)) {
    if (!select.empty()) select += ", ";
    select += tx.backend() == Backend::sqlite ? "quote(\"" + column + "\")"
                                              : "CAST(\"" + column + "\" AS TEXT)";
  }
  std::vector<Row> rows;
  soci::rowset<soci::row> result = tx.sql().prepare << "SELECT " + select + " FROM " + table;
  for (const soci::row& r : result) {
    Row row;
    for (std::size_t i = 0; i < r.size(); ++i)
      row.push_back(r.get_indicator(i) == soci::i_null ? "NULL" : r.get<std::string>(i));
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// Every table the catalogue lists, with its rows.
Tables every_table(const std::string& url) {
  auto store = open_store(url);
  Tables tables;
  in_transaction(*store, [&](Transaction& tx) {
    for (const std::string& table : table_names(tx)) tables[table] = rows_of(tx, table);
  });
  return tables;
}

void expect_same_tables(const Tables& expected, const Tables& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (const auto& [table, rows] : expected) {
    ASSERT_TRUE(actual.contains(table)) << "missing table " << table;
    const auto& restored = actual.at(table);
    ASSERT_EQ(rows.size(), restored.size()) << "rows in " << table;
    for (std::size_t i = 0; i < rows.size(); ++i)
      ASSERT_EQ(rows[i], restored[i]) << "row " << i << " of " << table;
  }
}

class BackupRestoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/bsap-backup-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    folder_ = pattern;
    try {
      source_ = std::make_unique<TestDatabase>(GetParam());
      target_ = std::make_unique<TestDatabase>(GetParam());
    } catch (const std::exception& e) {
      GTEST_FAIL() << e.what();
    }
  }
  void TearDown() override {
    source_.reset();
    target_.reset();
    std::filesystem::remove_all(folder_);
  }

  // A few users and their audit records: enough history for the tests that need no demo.
  static void add_users(const std::string& url, const std::vector<std::string>& names) {
    auto store = open_store(url);
    store->migrate();
    for (const std::string& name : names)
      in_transaction(*store, [&](Transaction& tx) {
        add_user(tx, {name, "", "", "$argon2id$x", {Role::applicant}}, "test");
      });
  }

  std::string backup_file() const { return (folder_ / "bsap.backup").string(); }

  ProgramResult backup(const std::string& url) {
    return run_bsap({"--db", url, "backup", backup_file()});
  }
  static ProgramResult restore(const std::string& url, const std::string& file,
                               bool force = false) {
    std::vector<std::string> args{"--db", url, "restore", file};
    if (force) args.push_back("--force");
    return run_bsap(args);
  }

  std::filesystem::path folder_;
  std::unique_ptr<TestDatabase> source_;
  std::unique_ptr<TestDatabase> target_;
};

TEST_P(BackupRestoreTest, DemoDatabaseComesBackRowForRowWithItsAuditChain) {
  const auto loaded = run_bsap({"--db", source_->url(), "demo", "load"});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  const auto backed_up = backup(source_->url());
  ASSERT_EQ(backed_up.exit_code, 0) << backed_up.err;
  EXPECT_THAT(backed_up.out, HasSubstr("backup: wrote"));

  const auto restored = restore(target_->url(), backup_file());
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_THAT(restored.out, HasSubstr("chain intact"));

  const Tables original = every_table(source_->url());
  EXPECT_GT(original.size(), 50u);
  EXPECT_GT(original.at("audit_log").size(), 100u);
  expect_same_tables(original, every_table(target_->url()));
  const auto verified = run_bsap({"--db", target_->url(), "audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out;

  // The restored database takes new writes: ids and the chain go on from where the backup ended.
  add_users(target_->url(), {"after_restore"});
  const auto still_verified = run_bsap({"--db", target_->url(), "audit", "verify"});
  EXPECT_EQ(still_verified.exit_code, 0) << still_verified.out;
}

TEST_P(BackupRestoreTest, TruncatedOrForeignFileIsRefusedAndTheTargetIsUnchanged) {
  add_users(source_->url(), {"chan", "wong", "lee"});
  ASSERT_EQ(backup(source_->url()).exit_code, 0);
  add_users(target_->url(), {"cheung"});
  const Tables before = every_table(target_->url());

  const std::string truncated = (folder_ / "truncated.backup").string();
  std::filesystem::copy_file(backup_file(), truncated);
  std::filesystem::resize_file(truncated, std::filesystem::file_size(truncated) / 2);
  const auto from_truncated = restore(target_->url(), truncated, /*force=*/true);
  EXPECT_EQ(from_truncated.exit_code, 1);
  EXPECT_THAT(from_truncated.err, HasSubstr("the database was not changed"));
  expect_same_tables(before, every_table(target_->url()));

  const std::string foreign = (folder_ / "notes.txt").string();
  std::ofstream(foreign) << "not a backup\n";
  const auto from_foreign = restore(target_->url(), foreign, /*force=*/true);
  EXPECT_EQ(from_foreign.exit_code, 1);
  EXPECT_THAT(from_foreign.err, HasSubstr("notes.txt is not a"));
  expect_same_tables(before, every_table(target_->url()));
}

TEST_P(BackupRestoreTest, BackupWithABrokenAuditChainIsRefused) {
  add_users(source_->url(), {"chan", "wong"});
  {
    auto store = open_store(source_->url());
    in_transaction(*store, [](Transaction& tx) {
      tx.sql() << "UPDATE audit_log SET actor = 'nobody' WHERE seq = 1";
    });
  }
  ASSERT_EQ(backup(source_->url()).exit_code, 0);
  const auto restored = restore(target_->url(), backup_file());
  EXPECT_EQ(restored.exit_code, 1);
  EXPECT_THAT(restored.err, HasSubstr("audit chain does not verify"));
}

TEST_P(BackupRestoreTest, TargetWithDataIsReplacedOnlyWithForce) {
  add_users(source_->url(), {"chan", "wong"});
  ASSERT_EQ(backup(source_->url()).exit_code, 0);
  add_users(target_->url(), {"cheung", "lee", "ho"});
  const Tables before = every_table(target_->url());

  const auto refused = restore(target_->url(), backup_file());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("--force"));
  expect_same_tables(before, every_table(target_->url()));

  const auto forced = restore(target_->url(), backup_file(), /*force=*/true);
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  expect_same_tables(every_table(source_->url()), every_table(target_->url()));
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupRestoreTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

}  // namespace
}  // namespace bsap::store::testing
