// The unpacked columns of the hub's blocks that this process has read, shared by its connections
// (decision 0013 §13). A block never changes once written, and each is stamped with a random
// nonce when it is written, so a column found under its block's nonce is the column as stored:
// a block written by a transaction that rolled back, whose id a later block takes again, has
// another nonce. Bounded: past its byte budget the columns cached first are dropped first.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "store/packed_column.h"

namespace bsap::store {

class PackedColumnCache {
 public:
  explicit PackedColumnCache(std::size_t budget_bytes) : budget_(budget_bytes) {}

  using Key = std::pair<std::int64_t, int>;  // the block's nonce, the column's number
  std::shared_ptr<const PackedColumn> find(Key key) const;
  void add(Key key, std::shared_ptr<const PackedColumn> column);
  std::size_t bytes() const;

  // The process's own.
  static PackedColumnCache& shared();

 private:
  std::size_t budget_;
  mutable std::mutex mutex_;
  std::map<Key, std::shared_ptr<const PackedColumn>> columns_;
  std::deque<Key> order_;  // oldest first
  std::size_t bytes_ = 0;
};

}  // namespace bsap::store
