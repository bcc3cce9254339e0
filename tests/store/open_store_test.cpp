#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store.h"

namespace bsap::store {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

std::string open_error(const std::string& url) {
  try {
    open_store(url);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(opened)";
}

TEST(OpenStore, UnknownSchemeSaysWhichUrlsAreAccepted) {
  EXPECT_THAT(open_error("mysql://root:secret@db/bsap"),
              AllOf(HasSubstr("sqlite:PATH"), HasSubstr("postgresql://"),
                    ::testing::Not(HasSubstr("secret"))));
}

TEST(OpenStore, SqliteUrlWithoutPathIsRefused) {
  EXPECT_THAT(open_error("sqlite:"), HasSubstr("no path"));
}

TEST(OpenStore, InMemorySqliteIsRefused) {
  EXPECT_THAT(open_error("sqlite::memory:"), HasSubstr("in-memory"));
}

TEST(OpenStore, UnreachablePostgresNamesHostAndPort) {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  EXPECT_THAT(open_error("postgresql://bsap@127.0.0.1:1/bsap"),
              AllOf(HasSubstr("127.0.0.1:1"), HasSubstr("database bsap")));
}

}  // namespace
}  // namespace bsap::store
