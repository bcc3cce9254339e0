#include "store/audit_repo.h"

#include <gmock/gmock.h>

#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::ElementsAre;

AuditVerification verify(Store& store) {
  AuditVerification verification;
  in_transaction(store, [&](Transaction& tx) { verification = verify_audit_log(tx); });
  return verification;
}

std::vector<std::string> details(const AuditVerification& verification) {
  std::vector<std::string> out;
  for (const auto& problem : verification.problems) out.push_back(problem.detail);
  return out;
}

void append_events(Store& store, int count) {
  for (int i = 0; i < count; ++i) {
    in_transaction(store, [&](Transaction& tx) {
      append_audit(tx, {"officer", "application", std::to_string(i), "submit", "{}", "{}"});
    });
  }
}

TEST_P(StoreTest, AppendedRecordsAreNumberedAndChained) {
  append_events(*store_, 3);
  std::vector<AuditRecord> records;
  in_transaction(*store_, [&](Transaction& tx) { records = load_audit_log(tx); });
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].prev_hash, genesis_hash());
  EXPECT_EQ(records[1].prev_hash, records[0].hash);
  EXPECT_EQ(records[2].seq, 3);
  EXPECT_EQ(records[2].hash, compute_audit_hash(records[2]));
  EXPECT_TRUE(verify(*store_).ok());
}

// The head's seq is what cached pages are checked against: it moves with every append.
TEST_P(StoreTest, TheHeadSeqMovesWithEveryAppend) {
  std::int64_t before = -1;
  in_transaction(*store_, [&](Transaction& tx) { before = audit_head_seq(tx); });
  append_events(*store_, 2);
  std::int64_t after = -1;
  in_transaction(*store_, [&](Transaction& tx) { after = audit_head_seq(tx); });
  EXPECT_EQ(after, before + 2);
}

TEST_P(StoreTest, EditedAndRemovedRecordsInTheDatabaseAreNamed) {
  append_events(*store_, 6);
  execute_sql("UPDATE audit_log SET after_json = '{\"approved\":true}' WHERE seq = 2");
  execute_sql("DELETE FROM audit_log WHERE seq = 4");
  EXPECT_THAT(
      details(verify(*store_)),
      ElementsAre("record 2: edited (hash does not match its contents)", "record 4: removed"));
}

TEST_P(StoreTest, RemovedNewestRecordInTheDatabaseIsNamed) {
  append_events(*store_, 4);
  execute_sql("DELETE FROM audit_log WHERE seq = 4");
  EXPECT_THAT(details(verify(*store_)), ElementsAre("record 4: removed"));
}

}  // namespace
}  // namespace bsap::store::testing
