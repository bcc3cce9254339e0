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
    blocks_.push_back(std::make_unique<char[]>(bytes));
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

bool RecordKeySet::insert(std::string_view key) {
  if (key.size() > UINT32_MAX) throw std::length_error("a record key of over 4 GB");
  if ((size_ + 1) * 2 > slots_.size()) grow();
  // A slot is found by the hash's low 32 bits, which grow() keeps: tables stay far below 2^32.
  const auto low = static_cast<std::uint32_t>(std::hash<std::string_view>{}(key));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = low & mask;; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (!slot.text) {
      slot = {keep(key), static_cast<std::uint32_t>(key.size()), low};
      ++size_;
      return true;
    }
    if (slot.hash == low && std::string_view(slot.text, slot.size) == key) return false;
  }
}

}  // namespace bsap::hub
