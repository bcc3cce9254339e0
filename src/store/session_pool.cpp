#include "store/session_pool.h"

#include <soci/soci.h>

namespace bsap::store {

SessionPool::Lease::Lease(SessionPool& pool, std::unique_ptr<soci::session> session)
    : pool_(&pool), session_(std::move(session)) {}

SessionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), session_(std::move(other.session_)) {}

SessionPool::Lease::~Lease() {
  if (session_) pool_->give_back(std::move(session_));
}

void SessionPool::Lease::discard() {
  if (!session_) return;
  session_.reset();
  pool_->give_back(nullptr);
}

SessionPool::SessionPool(std::size_t capacity, Connect connect)
    : capacity_(capacity), connect_(std::move(connect)) {}

SessionPool::~SessionPool() = default;

SessionPool::Lease SessionPool::acquire() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [this] { return !idle_.empty() || open_ < capacity_; });
  if (!idle_.empty()) {
    auto session = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(session));
  }
  ++open_;  // reserve the slot, then connect without holding the lock
  lock.unlock();
  try {
    return Lease(*this, connect_());
  } catch (...) {
    give_back(nullptr);
    throw;
  }
}

// nullptr gives back the slot of a connection that was closed or never opened.
void SessionPool::give_back(std::unique_ptr<soci::session> session) {
  {
    std::lock_guard lock(mutex_);
    if (session)
      idle_.push_back(std::move(session));
    else
      --open_;
  }
  returned_.notify_one();
}

}  // namespace bsap::store
