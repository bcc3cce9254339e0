#include "store/migrations.h"

#include <soci/soci.h>

#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

int newest_migration() { return migrations().back().version; }

TEST(Migrations, AreNumberedFromOneWithoutGaps) {
  int expected = 1;
  for (const Migration& migration : migrations()) EXPECT_EQ(migration.version, expected++);
}

TEST(Migrations, IdentityIsSpelledPerBackend) {
  EXPECT_EQ(render_migration_statement("id {identity}", Backend::sqlite),
            "id INTEGER PRIMARY KEY AUTOINCREMENT");
  EXPECT_EQ(render_migration_statement("id {identity}", Backend::postgres),
            "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
}

TEST_P(StoreTest, FreshDatabaseHasSchemaVersionZeroUntilMigrated) {
  TestDatabase fresh(GetParam());
  auto store = open_store(fresh.url());
  EXPECT_EQ(store->schema_version(), 0);
  EXPECT_EQ(store->migrate(), static_cast<int>(migrations().size()));
  EXPECT_EQ(store->schema_version(), newest_migration());
}

TEST_P(StoreTest, MigrateTwiceAppliesNothingTheSecondTime) {
  EXPECT_EQ(store_->migrate(), 0);
  EXPECT_EQ(store_->schema_version(), newest_migration());
  EXPECT_EQ(count_rows("schema_migrations"), static_cast<std::int64_t>(migrations().size()));
}

TEST_P(StoreTest, EachAppliedMigrationIsRecordedWithNameAndUtcTime) {
  std::string name, applied_at;
  in_transaction(*store_, [&](Transaction& tx) {
    tx.sql() << "SELECT name, applied_at FROM schema_migrations WHERE version = 1",
        soci::into(name), soci::into(applied_at);
  });
  EXPECT_EQ(name, migrations().front().name);
  EXPECT_EQ(applied_at.size(), std::string("2026-11-22T13:05:09.123Z").size());
  EXPECT_EQ(applied_at.back(), 'Z');
}

TEST_P(StoreTest, ForeignKeysAreEnforced) {
  EXPECT_THROW(execute_sql("INSERT INTO user_roles (user_id, role) VALUES (999, 'committee')"),
               StoreError);
}

}  // namespace
}  // namespace bsap::store::testing
