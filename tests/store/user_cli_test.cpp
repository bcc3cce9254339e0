// `bsap user ...` and `bsap migrate`, the real program against a real database on each backend.
#include <gmock/gmock.h>

#include "core/password.h"
#include "store/migrations.h"
#include "store/user_repo.h"
#include "store_test_fixture.h"
#include "support/run_program.h"

namespace bsap::store::testing {
namespace {

using test_support::ProgramResult;
using test_support::run_bsap;

using ::testing::HasSubstr;

constexpr const char* kPassword = "a long enough passphrase\n";

ProgramResult bsap(const std::string& url, std::vector<std::string> args,
                   const std::string& stdin_text = "") {
  args.insert(args.begin(), {"--db", url});
  return run_bsap(args, stdin_text);
}

TEST_P(StoreTest, MigrateReportsTheSchemaVersion) {
  const auto result = bsap(database_->url(), {"migrate"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "migrate: 0 migration(s) applied; schema version " +
                            std::to_string(migrations().back().version) + "\n");
}

TEST_P(StoreTest, UserAddStoresAnArgon2idHashOfThePasswordFromStdin) {
  const auto result =
      bsap(database_->url(),
           {"user", "add", "chan.tai.man", "--role", "secretariat", "--role", "administrator",
            "--display-name", "陳大文", "--email", "chan@example.gov.hk", "--password-stdin"},
           kPassword);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "user 1 (chan.tai.man) added\n");

  in_transaction(*store_, [&](Transaction& tx) {
    const auto user = find_user_by_username(tx, "chan.tai.man");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->display_name, "陳大文");
    EXPECT_EQ(user->email, "chan@example.gov.hk");
    EXPECT_EQ(user->roles, (std::vector<Role>{Role::secretariat, Role::administrator}));
    EXPECT_TRUE(verify_password(user->password_hash, "a long enough passphrase"));
  });
}

TEST_P(StoreTest, UserAddRefusesAPasswordUnderTwelveCharacters) {
  const auto result =
      bsap(database_->url(), {"user", "add", "wong", "--role", "applicant", "--password-stdin"},
           "elevenchars\n");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("at least 12 characters"));
  EXPECT_EQ(count_rows("users"), 0);
}

TEST_P(StoreTest, UserAddWithAnUnknownRoleListsTheValidOnes) {
  const auto result = bsap(
      database_->url(), {"user", "add", "wong", "--role", "boss", "--password-stdin"}, kPassword);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("unknown role \"boss\""));
  EXPECT_THAT(result.err, HasSubstr("applicant, secretariat, assessment_panel"));
}

TEST_P(StoreTest, UserAddOfATakenUsernameSaysSo) {
  add_test_user("lee");
  const auto result =
      bsap(database_->url(), {"user", "add", "lee", "--role", "applicant", "--password-stdin"},
           kPassword);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("\"lee\" already exists"));
}

TEST_P(StoreTest, UserListShowsRolesAndDisableAndEnableChangeIt) {
  add_test_user("ho.wai", {Role::committee, Role::focal_point});
  ASSERT_EQ(bsap(database_->url(), {"user", "disable", "ho.wai"}).exit_code, 0);
  auto listed = bsap(database_->url(), {"user", "list"});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out,
            "ID  USERNAME  ROLES                  DISABLED\n"
            "1   ho.wai    committee,focal_point  yes\n");

  ASSERT_EQ(bsap(database_->url(), {"user", "enable", "ho.wai"}).exit_code, 0);
  EXPECT_THAT(bsap(database_->url(), {"user", "list"}).out, HasSubstr("focal_point  no\n"));
}

TEST_P(StoreTest, UserDisableOfAnUnknownUserSaysSo) {
  const auto result = bsap(database_->url(), {"user", "disable", "nobody"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("no user named \"nobody\""));
}

}  // namespace
}  // namespace bsap::store::testing
