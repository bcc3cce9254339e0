#include "store/session_repo.h"

#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

SessionRecord session(const std::string& token_hash, std::int64_t user_id,
                      std::int64_t expires_at) {
  return {token_hash, user_id, "csrf-" + token_hash, 1'700'000'000, expires_at};
}

TEST_P(StoreTest, SessionIsFoundByItsTokenHashUntilDeleted) {
  const auto user_id = add_test_user("session.owner");
  in_transaction(*store_, [&](Transaction& tx) {
    insert_session(tx, session("hash-1", user_id, 1'700'003'600));
  });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto found = find_session(tx, "hash-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, user_id);
    EXPECT_EQ(found->csrf_token, "csrf-hash-1");
    EXPECT_EQ(found->created_at, 1'700'000'000);
    EXPECT_EQ(found->expires_at, 1'700'003'600);
    EXPECT_FALSE(find_session(tx, "hash-2"));
  });
  in_transaction(*store_, [&](Transaction& tx) { delete_session(tx, "hash-1"); });
  in_transaction(*store_, [&](Transaction& tx) { EXPECT_FALSE(find_session(tx, "hash-1")); });
}

TEST_P(StoreTest, AnonymousSessionKeepsUserIdZero) {
  in_transaction(*store_, [&](Transaction& tx) { insert_session(tx, session("anon", 0, 10)); });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto found = find_session(tx, "anon");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, 0);
  });
}

TEST_P(StoreTest, SessionOfAnUnknownUserIsRefused) {
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { insert_session(tx, session("x", 77, 10)); }),
      StoreError);
}

TEST_P(StoreTest, ExpiredSessionsAreRemovedAndCounted) {
  in_transaction(*store_, [&](Transaction& tx) {
    insert_session(tx, session("expired-1", 0, 100));
    insert_session(tx, session("expires-now", 0, 200));
    insert_session(tx, session("live", 0, 300));
  });
  int removed = 0;
  in_transaction(*store_, [&](Transaction& tx) { removed = delete_expired_sessions(tx, 200); });
  EXPECT_EQ(removed, 2);
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_TRUE(find_session(tx, "live"));
    EXPECT_FALSE(find_session(tx, "expires-now"));
  });
}

}  // namespace
}  // namespace bsap::store::testing
