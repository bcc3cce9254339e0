// core/crypto.h and core/password.h (owned with the store; tests/core belongs to another module).
#include <gtest/gtest.h>

#include "core/crypto.h"
#include "core/password.h"

namespace bsap {
namespace {

TEST(Sha256Hex, MatchesTheFips180Example) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(RandomToken, IsUrlSafeOfTheExpectedLengthAndNeverRepeats) {
  const auto token = random_token(32);
  EXPECT_EQ(token.size(), 43u);  // 32 bytes in base64 without padding
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
  EXPECT_NE(random_token(32), token);
}

TEST(Password, HashIsArgon2idAndVerifiesOnlyTheSamePassword) {
  const auto hash = hash_password("correct horse battery 馬");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(hash, "correct horse battery 馬"));
  EXPECT_FALSE(verify_password(hash, "correct horse battery"));
}

TEST(Password, SamePasswordHashesDifferentlyEachTime) {
  EXPECT_NE(hash_password("twelve chars!"), hash_password("twelve chars!"));
}

TEST(Password, MalformedHashDoesNotVerify) {
  EXPECT_FALSE(verify_password("", "anything"));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "anything"));
  EXPECT_FALSE(verify_password(std::string(500, 'x'), "anything"));
}

}  // namespace
}  // namespace bsap
