#include "store/packed_column_cache.h"

namespace bsap::store {

std::shared_ptr<const PackedColumn> PackedColumnCache::find(Key key) const {
  std::lock_guard lock(mutex_);
  auto found = columns_.find(key);
  return found == columns_.end() ? nullptr : found->second;
}

void PackedColumnCache::add(Key key, std::shared_ptr<const PackedColumn> column) {
  std::size_t size = column->memory_bytes();
  if (size > budget_) return;
  std::lock_guard lock(mutex_);
  if (!columns_.emplace(key, std::move(column)).second) return;
  order_.push_back(key);
  bytes_ += size;
  while (bytes_ > budget_) {
    auto oldest = columns_.find(order_.front());
    bytes_ -= oldest->second->memory_bytes();
    columns_.erase(oldest);
    order_.pop_front();
  }
}

std::size_t PackedColumnCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

PackedColumnCache& PackedColumnCache::shared() {
  // About twice the columns of a million records.
  static PackedColumnCache cache(512u << 20);
  return cache;
}

}  // namespace bsap::store
