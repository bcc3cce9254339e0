// The import's set of record keys seen: a key is new once, whatever its length or bytes, across
// the table's growth and the text blocks' ends.
#include "hub/record_key_set.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace bsap::hub {
namespace {

TEST(RecordKeySet, AKeyIsNewOnceOnly) {
  RecordKeySet keys;
  EXPECT_TRUE(keys.insert("HKBIO-1"));
  EXPECT_FALSE(keys.insert("HKBIO-1"));
  EXPECT_TRUE(keys.insert("HKBIO-10"));  // the first key is a prefix of it
  EXPECT_TRUE(keys.insert("HKBIO-"));    // and it a prefix of the first
  EXPECT_TRUE(keys.insert("hkbio-1"));   // case counts
  EXPECT_TRUE(keys.insert("HKBIO-1 "));  // so does a blank
  EXPECT_FALSE(keys.insert("HKBIO-10"));
  EXPECT_EQ(keys.size(), 5u);
}

TEST(RecordKeySet, TheEmptyKeyAndKeysWithNulBytes) {
  RecordKeySet keys;
  EXPECT_TRUE(keys.insert(""));
  EXPECT_FALSE(keys.insert(""));
  EXPECT_TRUE(keys.insert(std::string("a\0b", 3)));
  EXPECT_TRUE(keys.insert(std::string("a\0c", 3)));
  EXPECT_TRUE(keys.insert("a"));
  EXPECT_FALSE(keys.insert(std::string("a\0b", 3)));
  EXPECT_EQ(keys.size(), 4u);
}

TEST(RecordKeySet, HundredsOfThousandsOfKeysThroughEveryGrowth) {
  RecordKeySet keys;
  constexpr int kKeys = 300'000;  // the table doubles from 1,024 slots nine times
  for (int i = 0; i < kKeys; ++i) ASSERT_TRUE(keys.insert("urn:hk:" + std::to_string(i))) << i;
  for (int i = 0; i < kKeys; ++i) ASSERT_FALSE(keys.insert("urn:hk:" + std::to_string(i))) << i;
  EXPECT_TRUE(keys.insert("urn:hk:" + std::to_string(kKeys)));
  EXPECT_TRUE(keys.insert("urn:hk:-1"));
  EXPECT_EQ(keys.size(), static_cast<std::size_t>(kKeys) + 2);
}

TEST(RecordKeySet, KeysLongerThanABlockAndAcrossBlockEnds) {
  RecordKeySet keys;
  const std::string huge(3 * 1024 * 1024, 'k');  // longer than a block of 1 MB
  EXPECT_TRUE(keys.insert(huge));
  // Keys of 1,000 bytes: the 1,049th ends past the first block's end and starts a new one.
  for (int i = 0; i < 3000; ++i)
    ASSERT_TRUE(keys.insert(std::string(990, 'x') + std::to_string(1'000'000'000 + i))) << i;
  EXPECT_FALSE(keys.insert(huge));
  EXPECT_TRUE(keys.insert(huge + "k"));
  EXPECT_TRUE(keys.insert(huge.substr(1)));
  for (int i = 0; i < 3000; ++i)
    ASSERT_FALSE(keys.insert(std::string(990, 'x') + std::to_string(1'000'000'000 + i))) << i;
}

// Many keys at once, as an import inserts a batch: the same answers as one insert() after another,
// repeats within the call and against earlier calls alike.
TEST(RecordKeySet, InsertAllAnswersAsInsertDoesKeyByKey) {
  RecordKeySet all, one_by_one;
  std::vector<std::string> texts;
  for (int i = 0; i < 50'000; ++i) texts.push_back("k" + std::to_string((i * 7919) % 30'011));
  std::size_t start = 0;
  for (std::size_t count : {0u, 1u, 17u, 10'000u, 39'982u}) {  // batches of every size, to 50,000
    std::vector<std::string_view> keys(texts.begin() + static_cast<long>(start),
                                       texts.begin() + static_cast<long>(start + count));
    std::vector<std::size_t> repeated{99};  // appended to, not replaced
    all.insert_all(keys, repeated);
    std::vector<std::size_t> expected{99};
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (!one_by_one.insert(keys[i])) expected.push_back(i);
    EXPECT_EQ(repeated, expected) << count;
    start += count;
  }
  EXPECT_EQ(start, texts.size());
  EXPECT_EQ(all.size(), 30'011u);
  EXPECT_EQ(all.size(), one_by_one.size());
}

}  // namespace
}  // namespace bsap::hub
