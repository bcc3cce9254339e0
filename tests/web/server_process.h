// The real `bsap serve` as a child process on a free loopback port, for tests that talk HTTP to
// it: on a temporary SQLite database of its own, or on a database the test made (any backend).
// It can be stopped gracefully or killed, and started again on the same database.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/role.h"
#include "store/store.h"

namespace bsap::test {

class ServerProcess {
 public:
  // Creates the temporary folder and database (migrated); the server is not started yet.
  ServerProcess();
  // Serves db_url, which the caller made and migrated; the temporary folder holds only the log.
  explicit ServerProcess(std::string db_url);
  ~ServerProcess();  // stops the server if running, removes the folder

  // Adds a user straight through the store, audited as "test".
  std::int64_t add_user(const std::string& username, const std::string& password,
                        const std::vector<Role>& roles, const std::string& display_name = "");

  // A suite signs in far more often than a person does, so its server has no per-client
  // budgets unless a test asks for them (rate_limit_test.cpp).
  static inline const std::vector<std::string> kNoRateLimits = {"--sign-in-per-minute", "0",
                                                                "--api-per-minute", "0"};

  // Starts `bsap serve --port 0 OPTIONS` and waits for its "listening" line. Returns false when
  // the program exited or stayed silent instead.
  bool start(const std::vector<std::string>& options = kNoRateLimits);
  unsigned short port() const { return port_; }
  // Sends SIGTERM and waits; returns the exit status (or -1 when killed by a signal).
  int terminate();
  // SIGKILL, as a crash or a power cut would end it; nothing is flushed or finished.
  void kill_now();
  pid_t pid() const { return pid_; }

  store::Store& store() { return *store_; }
  // What the server printed, across every start.
  std::string server_output() const;

 private:
  std::filesystem::path dir_;
  std::string db_url_;
  std::unique_ptr<store::Store> store_;
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

}  // namespace bsap::test
