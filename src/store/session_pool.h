// A small pool of database connections shared by the threads of one process. Connections open
// lazily up to a limit, so the CLI holds one and a busy server at most `capacity`; a thread that
// finds every connection leased waits for one to come back.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace soci {
class session;
}

namespace bsap::store {

class SessionPool {
 public:
  using Connect = std::function<std::unique_ptr<soci::session>()>;

  // A connection on loan; it goes back to the pool when the lease ends.
  class Lease {
   public:
    Lease(SessionPool& pool, std::unique_ptr<soci::session> session);
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    soci::session& session() { return *session_; }
    // Closes the connection instead of returning it: after a failed rollback its state is unknown.
    void discard();

   private:
    SessionPool* pool_;
    std::unique_ptr<soci::session> session_;
  };

  SessionPool(std::size_t capacity, Connect connect);
  ~SessionPool();
  SessionPool(const SessionPool&) = delete;
  SessionPool& operator=(const SessionPool&) = delete;

  // An idle connection, a new one if fewer than capacity are open, or else the next returned.
  Lease acquire();

 private:
  void give_back(std::unique_ptr<soci::session> session);

  const std::size_t capacity_;
  const Connect connect_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<soci::session>> idle_;
  std::size_t open_ = 0;
};

}  // namespace bsap::store
