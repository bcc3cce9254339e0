#include "store/migrations.h"

#include <gmock/gmock.h>
#include <soci/soci.h>

#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/notification_repo.h"
#include "store/user_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

int newest_migration() { return migrations().back().version; }

TEST(Migrations, AreNumberedFromOneWithoutGaps) {
  int expected = 1;
  for (const Migration& migration : migrations()) EXPECT_EQ(migration.version, expected++);
}

TEST(Migrations, BackendStatementsRunAfterTheSharedOnesOnTheirBackendOnly) {
  const Migration migration{9, "test", {"shared {blob}"}, {"sqlite only"}, {"postgres only"}};
  EXPECT_THAT(migration_statements(migration, Backend::sqlite),
              ::testing::ElementsAre("shared BLOB", "sqlite only"));
  EXPECT_THAT(migration_statements(migration, Backend::postgres),
              ::testing::ElementsAre("shared BYTEA", "postgres only"));
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

// A database as bsap left it at schema version 3: built by the migrations of that time, as
// Store::migrate applied them, holding a user, an organisation, a submitted application, a draft
// and notifications (the newest removed).
struct Version3Database {
  std::int64_t user = 0, organisation = 0, submitted = 0, draft = 0, notification = 0,
               removed_notification = 0;
  std::string submitted_at = "2026-03-02T01:02:03.456Z";

  explicit Version3Database(Store& store) {
    in_transaction(store, [&](Transaction& tx) {
      apply_migrations_up_to(tx, 3);
      fill(tx.sql());
    });
  }

  void fill(soci::session& sql) {
    sql << "INSERT INTO users (username, password_hash, email, created_at) VALUES ('chan', "
           "'$argon2id$placeholder', 'chan@example.org', '2026-01-01T00:00:00.000Z') RETURNING id",
        soci::into(user);
    sql << "INSERT INTO organisations (name_zh, name_en, kind, "
           "registered_under_societies_ordinance, created_at, created_by) VALUES ('甲', 'A', "
           "'non_profit_company', 0, '2026-01-01T00:00:00.000Z', :user) RETURNING id",
        soci::use(user), soci::into(organisation);
    sql << "INSERT INTO organisation_members (organisation_id, user_id, is_person_in_charge, "
           "added_at) VALUES (:organisation, :user, 1, '2026-01-01T00:00:00.000Z')",
        soci::use(organisation), soci::use(user);
    sql << "INSERT INTO applications (organisation_id, project_type, title, state, "
           "document_json, revision, created_by, created_at, updated_at, submitted_at, "
           "submitted_on, submitted_by, reference, ruleset_version) VALUES (:organisation, "
           "'management_agreement', '已提交', 'submitted', '{}', 2, :user, "
           "'2026-03-01T00:00:00.000Z', :updated_at, :submitted_at, '2026-03-02', :submitter, "
           "'CCFS-2026-0001', '1.8') RETURNING id",
        soci::use(organisation), soci::use(user), soci::use(submitted_at), soci::use(submitted_at),
        soci::use(user), soci::into(submitted);
    sql << "INSERT INTO applications (organisation_id, project_type, title, state, "
           "document_json, revision, created_by, created_at, updated_at) VALUES (:organisation, "
           "'management_agreement', '草稿', 'draft', '{}', 1, :user, "
           "'2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z') RETURNING id",
        soci::use(organisation), soci::use(user), soci::into(draft);
    notification = add_notification(sql, "kept");
    removed_notification = add_notification(sql, "removed");
    sql << "DELETE FROM notifications WHERE id = :id", soci::use(removed_notification);
  }

  std::int64_t add_notification(soci::session& sql, const std::string& subject) {
    std::int64_t id = 0;
    sql << "INSERT INTO notifications (organisation_id, user_id, kind, subject_zh, subject_en, "
           "body_zh, body_en, created_at) VALUES (:organisation, NULL, 'k', :zh, :en, '', '', "
           "'2026-03-02T01:02:03.456Z') RETURNING id",
        soci::use(organisation), soci::use(subject), soci::use(subject), soci::into(id);
    return id;
  }
};

TEST_P(StoreTest, AVersion3DatabaseMigratesKeepingItsDataAndBeginsTheAssessments) {
  TestDatabase old(GetParam());
  auto store = open_store(old.url());
  const Version3Database v3(*store);
  ASSERT_EQ(store->schema_version(), 3);

  EXPECT_EQ(store->migrate(), newest_migration() - 3);  // 4 onwards
  EXPECT_EQ(store->schema_version(), newest_migration());
  in_transaction(*store, [&](Transaction& tx) {
    EXPECT_EQ(find_user(tx, v3.user)->language, "zh-Hant");
    EXPECT_FALSE(find_application(tx, v3.submitted)->resubmission_of);

    // The application submitted before the migration is on the dashboard, in no round yet.
    const auto assessment = find_assessment(tx, v3.submitted);
    ASSERT_TRUE(assessment);
    EXPECT_EQ(assessment->state, "submitted");
    EXPECT_EQ(assessment->state_since, v3.submitted_at);
    EXPECT_FALSE(assessment->round_id);
    EXPECT_EQ(assessment->reference, "CCFS-2026-0001");
    EXPECT_FALSE(find_assessment(tx, v3.draft));

    // Notifications keep their ids, and a removed one's id does not come back.
    const auto kept = list_organisation_notifications(tx, v3.organisation);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].id, v3.notification);
    EXPECT_EQ(kept[0].organisation_id, v3.organisation);
    const auto added = add_notification(
        tx, {std::nullopt, v3.user, "k", "只給用戶", "to the user only", "", ""}, "test");
    EXPECT_GT(added, v3.removed_notification);
    EXPECT_EQ(list_user_notifications(tx, v3.user).size(), 2u);
  });
  // The new constraint holds on the migrated table.
  EXPECT_THROW(in_transaction(*store,
                              [&](Transaction& tx) {
                                tx.sql() << "INSERT INTO notifications (kind, subject_zh, "
                                            "subject_en, body_zh, body_en, created_at) VALUES "
                                            "('k', 's', 's', 'b', 'b', '2026-01-01')";
                              }),
               StoreError);
}

}  // namespace
}  // namespace bsap::store::testing
