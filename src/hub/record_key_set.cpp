#include "hub/record_key_set.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace bsap::hub {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

}  // namespace

const char* RecordKeySet::keep(std::string_view key) {
  if (key.size() > free_size_ || !free_) {  // an empty key too needs a place that is not null
    std::size_t bytes = std::max(kBlockBytes, key.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(bytes));
    free_ = blocks_.back().get(), free_size_ = bytes;
  }
  char* text = free_;
  if (!key.empty()) std::memcpy(text, key.data(), key.size());
  free_ += key.size(), free_size_ -= key.size();
  return text;
}

void RecordKeySet::grow() {
  std::vector<Slot> old(slots_.empty() ? 1024 : slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (!slot.text) continue;
    std::size_t at = slot.hash & mask;
    while (slots_[at].text) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

// A slot is found by the hash's low 32 bits, which grow() keeps: tables stay far below 2^32.
std::uint32_t RecordKeySet::hash_of(std::string_view key) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(key));
}

bool RecordKeySet::insert(std::string_view key) { return insert(key, hash_of(key)); }

bool RecordKeySet::insert(std::string_view key, std::uint32_t hash) {
  if (key.size() > UINT32_MAX) throw std::length_error("a record key of over 4 GB");
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (!slot.text) {
      slot = {keep(key), static_cast<std::uint32_t>(key.size()), hash};
      ++size_;
      return true;
    }
    if (slot.hash == hash && std::string_view(slot.text, slot.size) == key) return false;
  }
}

void RecordKeySet::insert_all(std::span<const std::string_view> keys,
                              std::vector<std::size_t>& repeated) {
  constexpr std::size_t kAhead = 16;  // keys whose slots are on their way from memory
  hashes_.resize(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) hashes_[i] = hash_of(keys[i]);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i + kAhead < keys.size() && !slots_.empty())
      __builtin_prefetch(&slots_[hashes_[i + kAhead] & (slots_.size() - 1)]);
    if (!insert(keys[i], hashes_[i])) repeated.push_back(i);
  }
}

}  // namespace bsap::hub
