#include <soci/soci.h>

#include <stdexcept>
#include <thread>

#include "store/audit_repo.h"
#include "store/user_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

TEST_P(StoreTest, ExceptionInsideTheTransactionLeavesNoRowAndNoAuditRecord) {
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                add_user(tx, {"rolled.back", "", "", "$argon2id$x", {}}, "test");
                                throw std::runtime_error("the caller changed its mind");
                              }),
               std::runtime_error);
  EXPECT_EQ(count_rows("users"), 0);
  EXPECT_EQ(count_rows("audit_log"), 0);
  in_transaction(*store_, [&](Transaction& tx) {
    const auto verification = verify_audit_log(tx);
    EXPECT_TRUE(verification.ok());
    EXPECT_EQ(verification.records_checked, 0);
  });
}

TEST_P(StoreTest, TransactionDestroyedWithoutCommitRollsBack) {
  {
    auto tx = store_->begin();
    add_user(*tx, {"never.committed", "", "", "$argon2id$x", {}}, "test");
  }
  EXPECT_EQ(count_rows("users"), 0);
  EXPECT_EQ(count_rows("audit_log"), 0);
}

TEST_P(StoreTest, ConcurrentWritersAllLandAndTheChainStaysIntact) {
  constexpr int kThreads = 3;
  constexpr int kUsersPerThread = 20;
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < kUsersPerThread; ++i) {
        try {
          add_test_user("writer" + std::to_string(t) + ".user" + std::to_string(i));
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& writer : writers) writer.join();

  EXPECT_EQ(failures, 0);
  EXPECT_EQ(count_rows("users"), kThreads * kUsersPerThread);
  in_transaction(*store_, [&](Transaction& tx) {
    const auto verification = verify_audit_log(tx);
    EXPECT_TRUE(verification.ok()) << verification.problems.front().detail;
    EXPECT_EQ(verification.records_checked, kThreads * kUsersPerThread);
  });
}

TEST_P(StoreTest, TwoOpenTransactionsOnTwoThreadsBothCommit) {
  // The second begin() must get its own connection while the first is still leased.
  auto first = store_->begin();
  add_user(*first, {"first.writer", "", "", "$argon2id$x", {}}, "test");
  std::thread second([&] { add_test_user("second.writer"); });
  first->commit();
  second.join();
  EXPECT_EQ(count_rows("users"), 2);
}

// PostgreSQL turns COMMIT after a failed statement into a silent ROLLBACK; the store says so.
TEST(PostgresTransaction, CommitAfterAFailedStatementIsRefused) {
  std::unique_ptr<TestDatabase> database;
  try {
    database = std::make_unique<TestDatabase>(Backend::postgres);
  } catch (const std::exception& e) {
    GTEST_FAIL() << e.what();
  }
  auto store = open_store(database->url());
  store->migrate();
  auto tx = store->begin();
  add_user(*tx, {"lost.write", "", "", "$argon2id$x", {}}, "test");
  EXPECT_THROW(tx->sql() << "SELECT no_such_column FROM users", soci::soci_error);
  EXPECT_THROW(tx->commit(), StoreError);
  tx.reset();
  in_transaction(*store, [&](Transaction& check) {
    EXPECT_FALSE(find_user_by_username(check, "lost.write"));
  });
}

}  // namespace
}  // namespace bsap::store::testing
