// The record keys an import has seen, to find a row whose key an earlier row had (a dataset holds
// a record once). A million keys of a dozen bytes each: kept in large blocks of text with an
// open-addressing table of their places, rather than as a million strings in a node each, which
// costs a few times the memory and an allocation a key.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace bsap::hub {

class RecordKeySet {
 public:
  // True when `key` is new (it is then kept); false when it was seen before.
  bool insert(std::string_view key);
  // Inserts each key in turn as insert() does, and appends to `repeated` the position of each one
  // seen before (an earlier key of `keys` included). Faster for many keys: a key's slot is
  // fetched from memory while those before it are inserted, and a table of a million keys is
  // far larger than the processor's caches.
  void insert_all(std::span<const std::string_view> keys, std::vector<std::size_t>& repeated);
  std::size_t size() const { return size_; }

 private:
  static std::uint32_t hash_of(std::string_view key);
  bool insert(std::string_view key, std::uint32_t hash);
  struct Slot {
    const char* text = nullptr;  // none: the slot is free
    std::uint32_t size = 0;
    std::uint32_t hash = 0;  // the key hash's low bits: most mismatches end here
  };
  const char* keep(std::string_view key);
  void grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::size_t size_ = 0;
  std::vector<std::uint32_t> hashes_;  // insert_all's, kept for its next call
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;  // where the last block's unused space starts
  std::size_t free_size_ = 0;
};

}  // namespace bsap::hub
