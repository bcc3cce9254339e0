// `bsap audit verify`, the real program against a real database on each backend.
#include <gmock/gmock.h>

#include "store/audit_repo.h"
#include "store/user_repo.h"
#include "store_test_fixture.h"
#include "support/run_program.h"

namespace bsap::store::testing {
namespace {

using test_support::ProgramResult;
using test_support::run_bsap;

using ::testing::HasSubstr;

ProgramResult audit_verify(const std::string& url) {
  return run_bsap({"--db", url, "audit", "verify"});
}

// Six records: four users added, one disabled, one given new roles.
void write_some_history(Store& store) {
  std::vector<std::int64_t> ids;
  for (const char* name : {"chan", "wong", "lee", "cheung"}) {
    in_transaction(store, [&](Transaction& tx) {
      ids.push_back(add_user(tx, {name, "", "", "$argon2id$x", {Role::applicant}}, "test"));
    });
  }
  in_transaction(store, [&](Transaction& tx) { set_user_disabled(tx, ids[1], true, "admin"); });
  in_transaction(store,
                 [&](Transaction& tx) { set_user_roles(tx, ids[2], {Role::committee}, "admin"); });
}

TEST_P(StoreTest, AuditVerifyOnAnUntouchedLogSaysIntactAndExitsZero) {
  write_some_history(*store_);
  const auto result = audit_verify(database_->url());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "audit log: 6 records, chain intact\n");
}

TEST_P(StoreTest, AuditVerifyNamesARecordEditedAndARecordRemovedWithSql) {
  write_some_history(*store_);
  execute_sql("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2");
  execute_sql("DELETE FROM audit_log WHERE seq = 4");

  const auto result = audit_verify(database_->url());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_THAT(result.out, HasSubstr("record 2: edited (hash does not match its contents)\n"));
  EXPECT_THAT(result.out, HasSubstr("record 4: removed\n"));
}

TEST_P(StoreTest, AuditVerifyNamesTheNewestRecordsRemoved) {
  write_some_history(*store_);
  execute_sql("DELETE FROM audit_log WHERE seq >= 5");

  const auto result = audit_verify(database_->url());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("records 5–6: removed\n"));
}

}  // namespace
}  // namespace bsap::store::testing
