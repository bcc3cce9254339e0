// The dashboard's content cache: an entry serves only the version of the data it was built from,
// so a change (a new audit record) is shown on the next request.
#include "web/content_cache.h"

#include <gtest/gtest.h>

namespace bsap::web {
namespace {

TEST(ContentCache, ServesAnEntryOnlyAtTheVersionItWasBuiltFrom) {
  ContentCache cache;
  EXPECT_FALSE(cache.find("en/2026", 7).has_value());
  cache.put("en/2026", 7, "<p>seven</p>");
  EXPECT_EQ(cache.find("en/2026", 7).value_or(""), "<p>seven</p>");
  EXPECT_FALSE(cache.find("en/2026", 8).has_value());  // the data changed since
  EXPECT_FALSE(cache.find("zh/2026", 7).has_value());  // another language
  cache.put("en/2026", 8, "<p>eight</p>");
  EXPECT_EQ(cache.find("en/2026", 8).value_or(""), "<p>eight</p>");
  EXPECT_FALSE(cache.find("en/2026", 7).has_value());
}

TEST(ContentCache, ASlowBuildFromOlderDataDoesNotReplaceANewerEntry) {
  ContentCache cache;
  cache.put("en/2026", 9, "<p>nine</p>");
  cache.put("en/2026", 8, "<p>eight</p>");
  EXPECT_EQ(cache.find("en/2026", 9).value_or(""), "<p>nine</p>");
}

}  // namespace
}  // namespace bsap::web
