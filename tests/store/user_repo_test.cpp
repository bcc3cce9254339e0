#include "store/user_repo.h"

#include <gmock/gmock.h>

#include "store/audit_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<AuditRecord> audit_log(Store& store) {
  std::vector<AuditRecord> records;
  in_transaction(store, [&](Transaction& tx) { records = load_audit_log(tx); });
  return records;
}

TEST_P(StoreTest, AddedUserIsFoundByIdAndByUsername) {
  const auto id = add_test_user("chan.tai.man", {Role::committee, Role::applicant});
  in_transaction(*store_, [&](Transaction& tx) {
    auto by_id = find_user(tx, id);
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->username, "chan.tai.man");
    EXPECT_EQ(by_id->email, "chan.tai.man@example.org");
    EXPECT_EQ(by_id->password_hash, "$argon2id$placeholder");
    EXPECT_THAT(by_id->roles, ElementsAre(Role::applicant, Role::committee));
    EXPECT_FALSE(by_id->disabled);
    EXPECT_EQ(by_id->created_at.back(), 'Z');

    auto by_name = find_user_by_username(tx, "chan.tai.man");
    ASSERT_TRUE(by_name);
    EXPECT_EQ(by_name->id, id);
    EXPECT_FALSE(find_user_by_username(tx, "nobody"));
    EXPECT_FALSE(find_user(tx, id + 100));
  });
}

TEST_P(StoreTest, AddingAUserWritesOneAuditRecordWithoutThePasswordHash) {
  const auto id = add_test_user("wong.siu.ming");
  const auto records = audit_log(*store_);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].seq, 1);
  EXPECT_EQ(records[0].actor, "test");
  EXPECT_EQ(records[0].entity, "user");
  EXPECT_EQ(records[0].entity_id, std::to_string(id));
  EXPECT_EQ(records[0].action, "create");
  EXPECT_EQ(records[0].before_json, "null");
  EXPECT_THAT(records[0].after_json, HasSubstr("\"username\":\"wong.siu.ming\""));
  EXPECT_THAT(records[0].after_json, ::testing::Not(HasSubstr("argon2id")));
  EXPECT_EQ(records[0].prev_hash, genesis_hash());
}

TEST_P(StoreTest, DuplicateUsernameIsRefusedAndLeavesNoTrace) {
  add_test_user("lee.ka.yan");
  try {
    add_test_user("lee.ka.yan");
    FAIL() << "a second user with the same name was added";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("already taken"));
  }
  EXPECT_EQ(count_rows("users"), 1);
  EXPECT_EQ(count_rows("audit_log"), 1);
}

TEST_P(StoreTest, ListedUsersComeInIdOrderWithTheirRoles) {
  add_test_user("a.user", {Role::administrator});
  add_test_user("b.user", {Role::focal_point, Role::secretariat});
  add_test_user("c.user", {});
  std::vector<User> users;
  in_transaction(*store_, [&](Transaction& tx) { users = list_users(tx); });
  ASSERT_EQ(users.size(), 3u);
  EXPECT_EQ(users[0].username, "a.user");
  EXPECT_THAT(users[0].roles, ElementsAre(Role::administrator));
  EXPECT_THAT(users[1].roles, ElementsAre(Role::secretariat, Role::focal_point));
  EXPECT_TRUE(users[2].roles.empty());
}

TEST_P(StoreTest, DisableAndEnableAreAuditedWithBeforeAndAfter) {
  const auto id = add_test_user("ho.wai");
  in_transaction(*store_, [&](Transaction& tx) { set_user_disabled(tx, id, true, "admin"); });
  in_transaction(*store_, [&](Transaction& tx) { EXPECT_TRUE(find_user(tx, id)->disabled); });
  in_transaction(*store_, [&](Transaction& tx) { set_user_disabled(tx, id, false, "admin"); });
  in_transaction(*store_, [&](Transaction& tx) { EXPECT_FALSE(find_user(tx, id)->disabled); });

  const auto records = audit_log(*store_);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].action, "disable");
  EXPECT_EQ(records[1].actor, "admin");
  EXPECT_EQ(records[1].before_json, R"({"disabled":false})");
  EXPECT_EQ(records[1].after_json, R"({"disabled":true})");
  EXPECT_EQ(records[2].action, "enable");
}

TEST_P(StoreTest, RolesAreReplacedAndAudited) {
  const auto id = add_test_user("cheung.mei", {Role::applicant});
  in_transaction(*store_, [&](Transaction& tx) {
    set_user_roles(tx, id, {Role::assessment_panel, Role::approval_panel}, "admin");
  });
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_THAT(find_user(tx, id)->roles,
                ElementsAre(Role::assessment_panel, Role::approval_panel));
  });
  const auto records = audit_log(*store_);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].action, "set_roles");
  EXPECT_EQ(records[1].before_json, R"({"roles":["applicant"]})");
  EXPECT_EQ(records[1].after_json, R"({"roles":["assessment_panel","approval_panel"]})");
}

TEST_P(StoreTest, PasswordChangeIsAuditedWithoutEitherHash) {
  const auto id = add_test_user("lam.chi");
  in_transaction(*store_,
                 [&](Transaction& tx) { set_password_hash(tx, id, "$argon2id$new", "lam.chi"); });
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(find_user(tx, id)->password_hash, "$argon2id$new");
  });
  const auto records = audit_log(*store_);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].action, "set_password");
  EXPECT_THAT(records[1].after_json, ::testing::Not(HasSubstr("argon2id")));
}

TEST_P(StoreTest, LoginFailuresLockOutAndSuccessResetsThem) {
  const auto id = add_test_user("ng.ka.lok");
  in_transaction(*store_, [&](Transaction& tx) { record_login_failure(tx, id, 1, 0); });
  in_transaction(*store_, [&](Transaction& tx) { record_login_failure(tx, id, 5, 1'900'000'000); });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto user = find_user(tx, id);
    EXPECT_EQ(user->failed_logins, 5);
    EXPECT_EQ(user->locked_until, 1'900'000'000);
  });
  in_transaction(*store_, [&](Transaction& tx) { record_login_success(tx, id); });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto user = find_user(tx, id);
    EXPECT_EQ(user->failed_logins, 0);
    EXPECT_EQ(user->locked_until, 0);
  });

  const auto records = audit_log(*store_);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1].action, "login_failed");
  EXPECT_EQ(records[2].action, "locked");
  EXPECT_EQ(records[2].after_json, R"({"failed_logins":5,"locked_until":1900000000})");
  EXPECT_EQ(records[3].action, "login");
  EXPECT_EQ(records[3].actor, "ng.ka.lok");
}

TEST_P(StoreTest, ChangingAnUnknownUserIsAStoreError) {
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { set_user_disabled(tx, 42, true, "admin"); }),
      StoreError);
}

TEST_P(StoreTest, AUsersLanguageIsTraditionalChineseUntilChangedAndTheChangeIsAudited) {
  const auto id = add_test_user("lam", {Role::assessment_panel});
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(find_user(tx, id)->language, "zh-Hant");
    set_user_language(tx, id, "en", "admin");
  });
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(find_user(tx, id)->language, "en");
    EXPECT_EQ(find_user_by_username(tx, "lam")->language, "en");
    EXPECT_EQ(list_users(tx).back().language, "en");
  });
  const auto records = audit_log(*store_);
  EXPECT_EQ(records.back().actor, "admin");
  EXPECT_EQ(records.back().action, "set_language");
  EXPECT_EQ(records.back().before_json, R"({"language":"zh-Hant"})");
  EXPECT_EQ(records.back().after_json, R"({"language":"en"})");

  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { set_user_language(tx, id, "fr", "admin"); }),
      StoreError);
  EXPECT_THROW(
      in_transaction(*store_,
                     [&](Transaction& tx) { set_user_language(tx, id + 100, "zh-Hans", "admin"); }),
      StoreError);
  in_transaction(*store_, [&](Transaction& tx) { EXPECT_EQ(find_user(tx, id)->language, "en"); });
}

}  // namespace
}  // namespace bsap::store::testing
